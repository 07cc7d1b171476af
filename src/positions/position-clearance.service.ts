import type { Kysely } from "kysely";
import { ConflictError } from "../core/concord-error.ts";
import { insertPositionStatusChange, updatePositionStatus } from "../store/position.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { decideTransition } from "./clearance-workflow.ts";
import type { ClearanceAction } from "./clearance-workflow.ts";
import { auditPosition, loadForWrite, throwRefusal } from "./position-write.ts";
import { positionSnapshot } from "./position.ts";
import type { ClearanceStatus, PositionActor, PositionRecord } from "./position.ts";

/**
 * Moves a position through clearance (clearance-workflow.ts has the rules): one status change row and one audit entry
 * (`position.submit`, `position.return`, `position.clear`, `position.deliver`, `position.reopen`, with the position
 * before and after) in the same transaction. A step out of order is a ConflictError (409); a step this user may not
 * take (the second-person rule) a ForbiddenError (403).
 */
export interface TransitionResult {
  readonly position: PositionRecord;
  readonly action: ClearanceAction;
  readonly from: ClearanceStatus;
}

export async function transitionPosition(db: Kysely<StoreSchema>, positionId: number, to: ClearanceStatus, actor: PositionActor, now: Date): Promise<TransitionResult> {
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const { position, version } = await loadForWrite(trx, positionId);
    const decision = decideTransition(position, to, actor);
    if (!decision.allowed) throwRefusal(decision);
    const { step } = decision;
    const moved = await updatePositionStatus(trx, positionId, { status: position.status, version: position.currentVersion }, to, atIso);
    if (!moved) throw new ConflictError(`position ${positionId} was changed by someone else meanwhile: reload it and try again`);
    await insertPositionStatusChange(trx, {
      positionId,
      fromStatus: position.status,
      toStatus: to,
      versionNumber: position.currentVersion,
      changedBy: actor.userId,
      changedByLabel: actor.label,
      changedAt: atIso,
      reason: step.action,
    });
    const { position: after } = await loadForWrite(trx, positionId);
    await auditPosition(trx, actor, `position.${step.action}`, positionId, positionSnapshot(position, version.markdown), positionSnapshot(after, version.markdown), atIso);
    return { position: after, action: step.action, from: position.status };
  });
}
