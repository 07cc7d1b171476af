import type { Kysely, Selectable } from "kysely";
import { ConcordError } from "../core/concord-error.ts";
import type { Act, ActKind, ActSlot, ActTargetType, Vote } from "../diplomacy/act.ts";
import { insertInChunks } from "./chunked-insert.ts";
import type { DiplomacyActTable, StoreSchema } from "./schema.ts";

/**
 * Acts with history. A fact is identified by (target, party, slot); each change is a new version that supersedes the
 * current one (its superseded_at is set), so the store can say what it believed, from which source, until when.
 * Nothing here deletes an act version.
 */

/** One act to record; `slot` is the act's question (see src/diplomacy/act.ts). */
export interface ActVersionInput extends Act {
  readonly slot: ActSlot;
}

/** A stored version. `retracted`: this version withdraws the belief (the curated data stopped stating it). */
export interface StoredAct extends ActVersionInput {
  readonly id: number;
  readonly retracted: boolean;
  readonly origin: string;
  readonly recordedAt: string;
  readonly supersededAt: string | null;
}

export interface RecordActsOutcome {
  /** New facts (no current version before). */
  readonly inserted: number;
  /** Facts whose current version was superseded by a different one. */
  readonly corrected: number;
  /** Facts whose current version already said the same. */
  readonly unchanged: number;
}

const SQL_LIST_CHUNK = 500;

/** A write would break the history: two versions of one fact in one batch, or a version recorded before the one it replaces. */
export class ActHistoryError extends ConcordError {
  readonly code = "ACT_HISTORY";
  constructor(message: string) {
    super(message);
    this.name = "ActHistoryError";
  }
}

/**
 * Records acts as the current belief: a new fact is inserted; a fact whose current version differs gets a new version
 * and the old one is marked superseded; an identical one is left alone. Keys must be unique within `acts`. Runs in one
 * transaction (the caller's, or its own), so a failure stores nothing.
 */
export async function recordActs(
  db: Kysely<StoreSchema>,
  acts: readonly ActVersionInput[],
  options: { readonly origin: string; readonly recordedAt: string },
): Promise<RecordActsOutcome> {
  const record = async (trx: Kysely<StoreSchema>): Promise<RecordActsOutcome> => {
    const targets = [...new Set(acts.map((a) => a.target))];
    const current = new Map<string, StoredAct>();
    for (let i = 0; i < targets.length; i += SQL_LIST_CHUNK) {
      const rows = await trx
        .selectFrom("diplomacy_acts")
        .selectAll()
        .where("superseded_at", "is", null)
        .where("target_id", "in", targets.slice(i, i + SQL_LIST_CHUNK))
        .execute();
      for (const row of rows) current.set(actKey(row.target_id, row.party_code, row.slot), toStoredAct(row));
    }
    const seen = new Set<string>();
    const supersede: number[] = [];
    const insert: ActVersionInput[] = [];
    let inserted = 0;
    let corrected = 0;
    for (const act of acts) {
      const key = actKey(act.target, act.party, act.slot);
      if (seen.has(key)) throw new ActHistoryError(`${act.party} has two ${act.slot} acts under ${act.target} in one batch`);
      seen.add(key);
      const existing = current.get(key);
      if (existing !== undefined && !existing.retracted && sameValue(existing, act)) continue;
      if (existing === undefined) inserted += 1;
      else {
        if (existing.recordedAt > options.recordedAt) {
          throw new ActHistoryError(`recorded-at ${options.recordedAt} precedes the current version's ${existing.recordedAt} (${key.replaceAll("\u0000", " ")})`);
        }
        corrected += 1;
        supersede.push(existing.id);
      }
      insert.push(act);
    }
    await markSuperseded(trx, supersede, options.recordedAt);
    await insertInChunks(trx, "diplomacy_acts", insert.map((act) => toRow(act, options.origin, options.recordedAt, false)));
    return { inserted, corrected, unchanged: acts.length - inserted - corrected };
  };
  return db.isTransaction ? record(db) : db.transaction().execute(record);
}

/**
 * Seeds the store from the curated acts. A curated act is recorded when the curated data says something new about the
 * fact (compared with the latest version that came from the curated data), so a later import's correction is not
 * undone by an unchanged curated file. A fact the curated data no longer states is retracted (a retraction version
 * supersedes it) when its current version came from the curated data. One transaction.
 */
export async function syncCuratedActs(
  db: Kysely<StoreSchema>,
  acts: readonly ActVersionInput[],
  recordedAt: string,
): Promise<RecordActsOutcome & { retracted: number }> {
  const sync = async (trx: Kysely<StoreSchema>) => {
    const curatedRows = await trx.selectFrom("diplomacy_acts").selectAll().where("origin", "=", CURATED_ORIGIN).orderBy("id").execute();
    const latestCurated = new Map<string, StoredAct>();
    for (const row of curatedRows) latestCurated.set(actKey(row.target_id, row.party_code, row.slot), toStoredAct(row));
    const changed = acts.filter((act) => {
      const latest = latestCurated.get(actKey(act.target, act.party, act.slot));
      return latest === undefined || latest.retracted || !sameValue(latest, act);
    });
    const outcome = await recordActs(trx, changed, { origin: CURATED_ORIGIN, recordedAt });
    const stated = new Set(acts.map((act) => actKey(act.target, act.party, act.slot)));
    const dropped = [...latestCurated.entries()].filter(([key, act]) => !stated.has(key) && !act.retracted && act.supersededAt === null);
    await markSuperseded(trx, dropped.map(([, act]) => act.id), recordedAt);
    await insertInChunks(trx, "diplomacy_acts", dropped.map(([, act]) => toRow(act, CURATED_ORIGIN, recordedAt, true)));
    return { ...outcome, unchanged: acts.length - outcome.inserted - outcome.corrected, retracted: dropped.length };
  };
  return db.isTransaction ? sync(db) : db.transaction().execute(sync);
}

