import type { Kysely } from "kysely";
import { NotFoundError } from "../core/concord-error.ts";
import { countPositionCitations } from "../store/position-citation.repository.ts";
import { findAgendaItemRef, findForumSessionRef, findPosition, findPositionVersion, listPositionStatusChanges, listPositions } from "../store/position.repository.ts";
import type { PositionFilter, PositionForumLink } from "../store/position.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { availableTransitions } from "./clearance-workflow.ts";
import type { ClearanceAction } from "./clearance-workflow.ts";
import type { EvidenceResolver } from "./evidence-resolver.ts";
import { loadCitationsWithFreshness } from "./position-citation.service.ts";
import type { CitationWithFreshness } from "./position-citation.service.ts";
import { loadPositionPeople } from "./position-people.ts";
import type { PositionPeople } from "./position-people.ts";
import type { ClearanceStatus, PositionActor, PositionRecord, PositionStatusChange, PositionVersion } from "./position.ts";

/** Reading positions: the filtered list, and one position with its text, links, clearance history and cited figures. */

export interface PositionListItem {
  readonly position: PositionRecord;
  readonly links: PositionForumLink;
  readonly citationCount: number;
  /** Names the author and last editor (shared by the items of one list). */
  readonly people: PositionPeople;
}

export async function listPositionItems(db: Kysely<StoreSchema>, filter: PositionFilter): Promise<PositionListItem[]> {
  const positions = await listPositions(db, filter);
  const counts = await countPositionCitations(db, positions.map((p) => p.id));
  const links = await loadLinks(db, positions);
  const people = await loadPositionPeople(db, positions.flatMap((p) => [p.createdBy, p.lastEditedBy]));
  return positions.map((position) => ({ position, links: links(position), citationCount: counts.get(position.id) ?? 0, people }));
}

/** The session and agenda-item references of a set of positions, each read once. */
async function loadLinks(db: Kysely<StoreSchema>, positions: readonly PositionRecord[]): Promise<(position: PositionRecord) => PositionForumLink> {
  const sessionIds = [...new Set(positions.map((p) => p.forumSessionId).filter((id): id is number => id !== null))];
  const itemIds = [...new Set(positions.map((p) => p.agendaItemId).filter((id): id is number => id !== null))];
  const sessions = new Map(await Promise.all(sessionIds.map(async (id) => [id, await findForumSessionRef(db, id)] as const)));
  const items = new Map(await Promise.all(itemIds.map(async (id) => [id, await findAgendaItemRef(db, id)] as const)));
  return (position) => ({
    forumSession: position.forumSessionId === null ? null : (sessions.get(position.forumSessionId) ?? null),
    agendaItem: position.agendaItemId === null ? null : (items.get(position.agendaItemId) ?? null),
  });
}

export interface PositionDetail {
  readonly position: PositionRecord;
  readonly version: PositionVersion;
  readonly links: PositionForumLink;
  readonly statusHistory: readonly PositionStatusChange[];
  /** The steps out of the current status, each with whether the reader may take it now (and why not). */
  readonly transitions: readonly { readonly to: ClearanceStatus; readonly action: ClearanceAction; readonly allowed: boolean; readonly reason: string | null }[];
  readonly citations: readonly CitationWithFreshness[];
  /** Names everyone the detail mentions: author, editors, clearers, citers. */
  readonly people: PositionPeople;
}

export async function loadPositionDetail(db: Kysely<StoreSchema>, positionId: number, resolve: EvidenceResolver, reader: PositionActor): Promise<PositionDetail> {
  const position = await findPosition(db, positionId);
  if (position === null) throw new NotFoundError("position", `no position ${positionId}`);
  const [version, statusHistory, links, citations] = await Promise.all([
    findPositionVersion(db, positionId, position.currentVersion),
    listPositionStatusChanges(db, positionId),
    loadLinks(db, [position]),
    loadCitationsWithFreshness(db, positionId, resolve),
  ]);
  if (version === null) throw new Error(`position ${positionId} has no version ${position.currentVersion}`);
  const people = await loadPositionPeople(db, [position.createdBy, position.lastEditedBy, version.changedBy, ...statusHistory.map((s) => s.changedBy), ...citations.map((c) => c.citation.citedBy)]);
  return { position, version, links: links(position), statusHistory, transitions: availableTransitions(position, reader), citations, people };
}
