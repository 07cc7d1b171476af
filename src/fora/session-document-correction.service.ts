import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { ConflictError, NotFoundError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { deleteSessionDocument, findSessionDocument, updateSessionDocument } from "../store/forum-session.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { checkedSessionDocumentValues } from "./forum-session.service.ts";
import type { SessionDocumentInput } from "./forum-session.service.ts";
import type { SessionDocument } from "./forum-session.ts";

/**
 * Corrections of a session's documents entered by users: change one (its symbol stays unique in the session, its agenda
 * item in the same session or none) or delete one, which frees the agenda item it was filed under for deletion. Nothing
 * refers to a document. A curated document (seeded from data/fora/documents.csv) is corrected in that file: the next
 * seeding would bring it back (409).
 */

/** The fields to change; absent ones keep their value, `null` clears an optional one. */
export type SessionDocumentPatch = { readonly [K in keyof SessionDocumentInput]?: SessionDocumentInput[K] | undefined };

const SAME_FIELDS = ["agendaItemId", "symbol", "title", "documentDate", "url", "note"] as const;

function refuseCurated(document: SessionDocument): void {
  if (document.curated) {
    throw new ConflictError(`document ${document.symbol} (id ${document.id}) is curated, seeded from data/fora/documents.csv: correct it in that file instead (the next seeding would undo a change made here)`);
  }
}

/** Changes the given fields (audited `session_document.update` with before and after); a change that changes nothing writes nothing. */
export async function updateSessionDocumentFields(db: Kysely<StoreSchema>, id: number, patch: SessionDocumentPatch, actor: AuditActor, now: Date): Promise<SessionDocument> {
  const before = await findSessionDocument(db, id);
  if (before === null) throw new NotFoundError("session_document", `no session document ${id}`);
  refuseCurated(before);
  const merged: SessionDocumentInput = {
    symbol: patch.symbol ?? before.symbol,
    title: patch.title ?? before.title,
    agendaItemId: patch.agendaItemId === undefined ? before.agendaItemId : patch.agendaItemId,
    documentDate: patch.documentDate === undefined ? before.documentDate : patch.documentDate,
    url: patch.url === undefined ? before.url : patch.url,
    note: patch.note === undefined ? before.note : patch.note,
  };
  const values = await checkedSessionDocumentValues(db, before.sessionId, merged, id);
  if (SAME_FIELDS.every((field) => values[field] === before[field])) return before;
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const after = await updateSessionDocument(trx, id, values);
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "session_document.update", entityType: "session_document", entityId: String(id), before, after, atIso });
    return after;
  });
}

/** Deletes a document entered by a user (audited `session_document.delete` with what was removed); returns it. */
export async function removeSessionDocument(db: Kysely<StoreSchema>, id: number, actor: AuditActor, now: Date): Promise<SessionDocument> {
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const document = await findSessionDocument(trx, id);
    if (document === null) throw new NotFoundError("session_document", `no session document ${id}`);
    refuseCurated(document);
    await deleteSessionDocument(trx, id);
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "session_document.delete", entityType: "session_document", entityId: String(id), before: document, after: null, atIso });
    return document;
  });
}
