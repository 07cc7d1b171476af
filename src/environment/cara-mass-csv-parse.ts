import { FieldProblem, parseKeyedCsv } from "../core/keyed-csv.ts";
import type { KeyedCsvRow } from "../core/keyed-csv.ts";
import type { ParseResult } from "../core/rejection.ts";
import type { ObjectMassEstimate } from "./object-mass-estimate.ts";

/** The header of CARA's HBR and mass estimates file, in its order. */
export const CARA_MASS_COLUMNS = ["ObjectID", "HBR", "HBRSigma", "HBRSource", "Mass", "MassSigma", "MassSource"] as const;

const MAX_CATALOG_NUMBER = 999_999_999;
/** Bounds that catch unit slips: the ISS is about 420,000 kg with a 66 m HBR. */
const MAX_MASS_KG = 10_000_000;
const MAX_HBR_M = 1_000;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses NASA CARA's HBR and mass estimates CSV (`ObjectID,HBR,HBRSigma,HBRSource,Mass,MassSigma,MassSource`). A text
 * without those header columns is a SourceFormatError. Each row that does not fit becomes a Rejection naming its
 * 1-based line and field: a wrong field count, an ObjectID that is not a catalog number or repeats an earlier row, a
 * value that is not a number, a mass that is not positive, a sigma below zero, a value out of range, an empty source.
 * Blank values are kept as null (the distributed file's DISCOS DB rows carry none). Good rows are kept in file order.
 */
export function parseCaraMassCsv(text: string, source: string): ParseResult<ObjectMassEstimate> {
  return parseKeyedCsv(text, source, {
    kind: "HBR and mass estimates file",
    formatName: "a CARA HBR and mass estimates CSV",
    requiredColumns: CARA_MASS_COLUMNS,
    readRow,
    keyField: "ObjectID",
    key: (record) => record.catalogNumber,
    repeated: (key, firstLine) => `${key} repeats line ${firstLine}`,
  });
}

function readRow({ cell }: KeyedCsvRow): ObjectMassEstimate | FieldProblem {
  const id = cell("ObjectID");
  if (!/^\d{1,9}$/.test(id) || Number(id) < 1 || Number(id) > MAX_CATALOG_NUMBER) {
    return new FieldProblem("ObjectID", `${JSON.stringify(id)} is not a catalog number 1..${MAX_CATALOG_NUMBER}`);
  }
  const hbrM = number(cell("HBR"), "HBR", 0, MAX_HBR_M);
  if (hbrM instanceof FieldProblem) return hbrM;
  const hbrSigmaM = number(cell("HBRSigma"), "HBRSigma", 0, MAX_HBR_M);
  if (hbrSigmaM instanceof FieldProblem) return hbrSigmaM;
  const hbrSource = cell("HBRSource");
  if (hbrSource === "") return new FieldProblem("HBRSource", "is empty");
  const massKg = number(cell("Mass"), "Mass", 0, MAX_MASS_KG);
  if (massKg instanceof FieldProblem) return massKg;
  if (massKg === 0) return new FieldProblem("Mass", "0 is not a mass: leave it blank where unknown");
  const massSigmaKg = number(cell("MassSigma"), "MassSigma", 0, MAX_MASS_KG);
  if (massSigmaKg instanceof FieldProblem) return massSigmaKg;
  const massSource = cell("MassSource");
  if (massSource === "") return new FieldProblem("MassSource", "is empty");
  return { catalogNumber: Number(id), massKg, massSigmaKg, massSource, hbrM, hbrSigmaM, hbrSource };
}

/** A number in [min, max] (scientific notation allowed); empty is null. */
function number(text: string, field: string, min: number, max: number): number | null | FieldProblem {
  if (text === "") return null;
  const value = Number(text);
  if (!NUMBER.test(text) || !Number.isFinite(value)) return new FieldProblem(field, `${JSON.stringify(text)} is not a number`);
  if (value < min || value > max) return new FieldProblem(field, `${value} is outside ${min}..${max}`);
  return value;
}

/**
 * The date a CARA estimates file describes, from its name (`HBR_Mass_Estimates_20260601_ForDistribution.csv` →
 * 2026-06-01), or null when the name carries no valid `yyyymmdd`.
 */
export function massEstimatesDateFromName(source: string): string | null {
  const name = source.split(/[\\/]/).pop() ?? source;
  const match = /(?:^|[^0-9])((?:19|20)\d{2})(\d{2})(\d{2})(?:[^0-9]|$)/.exec(name);
  if (match === null) return null;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date ? date : null;
}
