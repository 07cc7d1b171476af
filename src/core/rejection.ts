/**
 * A record a parser refused, as a value: where it was (source, 1-based line and/or 0-based
 * record index), which field, and why. Parsers return these beside the records they accepted;
 * the ingest stores them in the rejects table and reports them.
 */
export interface Rejection {
  /** File path or URL the record came from. */
  readonly source: string;
  /** 1-based line number in the (decompressed) text, where the format is line-based. */
  readonly line: number | null;
  /** 0-based index of the record within the source (JSON array element, CSV data row, XML/KVN segment). */
  readonly recordIndex: number | null;
  /** Name of the offending field (`NORAD_CAT_ID`, `checksum`, `ECCENTRICITY` …), or null when the whole record is broken. */
  readonly field: string | null;
  readonly reason: string;
  /** The raw text of the record (truncated to a few hundred characters), for the rejects table. */
  readonly raw: string | null;
}

export interface ParseResult<T> {
  readonly records: T[];
  readonly rejections: Rejection[];
}

export function describeRejection(r: Rejection): string {
  const where = [r.source, r.line !== null ? `line ${r.line}` : null, r.recordIndex !== null ? `record ${r.recordIndex}` : null]
    .filter((part) => part !== null)
    .join(", ");
  return `${where}: ${r.field ?? "record"}: ${r.reason}`;
}
