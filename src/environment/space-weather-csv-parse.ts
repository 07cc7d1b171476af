import { SourceFormatError } from "../core/concord-error.ts";
import { parseCsvRecords } from "../core/csv.ts";
import type { ParseResult, Rejection } from "../core/rejection.ts";
import { SPACE_WEATHER_DATA_TYPES } from "./space-weather-record.ts";
import type { SpaceWeatherRecord } from "./space-weather-record.ts";

/** Columns the parser needs; the rest of CelesTrak's columns are read when present. */
export const SPACE_WEATHER_REQUIRED_COLUMNS = ["DATE", "F10.7_OBS", "F10.7_ADJ", "F10.7_DATA_TYPE", "AP_AVG"] as const;

const RAW_LIMIT = 300;
const KP_COLUMNS = ["KP1", "KP2", "KP3", "KP4", "KP5", "KP6", "KP7", "KP8"];
const AP_COLUMNS = ["AP1", "AP2", "AP3", "AP4", "AP5", "AP6", "AP7", "AP8"];
/** Largest plausible 10.7 cm flux (sfu; the record daily value is ~450) and ap (the scale ends at 400). */
const MAX_F107_SFU = 1000;
const MAX_AP = 400;

class FieldProblem {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {}
}

/**
 * Parses CelesTrak's space-weather CSV (SW-All.csv; header `DATE,BSRN,ND,KP1,…,F10.7_OBS,F10.7_ADJ,
 * F10.7_DATA_TYPE,F10.7_OBS_CENTER81,…`). A text without the required header columns is a SourceFormatError.
 * Each row that does not fit — wrong field count, a date that is not `YYYY-MM-DD` or repeats an earlier row, an
 * unknown data type, a flux or index that is missing where the row type needs it, not a number or out of range —
 * becomes a Rejection naming its 1-based line and field; good rows are kept in file order.
 */
export function parseSpaceWeatherCsv(text: string, source: string): ParseResult<SpaceWeatherRecord> {
  const rows = parseCsvRecords(text);
  const header = rows[0];
  if (header === undefined) throw new SourceFormatError(source, "empty space-weather file: no header line");
  const columns = header.fields.map((name) => name.trim().toUpperCase());
  const missing = SPACE_WEATHER_REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new SourceFormatError(source, `not a CelesTrak space-weather CSV: header lacks ${missing.join(", ")} (line ${header.line})`);
  }
  const index = new Map(columns.map((name, i) => [name, i]));
  const records: SpaceWeatherRecord[] = [];
  const rejections: Rejection[] = [];
  const seen = new Set<string>();
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
    const result = readRow(row.fields, index);
    if (result instanceof FieldProblem) {
      reject(result.field, result.reason);
      continue;
    }
    if (seen.has(result.date)) {
      reject("DATE", `${result.date} repeats an earlier row`);
      continue;
    }
    seen.add(result.date);
    records.push(result);
  }
  return { records, rejections };
}

function readRow(fields: readonly string[], index: ReadonlyMap<string, number>): SpaceWeatherRecord | FieldProblem {
  const cell = (name: string): string => {
    const i = index.get(name);
    return i === undefined ? "" : (fields[i] ?? "").trim();
  };
  const date = cell("DATE");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    return new FieldProblem("DATE", `${JSON.stringify(date)} is not a calendar date YYYY-MM-DD`);
  }
  const typeCode = cell("F10.7_DATA_TYPE");
  const kind = SPACE_WEATHER_DATA_TYPES[typeCode];
  if (kind === undefined) return new FieldProblem("F10.7_DATA_TYPE", `${JSON.stringify(typeCode)} is not OBS, INT, PRD or PRM`);
  const monthly = kind === "monthly-predicted";

  const f107Obs = number(cell("F10.7_OBS"), "F10.7_OBS", 0, MAX_F107_SFU, true);
  if (f107Obs instanceof FieldProblem) return f107Obs;
  const f107Adj = number(cell("F10.7_ADJ"), "F10.7_ADJ", 0, MAX_F107_SFU, true);
  if (f107Adj instanceof FieldProblem) return f107Adj;
  const apDaily = number(cell("AP_AVG"), "AP_AVG", 0, MAX_AP, !monthly);
  if (apDaily instanceof FieldProblem) return apDaily;
  const ap3 = series(cell, AP_COLUMNS, 0, MAX_AP, 1, !monthly && index.has("AP1"));
  if (ap3 instanceof FieldProblem) return ap3;
  const kp3 = series(cell, KP_COLUMNS, 0, 90, 10, !monthly && index.has("KP1"));
  if (kp3 instanceof FieldProblem) return kp3;

  const optional: Record<string, number | null> = {};
  for (const name of ["BSRN", "ND", "KP_SUM", "CP", "C9", "ISN", "F10.7_OBS_CENTER81", "F10.7_OBS_LAST81", "F10.7_ADJ_CENTER81", "F10.7_ADJ_LAST81"]) {
    const value = number(cell(name), name, 0, name === "BSRN" ? 1e5 : name === "KP_SUM" ? 720 : MAX_F107_SFU, false);
    if (value instanceof FieldProblem) return value;
    optional[name] = value;
  }
  const kpSum = optional["KP_SUM"] ?? null;
  return {
    date,
    kind,
    f107ObsSfu: f107Obs as number,
    f107AdjSfu: f107Adj as number,
    f107ObsCenter81Sfu: optional["F10.7_OBS_CENTER81"] ?? null,
    apDaily,
    ap3Hourly: ap3,
    bartelsRotation: optional["BSRN"] ?? null,
    dayInRotation: optional["ND"] ?? null,
    kp3Hourly: kp3,
    kpSum: kpSum === null ? null : kpSum / 10,
    cp: optional["CP"] ?? null,
    c9: optional["C9"] ?? null,
    sunspotNumber: optional["ISN"] ?? null,
    f107ObsLast81Sfu: optional["F10.7_OBS_LAST81"] ?? null,
    f107AdjCenter81Sfu: optional["F10.7_ADJ_CENTER81"] ?? null,
    f107AdjLast81Sfu: optional["F10.7_ADJ_LAST81"] ?? null,
  };
}

/** A number in [min, max]; empty is null unless required. */
function number(text: string, field: string, min: number, max: number, required: boolean): number | null | FieldProblem {
  if (text === "") return required ? new FieldProblem(field, "is empty") : null;
  const value = Number(text);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) || !Number.isFinite(value)) return new FieldProblem(field, `${JSON.stringify(text)} is not a number`);
  if (value < min || value > max) return new FieldProblem(field, `${value} is outside ${min}..${max}`);
  return value;
}

/** Eight 3-hourly values (divided by `divisor`), all or none; null when all are empty and they are not required. */
function series(cell: (name: string) => string, names: readonly string[], min: number, max: number, divisor: number, required: boolean): number[] | null | FieldProblem {
  const texts = names.map(cell);
  if (texts.every((t) => t === "")) return required ? new FieldProblem(names[0] ?? "", "is empty") : null;
  const values: number[] = [];
  for (let k = 0; k < names.length; k++) {
    const value = number(texts[k] ?? "", names[k] ?? "", min, max, true);
    if (value instanceof FieldProblem) return value;
    values.push((value as number) / divisor);
  }
  return values;
}
