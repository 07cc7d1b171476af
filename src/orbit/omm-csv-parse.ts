import { SourceFormatError } from "../core/concord-error.ts";
import type { ParseResult, Rejection } from "../core/rejection.ts";
import type { MeanElements } from "./mean-elements.ts";
import { OMM_KEYS, type OmmKey, REQUIRED_OMM_KEYS, isFieldProblem, meanElementsFromOmm } from "./omm-fields.ts";

const RAW_LIMIT = 300;

/** Splits one CSV line; quoted fields (`"A, B"`, `""` for a quote) are handled, the common unquoted line takes the fast path. */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(",");
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quoted) {
      if (c === '"' && line.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/**
 * Parses CelesTrak OMM CSV (header row with OMM keywords, any column order, CRLF tolerated). A row that
 * fails becomes a Rejection naming its 1-based line and the column (`field` is the keyword, the reason
 * says the column number). Throws SourceFormatError only when the header lacks a required column.
 */
export function parseOmmCsv(text: string, source: string): ParseResult<MeanElements> {
  const records: MeanElements[] = [];
  const rejections: Rejection[] = [];
  const lines = text.split("\n");
  let headerLine = 0;
  while (headerLine < lines.length && (lines[headerLine] ?? "").trim() === "") headerLine++;
  const header = splitCsvLine((lines[headerLine] ?? "").trim());
  const columnOf = new Map<OmmKey, number>();
  for (const key of OMM_KEYS) {
    const index = header.indexOf(key);
    if (index >= 0) columnOf.set(key, index);
    else if (REQUIRED_OMM_KEYS.has(key)) throw new SourceFormatError(source, `OMM CSV header has no ${key} column`);
  }
  const columnCount = header.length;
  let fields: string[] = [];
  const valueOf = (key: OmmKey): string | undefined => {
    const index = columnOf.get(key);
    return index === undefined ? undefined : fields[index];
  };
  let recordIndex = 0;
  for (let i = headerLine + 1; i < lines.length; i++) {
    let line = lines[i] ?? "";
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (line.trim() === "") continue;
    fields = splitCsvLine(line);
    if (fields.length !== columnCount) {
      rejections.push({
        source,
        line: i + 1,
        recordIndex,
        field: null,
        reason: `${fields.length} columns where the header has ${columnCount}`,
        raw: line.slice(0, RAW_LIMIT),
      });
    } else {
      const result = meanElementsFromOmm(valueOf);
      if (isFieldProblem(result)) {
        const column = columnOf.get(result.field as OmmKey);
        const where = column === undefined ? "" : `column ${column + 1} (${result.field}): `;
        rejections.push({ source, line: i + 1, recordIndex, field: result.field, reason: `${where}${result.reason}`, raw: line.slice(0, RAW_LIMIT) });
      } else records.push(result);
    }
    recordIndex++;
  }
  return { records, rejections };
}
