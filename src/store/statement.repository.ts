import type { Kysely, Selectable, Transaction } from "kysely";
import type { StanceEvidence } from "../fora/stance-derivation.ts";
import type { SpeakerKind, Stance, Statement, StatementStance } from "../fora/statement.ts";
import type { StoreSchema } from "./schema.ts";
import type { StatementStanceTable, StatementTable } from "./schema-fora.ts";

/** Statements made at sessions, and the stances they took on proposals. */

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

export interface StatementValues {
  readonly sessionId: number;
  readonly agendaItemId: number | null;
  readonly speakerKind: SpeakerKind;
  readonly speakerCode: string;
  readonly deliveredOn: string;
  readonly summaryMarkdown: string;
  readonly sourceUrl: string | null;
  readonly sourceReference: string | null;
}

export interface StatementFilter {
  readonly sessionId?: number;
  readonly agendaItemId?: number;
  readonly speakerKind?: SpeakerKind;
  readonly speakerCode?: string;
}

export function toStatement(row: Selectable<StatementTable>): Statement {
  return {
    id: row.id,
    sessionId: row.session_id,
    agendaItemId: row.agenda_item_id,
    speakerKind: row.speaker_kind as SpeakerKind,
    speakerCode: row.speaker_code,
    deliveredOn: row.delivered_on,
    summaryMarkdown: row.summary_markdown,
    sourceUrl: row.source_url,
    sourceReference: row.source_reference,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

export async function insertStatement(db: Db, values: StatementValues, meta: { readonly recordedBy: number | null; readonly atIso: string }): Promise<Statement> {
  const row = await db
    .insertInto("statements")
    .values({
      session_id: values.sessionId,
      agenda_item_id: values.agendaItemId,
      speaker_kind: values.speakerKind,
      speaker_code: values.speakerCode,
      delivered_on: values.deliveredOn,
      summary_markdown: values.summaryMarkdown,
      source_url: values.sourceUrl,
      source_reference: values.sourceReference,
      recorded_by: meta.recordedBy,
      recorded_at: meta.atIso,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStatement(row);
}

export async function findStatement(db: Db, id: number): Promise<Statement | null> {
  const row = await db.selectFrom("statements").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : toStatement(row);
}

/** Rewrites a statement's fields (its session, recorder and recording time stay). */
export async function updateStatement(db: Db, id: number, values: Omit<StatementValues, "sessionId">): Promise<Statement> {
  const row = await db
    .updateTable("statements")
    .set({
      agenda_item_id: values.agendaItemId,
      speaker_kind: values.speakerKind,
      speaker_code: values.speakerCode,
      delivered_on: values.deliveredOn,
      summary_markdown: values.summaryMarkdown,
      source_url: values.sourceUrl,
      source_reference: values.sourceReference,
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStatement(row);
}

/** Deletes a statement row; its stances must be gone first (foreign key). */
export async function deleteStatement(db: Db, id: number): Promise<void> {
  await db.deleteFrom("statements").where("id", "=", id).execute();
}

/** Statements in delivery order (then recording order), filtered. */
export async function listStatements(db: Db, filter: StatementFilter = {}): Promise<Statement[]> {
  let select = db.selectFrom("statements").selectAll().orderBy("delivered_on", "asc").orderBy("id", "asc");
  if (filter.sessionId !== undefined) select = select.where("session_id", "=", filter.sessionId);
  if (filter.agendaItemId !== undefined) select = select.where("agenda_item_id", "=", filter.agendaItemId);
  if (filter.speakerKind !== undefined) select = select.where("speaker_kind", "=", filter.speakerKind);
  if (filter.speakerCode !== undefined) select = select.where("speaker_code", "=", filter.speakerCode);
  return (await select.execute()).map(toStatement);
}

export function toStatementStance(row: Selectable<StatementStanceTable>): StatementStance {
  return {
    id: row.id,
    statementId: row.statement_id,
    proposalId: row.proposal_id,
    stance: row.stance as Stance,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

export async function insertStatementStance(
  db: Db,
  values: { readonly statementId: number; readonly proposalId: number; readonly stance: Stance; readonly note: string | null },
  meta: { readonly recordedBy: number | null; readonly atIso: string },
): Promise<StatementStance> {
  const row = await db
    .insertInto("statement_stances")
    .values({ statement_id: values.statementId, proposal_id: values.proposalId, stance: values.stance, note: values.note, recorded_by: meta.recordedBy, recorded_at: meta.atIso })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStatementStance(row);
}

export async function findStatementStance(db: Db, statementId: number, proposalId: number): Promise<StatementStance | null> {
  const row = await db.selectFrom("statement_stances").selectAll().where("statement_id", "=", statementId).where("proposal_id", "=", proposalId).executeTakeFirst();
  return row === undefined ? null : toStatementStance(row);
}

export async function deleteStatementStance(db: Db, id: number): Promise<void> {
  await db.deleteFrom("statement_stances").where("id", "=", id).execute();
}

/** The stances of the given statements (for statement lists). */
export async function listStancesOfStatements(db: Db, statementIds: readonly number[]): Promise<StatementStance[]> {
  if (statementIds.length === 0) return [];
  const rows = await db.selectFrom("statement_stances").selectAll().where("statement_id", "in", statementIds).orderBy("id").execute();
  return rows.map(toStatementStance);
}

/** Every stance recorded on a proposal, with the statement it was taken in. */
export async function listProposalStanceEvidence(db: Db, proposalId: number): Promise<StanceEvidence[]> {
  const rows = await db
    .selectFrom("statement_stances")
    .innerJoin("statements", "statements.id", "statement_stances.statement_id")
    .select([
      "statements.id as statement_id",
      "statements.session_id",
      "statements.agenda_item_id",
      "statements.speaker_kind",
      "statements.speaker_code",
      "statements.delivered_on",
      "statements.source_url",
      "statements.source_reference",
      "statement_stances.stance",
      "statement_stances.note",
    ])
    .where("statement_stances.proposal_id", "=", proposalId)
    .orderBy("statements.delivered_on")
    .orderBy("statements.id")
    .execute();
  return rows.map((r) => ({
    statementId: r.statement_id,
    sessionId: r.session_id,
    agendaItemId: r.agenda_item_id,
    speakerKind: r.speaker_kind as SpeakerKind,
    speakerCode: r.speaker_code,
    deliveredOn: r.delivered_on,
    stance: r.stance as Stance,
    note: r.note,
    sourceUrl: r.source_url,
    sourceReference: r.source_reference,
  }));
}
