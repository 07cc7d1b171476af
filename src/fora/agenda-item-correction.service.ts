import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { ConflictError, NotFoundError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { countAgendaItemReferences, deleteAgendaItem, findAgendaItem, updateAgendaItem } from "../store/forum-session.repository.ts";
import type { AgendaItemReferences } from "../store/forum-session.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { checkedAgendaItemValues } from "./forum-session.service.ts";
import type { AgendaItemInput } from "./forum-session.service.ts";
import type { AgendaItem } from "./forum-session.ts";

/**
 * Corrections of agenda items entered by users: change one (its number stays unique in the session) or delete one that
 * nothing refers to any more. A curated item (seeded from data/fora) is corrected in the curated file, never here: the
 * next seeding would bring it back. Refusals are ConflictErrors (409) that say what blocks the write.
 */

/** The fields to change; absent ones keep their value, `null` clears an optional one. */
export type AgendaItemPatch = { readonly [K in keyof AgendaItemInput]?: AgendaItemInput[K] | undefined };

const SAME_FIELDS = ["itemNumber", "title", "source", "asOf", "note"] as const;

function refuseCurated(item: AgendaItem): void {
  if (item.curated) {
    throw new ConflictError(`agenda item ${item.itemNumber} (id ${item.id}) is curated, seeded from data/fora/agenda-items.csv: correct it in that file instead (the next seeding would undo a change made here)`);
  }
}

/** "3 statements and 1 document", or null when nothing refers to the item. */
function referencesText(references: AgendaItemReferences): string | null {
  const counted = (count: number, noun: string) => (count === 0 ? [] : [`${count} ${noun}${count === 1 ? "" : "s"}`]);
  const parts = [...counted(references.statements, "statement"), ...counted(references.documents, "document"), ...counted(references.positions, "position")];
  const last = parts.pop();
  if (last === undefined) return null;
  return parts.length === 0 ? last : `${parts.join(", ")} and ${last}`;
}

export async function updateAgendaItemFields(db: Kysely<StoreSchema>, id: number, patch: AgendaItemPatch, actor: AuditActor, now: Date): Promise<AgendaItem> {
  const before = await findAgendaItem(db, id);
  if (before === null) throw new NotFoundError("agenda_item", `no agenda item ${id}`);
  refuseCurated(before);
  const merged: AgendaItemInput = {
    itemNumber: patch.itemNumber ?? before.itemNumber,
    title: patch.title ?? before.title,
    source: patch.source === undefined ? before.source : patch.source,
    asOf: patch.asOf === undefined ? before.asOf : patch.asOf,
    note: patch.note === undefined ? before.note : patch.note,
  };
  const values = await checkedAgendaItemValues(db, before.sessionId, merged, id);
  if (SAME_FIELDS.every((field) => values[field] === before[field])) return before;
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const after = await updateAgendaItem(trx, id, values);
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "agenda_item.update", entityType: "agenda_item", entityId: String(id), before, after, atIso });
    return after;
  });
}

/** Deletes an agenda item entered by a user that no statement, document or position refers to; returns what was removed. */
export async function removeAgendaItem(db: Kysely<StoreSchema>, id: number, actor: AuditActor, now: Date): Promise<AgendaItem> {
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const item = await findAgendaItem(trx, id);
    if (item === null) throw new NotFoundError("agenda_item", `no agenda item ${id}`);
    refuseCurated(item);
    const blocking = referencesText(await countAgendaItemReferences(trx, id));
    if (blocking !== null) {
      throw new ConflictError(`agenda item ${item.itemNumber} (id ${id}) is still referred to by ${blocking}: move them to another item or delete them first`);
    }
    await deleteAgendaItem(trx, id);
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "agenda_item.delete", entityType: "agenda_item", entityId: String(id), before: item, after: null, atIso });
    return item;
  });
}
