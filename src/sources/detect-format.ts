import { SourceFormatError } from "../core/concord-error.ts";

/** Every whole-source format Concord reads. */
export const DETECTED_FORMATS = [
  "tle",
  "omm-json",
  "omm-csv",
  "omm-xml",
  "omm-kvn",
  "satcat-spacetrack-json",
  "satcat-celestrak-csv",
  "space-weather-csv",
  "cara-hbr-mass-csv",
] as const;

export type DetectedFormat = (typeof DETECTED_FORMATS)[number];

const FORMAT_NAMES =
  "TLE (2- or 3-line), OMM JSON, OMM CSV, OMM XML (<ndm>/<omm>), OMM KVN (CCSDS_OMM_VERS), " +
  "Space-Track SATCAT JSON, CelesTrak SATCAT CSV, CelesTrak space-weather CSV (SW-All.csv), " +
  "NASA CARA HBR and mass estimates CSV";

/** Leading columns of CelesTrak's SATCAT CSV (https://celestrak.org/pub/satcat.csv). */
const CELESTRAK_SATCAT_HEADER = ["OBJECT_NAME", "OBJECT_ID", "NORAD_CAT_ID", "OBJECT_TYPE", "OPS_STATUS_CODE", "OWNER"];

/** How far into the text sniffing looks (the JSON first element, XML prolog, leading TLE lines). */
const SNIFF_CHARS = 64 * 1024;
const QUOTED_LINE_MAX = 80;

/** TLE line 1 and 2 (columns 1-8: line number, space, catalog number incl. Alpha-5, classification). */
const TLE_LINE_1 = /^1 [0-9A-Z ][0-9 ]{4}[A-Z ] /;
const TLE_LINE_2 = /^2 [0-9A-Z ][0-9 ]{4} /;

/**
 * Tells which format a source's text is in by its content alone (never its file name). Pure.
 * Throws `SourceFormatError` "unknown format: expected one of …" quoting the first line when nothing fits.
 */
export function detectFormat(text: string, source: string): DetectedFormat {
  const head = text.slice(0, SNIFF_CHARS).replace(/^\uFEFF/, "");
  const start = head.search(/\S/);
  if (start < 0) throw new SourceFormatError(source, "empty source: no data to read");
  const first = head[start];
  if (first === "<") return detectXml(head, source);
  if (first === "[" || first === "{") return detectJson(head.slice(start), source);

  const lines = head
    .split(/\r?\n/)
    .map((line) => line.replace(/\r$/, ""))
    .filter((line) => line.trim() !== "" && !line.startsWith("#"));
  const firstLine = lines[0] ?? "";
  if (/^\s*CCSDS_OMM_VERS\b/.test(firstLine)) return "omm-kvn";
  if (looksLikeTle(lines)) return "tle";
  const csv = detectCsvHeader(firstLine);
  if (csv) return csv;
  throw unknownFormat(source, firstLine);
}

function detectXml(head: string, source: string): DetectedFormat {
  const withoutProlog = head.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const root = /<\s*([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(withoutProlog);
  const name = root?.[2]?.toLowerCase();
  if (name === "ndm" || name === "omm") return "omm-xml";
  throw unknownFormat(source, firstLineOf(head));
}

function detectJson(head: string, source: string): DetectedFormat {
  const element = firstJsonObject(head);
  if (element === null) {
    const empty = /^\[\s*\]/.test(head);
    throw new SourceFormatError(
      source,
      empty
        ? `unknown format: the JSON array is empty, so it cannot tell which records it holds (expected one of ${FORMAT_NAMES})`
        : `unknown format: JSON without a readable first object (expected one of ${FORMAT_NAMES}); first line: ${quote(firstLineOf(head))}`,
    );
  }
  if ("MEAN_MOTION" in element) return "omm-json";
  if ("SATNAME" in element || "INTLDES" in element || "COUNTRY" in element) return "satcat-spacetrack-json";
  const keys = Object.keys(element).slice(0, 8).join(", ");
  throw new SourceFormatError(
    source,
    `unknown format: JSON records with keys ${keys} are neither OMM (MEAN_MOTION) nor Space-Track SATCAT (SATNAME, INTLDES, COUNTRY); expected one of ${FORMAT_NAMES}`,
  );
}

/** The first `{…}` object of a JSON text (string-aware brace matching within the sniffed head), parsed. */
function firstJsonObject(head: string): Record<string, unknown> | null {
  const open = head.indexOf("{");
  if (open < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = open; i < head.length; i++) {
    const ch = head[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) {
      try {
        const value: unknown = JSON.parse(head.slice(open, i + 1));
        return typeof value === "object" && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)
          : null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** A TLE file: "1 " then "2 " lines, optionally after a name line ("0 NAME" or a bare name). */
function looksLikeTle(lines: readonly string[]): boolean {
  const [a = "", b = "", c = ""] = lines;
  if (TLE_LINE_1.test(a)) return TLE_LINE_2.test(b);
  return !TLE_LINE_1.test(a) && !TLE_LINE_2.test(a) && TLE_LINE_1.test(b) && TLE_LINE_2.test(c);
}

function detectCsvHeader(line: string): DetectedFormat | null {
  if (!line.includes(",")) return null;
  const columns = line.split(",").map((cell) => cell.trim().replace(/^"|"$/g, "").toUpperCase());
  if (CELESTRAK_SATCAT_HEADER.every((name, i) => columns[i] === name)) return "satcat-celestrak-csv";
  if (columns.includes("MEAN_MOTION")) return "omm-csv";
  if (columns[0] === "DATE" && columns.includes("F10.7_OBS")) return "space-weather-csv";
  if (columns[0] === "OBJECTID" && columns.includes("MASSSOURCE")) return "cara-hbr-mass-csv";
  return null;
}

function firstLineOf(text: string): string {
  return text.trimStart().split(/\r?\n/, 1)[0] ?? "";
}

function quote(line: string): string {
  const clipped = line.length > QUOTED_LINE_MAX ? `${line.slice(0, QUOTED_LINE_MAX)}…` : line;
  return JSON.stringify(clipped);
}

function unknownFormat(source: string, firstLine: string): SourceFormatError {
  return new SourceFormatError(source, `unknown format: expected one of ${FORMAT_NAMES}; first line: ${quote(firstLine)}`);
}
