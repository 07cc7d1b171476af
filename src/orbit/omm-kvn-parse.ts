import type { ParseResult, Rejection } from "../core/rejection.ts";
import type { MeanElements } from "./mean-elements.ts";
import { type OmmKey, isFieldProblem, meanElementsFromOmm } from "./omm-fields.ts";

const RAW_LIMIT = 300;
const IGNORED_MARKERS = new Set(["META_START", "META_STOP", "DATA_START", "DATA_STOP", "COVARIANCE_START", "COVARIANCE_STOP"]);

/** Free-text keywords: a trailing `[…]` there is part of the value, not a unit. */
const TEXT_KEYS = new Set(["OBJECT_NAME", "OBJECT_ID", "ORIGINATOR", "MESSAGE_ID"]);

interface KvnRecord {
  readonly firstLine: number;
  readonly values: Map<string, { value: string; line: number }>;
  readonly rawLines: string[];
  broken: { line: number; reason: string } | null;
}

function stripUnits(value: string): string {
  const bracket = value.lastIndexOf("[");
  return bracket > 0 && value.endsWith("]") ? value.slice(0, bracket).trimEnd() : value;
}

/**
 * Parses CCSDS OMM KVN (502.0-B-2/-3): `KEY = value [units]` lines, `COMMENT` lines, several OMMs
 * concatenated (each starting at `CCSDS_OMM_VERS`, or where a keyword repeats). A record whose line cannot
 * be read, or whose values fail, is a Rejection naming the line of the offending keyword.
 */
export function parseOmmKvn(text: string, source: string): ParseResult<MeanElements> {
  const records: MeanElements[] = [];
  const rejections: Rejection[] = [];
  const lines = text.split("\n");
  let current: KvnRecord | null = null;
  let recordIndex = 0;

  const finish = (record: KvnRecord): void => {
    const raw = record.rawLines.join("\n").slice(0, RAW_LIMIT);
    if (record.broken !== null) {
      rejections.push({ source, line: record.broken.line, recordIndex, field: null, reason: record.broken.reason, raw });
    } else {
      const result = meanElementsFromOmm((key: OmmKey) => record.values.get(key)?.value);
      if (isFieldProblem(result)) {
        const line = record.values.get(result.field)?.line ?? record.firstLine;
        rejections.push({ source, line, recordIndex, field: result.field, reason: result.reason, raw });
      } else records.push(result);
    }
    recordIndex++;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "" || line.startsWith("COMMENT") || IGNORED_MARKERS.has(line)) continue;
    const equals = line.indexOf("=");
    const key = equals < 0 ? "" : line.slice(0, equals).trim();
    if (current === null || key === "CCSDS_OMM_VERS" || current.values.has(key)) {
      if (current !== null) finish(current);
      current = { firstLine: i + 1, values: new Map(), rawLines: [], broken: null };
    }
    current.rawLines.push(line);
    if (equals < 0 || key === "") {
      current.broken ??= { line: i + 1, reason: `line is not "KEYWORD = value": "${line.slice(0, 60)}"` };
      continue;
    }
    const value = line.slice(equals + 1).trim();
    current.values.set(key, { value: TEXT_KEYS.has(key) ? value : stripUnits(value), line: i + 1 });
  }
  if (current !== null) finish(current);
  return { records, rejections };
}
