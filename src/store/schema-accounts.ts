import type { Generated } from "kysely";

/** Kysely table interfaces of the accounts tables (issue 7); see schema.ts for the conventions. */
export interface AccountsSchema {
  audit_log: AuditLogTable;
}

/** One write, as it happened: append-only (triggers refuse UPDATE and DELETE). */
export interface AuditLogTable {
  id: Generated<number>;
  /** ISO timestamp. */
  at: string;
  /** The user who wrote, or null for the system and the CLI. */
  actor_user_id: number | null;
  /** Who, readable: the user's e-mail, or `cli:<os user>`, `system`. */
  actor_label: string;
  /** `<entity>.<verb>`, e.g. `user.create`, `statement.create`, `position.clear`. */
  action: string;
  entity_type: string;
  entity_id: string;
  /** JSON snapshots of the entity before and after the write (null where it did not exist). Never a secret. */
  before_json: string | null;
  after_json: string | null;
}
