import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { loadForaRegistry } from "../store/fora-registry.queries.ts";
import {
  countStatementsBySession,
  findAgendaItem,
  findForumSession,
  insertAgendaItem,
  insertForumSession,
  insertSessionDocument,
  listAgendaItems,
  listForumSessions,
  listSessionDocuments,
  updateForumSession,
} from "../store/forum-session.repository.ts";
import type { AgendaItemValues, ForumSessionFilter, ForumSessionValues, SessionDocumentValues } from "../store/forum-session.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { dayOf, isoDay, oneOf, optionalText, optionalUrl, requiredText } from "./fora-input.ts";
import { AGENDA_ITEM_NUMBER, AGENDA_ITEM_TITLE_MAX_LENGTH, DOCUMENT_SYMBOL, SESSION_STATUSES } from "./forum-session.ts";
import type { AgendaItem, ForumSession, SessionDocument, SessionStatus } from "./forum-session.ts";

/** Sessions, agenda items and documents: create, change, read. Every write is audited in its own transaction. */

export interface ForumSessionInput {
  readonly forumId: string;
  readonly title: string;
  readonly sessionNumber?: number | null | undefined;
  readonly startDate: string;
  readonly endDate: string;
  readonly venue?: string | null | undefined;
  readonly status?: SessionStatus | undefined;
  readonly sourceUrl?: string | null | undefined;
  /** Defaults to the day of `now`. */
  readonly asOf?: string | undefined;
  readonly note?: string | null | undefined;
}

export type ForumSessionPatch = { readonly [K in keyof ForumSessionInput]?: ForumSessionInput[K] | undefined };

export interface ForumSessionSummary extends ForumSession {
  readonly forumName: string;
  readonly agendaItemCount: number;
  readonly documentCount: number;
  readonly statementCount: number;
}

export interface ForumSessionDetail extends ForumSession {
  readonly forumName: string;
  readonly agendaItems: readonly AgendaItem[];
  readonly documents: readonly SessionDocument[];
  readonly statementCount: number;
}

async function checkedValues(db: Kysely<StoreSchema>, input: ForumSessionInput, now: Date): Promise<ForumSessionValues> {
  const registry = await loadForaRegistry(db);
  if (!registry.fora.has(input.forumId)) throw new InvalidInputError("forumId", `unknown forum ${JSON.stringify(input.forumId)}`);
  const startDate = isoDay("startDate", input.startDate);
  const endDate = isoDay("endDate", input.endDate);
  if (endDate < startDate) throw new InvalidInputError("endDate", `${endDate} is before the start ${startDate}`);
  const sessionNumber = input.sessionNumber ?? null;
  if (sessionNumber !== null && (!Number.isInteger(sessionNumber) || sessionNumber < 1 || sessionNumber > 9999)) {
    throw new InvalidInputError("sessionNumber", "must be a whole number from 1 to 9999");
  }
  return {
    forumId: input.forumId,
    title: requiredText("title", input.title, 300),
    sessionNumber,
    startDate,
    endDate,
    venue: optionalText("venue", input.venue, 200),
    status: oneOf("status", input.status ?? "planned", SESSION_STATUSES),
    sourceUrl: optionalUrl("sourceUrl", input.sourceUrl),
    asOf: isoDay("asOf", input.asOf ?? dayOf(now)),
    note: optionalText("note", input.note, 2000),
  };
}

export async function createForumSession(db: Kysely<StoreSchema>, input: ForumSessionInput, actor: AuditActor, now: Date): Promise<ForumSession> {
  const values = await checkedValues(db, input, now);
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const session = await insertForumSession(trx, values, { curatedKey: null, createdBy: actor.userId, atIso });
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "forum_session.create", entityType: "forum_session", entityId: String(session.id), before: null, after: session, atIso });
    return session;
  });
}

