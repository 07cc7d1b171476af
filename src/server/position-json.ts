import { renderMarkdown } from "../core/markdown.ts";
import type { CitationWithFreshness } from "../positions/position-citation.service.ts";
import type { PositionCitation } from "../positions/position-citation.ts";
import type { PositionDetail, PositionListItem } from "../positions/position-view.service.ts";
import type { PositionRecord, PositionVersion } from "../positions/position.ts";
import type { PositionForumLink } from "../store/position.repository.ts";

/** Positions as the API answers them (positions.schemas.ts): Markdown beside its sanitised HTML, users as id + label. */

export function positionSummaryJson(position: PositionRecord, links: PositionForumLink) {
  return {
    id: position.id,
    title: position.title,
    kind: position.kind,
    status: position.status,
    currentVersion: position.currentVersion,
    forumSession: links.forumSession,
    agendaItem: links.agendaItem,
    createdBy: { userId: position.createdBy, label: position.createdByLabel },
    createdAt: position.createdAt,
    updatedAt: position.updatedAt,
    lastEditedBy: { userId: position.lastEditedBy, label: position.lastEditedByLabel },
  };
}

export function positionListItemJson(item: PositionListItem) {
  return { ...positionSummaryJson(item.position, item.links), citationCount: item.citationCount };
}

export function versionMetaJson(version: PositionVersion) {
  return {
    version: version.versionNumber,
    title: version.title,
    changedBy: { userId: version.changedBy, label: version.changedByLabel },
    changedAt: version.changedAt,
    note: version.note,
    statusResetFrom: version.statusResetFrom,
  };
}

export function versionTextJson(version: PositionVersion) {
  return { ...versionMetaJson(version), markdown: version.markdown, html: renderMarkdown(version.markdown) };
}

export function citationJson(citation: PositionCitation) {
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
      source: citation.source,
      asOfPointer: citation.asOfPointer,
    },
    citedBy: { userId: citation.citedBy, label: citation.citedByLabel },
    citedAt: citation.citedAt,
    citedInVersion: citation.citedInVersion,
  };
}

function citationWithFreshnessJson({ citation, freshness }: CitationWithFreshness) {
  return { ...citationJson(citation), freshness };
}

export function positionDetailJson(detail: PositionDetail) {
  return {
    ...positionSummaryJson(detail.position, detail.links),
    text: versionTextJson(detail.version),
    statusHistory: detail.statusHistory.map((s) => ({
      from: s.fromStatus,
      to: s.toStatus,
      version: s.versionNumber,
      changedBy: { userId: s.changedBy, label: s.changedByLabel },
      changedAt: s.changedAt,
      reason: s.reason,
    })),
    transitions: [...detail.transitions],
    citations: detail.citations.map(citationWithFreshnessJson),
  };
}
