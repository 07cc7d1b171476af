import { renderMarkdown } from "../core/markdown.ts";
import type { CitationWithFreshness } from "../positions/position-citation.service.ts";
import { cleanedSource } from "../positions/citation-source.ts";
import type { PositionCitation } from "../positions/position-citation.ts";
import type { PositionPeople } from "../positions/position-people.ts";
import type { PositionDetail, PositionListItem } from "../positions/position-view.service.ts";
import type { PositionRecord, PositionVersion } from "../positions/position.ts";
import type { PositionForumLink } from "../store/position.repository.ts";

/** Positions as the API answers them (positions.schemas.ts): Markdown beside its sanitised HTML, users as id, recorded label, display name and e-mail (position-people.ts). */

export function positionSummaryJson(position: PositionRecord, links: PositionForumLink, people: PositionPeople) {
  return {
    id: position.id,
    title: position.title,
    kind: position.kind,
    status: position.status,
    currentVersion: position.currentVersion,
    forumSession: links.forumSession,
    agendaItem: links.agendaItem,
    createdBy: people(position.createdBy, position.createdByLabel),
    createdAt: position.createdAt,
    updatedAt: position.updatedAt,
    lastEditedBy: people(position.lastEditedBy, position.lastEditedByLabel),
  };
}

export function positionListItemJson(item: PositionListItem) {
  return { ...positionSummaryJson(item.position, item.links, item.people), citationCount: item.citationCount };
}

export function versionMetaJson(version: PositionVersion, people: PositionPeople) {
  return {
    version: version.versionNumber,
    title: version.title,
    changedBy: people(version.changedBy, version.changedByLabel),
    changedAt: version.changedAt,
    note: version.note,
    statusResetFrom: version.statusResetFrom,
  };
}

export function versionTextJson(version: PositionVersion, people: PositionPeople) {
  return { ...versionMetaJson(version, people), markdown: version.markdown, html: renderMarkdown(version.markdown) };
}

export function citationJson(citation: PositionCitation, people: PositionPeople) {
  return {
    id: citation.id,
    label: citation.label,
    apiPath: citation.apiPath,
    pointer: citation.pointer,
    cited: {
      value: citation.value,
      valueText: citation.valueText,
      valueNumber: citation.valueNumber,
      asOf: citation.asOf,
      // Stored as a label since citations name no local path; cleaned again for any kept before.
      source: cleanedSource(citation.source),
      asOfPointer: citation.asOfPointer,
    },
    citedBy: people(citation.citedBy, citation.citedByLabel),
    citedAt: citation.citedAt,
    citedInVersion: citation.citedInVersion,
  };
}

function citationWithFreshnessJson({ citation, freshness }: CitationWithFreshness, people: PositionPeople) {
  return { ...citationJson(citation, people), freshness };
}

export function positionDetailJson(detail: PositionDetail) {
  return {
    ...positionSummaryJson(detail.position, detail.links, detail.people),
    text: versionTextJson(detail.version, detail.people),
    statusHistory: detail.statusHistory.map((s) => ({
      from: s.fromStatus,
      to: s.toStatus,
      version: s.versionNumber,
      changedBy: detail.people(s.changedBy, s.changedByLabel),
      changedAt: s.changedAt,
      reason: s.reason,
    })),
    transitions: [...detail.transitions],
    citations: detail.citations.map((c) => citationWithFreshnessJson(c, detail.people)),
  };
}
