import type { Role } from "../accounts/role.ts";
import type { ClearanceStatus } from "./position.ts";

/**
 * The clearance workflow of a position, as pure rules (no store, no clock):
 *
 *   draft ──submit──▶ under-review ──clear──▶ cleared ──deliver──▶ delivered (final)
 *     ▲                  │                      │
 *     └──────return──────┘◀────────reopen───────┘ (back to draft)
 *
 * - Only analysts and admins change a position (viewers read; stakeholders never see positions).
 * - Second-person rule: clearing needs a user other than the position's last editor (the author of its current
 *   version, or whoever last added or removed a cited figure); an admin may clear its own text (and is recorded so).
 * - Editing an under-review or cleared text (a new version, or a cited figure added or removed) sends it back to
 *   draft, and the answer says so; it must be submitted and cleared again.
 * - Delivered is final: no transition, edit or citation change is accepted any more (ConflictError).
 */

export const CLEARANCE_ACTIONS = ["submit", "return", "clear", "deliver", "reopen"] as const;
export type ClearanceAction = (typeof CLEARANCE_ACTIONS)[number];

export interface ClearanceStep {
  readonly from: ClearanceStatus;
  readonly to: ClearanceStatus;
  readonly action: ClearanceAction;
}

export const CLEARANCE_STEPS: readonly ClearanceStep[] = [
  { from: "draft", to: "under-review", action: "submit" },
  { from: "under-review", to: "draft", action: "return" },
  { from: "under-review", to: "cleared", action: "clear" },
  { from: "cleared", to: "delivered", action: "deliver" },
  { from: "cleared", to: "draft", action: "reopen" },
];

const WRITER_ROLES: readonly Role[] = ["admin", "analyst"];

/** Whether a role may change positions at all. */
export function mayWritePositions(role: Role): boolean {
  return WRITER_ROLES.includes(role);
}

/** Refused: `conflict` (the step is out of order for the stored state: 409) or `forbidden` (this user may not: 403). */
export type ClearanceRefusal = { readonly allowed: false; readonly refusal: "conflict" | "forbidden"; readonly reason: string };

export type TransitionDecision = { readonly allowed: true; readonly step: ClearanceStep } | ClearanceRefusal;

export interface TransitionSubject {
  readonly status: ClearanceStatus;
  readonly lastEditedBy: number | null;
}

export interface TransitionActor {
  readonly userId: number | null;
  readonly role: Role;
}

/** Whether `actor` may move a position in `subject`'s state to `to`, and which step that is. */
export function decideTransition(subject: TransitionSubject, to: ClearanceStatus, actor: TransitionActor): TransitionDecision {
  if (!mayWritePositions(actor.role)) return { allowed: false, refusal: "forbidden", reason: `the role ${actor.role} may not change positions` };
  if (subject.status === "delivered") return { allowed: false, refusal: "conflict", reason: "the position was delivered: delivered is final" };
  if (subject.status === to) return { allowed: false, refusal: "conflict", reason: `the position is already ${to}` };
  const step = CLEARANCE_STEPS.find((s) => s.from === subject.status && s.to === to);
  if (step === undefined) {
    const next = CLEARANCE_STEPS.filter((s) => s.from === subject.status).map((s) => s.to);
    return { allowed: false, refusal: "conflict", reason: `a ${subject.status} position cannot move to ${to}; it can move to ${next.join(" or ")}` };
  }
  if (step.action === "clear" && actor.role !== "admin" && actor.userId !== null && actor.userId === subject.lastEditedBy) {
    return { allowed: false, refusal: "forbidden", reason: "clearance needs a second person: the last editor of a text may not clear it (an admin may)" };
  }
  return { allowed: true, step };
}

/** Every step out of the position's state, each with whether this actor may take it now (for the web app's buttons). */
export function availableTransitions(subject: TransitionSubject, actor: TransitionActor): { readonly to: ClearanceStatus; readonly action: ClearanceAction; readonly allowed: boolean; readonly reason: string | null }[] {
  return CLEARANCE_STEPS.filter((s) => s.from === subject.status).map((s) => {
    const decision = decideTransition(subject, s.to, actor);
    return { to: s.to, action: s.action, allowed: decision.allowed, reason: decision.allowed ? null : decision.reason };
  });
}

export type EditDecision = { readonly allowed: true; readonly resetFrom: ClearanceStatus | null } | ClearanceRefusal;

/** Whether the content may change in this state; an under-review or cleared text goes back to draft (`resetFrom`). */
export function decideEdit(status: ClearanceStatus, role: Role): EditDecision {
  if (!mayWritePositions(role)) return { allowed: false, refusal: "forbidden", reason: `the role ${role} may not change positions` };
  if (status === "delivered") return { allowed: false, refusal: "conflict", reason: "the position was delivered: delivered is final, it can no longer be edited" };
  return { allowed: true, resetFrom: status === "draft" ? null : status };
}

/** The sentence an answer carries when an edit sent a text back to draft. */
export function returnedToDraftMessage(from: ClearanceStatus): string {
  return `the text was ${from}; the edit sent it back to draft: submit it for review and have it cleared again`;
}
