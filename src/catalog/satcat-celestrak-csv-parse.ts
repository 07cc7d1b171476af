import { SourceFormatError } from "../core/concord-error.ts";
import { parseCsvRecords } from "../core/csv.ts";
import type { ParseResult, Rejection } from "../core/rejection.ts";
import { normaliseObjectType } from "./object-type.ts";
import { isOperationalStatusCode } from "./operational-status.ts";
import type { RcsSize, SatcatRecord } from "./satcat-record.ts";
import { FieldError, readCatalogNumber, readSatcatDate, readSatcatNumber, readText } from "./satcat-fields.ts";

/**
 * CelesTrak SATCAT CSV columns (RFC 4180, header first), as documented at
 * https://celestrak.org/satcat/satcat-format.php ("Updated 2023 May 7"). Columns are found by name,
 * so their order does not matter; these must all be present.
 */
export const CELESTRAK_SATCAT_COLUMNS = [
  "OBJECT_NAME",
  "OBJECT_ID",
  "NORAD_CAT_ID",
  "OBJECT_TYPE",
  "OPS_STATUS_CODE",
  "OWNER",
  "LAUNCH_DATE",
  "LAUNCH_SITE",
  "DECAY_DATE",
  "PERIOD",
  "INCLINATION",
  "APOGEE",
  "PERIGEE",
  "RCS",
  "DATA_STATUS_CODE",
  "ORBIT_CENTER",
  "ORBIT_TYPE",
] as const;
type Column = (typeof CELESTRAK_SATCAT_COLUMNS)[number];

/** Radar cross-section in m² to Space-Track's size classes: SMALL < 0.1 m², LARGE > 1 m², MEDIUM between. */
export function rcsSizeFromSquareMetres(rcsM2: number): RcsSize {
  if (rcsM2 < 0.1) return "SMALL";
  if (rcsM2 > 1) return "LARGE";
  return "MEDIUM";
}

/**
 * Parses CelesTrak's SATCAT CSV. A missing or incomplete header is a {@link SourceFormatError}; a bad
 * row becomes a {@link Rejection} with its 1-based line (the header is line 1), its 0-based data-row
 * index, and the field.
 */
export function parseCelestrakSatcatCsv(text: string, source: string): ParseResult<SatcatRecord> {
  const rows = parseCsvRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const header = rows[0];
  if (header === undefined) throw new SourceFormatError(source, "empty CelesTrak SATCAT CSV (no header)");
  const names = header.fields.map((f) => f.trim().toUpperCase());
  const index = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const column of CELESTRAK_SATCAT_COLUMNS) {
    const at = names.indexOf(column);
    if (at < 0) missing.push(column);
    index[column] = at;
  }
  if (missing.length > 0) {
    throw new SourceFormatError(source, `line ${header.line}: not a CelesTrak SATCAT CSV header, missing ${missing.join(", ")}`);
  }

  const records: SatcatRecord[] = [];
  const rejections: Rejection[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined) continue;
    const reject = (field: string | null, reason: string): void => {
      rejections.push({
        source,
        line: row.line,
        recordIndex: r - 1,
        field,
        reason,
        raw: row.raw.length > 400 ? `${row.raw.slice(0, 400)}…` : row.raw,
      });
    };
    if (row.error !== null) {
      reject(null, row.error);
      continue;
    }
    if (row.fields.length !== names.length) {
      reject(null, `expected ${names.length} fields, found ${row.fields.length}`);
      continue;
    }
    const get = (column: Column): string => row.fields[index[column]] ?? "";
    const result = readRow(get);
    if (result instanceof RowProblem) reject(result.field, result.reason);
    else records.push(result);
  }
  return { records, rejections };
}

class RowProblem {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {}
}

function readRow(get: (column: Column) => string): SatcatRecord | RowProblem {
  const catalogNumber = readCatalogNumber(get("NORAD_CAT_ID"));
  if (catalogNumber instanceof FieldError) return new RowProblem("NORAD_CAT_ID", catalogNumber.reason);

  const typeText = get("OBJECT_TYPE");
  const objectType = normaliseObjectType(typeText);
  if (objectType === null) return new RowProblem("OBJECT_TYPE", `unknown object type ${JSON.stringify(typeText)}`);

  const statusText = readText(get("OPS_STATUS_CODE"));
  if (statusText !== null && !isOperationalStatusCode(statusText)) {
    return new RowProblem("OPS_STATUS_CODE", `unknown operational status code ${JSON.stringify(statusText)}`);
  }

  const launchDate = readSatcatDate(get("LAUNCH_DATE"));
  if (launchDate instanceof FieldError) return new RowProblem("LAUNCH_DATE", launchDate.reason);
  const decayDate = readSatcatDate(get("DECAY_DATE"));
  if (decayDate instanceof FieldError) return new RowProblem("DECAY_DATE", decayDate.reason);

  const numbers: (number | null)[] = [];
  for (const column of ["PERIOD", "INCLINATION", "APOGEE", "PERIGEE", "RCS"] as const) {
    const n = readSatcatNumber(get(column));
    if (n instanceof FieldError) return new RowProblem(column, n.reason);
    numbers.push(n);
  }
  const rcsM2 = numbers[4] ?? null;
  if (rcsM2 !== null && rcsM2 < 0) return new RowProblem("RCS", `negative radar cross-section ${rcsM2}`);

  return {
    catalogNumber,
    internationalDesignator: readText(get("OBJECT_ID")),
    name: readText(get("OBJECT_NAME")),
    objectType,
    ownerCode: readText(get("OWNER")),
    launchDate,
    launchSite: readText(get("LAUNCH_SITE")),
    decayDate,
    periodMin: numbers[0] ?? null,
    inclinationDeg: numbers[1] ?? null,
    apogeeKm: numbers[2] ?? null,
    perigeeKm: numbers[3] ?? null,
    rcsSize: rcsM2 === null ? null : rcsSizeFromSquareMetres(rcsM2),
    operationalStatus: statusText,
  };
}
