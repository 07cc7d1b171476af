import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { NotFoundError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { findForumSession } from "../store/forum-session.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { deleteStatement, deleteStatementStance, findStatement, findStatementStance, listStancesOfStatements, updateStatement } from "../store/statement.repository.ts";
import type { SpeakerGroup } from "./speaker-group.ts";
import { checkedStatementValues } from "./statement.service.ts";
import type { StatementInput } from "./statement.service.ts";
import type { Statement, StatementStance } from "./statement.ts";

/**
 * Corrections of recorded statements: change one (checked as a new one is), delete one with its stances, or delete one
 * wrongly recorded stance. Each write and its audit entries (the before snapshot of everything removed) share one
 * transaction. A proposal's derived stances are computed on read, so they fall back at once (to the speaker's previous
 * statement, or to silent).
 */

/** The fields to change; absent ones keep their value, `null` clears an optional one. */
export type StatementPatch = { readonly [K in keyof StatementInput]?: StatementInput[K] | undefined };

export interface StatementRemoval {
  readonly statement: Statement;
  readonly removedStances: readonly StatementStance[];
}

const SAME_FIELDS = ["agendaItemId", "speakerKind", "speakerCode", "deliveredOn", "summaryMarkdown", "sourceUrl", "sourceReference"] as const;

export async function updateStatementFields(
  db: Kysely<StoreSchema>,
  id: number,
  patch: StatementPatch,
  speakerGroups: ReadonlyMap<string, SpeakerGroup>,
  actor: AuditActor,
  now: Date,
): Promise<Statement> {
  const before = await findStatement(db, id);
  if (before === null) throw new NotFoundError("statement", `no statement ${id}`);
  const session = await findForumSession(db, before.sessionId);
  if (session === null) throw new NotFoundError("forum_session", `no forum session ${before.sessionId}`);
  const merged: StatementInput = {
    agendaItemId: patch.agendaItemId === undefined ? before.agendaItemId : patch.agendaItemId,
    speakerKind: patch.speakerKind ?? before.speakerKind,
    speakerCode: patch.speakerCode ?? before.speakerCode,
    deliveredOn: patch.deliveredOn ?? before.deliveredOn,
    summaryMarkdown: patch.summaryMarkdown ?? before.summaryMarkdown,
    sourceUrl: patch.sourceUrl === undefined ? before.sourceUrl : patch.sourceUrl,
    sourceReference: patch.sourceReference === undefined ? before.sourceReference : patch.sourceReference,
  };
  const values = await checkedStatementValues(db, session, merged, speakerGroups);
  // Nothing to change: nothing written, nothing audited.
  if (SAME_FIELDS.every((field) => values[field] === before[field])) return before;
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const after = await updateStatement(trx, id, values);
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "statement.update", entityType: "statement", entityId: String(id), before, after, atIso });
    return after;
  });
}

/** Deletes a statement and the stances it recorded, each removal audited with what was removed. */
export async function removeStatement(db: Kysely<StoreSchema>, id: number, actor: AuditActor, now: Date): Promise<StatementRemoval> {
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const statement = await findStatement(trx, id);
    if (statement === null) throw new NotFoundError("statement", `no statement ${id}`);
    const stances = await listStancesOfStatements(trx, [id]);
    for (const stance of stances) {
      await deleteStatementStance(trx, stance.id);
      await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "statement_stance.delete", entityType: "statement_stance", entityId: String(stance.id), before: stance, after: null, atIso });
    }
    await deleteStatement(trx, id);
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "statement.delete", entityType: "statement", entityId: String(id), before: statement, after: null, atIso });
    return { statement, removedStances: stances };
  });
}

/** Deletes the stance a statement recorded on a proposal (a wrongly recorded one). */
export async function removeStatementStance(db: Kysely<StoreSchema>, statementId: number, proposalId: number, actor: AuditActor, now: Date): Promise<StatementStance> {
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    if ((await findStatement(trx, statementId)) === null) throw new NotFoundError("statement", `no statement ${statementId}`);
    const stance = await findStatementStance(trx, statementId, proposalId);
    if (stance === null) throw new NotFoundError("statement_stance", `statement ${statementId} records no stance on proposal ${proposalId}`);
    await deleteStatementStance(trx, stance.id);
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "statement_stance.delete", entityType: "statement_stance", entityId: String(stance.id), before: stance, after: null, atIso });
    return stance;
  });
}
