import { sql } from "kysely";
import type { Kysely, SelectQueryBuilder } from "kysely";
import type { AuditEntry } from "./audit-log.repository.ts";
import type { StoreSchema } from "./schema.ts";

/** What an admin filters the audit log by (all optional); paging by entry id in the chosen order. */
export interface AuditSearch {
  readonly entityType?: string | undefined;
  readonly entityId?: string | undefined;
  readonly actorUserId?: number | undefined;
  /** Exact action (`user.create`) or a prefix ending in a dot (`user.`). */
  readonly action?: string | undefined;
  /** ISO instants: entries at or after `sinceIso`, before `untilIso`. */
  readonly sinceIso?: string | undefined;
  readonly untilIso?: string | undefined;
  /** Newest first (default) or oldest first. */
  readonly order?: "asc" | "desc" | undefined;
  /** Entries strictly after this id in the chosen order (the previous page's last id). */
  readonly cursor?: number | undefined;
  readonly limit?: number | undefined;
}

/** How many entries match a search's filters, and how many of them come before its cursor in its order. */
export interface AuditSearchCount {
  /** Entries matching the filters (cursor and limit ignored). */
  readonly total: number;
  /** Of those, the entries ahead of the page (at or before the cursor in the chosen order); 0 without a cursor. */
  readonly preceding: number;
}

type AuditSelect<O> = SelectQueryBuilder<StoreSchema, "audit_log", O>;

/** The search's filters (not its order, cursor or limit) applied to a query on the audit log. */
function whereMatching<O>(select: AuditSelect<O>, search: AuditSearch): AuditSelect<O> {
  let filtered = select;
  if (search.entityType !== undefined) filtered = filtered.where("entity_type", "=", search.entityType);
  if (search.entityId !== undefined) filtered = filtered.where("entity_id", "=", search.entityId);
  if (search.actorUserId !== undefined) filtered = filtered.where("actor_user_id", "=", search.actorUserId);
  if (search.action !== undefined) {
    const prefix = search.action;
    filtered = prefix.endsWith(".") ? filtered.where(sql<string>`substr(action, 1, ${prefix.length})`, "=", prefix) : filtered.where("action", "=", prefix);
  }
  if (search.sinceIso !== undefined) filtered = filtered.where("at", ">=", search.sinceIso);
  if (search.untilIso !== undefined) filtered = filtered.where("at", "<", search.untilIso);
  return filtered;
}

/** Audit entries matching a search, in id order (ascending or descending). */
export async function searchAuditEntries(db: Kysely<StoreSchema>, search: AuditSearch): Promise<AuditEntry[]> {
  const order = search.order ?? "desc";
  let select = whereMatching(db.selectFrom("audit_log").selectAll().orderBy("id", order), search);
  if (search.cursor !== undefined) select = select.where("id", order === "asc" ? ">" : "<", search.cursor);
  if (search.limit !== undefined) select = select.limit(search.limit);
  const rows = await select.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
  }));
}

/** The number of entries matching a search's filters, and how many of them its cursor pages past (one query). */
export async function countAuditEntries(db: Kysely<StoreSchema>, search: AuditSearch): Promise<AuditSearchCount> {
  const cursor = search.cursor;
  const ahead =
    cursor === undefined ? sql<number>`0` : (search.order ?? "desc") === "asc" ? sql<number>`count(case when id <= ${cursor} then 1 end)` : sql<number>`count(case when id >= ${cursor} then 1 end)`;
  const row = await whereMatching(db.selectFrom("audit_log").select([sql<number>`count(*)`.as("total"), ahead.as("preceding")]), search).executeTakeFirstOrThrow();
  return { total: Number(row.total), preceding: Number(row.preceding) };
}
