import type { Kysely, Transaction } from "kysely";
import type { StoreSchema } from "./schema.ts";

/** Keys never written into an audit snapshot (a password hash or token must not leak through the log). */
const SECRET_KEYS = /^(password|passwordHash|password_hash|token|tokenHash|token_hash|secret|sessionId|session_id|csrfToken)$/i;

export interface AuditEntryInput {
  /** The user who wrote, or null for the system and the CLI. */
  readonly actorUserId: number | null;
  readonly actorLabel: string;
  /** `<entity>.<verb>`, e.g. `statement.create`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /** JSON-serialisable snapshots, or null where the entity did not exist before / after. */
  readonly before: unknown;
  readonly after: unknown;
  /** ISO timestamp (services take the clock as a parameter). */
  readonly atIso: string;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The snapshot as JSON with secret-named keys removed at any depth; null stays null. */
export function auditSnapshotJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, (key, inner: unknown) => (key !== "" && SECRET_KEYS.test(key) ? undefined : inner));
}

/** Appends one entry. Call it inside the transaction of the write it records, so both land or neither. */
export async function appendAuditEntry(db: Kysely<StoreSchema> | Transaction<StoreSchema>, entry: AuditEntryInput): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: entry.atIso,
      actor_user_id: entry.actorUserId,
      actor_label: entry.actorLabel,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before_json: auditSnapshotJson(entry.before),
      after_json: auditSnapshotJson(entry.after),
    })
    .execute();
}
