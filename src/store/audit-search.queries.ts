import { sql } from "kysely";
import type { Kysely } from "kysely";
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

/** Audit entries matching a search, in id order (ascending or descending). */
export async function searchAuditEntries(db: Kysely<StoreSchema>, search: AuditSearch): Promise<AuditEntry[]> {
  const order = search.order ?? "desc";
  let select = db.selectFrom("audit_log").selectAll().orderBy("id", order);
  if (search.entityType !== undefined) select = select.where("entity_type", "=", search.entityType);
  if (search.entityId !== undefined) select = select.where("entity_id", "=", search.entityId);
  if (search.actorUserId !== undefined) select = select.where("actor_user_id", "=", search.actorUserId);
  if (search.action !== undefined) {
    const prefix = search.action;
    select = prefix.endsWith(".") ? select.where(sql<string>`substr(action, 1, ${prefix.length})`, "=", prefix) : select.where("action", "=", prefix);
  }
  if (search.sinceIso !== undefined) select = select.where("at", ">=", search.sinceIso);
  if (search.untilIso !== undefined) select = select.where("at", "<", search.untilIso);
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
