import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { InvalidInputError, NotFoundError } from "../core/concord-error.ts";
import { renderMarkdown } from "../core/markdown.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { loadForaRegistry } from "../store/fora-registry.queries.ts";
import { findForumSession, listAgendaItems } from "../store/forum-session.repository.ts";
import { findProposal } from "../store/proposal.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { findStatement, findStatementStance, insertStatement, insertStatementStance, listStancesOfStatements, listStatements } from "../store/statement.repository.ts";
import type { StatementFilter, StatementValues } from "../store/statement.repository.ts";
import { isoDay, oneOf, optionalText, optionalUrl, requiredText } from "./fora-input.ts";
import { agendaItemOfSession } from "./forum-session.service.ts";
import type { ForumSession } from "./forum-session.ts";
import { speakerDirectory } from "./speaker-directory.ts";
import type { SpeakerGroup } from "./speaker-group.ts";
import { SPEAKER_KINDS, STANCES } from "./statement.ts";
import type { SpeakerKind, Stance, Statement, StatementStance } from "./statement.ts";

/** Statements made at sessions and the stances they took on proposals. */

export interface StatementInput {
  readonly agendaItemId?: number | null | undefined;
  readonly speakerKind: string;
  readonly speakerCode: string;
  readonly deliveredOn: string;
  readonly summaryMarkdown: string;
  readonly sourceUrl?: string | null | undefined;
  readonly sourceReference?: string | null | undefined;
}

export interface StatementView {
  readonly id: number;
  readonly sessionId: number;
  readonly agendaItemId: number | null;
  readonly agendaItemNumber: string | null;
  readonly speakerKind: SpeakerKind;
  readonly speakerCode: string;
  readonly speakerName: string;
  readonly deliveredOn: string;
  readonly summary: { readonly markdown: string; readonly html: string };
  readonly sourceUrl: string | null;
  readonly sourceReference: string | null;
  readonly recordedBy: number | null;
  readonly recordedAt: string;
  readonly stances: readonly StatementStance[];
}

/**
 * The checked values of a statement at a session: the agenda item of that session, a speaker of the directory, a day
 * within the session, a summary, and a source (a URL or a reference). Each refusal names its field.
 */
export async function checkedStatementValues(
  db: Kysely<StoreSchema>,
  session: ForumSession,
  input: StatementInput,
  speakerGroups: ReadonlyMap<string, SpeakerGroup>,
): Promise<StatementValues> {
  const agendaItemId = input.agendaItemId ?? null;
  if (agendaItemId !== null) await agendaItemOfSession(db, session.id, agendaItemId, "agendaItemId");
  const speakerKind = oneOf("speakerKind", input.speakerKind, SPEAKER_KINDS);
  const speakerCode = input.speakerCode.trim().toUpperCase();
  const directory = speakerDirectory(await loadForaRegistry(db), speakerGroups);
  if (directory.nameOf(speakerKind, speakerCode) === null) {
    const what = speakerKind === "state" ? "state code (ISO alpha-3 of the registry)" : speakerKind === "group" ? "speaker group" : "organisation code";
    throw new InvalidInputError("speakerCode", `unknown ${what} ${JSON.stringify(input.speakerCode)}`);
  }
  const deliveredOn = isoDay("deliveredOn", input.deliveredOn);
  if (deliveredOn < session.startDate || deliveredOn > session.endDate) {
    throw new InvalidInputError("deliveredOn", `${deliveredOn} lies outside the session (${session.startDate} to ${session.endDate})`);
  }
  const sourceUrl = optionalUrl("sourceUrl", input.sourceUrl);
  const sourceReference = optionalText("sourceReference", input.sourceReference, 500);
  if (sourceUrl === null && sourceReference === null) throw new InvalidInputError("sourceUrl", "a statement needs a source: a URL or a reference");
  return {
    sessionId: session.id,
    agendaItemId,
    speakerKind,
    speakerCode,
    deliveredOn,
    summaryMarkdown: requiredText("summaryMarkdown", input.summaryMarkdown, 20_000),
    sourceUrl,
    sourceReference,
  };
}

