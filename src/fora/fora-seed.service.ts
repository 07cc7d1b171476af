import type { Kysely } from "kysely";
import { SYSTEM_ACTOR } from "../accounts/audit-actor.ts";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import {
  insertAgendaItem,
  insertForumSession,
  insertSessionDocument,
  listAgendaItems,
  listForumSessions,
  listSessionDocuments,
  updateAgendaItemText,
  updateForumSession,
  updateSessionDocument,
} from "../store/forum-session.repository.ts";
import type { ForumSessionValues, SessionDocumentValues } from "../store/forum-session.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import type { CuratedAgendaItem, CuratedFora, CuratedSession } from "./curated-fora.ts";
import type { ForumSession } from "./forum-session.ts";

/**
 * Seeds the curated sessions, agenda items and documents of `data/fora/` into the store: a row is inserted when
 * missing and rewritten when its curated values changed (both audited as the system); unchanged rows are left alone,
 * so seeding an unchanged store writes nothing. Curated rows are matched by the session's key, the item number and
 * the document symbol. Rows that users added to a curated session are never touched; a curated row that leaves the
 * files stays in the store (statements may refer to it).
 */

export interface ForaSeedOutcome {
  readonly sessions: { readonly inserted: number; readonly updated: number; readonly unchanged: number };
  readonly agendaItems: { readonly inserted: number; readonly updated: number; readonly unchanged: number };
  readonly documents: { readonly inserted: number; readonly updated: number; readonly unchanged: number };
}

type Counter = { inserted: number; updated: number; unchanged: number };

function sessionValues(curated: CuratedSession): ForumSessionValues {
  return {
    forumId: curated.forumId,
    title: curated.title,
    sessionNumber: curated.sessionNumber,
    startDate: curated.startDate,
    endDate: curated.endDate,
    venue: curated.venue,
    status: curated.status,
    sourceUrl: curated.sourceUrl,
    asOf: curated.asOf,
    note: curated.note,
  };
}

/** The stored note of a curated item: says when the wording could not be checked word for word. */
export function curatedItemNote(item: CuratedAgendaItem): string | null {
  if (item.wordingVerified) return item.note;
  const warning = "Wording not verified word for word against the source.";
  return item.note === null ? warning : `${warning} ${item.note}`;
}

const sameSession = (stored: ForumSession, values: ForumSessionValues) =>
  (Object.keys(values) as (keyof ForumSessionValues)[]).every((key) => stored[key] === values[key]);

export async function seedCuratedFora(db: Kysely<StoreSchema>, curated: CuratedFora, now: Date, actor: AuditActor = SYSTEM_ACTOR): Promise<ForaSeedOutcome> {
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const audit = (action: string, entityType: string, entityId: number, before: unknown, after: unknown) =>
      appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action, entityType, entityId: String(entityId), before, after, atIso });
    const sessions: Counter = { inserted: 0, updated: 0, unchanged: 0 };
    const items: Counter = { inserted: 0, updated: 0, unchanged: 0 };
    const documents: Counter = { inserted: 0, updated: 0, unchanged: 0 };

    const stored = new Map((await listForumSessions(trx)).filter((s) => s.curatedKey !== null).map((s) => [s.curatedKey ?? "", s]));
    const idByKey = new Map<string, number>();
    for (const session of curated.sessions) {
      const values = sessionValues(session);
      const before = stored.get(session.key);
      if (before === undefined) {
        const after = await insertForumSession(trx, values, { curatedKey: session.key, createdBy: null, atIso });
        await audit("forum_session.create", "forum_session", after.id, null, after);
        idByKey.set(session.key, after.id);
        sessions.inserted += 1;
      } else if (!sameSession(before, values)) {
        const after = await updateForumSession(trx, before.id, values, atIso);
        await audit("forum_session.update", "forum_session", after.id, before, after);
        idByKey.set(session.key, after.id);
        sessions.updated += 1;
      } else {
        idByKey.set(session.key, before.id);
        sessions.unchanged += 1;
      }
    }

    const sessionIds = [...idByKey.values()];
    const storedItems = await listAgendaItems(trx, sessionIds);
    const itemIdByKey = new Map<string, number>();
    for (const item of curated.agendaItems) {
      const sessionId = idByKey.get(item.sessionKey);
      if (sessionId === undefined) continue;
      const text = { title: item.title, source: item.source, asOf: item.asOf, note: curatedItemNote(item) };
      const before = storedItems.find((s) => s.sessionId === sessionId && s.itemNumber === item.itemNumber);
      if (before === undefined) {
        const after = await insertAgendaItem(trx, { sessionId, itemNumber: item.itemNumber, ...text }, { curated: true, createdBy: null, atIso });
        await audit("agenda_item.create", "agenda_item", after.id, null, after);
        itemIdByKey.set(`${sessionId}\u0000${item.itemNumber}`, after.id);
        items.inserted += 1;
        continue;
      }
      itemIdByKey.set(`${sessionId}\u0000${item.itemNumber}`, before.id);
      if (before.title === text.title && before.source === text.source && before.asOf === text.asOf && before.note === text.note) {
        items.unchanged += 1;
      } else {
        const after = await updateAgendaItemText(trx, before.id, text);
        await audit("agenda_item.update", "agenda_item", after.id, before, after);
        items.updated += 1;
      }
    }

    const storedDocuments = await listSessionDocuments(trx, sessionIds);
    for (const document of curated.documents) {
      const sessionId = idByKey.get(document.sessionKey);
      if (sessionId === undefined) continue;
      const values: SessionDocumentValues = {
        sessionId,
        agendaItemId: document.itemNumber === null ? null : (itemIdByKey.get(`${sessionId}\u0000${document.itemNumber}`) ?? null),
        symbol: document.symbol,
        title: document.title,
        documentDate: document.documentDate,
        url: document.url,
        note: document.note,
      };
      const before = storedDocuments.find((d) => d.sessionId === sessionId && d.symbol === document.symbol);
      if (before === undefined) {
        const after = await insertSessionDocument(trx, values, { curated: true, createdBy: null, atIso });
        await audit("session_document.create", "session_document", after.id, null, after);
        documents.inserted += 1;
      } else if (
        before.agendaItemId === values.agendaItemId &&
        before.title === values.title &&
        before.documentDate === values.documentDate &&
        before.url === values.url &&
        before.note === values.note
      ) {
        documents.unchanged += 1;
      } else {
        const after = await updateSessionDocument(trx, before.id, values);
        await audit("session_document.update", "session_document", after.id, before, after);
        documents.updated += 1;
      }
    }
    return { sessions, agendaItems: items, documents };
  });
}
