import { FieldProblem, parseKeyedCsv } from "../core/keyed-csv.ts";
import type { KeyedCsvRow } from "../core/keyed-csv.ts";
import type { ParseResult } from "../core/rejection.ts";
import { SPACE_WEATHER_DATA_TYPES } from "./space-weather-record.ts";
import type { SpaceWeatherRecord } from "./space-weather-record.ts";

/** Columns the parser needs; the rest of CelesTrak's columns are read when present. */
export const SPACE_WEATHER_REQUIRED_COLUMNS = ["DATE", "F10.7_OBS", "F10.7_ADJ", "F10.7_DATA_TYPE", "AP_AVG"] as const;

const KP_COLUMNS = ["KP1", "KP2", "KP3", "KP4", "KP5", "KP6", "KP7", "KP8"];
const AP_COLUMNS = ["AP1", "AP2", "AP3", "AP4", "AP5", "AP6", "AP7", "AP8"];
/** Largest plausible 10.7 cm flux (sfu; the record daily value is ~450) and ap (the scale ends at 400). */
const MAX_F107_SFU = 1000;
const MAX_AP = 400;

/**
 * Parses CelesTrak's space-weather CSV (SW-All.csv; header `DATE,BSRN,ND,KP1,…,F10.7_OBS,F10.7_ADJ,
 * F10.7_DATA_TYPE,F10.7_OBS_CENTER81,…`). A text without the required header columns is a SourceFormatError.
 * Each row that does not fit — wrong field count, a date that is not `YYYY-MM-DD` or repeats an earlier row, an
 * unknown data type, a flux or index that is missing where the row type needs it, not a number or out of range —
 * becomes a Rejection naming its 1-based line and field; good rows are kept in file order.
 */
export function parseSpaceWeatherCsv(text: string, source: string): ParseResult<SpaceWeatherRecord> {
  return parseKeyedCsv(text, source, {
    kind: "space-weather file",
    formatName: "a CelesTrak space-weather CSV",
    requiredColumns: SPACE_WEATHER_REQUIRED_COLUMNS,
    readRow,
    keyField: "DATE",
    key: (record) => record.date,
    repeated: (key) => `${key} repeats an earlier row`,
  });
}

function readRow({ cell, has }: KeyedCsvRow): SpaceWeatherRecord | FieldProblem {
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
  const ap3 = series(cell, AP_COLUMNS, 0, MAX_AP, 1, !monthly && has("AP1"));
  if (ap3 instanceof FieldProblem) return ap3;
  const kp3 = series(cell, KP_COLUMNS, 0, 90, 10, !monthly && has("KP1"));
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