export async function recordStatement(
  db: Kysely<StoreSchema>,
  sessionId: number,
  input: StatementInput,
  speakerGroups: ReadonlyMap<string, SpeakerGroup>,
  actor: AuditActor,
  now: Date,
): Promise<Statement> {
  const session = await findForumSession(db, sessionId);
  if (session === null) throw new NotFoundError("forum_session", `no forum session ${sessionId}`);
  const values = await checkedStatementValues(db, session, input, speakerGroups);
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const statement = await insertStatement(trx, values, { recordedBy: actor.userId, atIso });
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "statement.create", entityType: "statement", entityId: String(statement.id), before: null, after: statement, atIso });
    return statement;
  });
}

export interface StatementListFilter {
  readonly agendaItemId?: number | undefined;
  readonly speakerKind?: SpeakerKind | undefined;
  readonly speakerCode?: string | undefined;
}

/** A session's statements in delivery order, with speaker names, rendered summaries and their stances. */
export async function listSessionStatements(
  db: Kysely<StoreSchema>,
  sessionId: number,
  filter: StatementListFilter,
  speakerGroups: ReadonlyMap<string, SpeakerGroup>,
): Promise<StatementView[]> {
  const session = await findForumSession(db, sessionId);
  if (session === null) throw new NotFoundError("forum_session", `no forum session ${sessionId}`);
  const query: StatementFilter = {
    sessionId,
    ...(filter.agendaItemId === undefined ? {} : { agendaItemId: filter.agendaItemId }),
    ...(filter.speakerKind === undefined ? {} : { speakerKind: filter.speakerKind }),
    ...(filter.speakerCode === undefined ? {} : { speakerCode: filter.speakerCode.trim().toUpperCase() }),
  };
  const [statements, items, registry] = await Promise.all([listStatements(db, query), listAgendaItems(db, [sessionId]), loadForaRegistry(db)]);
  const stances = await listStancesOfStatements(db, statements.map((s) => s.id));
  const directory = speakerDirectory(registry, speakerGroups);
  const itemNumbers = new Map(items.map((i) => [i.id, i.itemNumber]));
  return statements.map((s) => ({
    id: s.id,
    sessionId: s.sessionId,
    agendaItemId: s.agendaItemId,
    agendaItemNumber: s.agendaItemId === null ? null : (itemNumbers.get(s.agendaItemId) ?? null),
    speakerKind: s.speakerKind,
    speakerCode: s.speakerCode,
    speakerName: directory.nameOf(s.speakerKind, s.speakerCode) ?? s.speakerCode,
    deliveredOn: s.deliveredOn,
    summary: { markdown: s.summaryMarkdown, html: renderMarkdown(s.summaryMarkdown) },
    sourceUrl: s.sourceUrl,
    sourceReference: s.sourceReference,
    recordedBy: s.recordedBy,
    recordedAt: s.recordedAt,
    stances: stances.filter((t) => t.statementId === s.id),
  }));
}

/** One statement as the session's list shows it (speaker name, rendered summary, stances). */
export async function loadStatementView(db: Kysely<StoreSchema>, statement: Statement, speakerGroups: ReadonlyMap<string, SpeakerGroup>): Promise<StatementView> {
  const view = (await listSessionStatements(db, statement.sessionId, {}, speakerGroups)).find((s) => s.id === statement.id);
  if (view === undefined) throw new NotFoundError("statement", `no statement ${statement.id}`);
  return view;
}

export interface StanceInput {
  readonly proposalId: number;
  readonly stance: string;
  readonly note?: string | null | undefined;
}

/** Records what a statement said about a proposal; one stance per statement and proposal. */
export async function recordStatementStance(db: Kysely<StoreSchema>, statementId: number, input: StanceInput, actor: AuditActor, now: Date): Promise<StatementStance> {
  const statement = await findStatement(db, statementId);
  if (statement === null) throw new NotFoundError("statement", `no statement ${statementId}`);
  const proposal = await findProposal(db, input.proposalId);
  if (proposal === null) throw new InvalidInputError("proposalId", `no proposal ${input.proposalId}`);
  const stance: Stance = oneOf("stance", input.stance, STANCES);
  if ((await findStatementStance(db, statementId, proposal.id)) !== null) {
    throw new InvalidInputError("proposalId", `statement ${statementId} already records a stance on proposal ${proposal.id}`);
  }
  const values = { statementId, proposalId: proposal.id, stance, note: optionalText("note", input.note, 2000) };
  const atIso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const recorded = await insertStatementStance(trx, values, { recordedBy: actor.userId, atIso });
    await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "statement_stance.create", entityType: "statement_stance", entityId: String(recorded.id), before: null, after: recorded, atIso });
    return recorded;
  });
}
