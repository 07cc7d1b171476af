import type { Kysely, Selectable, Transaction } from "kysely";
import { compareItemNumbers } from "../fora/forum-session.ts";
import type { AgendaItem, ForumSession, SessionDocument, SessionStatus } from "../fora/forum-session.ts";
import type { StoreSchema } from "./schema.ts";
import type { AgendaItemTable, ForumSessionTable, SessionDocumentTable } from "./schema-fora.ts";

/** Forum sessions, their agenda items and documents. */

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** What a session is written with: everything but its id, curated key and bookkeeping. */
export type ForumSessionValues = Omit<ForumSession, "id" | "curatedKey" | "createdBy" | "createdAt" | "updatedAt">;

export interface ForumSessionFilter {
  readonly forumId?: string;
  readonly status?: SessionStatus;
  /** Sessions ending on or after this day. */
  readonly endsOnOrAfter?: string;
  /** Sessions starting on or before this day. */
  readonly startsOnOrBefore?: string;
}

export function toForumSession(row: Selectable<ForumSessionTable>): ForumSession {
  return {
    id: row.id,
    forumId: row.forum_id,
    title: row.title,
    sessionNumber: row.session_number,
    startDate: row.start_date,
    endDate: row.end_date,
    venue: row.venue,
    status: row.status as SessionStatus,
    sourceUrl: row.source_url,
    asOf: row.as_of,
    note: row.note,
    curatedKey: row.curated_key,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function sessionColumns(values: ForumSessionValues) {
  return {
    forum_id: values.forumId,
    title: values.title,
    session_number: values.sessionNumber,
    start_date: values.startDate,
    end_date: values.endDate,
    venue: values.venue,
    status: values.status,
    source_url: values.sourceUrl,
    as_of: values.asOf,
    note: values.note,
  };
}

export async function insertForumSession(
  db: Db,
  values: ForumSessionValues,
  meta: { readonly curatedKey: string | null; readonly createdBy: number | null; readonly atIso: string },
): Promise<ForumSession> {
  const row = await db
    .insertInto("forum_sessions")
    .values({ ...sessionColumns(values), curated_key: meta.curatedKey, created_by: meta.createdBy, created_at: meta.atIso, updated_at: meta.atIso })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toForumSession(row);
}

export async function updateForumSession(db: Db, id: number, values: ForumSessionValues, updatedAtIso: string): Promise<ForumSession> {
  const row = await db
    .updateTable("forum_sessions")
    .set({ ...sessionColumns(values), updated_at: updatedAtIso })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toForumSession(row);
}

export async function findForumSession(db: Db, id: number): Promise<ForumSession | null> {
  const row = await db.selectFrom("forum_sessions").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : toForumSession(row);
}

export async function findCuratedForumSession(db: Db, curatedKey: string): Promise<ForumSession | null> {
  const row = await db.selectFrom("forum_sessions").selectAll().where("curated_key", "=", curatedKey).executeTakeFirst();
  return row === undefined ? null : toForumSession(row);
}

/** Sessions by start date (then id), filtered. */
export async function listForumSessions(db: Db, filter: ForumSessionFilter = {}): Promise<ForumSession[]> {
  let select = db.selectFrom("forum_sessions").selectAll().orderBy("start_date", "asc").orderBy("id", "asc");
  if (filter.forumId !== undefined) select = select.where("forum_id", "=", filter.forumId);
  if (filter.status !== undefined) select = select.where("status", "=", filter.status);
  if (filter.endsOnOrAfter !== undefined) select = select.where("end_date", ">=", filter.endsOnOrAfter);
  if (filter.startsOnOrBefore !== undefined) select = select.where("start_date", "<=", filter.startsOnOrBefore);
  return (await select.execute()).map(toForumSession);
}

export function toAgendaItem(row: Selectable<AgendaItemTable>): AgendaItem {
  return {
    id: row.id,
    sessionId: row.session_id,
    itemNumber: row.item_number,
    title: row.title,
    source: row.source,
    asOf: row.as_of,
    note: row.note,
    curated: row.curated === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export interface AgendaItemValues {
  readonly sessionId: number;
  readonly itemNumber: string;
  readonly title: string;
  readonly source: string | null;
  readonly asOf: string | null;
  readonly note: string | null;
}

export async function insertAgendaItem(
  db: Db,
  values: AgendaItemValues,
  meta: { readonly curated: boolean; readonly createdBy: number | null; readonly atIso: string },
): Promise<AgendaItem> {
  const row = await db
    .insertInto("agenda_items")
    .values({
      session_id: values.sessionId,
      item_number: values.itemNumber,
      title: values.title,
      source: values.source,
      as_of: values.asOf,
      note: values.note,
      curated: meta.curated ? 1 : 0,
      created_by: meta.createdBy,
      created_at: meta.atIso,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAgendaItem(row);
}

/** Rewrites a curated item's wording and provenance (seeding only). */
export async function updateAgendaItemText(db: Db, id: number, values: Pick<AgendaItemValues, "title" | "source" | "asOf" | "note">): Promise<AgendaItem> {
  const row = await db
    .updateTable("agenda_items")
    .set({ title: values.title, source: values.source, as_of: values.asOf, note: values.note })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAgendaItem(row);
}

/** Rewrites a user's agenda item (number, wording, provenance); the session and the curated flag stay. */
export async function updateAgendaItem(db: Db, id: number, values: Omit<AgendaItemValues, "sessionId">): Promise<AgendaItem> {
  const row = await db
    .updateTable("agenda_items")
    .set({ item_number: values.itemNumber, title: values.title, source: values.source, as_of: values.asOf, note: values.note })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAgendaItem(row);
}

export async function deleteAgendaItem(db: Db, id: number): Promise<void> {
  await db.deleteFrom("agenda_items").where("id", "=", id).execute();
}

/** What still refers to an agenda item: statements and documents under it, positions on it. */
export interface AgendaItemReferences {
  readonly statements: number;
  readonly documents: number;
  readonly positions: number;
}

export async function countAgendaItemReferences(db: Db, id: number): Promise<AgendaItemReferences> {
  const count = async (table: "statements" | "session_documents" | "positions") => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("agenda_item_id", "=", id)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return { statements: await count("statements"), documents: await count("session_documents"), positions: await count("positions") };
}

export async function findAgendaItem(db: Db, id: number): Promise<AgendaItem | null> {
  const row = await db.selectFrom("agenda_items").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : toAgendaItem(row);
}

/** A session's items in official order (`2` before `10`, `7` before `7(a)`). */
export async function listAgendaItems(db: Db, sessionIds: readonly number[]): Promise<AgendaItem[]> {
  if (sessionIds.length === 0) return [];
  const rows = await db.selectFrom("agenda_items").selectAll().where("session_id", "in", sessionIds).execute();
  return rows.map(toAgendaItem).sort((a, b) => a.sessionId - b.sessionId || compareItemNumbers(a.itemNumber, b.itemNumber));
}

export function toSessionDocument(row: Selectable<SessionDocumentTable>): SessionDocument {
  return {
    id: row.id,
    sessionId: row.session_id,
    agendaItemId: row.agenda_item_id,
    symbol: row.symbol,
    title: row.title,
    documentDate: row.document_date,
    url: row.url,
    note: row.note,
    curated: row.curated === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export interface SessionDocumentValues {
  readonly sessionId: number;
  readonly agendaItemId: number | null;
  readonly symbol: string;
  readonly title: string;
  readonly documentDate: string | null;
  readonly url: string | null;
  readonly note: string | null;
}

export async function insertSessionDocument(
  db: Db,
  values: SessionDocumentValues,
  meta: { readonly curated: boolean; readonly createdBy: number | null; readonly atIso: string },
): Promise<SessionDocument> {
  const row = await db
    .insertInto("session_documents")
    .values({
      session_id: values.sessionId,
      agenda_item_id: values.agendaItemId,
      symbol: values.symbol,
      title: values.title,
      document_date: values.documentDate,
      url: values.url,
      note: values.note,
      curated: meta.curated ? 1 : 0,
      created_by: meta.createdBy,
      created_at: meta.atIso,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSessionDocument(row);
}

/** Rewrites a document's details (seeding a curated one, or correcting a user's); the session and the curated flag stay. */
export async function updateSessionDocument(db: Db, id: number, values: SessionDocumentValues): Promise<SessionDocument> {
  const row = await db
    .updateTable("session_documents")
    .set({ agenda_item_id: values.agendaItemId, symbol: values.symbol, title: values.title, document_date: values.documentDate, url: values.url, note: values.note })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSessionDocument(row);
}

export async function findSessionDocument(db: Db, id: number): Promise<SessionDocument | null> {
  const row = await db.selectFrom("session_documents").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : toSessionDocument(row);
}

export async function deleteSessionDocument(db: Db, id: number): Promise<void> {
  await db.deleteFrom("session_documents").where("id", "=", id).execute();
}

/** Documents of the given sessions, by symbol. */
export async function listSessionDocuments(db: Db, sessionIds: readonly number[]): Promise<SessionDocument[]> {
  if (sessionIds.length === 0) return [];
  const rows = await db.selectFrom("session_documents").selectAll().where("session_id", "in", sessionIds).orderBy("session_id").orderBy("symbol").execute();
  return rows.map(toSessionDocument);
}

/** Statements recorded per session (for lists). */
export async function countStatementsBySession(db: Db, sessionIds: readonly number[]): Promise<Map<number, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("statements")
    .select(["session_id"])
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("session_id", "in", sessionIds)
    .groupBy("session_id")
    .execute();
  return new Map(rows.map((r) => [r.session_id, Number(r.n)]));
}
