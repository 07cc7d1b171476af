import type { Kysely, Selectable, Transaction } from "kysely";
import type { ClearanceStatus, PositionKind, PositionRecord, PositionStatusChange, PositionVersion } from "../positions/position.ts";
import type { StoreSchema } from "./schema.ts";
import type { PositionStatusChangeTable, PositionTable, PositionVersionTable } from "./schema-positions.ts";

/**
 * Positions, their versions and their clearance steps. Versions and status changes are only ever inserted; a position
 * row moves forward only with a compare-and-set on its current version or status, so two concurrent writers cannot
 * both win (the loser's update touches no row and the service answers 409).
 */
type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

export interface NewPosition {
  readonly title: string;
  readonly kind: PositionKind;
  readonly forumSessionId: number | null;
  readonly agendaItemId: number | null;
  readonly actorUserId: number | null;
  readonly actorLabel: string;
  readonly atIso: string;
}

/** Inserts a draft position at version 1 (the caller inserts that version); returns its id. */
export async function insertPosition(db: Db, position: NewPosition): Promise<number> {
  const row = await db
    .insertInto("positions")
    .values({
      title: position.title,
      kind: position.kind,
      forum_session_id: position.forumSessionId,
      agenda_item_id: position.agendaItemId,
      status: "draft",
      current_version: 1,
      last_edited_by: position.actorUserId,
      last_edited_by_label: position.actorLabel,
      created_by: position.actorUserId,
      created_by_label: position.actorLabel,
      created_at: position.atIso,
      updated_at: position.atIso,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPositionVersion(db: Db, version: PositionVersion): Promise<void> {
  await db
    .insertInto("position_versions")
    .values({
      position_id: version.positionId,
      version_number: version.versionNumber,
      title: version.title,
      body_markdown: version.markdown,
      changed_by: version.changedBy,
      changed_by_label: version.changedByLabel,
      changed_at: version.changedAt,
      change_note: version.note,
      status_reset_from: version.statusResetFrom,
    })
    .execute();
}

export interface PositionContentUpdate {
  readonly fromVersion: number;
  readonly toVersion: number;
  /** The status before the write (compare-and-set) and after it. */
  readonly fromStatus: ClearanceStatus;
  readonly toStatus: ClearanceStatus;
  readonly title: string;
  readonly forumSessionId: number | null;
  readonly agendaItemId: number | null;
  readonly actorUserId: number | null;
  readonly actorLabel: string;
  readonly atIso: string;
}

/** Moves a position to a new version (or only marks a content change, when the versions are equal); false when the stored version or status was no longer the expected one. */
export async function updatePositionContent(db: Db, id: number, update: PositionContentUpdate): Promise<boolean> {
  const result = await db
    .updateTable("positions")
    .set({
      title: update.title,
      forum_session_id: update.forumSessionId,
      agenda_item_id: update.agendaItemId,
      current_version: update.toVersion,
      status: update.toStatus,
      last_edited_by: update.actorUserId,
      last_edited_by_label: update.actorLabel,
      updated_at: update.atIso,
    })
    .where("id", "=", id)
    .where("current_version", "=", update.fromVersion)
    .where("status", "=", update.fromStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets the status when it still is `from` at `version`; false otherwise. */
export async function updatePositionStatus(db: Db, id: number, expected: { readonly status: ClearanceStatus; readonly version: number }, to: ClearanceStatus, atIso: string): Promise<boolean> {
  const result = await db
    .updateTable("positions")
    .set({ status: to, updated_at: atIso })
    .where("id", "=", id)
    .where("status", "=", expected.status)
    .where("current_version", "=", expected.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertPositionStatusChange(db: Db, change: PositionStatusChange): Promise<void> {
  await db
    .insertInto("position_status_changes")
    .values({
      position_id: change.positionId,
      from_status: change.fromStatus,
      to_status: change.toStatus,
      version_number: change.versionNumber,
      changed_by: change.changedBy,
      changed_by_label: change.changedByLabel,
      changed_at: change.changedAt,
      reason: change.reason,
    })
    .execute();
}

export async function findPosition(db: Db, id: number): Promise<PositionRecord | null> {
  const row = await db.selectFrom("positions").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : toPositionRecord(row);
}

export interface PositionFilter {
  readonly forumSessionId?: number;
  readonly agendaItemId?: number;
  readonly status?: ClearanceStatus;
  readonly kind?: PositionKind;
}

/** Positions, most recently changed first. */
export async function listPositions(db: Db, filter: PositionFilter = {}): Promise<PositionRecord[]> {
  let select = db.selectFrom("positions").selectAll().orderBy("updated_at", "desc").orderBy("id", "desc");
  if (filter.forumSessionId !== undefined) select = select.where("forum_session_id", "=", filter.forumSessionId);
  if (filter.agendaItemId !== undefined) select = select.where("agenda_item_id", "=", filter.agendaItemId);
  if (filter.status !== undefined) select = select.where("status", "=", filter.status);
  if (filter.kind !== undefined) select = select.where("kind", "=", filter.kind);
  return (await select.execute()).map(toPositionRecord);
}

export async function findPositionVersion(db: Db, positionId: number, versionNumber: number): Promise<PositionVersion | null> {
  const row = await db.selectFrom("position_versions").selectAll().where("position_id", "=", positionId).where("version_number", "=", versionNumber).executeTakeFirst();
  return row === undefined ? null : toPositionVersion(row);
}

/** Every version of a position, oldest first. */
export async function listPositionVersions(db: Db, positionId: number): Promise<PositionVersion[]> {
  const rows = await db.selectFrom("position_versions").selectAll().where("position_id", "=", positionId).orderBy("version_number", "asc").execute();
  return rows.map(toPositionVersion);
}

/** Every clearance step of a position, oldest first. */
export async function listPositionStatusChanges(db: Db, positionId: number): Promise<PositionStatusChange[]> {
  const rows = await db.selectFrom("position_status_changes").selectAll().where("position_id", "=", positionId).orderBy("id", "asc").execute();
  return rows.map(toStatusChange);
}

/** A forum session and agenda item as a position shows them. */
export interface PositionForumLink {
  readonly forumSession: { readonly id: number; readonly forumId: string; readonly title: string; readonly startDate: string; readonly endDate: string } | null;
  readonly agendaItem: { readonly id: number; readonly sessionId: number; readonly itemNumber: string; readonly title: string } | null;
}

export async function findForumSessionRef(db: Db, id: number): Promise<PositionForumLink["forumSession"]> {
  const row = await db.selectFrom("forum_sessions").select(["id", "forum_id", "title", "start_date", "end_date"]).where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : { id: row.id, forumId: row.forum_id, title: row.title, startDate: row.start_date, endDate: row.end_date };
}

export async function findAgendaItemRef(db: Db, id: number): Promise<PositionForumLink["agendaItem"]> {
  const row = await db.selectFrom("agenda_items").select(["id", "session_id", "item_number", "title"]).where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : { id: row.id, sessionId: row.session_id, itemNumber: row.item_number, title: row.title };
}

function toPositionRecord(row: Selectable<PositionTable>): PositionRecord {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as PositionKind,
    forumSessionId: row.forum_session_id,
    agendaItemId: row.agenda_item_id,
    status: row.status as ClearanceStatus,
    currentVersion: row.current_version,
    lastEditedBy: row.last_edited_by,
    lastEditedByLabel: row.last_edited_by_label,
    createdBy: row.created_by,
    createdByLabel: row.created_by_label,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toPositionVersion(row: Selectable<PositionVersionTable>): PositionVersion {
  return {
    positionId: row.position_id,
    versionNumber: row.version_number,
    title: row.title,
    markdown: row.body_markdown,
    changedBy: row.changed_by,
    changedByLabel: row.changed_by_label,
    changedAt: row.changed_at,
    note: row.change_note,
    statusResetFrom: row.status_reset_from as ClearanceStatus | null,
  };
}

function toStatusChange(row: Selectable<PositionStatusChangeTable>): PositionStatusChange {
  return {
    positionId: row.position_id,
    fromStatus: row.from_status as ClearanceStatus,
    toStatus: row.to_status as ClearanceStatus,
    versionNumber: row.version_number,
    changedBy: row.changed_by,
    changedByLabel: row.changed_by_label,
    changedAt: row.changed_at,
    reason: row.reason,
  };
}
