import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { CuratedFileError, readCuratedCsvRows } from "../core/curated-csv.ts";

/**
 * Published adherence figures that Concord's compliance tables are compared with (`data/debris-mitigation-references.csv`):
 * ESA's Annual Space Environment Report and the IADC status report give decade ranges of yearly shares, by count or by
 * mass, for objects reaching end of life. Each row carries its source and as-of date.
 */
export const DEBRIS_MITIGATION_REFERENCES_FILE = "debris-mitigation-references.csv";

export class DebrisMitigationReferenceError extends CuratedFileError {
  readonly code = "DEBRIS_MITIGATION_REFERENCE";
}

const percent = z
  .string()
  .regex(/^\d{1,3}$/, "must be a whole percentage")
  .transform(Number)
  .refine((v) => v <= 100, "must be at most 100");

const rowSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "must be a lower-case id"),
    publisher: z.string().min(2),
    population: z.string().min(3),
    measure: z.string().min(3),
    basis: z.enum(["count", "mass"]),
    rule: z.enum(["25y", "5y", "geo"]),
    period: z.string().regex(/^\d{4}-\d{4}$/, "must be YYYY-YYYY"),
    low_percent: percent,
    high_percent: percent,
    source: z.string().min(10),
    as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD"),
    note: z.string(),
  })
  .refine((r) => r.low_percent <= r.high_percent, { message: "low_percent must not exceed high_percent", path: ["low_percent"] });

export interface DebrisMitigationReference {
  readonly id: string;
  readonly publisher: string;
  readonly population: string;
  readonly measure: string;
  readonly basis: "count" | "mass";
  readonly rule: "25y" | "5y" | "geo";
  readonly period: string;
  /** The published range, as shares (0–1). */
  readonly low: number;
  readonly high: number;
  readonly source: string;
  readonly asOf: string;
  readonly note: string | null;
}

/** Parses the curated file; a bad row throws naming its line and field. Pure. */
export function parseDebrisMitigationReferences(text: string, file = DEBRIS_MITIGATION_REFERENCES_FILE): DebrisMitigationReference[] {
  return readCuratedCsvRows(text, file, rowSchema, DebrisMitigationReferenceError).map(({ row }) => ({
    id: row.id,
    publisher: row.publisher,
    population: row.population,
    measure: row.measure,
    basis: row.basis,
    rule: row.rule,
    period: row.period,
    low: row.low_percent / 100,
    high: row.high_percent / 100,
    source: row.source,
    asOf: row.as_of,
    note: row.note === "" ? null : row.note,
  }));
}

export function loadDebrisMitigationReferences(dataDir: string = join(import.meta.dirname, "../../data")): DebrisMitigationReference[] {
  const path = join(dataDir, DEBRIS_MITIGATION_REFERENCES_FILE);
  return parseDebrisMitigationReferences(readFileSync(path, "utf8"), path);
}
