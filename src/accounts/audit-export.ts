import type { Kysely } from "kysely";
import type { AuditEntry } from "../store/audit-log.repository.ts";
import type { AuditSearch } from "../store/audit-search.queries.ts";
import { searchAuditEntries } from "../store/audit-search.queries.ts";
import type { StoreSchema } from "../store/schema.ts";

export type AuditExportFormat = "csv" | "json";

const BATCH = 1000;

/** Every audit entry matching the filters, oldest first (read in batches of 1000). */
export async function collectAuditEntries(db: Kysely<StoreSchema>, filters: Omit<AuditSearch, "order" | "cursor" | "limit">): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: number | undefined;
  for (;;) {
    const batch = await searchAuditEntries(db, { ...filters, order: "asc", cursor, limit: BATCH });
    entries.push(...batch);
    if (batch.length < BATCH) return entries;
    cursor = batch[batch.length - 1]?.id;
  }
}

export const AUDIT_CSV_COLUMNS = ["id", "at", "actor_user_id", "actor_label", "action", "entity_type", "entity_id", "before_json", "after_json"] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell that a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return) is prefixed with an apostrophe (OWASP CSV injection).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The entries as CSV with a header line, CRLF line ends; snapshots as JSON text. Pure. */
export function auditEntriesCsv(entries: readonly AuditEntry[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(",")];
  for (const e of entries) {
    const cells = [e.id, e.at, e.actorUserId, e.actorLabel, e.action, e.entityType, e.entityId, e.before === null ? null : JSON.stringify(e.before), e.after === null ? null : JSON.stringify(e.after)];
    lines.push(cells.map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The entries as a JSON document: `{ exportedAt, count, entries }`. Pure. */
export function auditEntriesJson(entries: readonly AuditEntry[], exportedAt: Date): string {
  return `${JSON.stringify({ exportedAt: exportedAt.toISOString(), count: entries.length, entries }, null, 2)}\n`;
}
