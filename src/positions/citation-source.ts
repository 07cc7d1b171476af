import type { FigureAsOf } from "./figure-as-of.ts";

/**
 * The source of a cited figure as a reader sees it. The evidence answers give sources as their curated rows and ingests
 * record them, and some of those name a file on the machine that compiled or ingested the data (a registry row's
 * `… ; ../shared/data/diplomacy/artemis_accords.csv`, an ingest's `/srv/data/satcat.json.gz`). A position shows none
 * of that: each local path becomes `file <name>` (the dataset's file name, no folder), and the label starts with the
 * name of what the date belongs to ("Artemis Accords — NASA and US State Department releases …"). URLs, repository
 * references (`owner/repo:path`), project tables (`data/actors.csv`) and the API's own paths (`/api/…`) stay. The
 * as-of date is the citation's own field beside it. Pure.
 */

/** Characters that end a path inside running text. */
const PATH_CHARS = String.raw`[^\s,;()\[\]"'<>]`;

/**
 * A local path: `file://…`, `~/…`, `./…`, `../…`, an absolute POSIX path (`/a/b`), a Windows path (`C:\…`, `C:/…`,
 * `\\host\…`), or anything under a `shared/data/` folder; only where a token starts (not inside a URL).
 */
const LOCAL_PATH = new RegExp(
  String.raw`(^|[\s(\[,;"'=])((?:file:\/\/|~\/|\.{1,2}[\\/]|\/(?!api\/)(?=${PATH_CHARS}*\/)|[A-Za-z]:[\\/]|\\\\|(?=${PATH_CHARS}*shared[\\/]data[\\/]))${PATH_CHARS}+)`,
  "g",
);

/** A URL in the text (left alone even where it holds `shared/data/`). */
const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s;,()"'<>]+/gi;

function fileNameOf(path: string): string {
  const trimmed = path.replace(/[.:]+$/, "");
  const segments = trimmed.split(/[\\/]+/).filter((segment) => segment !== "" && segment !== "." && segment !== "..");
  return segments.at(-1) ?? "a local file";
}

/** The text with every local path replaced by `file <name>` and ` ; ` separators tidied; idempotent. */
export function withoutLocalPaths(text: string): string {
  const urls: string[] = [];
  // Park URLs (other than file://) so their path parts are never taken for local paths.
  const parked = text.replace(URL_PATTERN, (url) => {
    if (url.toLowerCase().startsWith("file://")) return url;
    urls.push(url);
    return `\uE000${urls.length - 1}\uE001`;
  });
  const cleaned = parked
    .replace(LOCAL_PATH, (_match, before: string, path: string, offset: number, whole: string) => {
      const trailing = /[.:]+$/.exec(path)?.[0] ?? "";
      // "the file /srv/x.csv" becomes "the file x.csv", not "the file file x.csv".
      const alreadyNamed = /\bfile\s*$/i.test(whole.slice(0, offset + before.length));
      return `${before}${alreadyNamed ? "" : "file "}${fileNameOf(path)}${trailing}`;
    })
    .replace(/\s+;\s*/g, "; ");
  return cleaned.replace(/\uE000(\d+)\uE001/g, (_match, index: string) => urls[Number(index)] ?? "");
}

/** A stored source (null stays null), cleaned of local paths. */
export function cleanedSource(source: string | null): string | null {
  return source === null ? null : withoutLocalPaths(source);
}

/**
 * The label a citation keeps as its source: the dataset's name, then its publishers and URLs as the answer gives them,
 * without local paths ("Artemis Accords — NASA and US State Department releases (see each act); file
 * artemis_accords.csv"). Null when the answer gives no source.
 */
export function figureSourceLabel(asOf: FigureAsOf): string | null {
  const source = cleanedSource(asOf.source);
  if (source === null) return null;
  const dataset = asOf.dataset === null ? null : withoutLocalPaths(asOf.dataset);
  if (dataset === null || source.toLowerCase().startsWith(dataset.toLowerCase())) return source;
  return `${dataset} — ${source}`;
}
