import type { Kysely } from "kysely";
import type { AuditEntry } from "../store/audit-log.repository.ts";
import { searchAuditEntries } from "../store/audit-search.queries.ts";
import type { StoreSchema } from "../store/schema.ts";
import { PROPOSAL_STATUSES } from "./proposal.ts";
import type { ProposalStatus } from "./proposal.ts";

/**
 * The life of a proposal's status (proposed → under negotiation → adopted, withdrawn …), read from the audit log: the
 * status it was created with, then each update that changed it. Only the statuses and the instants are given (who
 * wrote is for the audit log's readers).
 */

export interface ProposalStatusChange {
  readonly status: ProposalStatus;
  /** The status before; null for the one it was created with. */
  readonly previousStatus: ProposalStatus | null;
  /** ISO timestamp of the write. */
  readonly at: string;
}

function statusIn(snapshot: unknown): ProposalStatus | null {
  if (typeof snapshot !== "object" || snapshot === null || !("status" in snapshot)) return null;
  const { status } = snapshot;
  return (PROPOSAL_STATUSES as readonly unknown[]).includes(status) ? (status as ProposalStatus) : null;
}

/** The status changes among a proposal's audit entries (oldest first); entries that left the status alone are skipped. Pure. */
export function statusChangesOf(entries: readonly AuditEntry[]): ProposalStatusChange[] {
  const changes: ProposalStatusChange[] = [];
  for (const entry of entries) {
    const status = statusIn(entry.after);
    if (status === null) continue;
    const previousStatus = statusIn(entry.before);
    if (previousStatus === status) continue;
    changes.push({ status, previousStatus, at: entry.at });
  }
  return changes;
}

export async function loadProposalStatusHistory(db: Kysely<StoreSchema>, proposalId: number): Promise<ProposalStatusChange[]> {
  const entries = await searchAuditEntries(db, { entityType: "proposal", entityId: String(proposalId), order: "asc" });
  return statusChangesOf(entries);
}
