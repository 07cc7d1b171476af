import { CompiledQuery } from "kysely";
import type { Compilable, Kysely } from "kysely";
import type { StoreSchema } from "./schema.ts";

/**
 * Bind parameters per statement: under SQLite's 32,766 (SQLITE_MAX_VARIABLE_NUMBER) and PostgreSQL's 65,535.
 * Measured on SQLite, ~1,000-row statements are as fast as the largest ones, so rows per statement are capped too.
 */
const MAX_PARAMETERS_PER_STATEMENT = 32_000;
const MAX_ROWS_PER_STATEMENT = 1_000;

/**
 * Writes `rows` as batched multi-row statements built by `build(chunk)` (an INSERT … VALUES with its ON CONFLICT
 * clause), on the caller's connection or transaction. The statement for a chunk size is compiled by Kysely once
 * and re-bound with the next chunk's values, which keeps bulk ingest fast; every row must have the same keys in the
 * same order. Returns the number of rows the database reports as inserted or updated.
 */
export async function executeInChunks<Row extends object>(
  db: Kysely<StoreSchema>,
  rows: readonly Row[],
  build: (chunk: readonly Row[]) => Compilable,
): Promise<number> {
  const first = rows[0];
  if (first === undefined) return 0;
  const columns = Object.keys(first);
  const chunkRows = rowsPerStatement(columns.length);
  const compiledBySize = new Map<number, string | null>();
  let affected = 0;
  for (let start = 0; start < rows.length; start += chunkRows) {
    const chunk = rows.slice(start, start + chunkRows);
    const parameters = flattenRows(chunk, columns);
    let sqlText = compiledBySize.get(chunk.length);
    let query: CompiledQuery;
    if (sqlText === undefined) {
      query = build(chunk).compile();
      // Re-binding is only safe when Kysely's parameters are exactly the row values in row-major column order.
      sqlText = sameValues(query.parameters, parameters) ? query.sql : null;
      compiledBySize.set(chunk.length, sqlText);
    } else if (sqlText === null) {
      query = build(chunk).compile();
    } else {
      query = CompiledQuery.raw(sqlText, parameters);
    }
    const result = await db.executeQuery(query);
    affected += Number(result.numAffectedRows ?? 0n);
  }
  return affected;
}

/** Largest number of rows of `columnCount` columns that one statement may carry. */
export function rowsPerStatement(columnCount: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columnCount)));
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
