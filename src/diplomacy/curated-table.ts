import { z } from "zod";
import { ConcordError } from "../core/concord-error.ts";
import { parseCsvRecords } from "../core/csv.ts";
import { isIsoDay, isPartialDate } from "./partial-date.ts";

/** A curated file in `data/diplomacy/` is invalid: names the file, the 1-based line and the field. */
export class DiplomacyDataError extends ConcordError {
  readonly code = "DIPLOMACY_DATA";
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    message: string,
  ) {
    super(`${file}${line !== null ? `:${line}` : ""}${field !== null ? ` ${field}` : ""}: ${message}`);
    this.name = "DiplomacyDataError";
  }
}

/** Column schemas shared by the curated tables. */
export const cells = {
  required: z.string().trim().min(1, "must not be empty"),
  optional: z.string().transform((s) => (s.trim() === "" ? null : s.trim())),
  day: z.string().refine(isIsoDay, "must be a date YYYY-MM-DD"),
  optionalDay: z.string().refine((s) => s === "" || isIsoDay(s), "must be empty or a date YYYY-MM-DD").transform((s) => (s === "" ? null : s)),
  optionalPartialDate: z
    .string()
    .refine((s) => s === "" || isPartialDate(s), "must be empty or a date YYYY, YYYY-MM or YYYY-MM-DD")
    .transform((s) => (s === "" ? null : s)),
  optionalCount: z
    .string()
    .refine((s) => s === "" || /^\d+$/.test(s), "must be empty or a whole number")
    .transform((s) => (s === "" ? null : Number(s))),
  codeList: z.string().transform((s) => (s.trim() === "" ? [] : s.split(";").map((x) => x.trim()))),
};

/** Validates every data row of a curated CSV text against a schema; the first bad row throws DiplomacyDataError. */
export function readCuratedRows<T>(text: string, file: string, schema: z.ZodType<T>): { line: number; row: T }[] {
  const records = parseCsvRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const header = records[0];
  if (header === undefined) throw new DiplomacyDataError(file, null, null, "empty file");
  const columns = header.fields.map((f) => f.trim());
  return records.slice(1).map((record) => {
    if (record.error !== null) throw new DiplomacyDataError(file, record.line, null, record.error);
    if (record.fields.length !== columns.length) {
      throw new DiplomacyDataError(file, record.line, null, `expected ${columns.length} fields, found ${record.fields.length}`);
    }
    const object: Record<string, string> = {};
    columns.forEach((column, i) => {
      object[column] = record.fields[i] ?? "";
    });
    const parsed = schema.safeParse(object);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0];
      throw new DiplomacyDataError(file, record.line, typeof field === "string" ? field : null, issue?.message ?? "invalid row");
    }
    return { line: record.line, row: parsed.data };
  });
}
