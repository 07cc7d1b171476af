import type { AuditActor } from "../accounts/audit-actor.ts";
import type { Role } from "../accounts/role.ts";

/** Our positions (issue 7): position papers and talking points, versioned, cleared before delivery. */

export const POSITION_KINDS = ["position-paper", "talking-points"] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

/** The clearance status: draft → under-review → cleared → delivered (see clearance-workflow.ts). */
export const CLEARANCE_STATUSES = ["draft", "under-review", "cleared", "delivered"] as const;
export type ClearanceStatus = (typeof CLEARANCE_STATUSES)[number];

export function isPositionKind(value: string): value is PositionKind {
  return (POSITION_KINDS as readonly string[]).includes(value);
}

export function isClearanceStatus(value: string): value is ClearanceStatus {
  return (CLEARANCE_STATUSES as readonly string[]).includes(value);
}

/** Who acts on a position: the audit actor and the role the rules depend on (an admin may clear its own text). */
export interface PositionActor extends AuditActor {
  readonly role: Role;
}

/** A position as stored, without its text (see PositionVersion). */
export interface PositionRecord {
  readonly id: number;
  readonly title: string;
  readonly kind: PositionKind;
  readonly forumSessionId: number | null;
  readonly agendaItemId: number | null;
  readonly status: ClearanceStatus;
  readonly currentVersion: number;
  /** Who last changed the content (a new version, or a cited figure added or removed): the clearance rule's "editor". */
  readonly lastEditedBy: number | null;
  readonly lastEditedByLabel: string;
  readonly createdBy: number | null;
  readonly createdByLabel: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One version of a position's text: never overwritten, every edit adds one. */
export interface PositionVersion {
  readonly positionId: number;
  readonly versionNumber: number;
  readonly title: string;
  /** The Markdown as written. */
  readonly markdown: string;
  readonly changedBy: number | null;
  readonly changedByLabel: string;
  readonly changedAt: string;
  readonly note: string | null;
  /** The status this edit sent back to draft (an edit of an under-review or cleared text), or null. */
  readonly statusResetFrom: ClearanceStatus | null;
}

/** One clearance step (or automatic return to draft), kept for the position's history. */
export interface PositionStatusChange {
  readonly positionId: number;
  readonly fromStatus: ClearanceStatus;
  readonly toStatus: ClearanceStatus;
  readonly versionNumber: number;
  readonly changedBy: number | null;
  readonly changedByLabel: string;
  readonly changedAt: string;
  readonly reason: string;
}

/** The JSON snapshot of a position written into the audit log before and after each write. */
export interface PositionSnapshot {
  readonly id: number;
  readonly title: string;
  readonly kind: PositionKind;
  readonly forumSessionId: number | null;
  readonly agendaItemId: number | null;
  readonly status: ClearanceStatus;
  readonly currentVersion: number;
  readonly markdown: string;
}

export function positionSnapshot(position: PositionRecord, markdown: string): PositionSnapshot {
  return {
    id: position.id,
    title: position.title,
    kind: position.kind,
    forumSessionId: position.forumSessionId,
    agendaItemId: position.agendaItemId,
    status: position.status,
    currentVersion: position.currentVersion,
    markdown,
  };
}
