import type { ParseResult, Rejection } from "../core/rejection.ts";
import { epochFromYearDay } from "./epoch.ts";
import type { MeanElements } from "./mean-elements.ts";
import { validateMeanElements } from "./mean-elements-validate.ts";
import {
  parseBlankPaddedInteger,
  parseCatalogNumber,
  parseDesignator,
  parseFixedDecimal,
  parseImpliedDecimal,
  tleChecksum,
} from "./tle-fields.ts";

/** Length of a TLE line without its line ending. */
export const TLE_LINE_LENGTH = 69;
const RAW_LIMIT = 300;

interface LineRef {
  readonly text: string;
  readonly lineNumber: number;
}

class Problem {
  constructor(
    readonly lineNumber: number,
    readonly field: string | null,
    readonly reason: string,
  ) {}
}

function isElementLine(text: string, digit: string): boolean {
  return text.charAt(0) === digit && text.charAt(1) === " ";
}

/**
 * Parses 2-line and 3-line TLE text (line 0 optionally prefixed `0 `; CRLF and blank lines tolerated;
 * Alpha-5 catalog numbers). Every record that does not fit (orphan line 1 or 2, truncated line, wrong
 * checksum, malformed or out-of-range field, line 2 of another object) becomes a Rejection naming its
 * 1-based line; nothing throws. `recordIndex` counts element sets (and orphan lines) in order.
 */
export function parseTle(text: string, source: string): ParseResult<MeanElements> {
  const records: MeanElements[] = [];
  const rejections: Rejection[] = [];
  const lines = text.split("\n");
  let recordIndex = 0;
  let name: LineRef | null = null;
  let line1: LineRef | null = null;

  const reject = (lineNumber: number, field: string | null, reason: string, raw: string): void => {
    rejections.push({ source, line: lineNumber, recordIndex, field, reason, raw: raw.slice(0, RAW_LIMIT) });
    recordIndex++;
  };

  for (let i = 0; i < lines.length; i++) {
    let current = lines[i] ?? "";
    if (current.charCodeAt(current.length - 1) === 13) current = current.slice(0, -1);
    if (current.trim() === "") continue;
    const lineNumber = i + 1;

    if (line1 !== null) {
      const first: LineRef = line1;
      line1 = null;
      if (isElementLine(current, "2")) {
        const result = parseElementSet(name, first, { text: current, lineNumber });
        const raw = (name !== null ? `${name.text}\n` : "") + `${first.text}\n${current}`;
        name = null;
        if (result instanceof Problem) reject(result.lineNumber, result.field, result.reason, raw);
        else {
          records.push(result);
          recordIndex++;
        }
        continue;
      }
      reject(first.lineNumber, null, "line 1 is not followed by a line 2", first.text);
      name = null;
    }

    if (isElementLine(current, "1")) {
      line1 = { text: current, lineNumber };
    } else if (isElementLine(current, "2")) {
      reject(lineNumber, null, "line 2 without a preceding line 1", current);
      name = null;
    } else {
      if (name !== null) reject(name.lineNumber, null, "name line without element lines", name.text);
      name = { text: current, lineNumber };
    }
  }
  if (line1 !== null) reject(line1.lineNumber, null, "line 1 is not followed by a line 2 (end of text)", line1.text);
  else if (name !== null) reject(name.lineNumber, null, "name line without element lines (end of text)", name.text);
  return { records, rejections };
}

function checkLine(ref: LineRef, which: 1 | 2): Problem | null {
  const trimmed = ref.text.trimEnd();
  if (trimmed.length < TLE_LINE_LENGTH) {
    return new Problem(ref.lineNumber, null, `line ${which} is truncated: ${trimmed.length} of ${TLE_LINE_LENGTH} columns`);
  }
  if (trimmed.length > TLE_LINE_LENGTH) {
    return new Problem(ref.lineNumber, null, `line ${which} has ${trimmed.length - TLE_LINE_LENGTH} unexpected characters after column 69`);
  }
  const expected = tleChecksum(ref.text);
  const given = ref.text.charCodeAt(68) - 48;
  if (given !== expected) {
    return new Problem(ref.lineNumber, "checksum", `line ${which} checksum is "${ref.text.charAt(68)}", computed ${expected}`);
  }
  return null;
}

