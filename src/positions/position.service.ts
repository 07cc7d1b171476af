import type { Kysely, Transaction } from "kysely";
import { ConflictError, ForbiddenError, InvalidInputError } from "../core/concord-error.ts";
import { findAgendaItemRef, findForumSessionRef, insertPosition, insertPositionVersion } from "../store/position.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { mayWritePositions, returnedToDraftMessage } from "./clearance-workflow.ts";
import { checkedMarkdown, checkedNote, checkedTitle } from "./position-input.ts";
import { auditPosition, loadForWrite, recordContentChange } from "./position-write.ts";
import { isPositionKind, positionSnapshot } from "./position.ts";
import type { ClearanceStatus, PositionActor, PositionKind, PositionRecord, PositionVersion } from "./position.ts";

/**
 * Writing positions: create one (version 1, draft) and edit it (a new version, never an overwrite). Every write runs
 * in one transaction with its audit entry (before and after). An edit names the version it was based on; a stale
 * base is refused with ConflictError (409), so nobody overwrites a change they have not seen.
 */

export interface CreatePositionInput {
  readonly title: string;
  readonly kind: PositionKind;
  readonly markdown: string;
  readonly note?: string | null | undefined;
  readonly forumSessionId?: number | null | undefined;
  readonly agendaItemId?: number | null | undefined;
}

export interface EditPositionInput {
  /** The version the edit was made on: must be the current one. */
  readonly baseVersion: number;
  readonly markdown: string;
  /** Unchanged when absent. */
  readonly title?: string | undefined;
  readonly note?: string | null | undefined;
  /** Unchanged when absent; null unties the position. */
  readonly forumSessionId?: number | null | undefined;
  readonly agendaItemId?: number | null | undefined;
}

export interface PositionWriteResult {
  readonly position: PositionRecord;
  readonly version: PositionVersion;
  /** Set when the write sent an under-review or cleared text back to draft: from which status, and the sentence to show. */
  readonly returnedToDraft: { readonly from: ClearanceStatus; readonly message: string } | null;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/**
 * The forum session and agenda item a position is tied to, checked: each must exist, the agenda item must belong to the
 * session, and an agenda item alone ties the position to its session too.
 */
export async function resolvePositionLinks(db: Db, links: { readonly forumSessionId: number | null; readonly agendaItemId: number | null }): Promise<{ forumSessionId: number | null; agendaItemId: number | null }> {
  let { forumSessionId } = links;
  if (links.agendaItemId !== null) {
    const item = await findAgendaItemRef(db, links.agendaItemId);
    if (item === null) throw new InvalidInputError("agendaItemId", `no agenda item ${links.agendaItemId}`);
    if (forumSessionId !== null && forumSessionId !== item.sessionId) {
      throw new InvalidInputError("agendaItemId", `agenda item ${item.id} belongs to forum session ${item.sessionId}, not ${forumSessionId}`);
    }
    forumSessionId = item.sessionId;
  }
  if (forumSessionId !== null && (await findForumSessionRef(db, forumSessionId)) === null) {
    throw new InvalidInputError("forumSessionId", `no forum session ${forumSessionId}`);
  }
  return { forumSessionId, agendaItemId: links.agendaItemId };
}

function assertWriter(actor: PositionActor): void {
  if (!mayWritePositions(actor.role)) throw new ForbiddenError(`the role ${actor.role} may not change positions`);
}

export async function createPosition(db: Kysely<StoreSchema>, input: CreatePositionInput, actor: PositionActor, now: Date): Promise<PositionWriteResult> {
  assertWriter(actor);
  const title = checkedTitle(input.title);
  if (!isPositionKind(input.kind)) throw new InvalidInputError("kind", "position-paper or talking-points");
  const markdown = checkedMarkdown(input.markdown);
  const note = checkedNote(input.note);
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const links = await resolvePositionLinks(trx, { forumSessionId: input.forumSessionId ?? null, agendaItemId: input.agendaItemId ?? null });
    const id = await insertPosition(trx, { title, kind: input.kind, ...links, actorUserId: actor.userId, actorLabel: actor.label, atIso });
    const version: PositionVersion = {
      positionId: id,
      versionNumber: 1,
      title,
      markdown,
      changedBy: actor.userId,
      changedByLabel: actor.label,
      changedAt: atIso,
      note,
      statusResetFrom: null,
    };
    await insertPositionVersion(trx, version);
    const { position } = await loadForWrite(trx, id);
    await auditPosition(trx, actor, "position.create", id, null, positionSnapshot(position, markdown), atIso);
    return { position, version, returnedToDraft: null };
  });
}

/** A new version of the text. Refused when delivered (409), on a stale base (409), or when nothing changed (400). */
export async function editPosition(db: Kysely<StoreSchema>, positionId: number, input: EditPositionInput, actor: PositionActor, now: Date): Promise<PositionWriteResult> {
  assertWriter(actor);
  const markdown = checkedMarkdown(input.markdown);
  const title = input.title === undefined ? undefined : checkedTitle(input.title);
  const note = checkedNote(input.note);
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const { position, version: current } = await loadForWrite(trx, positionId);
    if (position.status === "delivered") throw new ConflictError("the position was delivered: delivered is final, it can no longer be edited");
    if (input.baseVersion !== position.currentVersion) {
      throw new ConflictError(
        `stale edit: it was based on version ${input.baseVersion}, but the current version is ${position.currentVersion} (by ${current.changedByLabel} at ${current.changedAt}); reload, merge and save again`,
      );
    }
    const links = await resolvePositionLinks(trx, {
      forumSessionId: input.forumSessionId === undefined ? (input.agendaItemId === undefined ? position.forumSessionId : null) : input.forumSessionId,
      agendaItemId: input.agendaItemId === undefined ? position.agendaItemId : input.agendaItemId,
    });
    const nextTitle = title ?? position.title;
    const unchanged = markdown === current.markdown && nextTitle === current.title && links.forumSessionId === position.forumSessionId && links.agendaItemId === position.agendaItemId;
    if (unchanged) throw new InvalidInputError("markdown", `nothing changed: version ${position.currentVersion} already says this`);
    const toVersion = position.currentVersion + 1;
    const resetFrom = await recordContentChange(trx, position, { toVersion, title: nextTitle, ...links, reason: "edit" }, actor, atIso);
    const version: PositionVersion = {
      positionId,
      versionNumber: toVersion,
      title: nextTitle,
      markdown,
      changedBy: actor.userId,
      changedByLabel: actor.label,
      changedAt: atIso,
      note,
      statusResetFrom: resetFrom,
    };
    await insertPositionVersion(trx, version);
    const { position: after } = await loadForWrite(trx, positionId);
    await auditPosition(trx, actor, "position.update", positionId, positionSnapshot(position, current.markdown), { ...positionSnapshot(after, markdown), note, returnedToDraftFrom: resetFrom }, atIso);
    return { position: after, version, returnedToDraft: resetFrom === null ? null : { from: resetFrom, message: returnedToDraftMessage(resetFrom) } };
  });
}
