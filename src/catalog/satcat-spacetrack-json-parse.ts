import { SourceFormatError } from "../core/concord-error.ts";
import type { ParseResult, Rejection } from "../core/rejection.ts";
import { normaliseObjectType } from "./object-type.ts";
import { RCS_SIZES, type RcsSize, type SatcatRecord } from "./satcat-record.ts";
import { FieldError, readCatalogNumber, readSatcatDate, readSatcatNumber, readText } from "./satcat-fields.ts";

/**
 * Parses a Space-Track `satcat` class response: a JSON array of objects whose values are strings or
 * null (`NORAD_CAT_ID`, `INTLDES`, `SATNAME`, `OBJECT_TYPE`, `COUNTRY`, `LAUNCH`, `SITE`, `DECAY`,
 * `PERIOD`, `INCLINATION`, `APOGEE`, `PERIGEE`, `RCS_SIZE`, …). Text that is not a JSON array is a
 * {@link SourceFormatError}; a bad element becomes a {@link Rejection} with its record index and field.
 */
export function parseSpacetrackSatcatJson(text: string, source: string): ParseResult<SatcatRecord> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SourceFormatError(source, `not JSON: ${(error as Error).message}`);
  }
  return parseSpacetrackSatcatRecords(parsed, source);
}

/** Same as {@link parseSpacetrackSatcatJson}, for an already parsed JSON value. */
export function parseSpacetrackSatcatRecords(parsed: unknown, source: string): ParseResult<SatcatRecord> {
  if (!Array.isArray(parsed)) throw new SourceFormatError(source, "a Space-Track SATCAT must be a JSON array of records");
  const records: SatcatRecord[] = [];
  const rejections: Rejection[] = [];
  for (let index = 0; index < parsed.length; index++) {
    const element: unknown = parsed[index];
    const result = readRecord(element);
    if (result instanceof RecordProblem) {
      rejections.push({
        source,
        line: null,
        recordIndex: index,
        field: result.field,
        reason: result.reason,
        raw: rawOf(element),
      });
    } else {
      records.push(result);
    }
  }
  return { records, rejections };
}

class RecordProblem {
  constructor(
    readonly field: string | null,
    readonly reason: string,
  ) {}
}

type Json = Record<string, unknown>;

function readRecord(element: unknown): SatcatRecord | RecordProblem {
  if (typeof element !== "object" || element === null || Array.isArray(element)) {
    return new RecordProblem(null, "record is not a JSON object");
  }
  const r = element as Json;

  const idValue = scalar(r, "NORAD_CAT_ID");
  const catalogNumber = idValue instanceof FieldError ? idValue : readCatalogNumber(idValue);
  if (catalogNumber instanceof FieldError) return new RecordProblem("NORAD_CAT_ID", catalogNumber.reason);

  const typeText = str(r, "OBJECT_TYPE");
  if (typeText instanceof FieldError) return new RecordProblem("OBJECT_TYPE", typeText.reason);
  const objectType = typeText === null ? null : normaliseObjectType(typeText);
  if (objectType === null) return new RecordProblem("OBJECT_TYPE", `unknown object type ${JSON.stringify(typeText)}`);

  const texts: Partial<Record<string, string | null>> = {};
  for (const field of TEXT_FIELDS) {
    const value = str(r, field);
    if (value instanceof FieldError) return new RecordProblem(field, value.reason);
    texts[field] = readText(value);
  }

  const launch = str(r, "LAUNCH");
  if (launch instanceof FieldError) return new RecordProblem("LAUNCH", launch.reason);
  const launchDate = readSatcatDate(launch);
  if (launchDate instanceof FieldError) return new RecordProblem("LAUNCH", launchDate.reason);
  const decay = str(r, "DECAY");
  if (decay instanceof FieldError) return new RecordProblem("DECAY", decay.reason);
  const decayDate = readSatcatDate(decay);
  if (decayDate instanceof FieldError) return new RecordProblem("DECAY", decayDate.reason);

  const numbers: (number | null)[] = [];
  for (const field of NUMBER_FIELDS) {
    const value = scalar(r, field);
    const n = value instanceof FieldError ? value : readSatcatNumber(value);
    if (n instanceof FieldError) return new RecordProblem(field, n.reason);
    numbers.push(n);
  }

  const rcsText = str(r, "RCS_SIZE");
  if (rcsText instanceof FieldError) return new RecordProblem("RCS_SIZE", rcsText.reason);
  const rcsSize = readText(rcsText);
  if (rcsSize !== null && !(RCS_SIZES as readonly string[]).includes(rcsSize)) {
    return new RecordProblem("RCS_SIZE", `unknown RCS size ${JSON.stringify(rcsSize)}`);
  }

  return {
    catalogNumber,
    internationalDesignator: texts["INTLDES"] ?? null,
    name: texts["SATNAME"] ?? null,
    objectType,
    ownerCode: texts["COUNTRY"] ?? null,
    launchDate,
    launchSite: texts["SITE"] ?? null,
    decayDate,
    periodMin: numbers[0] ?? null,
    inclinationDeg: numbers[1] ?? null,
    apogeeKm: numbers[2] ?? null,
    perigeeKm: numbers[3] ?? null,
    rcsSize: rcsSize as RcsSize | null,
    operationalStatus: null,
  };
}

const TEXT_FIELDS = ["INTLDES", "SATNAME", "COUNTRY", "SITE"] as const;
const NUMBER_FIELDS = ["PERIOD", "INCLINATION", "APOGEE", "PERIGEE"] as const;

/** A string or null field (absent counts as null). */
function str(r: Json, field: string): string | null | FieldError {
  const value = r[field];
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  return new FieldError(`expected a string or null, got ${typeof value}`);
}

/** A string, number or null field (absent counts as null). */
function scalar(r: Json, field: string): string | number | null | FieldError {
  const value = r[field];
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  return new FieldError(`expected a string, number or null, got ${typeof value}`);
}

function rawOf(element: unknown): string | null {
  try {
    const text = JSON.stringify(element);
    if (text === undefined) return null;
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  } catch {
    return null;
  }
}