/** Changes the given fields. A curated session is changed in `data/fora/sessions.csv`, not here (409). */
export async function updateForumSessionFields(db: Kysely<StoreSchema>, id: number, patch: ForumSessionPatch, actor: AuditActor, now: Date): Promise<ForumSession> {
  const before = await findForumSession(db, id);
  if (before === null) throw new NotFoundError("forum_session", `no forum session ${id}`);
  if (before.curatedKey !== null) throw new ConflictError(`forum session ${id} is curated (data/fora/sessions.csv id ${before.curatedKey}): change the curated file instead`);
  const merged: ForumSessionInput = {
    forumId: patch.forumId ?? before.forumId,
    title: patch.title ?? before.title,
    sessionNumber: patch.sessionNumber === undefined ? before.sessionNumber : patch.sessionNumber,
    startDate: patch.startDate ?? before.startDate,
    endDate: patch.endDate ?? before.endDate,
    venue: patch.venue === undefined ? before.venue : patch.venue,
    status: patch.status ?? before.status,
    sourceUrl: patch.sourceUrl === undefined ? before.sourceUrl : patch.sourceUrl,
    asOf: patch.asOf ?? before.asOf,
    note: patch.note === undefined ? before.note : patch.note,
  };
  const values = await checkedValues(db, merged, now);
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const after = await updateForumSession(trx, id, values, atIso);
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "forum_session.update", entityType: "forum_session", entityId: String(id), before, after, atIso });
    return after;
  });
}

async function existingSession(db: Kysely<StoreSchema>, id: number): Promise<ForumSession> {
  const session = await findForumSession(db, id);
  if (session === null) throw new NotFoundError("forum_session", `no forum session ${id}`);
  return session;
}

export interface AgendaItemInput {
  readonly itemNumber: string;
  readonly title: string;
  readonly source?: string | null | undefined;
  readonly asOf?: string | null | undefined;
  readonly note?: string | null | undefined;
}

/**
 * The checked values of an agenda item of a session: an official number unique in the session (`exceptItemId`: the
 * item being changed, which may keep its own number), a title, and optional provenance. Each refusal names its field.
 */
export async function checkedAgendaItemValues(db: Kysely<StoreSchema>, sessionId: number, input: AgendaItemInput, exceptItemId: number | null): Promise<AgendaItemValues> {
  const itemNumber = input.itemNumber.trim();
  if (!AGENDA_ITEM_NUMBER.test(itemNumber)) throw new InvalidInputError("itemNumber", `${JSON.stringify(input.itemNumber)} is not an agenda item number such as 4 or 7(b)`);
  const existing = await listAgendaItems(db, [sessionId]);
  if (existing.some((item) => item.itemNumber === itemNumber && item.id !== exceptItemId)) throw new InvalidInputError("itemNumber", `duplicate item number ${itemNumber} in session ${sessionId}`);
  return {
    sessionId,
    itemNumber,
    title: requiredText("title", input.title, AGENDA_ITEM_TITLE_MAX_LENGTH),
    source: optionalText("source", input.source, 2000),
    asOf: input.asOf === null || input.asOf === undefined ? null : isoDay("asOf", input.asOf),
    note: optionalText("note", input.note, 2000),
  };
}

export async function addAgendaItem(db: Kysely<StoreSchema>, sessionId: number, input: AgendaItemInput, actor: AuditActor, now: Date): Promise<AgendaItem> {
  await existingSession(db, sessionId);
  const values = await checkedAgendaItemValues(db, sessionId, input, null);
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const item = await insertAgendaItem(trx, values, { curated: false, createdBy: actor.userId, atIso });
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "agenda_item.create", entityType: "agenda_item", entityId: String(item.id), before: null, after: item, atIso });
    return item;
  });
}

/** The agenda item, checked to belong to the session (the error names `field`). */
export async function agendaItemOfSession(db: Kysely<StoreSchema>, sessionId: number, agendaItemId: number, field: string): Promise<AgendaItem> {
  const item = await findAgendaItem(db, agendaItemId);
  if (item === null) throw new InvalidInputError(field, `no agenda item ${agendaItemId}`);
  if (item.sessionId !== sessionId) throw new InvalidInputError(field, `agenda item ${agendaItemId} belongs to session ${item.sessionId}, not ${sessionId}`);
  return item;
}

