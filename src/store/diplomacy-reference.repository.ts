import { sql } from "kysely";
import type { Kysely } from "kysely";
import { insertInChunks } from "./chunked-insert.ts";
import { fromReferenceRows, toReferenceRows } from "./diplomacy-reference-rows.ts";
import type { DiplomacyReference, ReferenceRow, ReferenceTableName } from "./diplomacy-reference-rows.ts";
import type { StoreSchema } from "./schema.ts";

/**
 * The diplomacy reference tables (states, organisations, instruments, instrument items, fora), synced from the curated
 * registry. A row that changes or leaves the curated data is first copied, as it was, into
 * diplomacy_reference_history (with when it was recorded and when it was superseded); a row that acts still refer to
 * is kept even when the curated data drops it.
 */

/** Rows written, rewritten (old version kept in history), removed (kept in history) and left alone. */
export interface ReferenceSyncOutcome {
  readonly inserted: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
}

const KEY_COLUMNS: Readonly<Record<ReferenceTableName, readonly string[]>> = {
  diplomacy_states: ["iso3"],
  diplomacy_organisations: ["code"],
  diplomacy_instruments: ["id"],
  diplomacy_instrument_items: ["instrument_id", "item_id"],
  diplomacy_fora: ["id"],
};

/** Makes the reference tables equal to the curated registry, keeping every earlier row version. One transaction. */
export async function syncDiplomacyReference(
  db: Kysely<StoreSchema>,
  reference: DiplomacyReference,
  recordedAt: string,
): Promise<ReferenceSyncOutcome> {
  const sync = async (trx: Kysely<StoreSchema>) => {
    const parties = new Set((await trx.selectFrom("diplomacy_acts").select("party_code").distinct().execute()).map((r) => r.party_code));
    const targets = new Set((await trx.selectFrom("diplomacy_acts").select("target_id").distinct().execute()).map((r) => r.target_id));
    const referencedBy: Readonly<Record<ReferenceTableName, (key: string) => boolean>> = {
      diplomacy_states: (key) => parties.has(key),
      diplomacy_organisations: (key) => parties.has(key),
      diplomacy_instruments: (key) => targets.has(key),
      diplomacy_instrument_items: () => false,
      diplomacy_fora: (key) => targets.has(key),
    };
    const total = { inserted: 0, updated: 0, removed: 0, unchanged: 0 };
    for (const [table, rows] of toReferenceRows(reference)) {
      const outcome = await syncTable(trx, table, rows, recordedAt, referencedBy[table]);
      total.inserted += outcome.inserted;
      total.updated += outcome.updated;
      total.removed += outcome.removed;
      total.unchanged += outcome.unchanged;
    }
    return total;
  };
  return db.isTransaction ? sync(db) : db.transaction().execute(sync);
}

/** Reads the reference tables back as records (states by ISO code, the rest by id). */
export async function loadDiplomacyReference(db: Kysely<StoreSchema>): Promise<DiplomacyReference> {
  const [states, organisations, instruments, items, fora] = await Promise.all([
    db.selectFrom("diplomacy_states").selectAll().orderBy("iso3").execute(),
    db.selectFrom("diplomacy_organisations").selectAll().orderBy("code").execute(),
    db.selectFrom("diplomacy_instruments").selectAll().orderBy("id").execute(),
    db.selectFrom("diplomacy_instrument_items").selectAll().orderBy("instrument_id").orderBy("item_id").execute(),
    db.selectFrom("diplomacy_fora").selectAll().orderBy("id").execute(),
  ]);
  return fromReferenceRows({ states, organisations, instruments, items, fora });
}

/** Earlier versions of one reference row (`row_key`: the key columns joined by `/`), oldest first. */
export async function listReferenceHistory(
  db: Kysely<StoreSchema>,
  table: ReferenceTableName,
  rowKey: string,
): Promise<{ row: Record<string, unknown>; recordedAt: string; supersededAt: string }[]> {
  const rows = await db
    .selectFrom("diplomacy_reference_history")
    .selectAll()
    .where("table_name", "=", table)
    .where("row_key", "=", rowKey)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ row: JSON.parse(r.row_json) as Record<string, unknown>, recordedAt: r.recorded_at, supersededAt: r.superseded_at }));
}

async function syncTable(
  trx: Kysely<StoreSchema>,
  table: ReferenceTableName,
  rows: readonly ReferenceRow[],
  recordedAt: string,
  isReferenced: (key: string) => boolean,
): Promise<ReferenceSyncOutcome> {
  const keyColumns = KEY_COLUMNS[table];
  const keyOf = (row: Readonly<Record<string, unknown>>) => keyColumns.map((column) => String(row[column])).join("/");
  const stored = new Map<string, Record<string, unknown>>();
  for (const row of (await trx.selectFrom(table).selectAll().execute()) as Record<string, unknown>[]) stored.set(keyOf(row), row);
  const sameKey = (row: Readonly<Record<string, unknown>>) =>
    sql<boolean>`${sql.join(
      keyColumns.map((column) => sql`${sql.ref(column)} = ${row[column]}`),
      sql` and `,
    )}`;
  const keepHistory = (old: Record<string, unknown>) =>
    trx
      .insertInto("diplomacy_reference_history")
      .values({ table_name: table, row_key: keyOf(old), row_json: JSON.stringify(old), recorded_at: String(old["recorded_at"]), superseded_at: recordedAt })
      .execute();
  const fresh: ReferenceRow[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const row of rows) {
    const key = keyOf(row);
    const old = stored.get(key);
    stored.delete(key);
    if (old === undefined) fresh.push(row);
    else if (Object.entries(row).every(([column, value]) => (old[column] ?? null) === value)) unchanged += 1;
    else {
      await keepHistory(old);
      await trx
        .updateTable(table)
        .set({ ...row, recorded_at: recordedAt } as never)
        .where(sameKey(row))
        .execute();
      updated += 1;
    }
  }
  await insertInChunks(trx, table, fresh.map((row) => ({ ...row, recorded_at: recordedAt })) as never[]);
  let removed = 0;
  for (const [key, old] of stored) {
    if (isReferenced(key)) continue;
    await keepHistory(old);
    await trx.deleteFrom(table).where(sameKey(old)).execute();
    removed += 1;
  }
  return { inserted: fresh.length, updated, removed, unchanged };
}
