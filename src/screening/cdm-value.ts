import { CdmParseError, type CdmWarning } from "./cdm.ts";
import { type CdmKeyword, normaliseUnit } from "./cdm-keywords.ts";
import { formatCcsdsTime, parseCcsdsTimeMs } from "./cdm-time.ts";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The model value of one keyword's text, after checking its unit (when one was written). A value that cannot be
 * read is a CdmParseError naming source, line and keyword. A unit that differs from the standard's is accepted
 * with a warning: real CARA files carry some (`RELATIVE_VELOCITY_R = … [m]`, `RESIDUALS_ACCEPTED = 85.4 [`).
 * `NaN` is accepted for numbers, as CARA's sample CDMs use it for unknown OD figures.
 */
export function convertCdmValue(
  keyword: CdmKeyword,
  text: string,
  unit: string | null,
  source: string,
  line: number | null,
  warnings: CdmWarning[],
): string | number {
  if (unit !== null) {
    const expected = keyword.unit;
    if (expected === undefined) {
      warnings.push({ source, line, keyword: keyword.key, reason: `unit [${unit}] given for a keyword without units; ignored` });
    } else if (normaliseUnit(unit) !== normaliseUnit(expected)) {
      warnings.push({ source, line, keyword: keyword.key, reason: `unit [${unit}] differs from the standard's [${expected}]; value taken as ${expected}` });
    }
  }
  if (keyword.kind === "text") {
    if (text === "") throw new CdmParseError(source, line, keyword.key, "empty value");
    return text;
  }
  if (keyword.kind === "time") {
    const timeMs = parseCcsdsTimeMs(text);
    if (timeMs === null) throw new CdmParseError(source, line, keyword.key, `"${text}" is not a CCSDS time (YYYY-MM-DDThh:mm:ss.d or YYYY-DDDThh:mm:ss.d)`);
    return timeMs;
  }
  if (text === "NaN") return Number.NaN;
  if (!NUMBER.test(text)) throw new CdmParseError(source, line, keyword.key, `"${text}" is not a number`);
  return Number(text);
}

/** A number as CDMs write it: shortest exact digits (exponent `E` below 1e-4), `-0` kept, `NaN` for unknown. */
export function formatCdmNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (Object.is(value, -0)) return "-0";
  const magnitude = Math.abs(value);
  const text = magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e15) ? value.toExponential() : String(value);
  return text.replace("e", "E");
}

export function formatCdmValue(keyword: CdmKeyword, value: unknown): string {
  if (keyword.kind === "time") return formatCcsdsTime(value as number);
  if (keyword.kind === "number") return formatCdmNumber(value as number);
  return String(value);
}
