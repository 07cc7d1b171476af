import { z } from "zod";
import { CuratedFileError, readCuratedCsvRows } from "../core/curated-csv.ts";
import { isIsoDay, isPartialDate } from "./partial-date.ts";

/** A curated file in `data/diplomacy/` is invalid: names the file, the 1-based line and the field. */
export class DiplomacyDataError extends CuratedFileError {
  readonly code = "DIPLOMACY_DATA";
  override readonly name = "DiplomacyDataError";
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
  return readCuratedCsvRows(text, file, schema, DiplomacyDataError);
}