function parseName(name: LineRef | null): string | null {
  if (name === null) return null;
  const text = name.text.startsWith("0 ") ? name.text.slice(2) : name.text;
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

function parseElementSet(name: LineRef | null, l1: LineRef, l2: LineRef): MeanElements | Problem {
  const lineProblem = checkLine(l1, 1) ?? checkLine(l2, 2);
  if (lineProblem !== null) return lineProblem;
  const a = l1.text;
  const b = l2.text;
  const n1 = l1.lineNumber;
  const n2 = l2.lineNumber;

  const catalogNumber = parseCatalogNumber(a, 2);
  if (Number.isNaN(catalogNumber)) return new Problem(n1, "NORAD_CAT_ID", `"${a.slice(2, 7)}" is not a catalog number`);
  const catalogNumber2 = parseCatalogNumber(b, 2);
  if (catalogNumber2 !== catalogNumber) {
    return new Problem(n2, "NORAD_CAT_ID", `line 2 catalog number "${b.slice(2, 7)}" differs from line 1 "${a.slice(2, 7)}"`);
  }
  const yy = parseBlankPaddedInteger(a, 18, 20);
  const dayOfYear = parseBlankPaddedInteger(a, 20, 23);
  const fraction = parseBlankPaddedInteger(a, 24, 32);
  const epoch =
    Number.isNaN(yy) || Number.isNaN(dayOfYear) || Number.isNaN(fraction) || a.charCodeAt(23) !== 46
      ? null
      : epochFromYearDay(yy < 57 ? 2000 + yy : 1900 + yy, dayOfYear, fraction, 8);
  if (epoch === null) return new Problem(n1, "EPOCH", `"${a.slice(18, 32)}" is not a year and day of year`);

  const values = {
    MEAN_MOTION_DOT: parseFixedDecimal(a, 33, 43),
    MEAN_MOTION_DDOT: parseImpliedDecimal(a, 44),
    BSTAR: parseImpliedDecimal(a, 53),
    EPHEMERIS_TYPE: parseBlankPaddedInteger(a, 62, 63),
    ELEMENT_SET_NO: parseBlankPaddedInteger(a, 64, 68),
    INCLINATION: parseFixedDecimal(b, 8, 16),
    RA_OF_ASC_NODE: parseFixedDecimal(b, 17, 25),
    ECCENTRICITY: parseBlankPaddedInteger(b, 26, 33) / 1e7,
    ARG_OF_PERICENTER: parseFixedDecimal(b, 34, 42),
    MEAN_ANOMALY: parseFixedDecimal(b, 43, 51),
    MEAN_MOTION: parseFixedDecimal(b, 52, 63),
    REV_AT_EPOCH: parseBlankPaddedInteger(b, 63, 68),
  };
  for (const key in values) {
    if (Number.isNaN(values[key as keyof typeof values])) {
      const onLine2 = LINE2_FIELDS.has(key);
      const [start, end] = COLUMNS[key as keyof typeof values];
      const textOfField = (onLine2 ? b : a).slice(start, end);
      return new Problem(onLine2 ? n2 : n1, key, `"${textOfField}" in columns ${start + 1}-${end} is not a number`);
    }
  }
  const classificationType = a.charAt(7);
  const record: MeanElements = {
    catalogNumber,
    objectName: parseName(name),
    objectId: parseDesignator(a, 9),
    epoch: epoch.epoch,
    epochMs: epoch.epochMs,
    meanMotionRevPerDay: values.MEAN_MOTION,
    eccentricity: values.ECCENTRICITY,
    inclinationDeg: values.INCLINATION,
    raOfAscNodeDeg: values.RA_OF_ASC_NODE,
    argOfPericenterDeg: values.ARG_OF_PERICENTER,
    meanAnomalyDeg: values.MEAN_ANOMALY,
    bstarPerEarthRadii: values.BSTAR,
    meanMotionDotRevPerDay2: values.MEAN_MOTION_DOT,
    meanMotionDdotRevPerDay3: values.MEAN_MOTION_DDOT,
    ephemerisType: values.EPHEMERIS_TYPE,
    classificationType,
    elementSetNumber: values.ELEMENT_SET_NO,
    revAtEpoch: values.REV_AT_EPOCH,
  };
  const problem = validateMeanElements(record);
  if (problem !== null) return new Problem(LINE2_FIELDS.has(problem.field) ? n2 : n1, problem.field, problem.reason);
  return record;
}

const LINE2_FIELDS = new Set(["INCLINATION", "RA_OF_ASC_NODE", "ECCENTRICITY", "ARG_OF_PERICENTER", "MEAN_ANOMALY", "MEAN_MOTION", "REV_AT_EPOCH"]);

/** 0-based [start, end) columns of each numeric field, for messages. */
const COLUMNS = {
  MEAN_MOTION_DOT: [33, 43],
  MEAN_MOTION_DDOT: [44, 52],
  BSTAR: [53, 61],
  EPHEMERIS_TYPE: [62, 63],
  ELEMENT_SET_NO: [64, 68],
  INCLINATION: [8, 16],
  RA_OF_ASC_NODE: [17, 25],
  ECCENTRICITY: [26, 33],
  ARG_OF_PERICENTER: [34, 42],
  MEAN_ANOMALY: [43, 51],
  MEAN_MOTION: [52, 63],
  REV_AT_EPOCH: [63, 68],
} as const;
