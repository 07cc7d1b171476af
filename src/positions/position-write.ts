import type { Transaction } from "kysely";
import { ConflictError, ForbiddenError, NotFoundError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { findPosition, findPositionVersion, insertPositionStatusChange, updatePositionContent } from "../store/position.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { decideEdit } from "./clearance-workflow.ts";
import type { ClearanceRefusal } from "./clearance-workflow.ts";
import type { ClearanceStatus, PositionActor, PositionRecord, PositionVersion } from "./position.ts";

/** What every write of a position shares: loading it, refusing a step, recording a content change and the audit entry. */

export function throwRefusal(refusal: ClearanceRefusal): never {
  throw refusal.refusal === "forbidden" ? new ForbiddenError(refusal.reason) : new ConflictError(refusal.reason);
}

/** The position and its current version, inside the write's transaction; NotFoundError when there is none. */
export async function loadForWrite(trx: Transaction<StoreSchema>, positionId: number): Promise<{ position: PositionRecord; version: PositionVersion }> {
  const position = await findPosition(trx, positionId);
  if (position === null) throw new NotFoundError("position", `no position ${positionId}`);
  const version = await findPositionVersion(trx, positionId, position.currentVersion);
  if (version === null) throw new Error(`position ${positionId} has no version ${position.currentVersion}`);
  return { position, version };
}

export interface ContentChange {
  readonly toVersion: number;
  readonly title: string;
  readonly forumSessionId: number | null;
  readonly agendaItemId: number | null;
  /** `edit` or `citation`: recorded as the reason of an automatic return to draft. */
  readonly reason: string;
}

/**
 * Records that the content changed (a new version, or a cited figure added or removed): the actor becomes the last
 * editor, and an under-review or cleared text goes back to draft (with a status-change row). Refused when the text was
 * delivered or the role may not write; ConflictError when another writer changed the position meanwhile. Returns the
 * status the change sent back to draft, or null.
 */
export async function recordContentChange(trx: Transaction<StoreSchema>, position: PositionRecord, change: ContentChange, actor: PositionActor, atIso: string): Promise<ClearanceStatus | null> {
  const decision = decideEdit(position.status, actor.role);
  if (!decision.allowed) throwRefusal(decision);
  const updated = await updatePositionContent(trx, position.id, {
    fromVersion: position.currentVersion,
    toVersion: change.toVersion,
    fromStatus: position.status,
    toStatus: "draft",
    title: change.title,
    forumSessionId: change.forumSessionId,
    agendaItemId: change.agendaItemId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    atIso,
  });
  if (!updated) throw new ConflictError(`position ${position.id} was changed by someone else meanwhile: reload it and apply your change again`);
  if (decision.resetFrom !== null) {
    await insertPositionStatusChange(trx, {
      positionId: position.id,
      fromStatus: decision.resetFrom,
      toStatus: "draft",
      versionNumber: change.toVersion,
      changedBy: actor.userId,
      changedByLabel: actor.label,
      changedAt: atIso,
      reason: change.reason,
    });
  }
  return decision.resetFrom;
}

export async function auditPosition(trx: Transaction<StoreSchema>, actor: PositionActor, action: string, positionId: number, before: unknown, after: unknown, atIso: string): Promise<void> {
  await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action, entityType: "position", entityId: String(positionId), before, after, atIso });
}