export interface SessionDocumentInput {
  readonly symbol: string;
  readonly title: string;
  readonly agendaItemId?: number | null | undefined;
  readonly documentDate?: string | null | undefined;
  readonly url?: string | null | undefined;
  readonly note?: string | null | undefined;
}

/**
 * The checked values of a document of a session: a UN symbol unique in the session (`exceptDocumentId`: the document
 * being changed, which may keep its own symbol), an agenda item of the same session or none, a title, and an optional
 * date, link and note. Each refusal names its field.
 */
export async function checkedSessionDocumentValues(
  db: Kysely<StoreSchema>,
  sessionId: number,
  input: SessionDocumentInput,
  exceptDocumentId: number | null,
): Promise<SessionDocumentValues> {
  const symbol = input.symbol.trim();
  if (!DOCUMENT_SYMBOL.test(symbol)) throw new InvalidInputError("symbol", `${JSON.stringify(input.symbol)} is not a UN document symbol such as A/AC.105/C.1/L.400`);
  const agendaItemId = input.agendaItemId ?? null;
  if (agendaItemId !== null) await agendaItemOfSession(db, sessionId, agendaItemId, "agendaItemId");
  if ((await listSessionDocuments(db, [sessionId])).some((d) => d.symbol === symbol && d.id !== exceptDocumentId)) {
    throw new InvalidInputError("symbol", `duplicate document ${symbol} in session ${sessionId}`);
  }
  return {
    sessionId,
    agendaItemId,
    symbol,
    title: requiredText("title", input.title, 1000),
    documentDate: input.documentDate === null || input.documentDate === undefined ? null : isoDay("documentDate", input.documentDate),
    url: optionalUrl("url", input.url),
    note: optionalText("note", input.note, 2000),
  };
}

export async function addSessionDocument(db: Kysely<StoreSchema>, sessionId: number, input: SessionDocumentInput, actor: AuditActor, now: Date): Promise<SessionDocument> {
  await existingSession(db, sessionId);
  const values = await checkedSessionDocumentValues(db, sessionId, input, null);
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const document = await insertSessionDocument(trx, values, { curated: false, createdBy: actor.userId, atIso });
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "session_document.create", entityType: "session_document", entityId: String(document.id), before: null, after: document, atIso });
    return document;
  });
}

export async function loadForumSessionDetail(db: Kysely<StoreSchema>, id: number): Promise<ForumSessionDetail> {
  const session = await existingSession(db, id);
  const [registry, agendaItems, documents, counts] = await Promise.all([
    loadForaRegistry(db),
    listAgendaItems(db, [id]),
    listSessionDocuments(db, [id]),
    countStatementsBySession(db, [id]),
  ]);
  return { ...session, forumName: registry.fora.get(session.forumId)?.name ?? session.forumId, agendaItems, documents, statementCount: counts.get(id) ?? 0 };
}

export async function listForumSessionSummaries(db: Kysely<StoreSchema>, filter: ForumSessionFilter = {}): Promise<ForumSessionSummary[]> {
  const sessions = await listForumSessions(db, filter);
  const ids = sessions.map((s) => s.id);
  const [registry, items, documents, statements] = await Promise.all([loadForaRegistry(db), listAgendaItems(db, ids), listSessionDocuments(db, ids), countStatementsBySession(db, ids)]);
  const countBy = (rows: readonly { sessionId: number }[]) => {
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.sessionId, (counts.get(row.sessionId) ?? 0) + 1);
    return counts;
  };
  const itemCounts = countBy(items);
  const documentCounts = countBy(documents);
  return sessions.map((s) => ({
    ...s,
    forumName: registry.fora.get(s.forumId)?.name ?? s.forumId,
    agendaItemCount: itemCounts.get(s.id) ?? 0,
    documentCount: documentCounts.get(s.id) ?? 0,
    statementCount: statements.get(s.id) ?? 0,
  }));
}
