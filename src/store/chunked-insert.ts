import { CompiledQuery, sql } from "kysely";
import type { Compilable, InsertObject, InsertQueryBuilder, InsertResult, Kysely } from "kysely";
import type { StoreSchema } from "./schema.ts";
import type { StoreDialect } from "./store-dialect.ts";

/** An INSERT into `Table` before its ON CONFLICT clause. */
export type InsertInto<Table extends keyof StoreSchema> = InsertQueryBuilder<StoreSchema, Table, InsertResult>;

/**
 * SQLite: rows per multi-row INSERT … VALUES, within SQLITE_MAX_VARIABLE_NUMBER (32,766 bind parameters). Measured:
 * 250- to 2,000-row statements write equally fast once prepared statements are reused (see sqlite-statement-cache.ts).
 */
const SQLITE_MAX_PARAMETERS = 32_000;
const SQLITE_MAX_ROWS = 1_000;
/**
 * PostgreSQL: rows per INSERT … SELECT from one JSON parameter. Planning a VALUES list of thousands of bind
 * parameters costs the server ~15 µs a row; one jsonb parameter expanded by jsonb_populate_recordset costs a fraction.
 */
const POSTGRES_ROWS = 5_000;

/**
 * Inserts `rows` into `table` as batched statements on the caller's connection or transaction; `conflict` adds the
 * ON CONFLICT clause. Every row must have the same keys (the table's column names) in the same order. SQLite gets
 * multi-row VALUES statements compiled once per chunk size and re-bound; PostgreSQL gets one jsonb parameter per
 * chunk (exact for doubles: JSON carries the shortest round-trip decimal). Returns the rows reported inserted or updated.
 */
export async function insertInChunks<Table extends keyof StoreSchema & string>(
  db: Kysely<StoreSchema>,
  table: Table,
  rows: readonly InsertObject<StoreSchema, Table>[],
  conflict: (insert: InsertInto<Table>) => Compilable = (insert) => insert,
): Promise<number> {
  const first = rows[0];
  if (first === undefined) return 0;
  const columns = Object.keys(first) as (keyof StoreSchema[Table] & string)[];
  return storeDialectOf(db) === "postgres"
    ? insertFromJson(db, table, columns, rows, conflict)
    : insertValues(db, table, columns, rows, conflict);
}

/** The dialect a Kysely instance (or transaction) speaks, told by how it writes a bind parameter. */
export function storeDialectOf(db: Kysely<StoreSchema>): StoreDialect {
  return sql`${0}`.compile(db).sql === "$1" ? "postgres" : "sqlite";
}

async function insertValues<Table extends keyof StoreSchema & string>(
  db: Kysely<StoreSchema>,
  table: Table,
  columns: readonly string[],
  rows: readonly InsertObject<StoreSchema, Table>[],
  conflict: (insert: InsertInto<Table>) => Compilable,
): Promise<number> {
  const chunkRows = Math.max(1, Math.min(SQLITE_MAX_ROWS, Math.floor(SQLITE_MAX_PARAMETERS / columns.length)));
  const sqlBySize = new Map<number, string | null>();
  let affected = 0;
  for (let start = 0; start < rows.length; start += chunkRows) {
    const chunk = rows.slice(start, start + chunkRows);
    const parameters = flattenRows(chunk, columns);
    const sqlText = sqlBySize.get(chunk.length);
    let query: CompiledQuery;
    if (sqlText === undefined || sqlText === null) {
      query = conflict(db.insertInto(table).values(chunk)).compile();
      // Re-binding is only safe when Kysely's parameters are exactly the row values in row-major column order.
      if (sqlText === undefined) sqlBySize.set(chunk.length, sameValues(query.parameters, parameters) ? query.sql : null);
    } else {
      query = CompiledQuery.raw(sqlText, parameters);
    }
    const result = await db.executeQuery(query);
    affected += Number(result.numAffectedRows ?? 0n);
  }
  return affected;
}

async function insertFromJson<Table extends keyof StoreSchema & string>(
  db: Kysely<StoreSchema>,
  table: Table,
  columns: readonly (keyof StoreSchema[Table] & string)[],
  rows: readonly InsertObject<StoreSchema, Table>[],
  conflict: (insert: InsertInto<Table>) => Compilable,
): Promise<number> {
  const columnList = sql.join(columns.map((column) => sql.ref(column)));
  let affected = 0;
  for (let start = 0; start < rows.length; start += POSTGRES_ROWS) {
    const json = JSON.stringify(rows.slice(start, start + POSTGRES_ROWS));
    const select = sql`select ${columnList} from jsonb_populate_recordset(null::${sql.table(table)}, ${json}::jsonb)`;
    const result = await db.executeQuery(conflict(db.insertInto(table).columns(columns).expression(select)));
    affected += Number(result.numAffectedRows ?? 0n);
  }
  return affected;
}

function flattenRows(rows: readonly object[], columns: readonly string[]): unknown[] {
  const parameters = new Array<unknown>(rows.length * columns.length);
  let index = 0;
  for (const row of rows) {
    for (const column of columns) parameters[index++] = (row as Record<string, unknown>)[column];
  }
  return parameters;
}

function sameValues(a: ReadonlyArray<unknown>, b: ReadonlyArray<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
