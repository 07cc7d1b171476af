import type { z } from "zod";
import { ConcordError } from "./concord-error.ts";
import { parseCsvRecords } from "./csv.ts";

/**
 * A curated file in `data/` is invalid: names the file, the 1-based line and the field where known. Each curated
 * table has its own subclass (its own `code`), built with the same arguments.
 */
export abstract class CuratedFileError extends ConcordError {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    message: string,
  ) {
    super(`${file}${line !== null ? `:${line}` : ""}${field !== null ? ` ${field}` : ""}: ${message}`);
  }
}

/** How a curated table reports a bad file: the constructor of its CuratedFileError subclass. */
export type CuratedRowError = new (file: string, line: number | null, field: string | null, message: string) => CuratedFileError;

/**
 * Validates every data row of a curated CSV text (`data/…`, header first, an optional BOM) against a zod schema,
 * returning each row with its line; the first bad row throws the caller's error class naming file, line and field.
 */
export function readCuratedCsvRows<T>(text: string, file: string, schema: z.ZodType<T>, error: CuratedRowError): { line: number; row: T }[] {
  const records = parseCsvRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const header = records[0];
  if (header === undefined) throw new error(file, null, null, "empty file");
  const columns = header.fields.map((f) => f.trim());
  return records.slice(1).map((record) => {
    if (record.error !== null) throw new error(file, record.line, null, record.error);
    if (record.fields.length !== columns.length) throw new error(file, record.line, null, `expected ${columns.length} fields, found ${record.fields.length}`);
    const object: Record<string, string> = {};
    columns.forEach((column, i) => {
      object[column] = record.fields[i] ?? "";
    });
    const parsed = schema.safeParse(object);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0];
      throw new error(file, record.line, typeof field === "string" ? field : null, issue?.message ?? "invalid row");
    }
    return { line: record.line, row: parsed.data };
  });
}