export const CURATED_ORIGIN = "curated";

export interface ActFilter {
  /** Only acts of these parties (states or organisations). */
  readonly parties?: readonly string[];
  /** Only acts under this instrument or in this forum. */
  readonly target?: string;
}

/** The current belief of every fact (retractions left out), by target, party and slot. */
export async function listCurrentActs(db: Kysely<StoreSchema>, filter: ActFilter = {}): Promise<StoredAct[]> {
  let query = db.selectFrom("diplomacy_acts").selectAll().where("superseded_at", "is", null).where("retracted", "=", 0);
  if (filter.target !== undefined) query = query.where("target_id", "=", filter.target);
  if (filter.parties !== undefined) query = query.where("party_code", "in", filter.parties.length === 0 ? [""] : [...filter.parties]);
  const rows = await query.orderBy("target_id").orderBy("party_code").orderBy("slot").execute();
  return rows.map(toStoredAct);
}

/** Every version of a party's acts under a target (one slot or all), oldest first: what we believed, and until when. */
export async function listActHistory(
  db: Kysely<StoreSchema>,
  fact: { readonly party: string; readonly target: string; readonly slot?: ActSlot },
): Promise<StoredAct[]> {
  let query = db.selectFrom("diplomacy_acts").selectAll().where("party_code", "=", fact.party).where("target_id", "=", fact.target);
  if (fact.slot !== undefined) query = query.where("slot", "=", fact.slot);
  const rows = await query.orderBy("slot").orderBy("id").execute();
  return rows.map(toStoredAct);
}

/** The beliefs current at an instant (ISO timestamp): recorded by then and not yet superseded; retractions left out. */
export async function listActsBelievedAt(db: Kysely<StoreSchema>, instant: string, filter: ActFilter = {}): Promise<StoredAct[]> {
  let query = db
    .selectFrom("diplomacy_acts")
    .selectAll()
    .where("recorded_at", "<=", instant)
    .where((eb) => eb.or([eb("superseded_at", "is", null), eb("superseded_at", ">", instant)]))
    .where("retracted", "=", 0);
  if (filter.target !== undefined) query = query.where("target_id", "=", filter.target);
  if (filter.parties !== undefined) query = query.where("party_code", "in", filter.parties.length === 0 ? [""] : [...filter.parties]);
  const rows = await query.orderBy("target_id").orderBy("party_code").orderBy("slot").execute();
  return rows.map(toStoredAct);
}

async function markSuperseded(db: Kysely<StoreSchema>, ids: readonly number[], supersededAt: string): Promise<void> {
  for (let i = 0; i < ids.length; i += SQL_LIST_CHUNK) {
    await db
      .updateTable("diplomacy_acts")
      .set({ superseded_at: supersededAt })
      .where("id", "in", ids.slice(i, i + SQL_LIST_CHUNK))
      .execute();
  }
}

function actKey(target: string, party: string, slot: string): string {
  return `${target}\u0000${party}\u0000${slot}`;
}

function sameValue(stored: ActVersionInput, act: ActVersionInput): boolean {
  return (
    stored.kind === act.kind &&
    stored.date === act.date &&
    stored.vote === act.vote &&
    stored.source === act.source &&
    stored.asOf === act.asOf &&
    stored.note === act.note &&
    stored.targetType === act.targetType
  );
}

function toRow(act: ActVersionInput, origin: string, recordedAt: string, retracted: boolean): Omit<DiplomacyActTable, "id"> {
  return {
    party_code: act.party,
    target_id: act.target,
    target_type: act.targetType,
    slot: act.slot,
    act_kind: act.kind,
    act_date: act.date,
    vote: act.vote,
    source: act.source,
    as_of: act.asOf,
    note: act.note,
    retracted: retracted ? 1 : 0,
    origin,
    recorded_at: recordedAt,
    superseded_at: null,
  };
}

function toStoredAct(row: Selectable<DiplomacyActTable>): StoredAct {
  return {
    id: row.id,
    party: row.party_code,
    target: row.target_id,
    targetType: row.target_type as ActTargetType,
    slot: row.slot as ActSlot,
    kind: row.act_kind as ActKind,
    date: row.act_date,
    vote: row.vote as Vote | null,
    source: row.source,
    asOf: row.as_of,
    note: row.note,
    retracted: row.retracted === 1,
    origin: row.origin,
    recordedAt: row.recorded_at,
    supersededAt: row.superseded_at,
  };
}
