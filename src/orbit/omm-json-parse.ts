import { SourceFormatError } from "../core/concord-error.ts";
import type { ParseResult, Rejection } from "../core/rejection.ts";
import type { MeanElements } from "./mean-elements.ts";
import { type OmmKey, isFieldProblem, meanElementsFromOmm } from "./omm-fields.ts";

const RAW_LIMIT = 300;

/**
 * Parses an OMM JSON array as CelesTrak (numbers) and Space-Track (strings) serve it; a single object is
 * accepted too. Each element that fails is a Rejection with its 0-based `recordIndex`. Throws
 * SourceFormatError when the text is not JSON or not an array/object.
 */
export function parseOmmJson(text: string, source: string): ParseResult<MeanElements> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SourceFormatError(source, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const items: unknown[] = Array.isArray(parsed) ? parsed : parsed !== null && typeof parsed === "object" ? [parsed] : [];
  if (items.length === 0 && !Array.isArray(parsed)) throw new SourceFormatError(source, "OMM JSON must be an array of objects");
  const records: MeanElements[] = [];
  const rejections: Rejection[] = [];
  let item: Record<string, unknown> = {};
  const valueOf = (key: OmmKey): string | number | null | undefined => {
    const value = item[key];
    return typeof value === "string" || typeof value === "number" || value === null ? value : undefined;
  };
  for (let index = 0; index < items.length; index++) {
    const candidate = items[index];
    if (candidate === null || typeof candidate !== "object" || Array.isArray(candidate)) {
      rejections.push({ source, line: null, recordIndex: index, field: null, reason: "element is not an object", raw: JSON.stringify(candidate)?.slice(0, RAW_LIMIT) ?? null });
      continue;
    }
    item = candidate as Record<string, unknown>;
    const result = meanElementsFromOmm(valueOf);
    if (isFieldProblem(result)) {
      rejections.push({ source, line: null, recordIndex: index, field: result.field, reason: result.reason, raw: JSON.stringify(item).slice(0, RAW_LIMIT) });
    } else records.push(result);
  }
  return { records, rejections };
}
