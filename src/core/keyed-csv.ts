import { SourceFormatError } from "./concord-error.ts";
import { parseCsvRecords } from "./csv.ts";
import type { ParseResult, Rejection } from "./rejection.ts";

/** Raw text kept with a rejected row (characters). */
const RAW_LIMIT = 300;

/** Why one field of a row does not fit: the row becomes a Rejection naming it. */
export class FieldProblem {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {}
}

/** One data row, read by column name (case-insensitive): trimmed text, "" where the column is absent. */
export interface KeyedCsvRow {
  cell(name: string): string;
  /** Whether the file has this column. */
  has(name: string): boolean;
}

/** A CSV source with a header, required columns and one record per key (a date, a catalog number …). */
export interface KeyedCsvFormat<T> {
  /** "space-weather file", used as `empty <kind>: no header line`. */
  readonly kind: string;
  /** "a CelesTrak space-weather CSV", used as `not <this>: header lacks …`. */
  readonly formatName: string;
  readonly requiredColumns: readonly string[];
  /** The record of a row, or the field that does not fit. */
  readRow(row: KeyedCsvRow): T | FieldProblem;
  readonly keyField: string;
  key(record: T): string | number;
  /** The reason a repeated key is rejected, given the line of its first row. */
  repeated(key: string | number, firstLine: number): string;
}

/**
 * Parses a header-first CSV into records: a text without the required header columns is a SourceFormatError; each
 * row that does not fit (a CSV error, a field count unlike the header's, a field its `readRow` refuses, a key seen on an
 * earlier row) becomes a Rejection naming its 1-based line and field; good rows are kept in file order.
 */
export function parseKeyedCsv<T>(text: string, source: string, format: KeyedCsvFormat<T>): ParseResult<T> {
  const rows = parseCsvRecords(text);
  const header = rows[0];
  if (header === undefined) throw new SourceFormatError(source, `empty ${format.kind}: no header line`);
  const columns = header.fields.map((name) => name.trim().toUpperCase());
  const missing = format.requiredColumns.filter((name) => !columns.includes(name.toUpperCase()));
  if (missing.length > 0) {
    throw new SourceFormatError(source, `not ${format.formatName}: header lacks ${missing.join(", ")} (line ${header.line})`);
  }
  const index = new Map(columns.map((name, i) => [name, i]));
  const records: T[] = [];
  const rejections: Rejection[] = [];
  const firstLine = new Map<string | number, number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const reject = (field: string | null, reason: string) =>
      rejections.push({ source, line: row.line, recordIndex: r - 1, field, reason, raw: row.raw.slice(0, RAW_LIMIT) });
    if (row.error !== null) {
      reject(null, row.error);
      continue;
    }
    if (row.fields.length !== columns.length) {
      reject(null, `has ${row.fields.length} fields, the header has ${columns.length}`);
      continue;
    }
    const fields = row.fields;
    const result = format.readRow({
      cell: (name) => {
        const i = index.get(name.toUpperCase());
        return i === undefined ? "" : (fields[i] ?? "").trim();
      },
      has: (name) => index.has(name.toUpperCase()),
    });
    if (result instanceof FieldProblem) {
      reject(result.field, result.reason);
      continue;
    }
    const key = format.key(result);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      reject(format.keyField, format.repeated(key, earlier));
      continue;
    }
    firstLine.set(key, row.line);
    records.push(result);
  }
  return { records, rejections };
}
