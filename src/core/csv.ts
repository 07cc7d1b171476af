/**
 * A small RFC 4180 CSV reader: comma-separated fields, fields optionally wrapped in double quotes,
 * `""` inside a quoted field is one quote, quoted fields may hold commas and line breaks. Accepts
 * LF and CRLF line endings. Generic: it knows nothing about any particular file format.
 */

/** One CSV record with where it came from in the text. */
export interface CsvRecord {
  /** The record's fields, unquoted. */
  readonly fields: string[];
  /** 1-based line number of the record's first line in the text. */
  readonly line: number;
  /** The record's raw text, without its line terminator. */
  readonly raw: string;
  /** Why the record is malformed (an unterminated quote, text after a closing quote), or null. */
  readonly error: string | null;
}

/**
 * Splits one CSV line (no line breaks inside quotes) into unquoted fields. A malformed line is split
 * as well as it can be; use {@link parseCsvRecords} where the error must be reported.
 */
export function parseCsvLine(line: string): string[] {
  return readFields(line.endsWith("\r") ? line.slice(0, -1) : line, 0).fields;
}

/**
 * Splits a whole CSV text into records, tracking the 1-based line number of each. Empty lines are
 * skipped (they hold no record). Never throws: a malformed record comes back with `error` set.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let position = 0;
  let line = 1;
  const length = text.length;
  while (position < length) {
    // Skip empty lines.
    const ch = text.charCodeAt(position);
    if (ch === LF) {
      position += 1;
      line += 1;
      continue;
    }
    if (ch === CR && text.charCodeAt(position + 1) === LF) {
      position += 2;
      line += 1;
      continue;
    }
    const start = position;
    const startLine = line;
    const read = readFields(text, position);
    const end = read.end;
    let raw = text.slice(start, end);
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    records.push({ fields: read.fields, line: startLine, raw, error: read.error });
    line += read.lineBreaks + 1;
    position = end + 1; // past the LF (or past the end of the text)
  }
  return records;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

interface FieldsRead {
  fields: string[];
  /** Index of the LF that ends the record, or text.length. */
  end: number;
  /** Line breaks inside quoted fields. */
  lineBreaks: number;
  error: string | null;
}

function readFields(text: string, from: number): FieldsRead {
  const fields: string[] = [];
  let position = from;
  let lineBreaks = 0;
  let error: string | null = null;
  const length = text.length;
  for (;;) {
    if (text.charCodeAt(position) === QUOTE) {
      // Quoted field.
      let value = "";
      let segmentStart = position + 1;
      position += 1;
      let closed = false;
      while (position < length) {
        const c = text.charCodeAt(position);
        if (c === QUOTE) {
          if (text.charCodeAt(position + 1) === QUOTE) {
            value += text.slice(segmentStart, position + 1);
            position += 2;
            segmentStart = position;
            continue;
          }
          value += text.slice(segmentStart, position);
          position += 1;
          closed = true;
          break;
        }
        if (c === LF) lineBreaks += 1;
        position += 1;
      }
      if (!closed) {
        value += text.slice(segmentStart, position);
        error ??= "unterminated quoted field";
        fields.push(value);
        return { fields, end: length, lineBreaks, error };
      }
      // After the closing quote: a comma, the end of the line, or stray text (an error; kept).
      const strayStart = position;
      while (position < length) {
        const c = text.charCodeAt(position);
        if (c === COMMA || c === LF) break;
        position += 1;
      }
      let stray = text.slice(strayStart, position);
      if (stray.endsWith("\r") && (position === length || text.charCodeAt(position) === LF)) stray = stray.slice(0, -1);
      if (stray.length > 0) {
        error ??= `unexpected text after a closing quote in field ${fields.length + 1}`;
        value += stray;
      }
      fields.push(value);
    } else {
      // Unquoted field: up to the next comma or line end.
      const start = position;
      while (position < length) {
        const c = text.charCodeAt(position);
        if (c === COMMA || c === LF) break;
        position += 1;
      }
      let value = text.slice(start, position);
      if (value.endsWith("\r") && (position === length || text.charCodeAt(position) === LF)) value = value.slice(0, -1);
      if (error === null && value.includes('"')) error = `quote inside unquoted field ${fields.length + 1}`;
      fields.push(value);
    }
    if (position >= length || text.charCodeAt(position) === LF) return { fields, end: position, lineBreaks, error };
    position += 1; // past the comma
  }
}
