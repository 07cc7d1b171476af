import { formatJsonPointer, parseJsonPointer, resolveJsonPointerPath } from "./json-pointer.ts";

/**
 * Where a figure of an evidence answer is dated: the as-of date and source the API gave beside it. The evidence
 * answers are dated in a few shapes — a `source` + `asOf` pair on the figure's own object (a state's standing, an act,
 * a sourced count), a `<key>AsOf` beside the key (`coverage`/`coverageAsOf`, `standing`/`standingAsOf`), a child
 * block (`conduct.catalog.asOf`, the catalog answers' `asOf: { satcat, elementSets }` ingest block, the environment
 * answers' `sources.analysisDate`) — so the nearest dated field is found by this rule, in order:
 *
 * 1. an explicit `asOfPointer` given by the citer (it must point at a string or null, or at an object with `asOf`);
 * 2. the figure's own dated key: `<key>AsOf` beside the cited `<key>` (with `<key>Source`, else `source`);
 * 3. walking up from the figure (the figure itself when it is an object) to the answer's root, the first object that
 *    holds `asOf` itself, or a `sources` block with an `analysisDate`, or a direct child object holding `asOf`;
 * 4. the nearest enclosing object with any key ending in `AsOf`;
 * 5. otherwise the figure is undated (asOf null).
 *
 * An `asOf` that is an ingest block (`{ satcat, elementSets }`) dates the figure by its newest `dataAsOf`; its source
 * is the ingests' sources. The whole dated value found (`detail`) is kept, so a re-ingest of the same day still shows
 * as a newer statement of the figure. Pure.
 */
export interface FigureAsOf {
  /** The date (or timestamp) as the API gave it; null where the API gave none. */
  readonly asOf: string | null;
  readonly source: string | null;
  /** Where in the answer the date was found (JSON pointer), or null when the figure is undated. */
  readonly pointer: string | null;
  /** The dated value as found (a date string, an ingest block, a sources block): compared for freshness. */
  readonly detail: unknown;
  /**
   * The name of what the date belongs to, as the answer gives it on the dated object (its `shortName`, `name`, `label`
   * or `title`: "Artemis Accords"), or null (an ingest or sources block has none). It names the dataset in the
   * citation's source label (citation-source.ts).
   */
  readonly dataset: string | null;
}

export const UNDATED: FigureAsOf = { asOf: null, source: null, pointer: null, detail: null, dataset: null };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

const NAME_KEYS = ["shortName", "name", "label", "title"] as const;

/** The dated object's own name, if it gives one. */
function nameOf(holder: JsonObject): string | null {
  for (const key of NAME_KEYS) {
    const value = holder[key];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return null;
}

/** Every `source` string inside a block (three levels deep at most), distinct, in order. */
function collectSources(block: unknown, depth = 0): string[] {
  if (depth > 3 || block === null || typeof block !== "object") return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(block as JsonObject)) {
    if (key === "source" && typeof value === "string") found.push(value);
    else found.push(...collectSources(value, depth + 1));
  }
  return [...new Set(found)];
}

function joinedSources(block: unknown): string | null {
  const sources = collectSources(block);
  return sources.length === 0 ? null : sources.join("; ");
}

/** The newest `dataAsOf` among an ingest block's entries. */
function newestDataAsOf(block: JsonObject): string | null {
  const dates = Object.values(block)
    .map((entry) => (isObject(entry) ? stringOrNull(entry["dataAsOf"]) : null))
    .filter((d): d is string => d !== null)
    .sort();
  return dates.at(-1) ?? null;
}

/** The dating of an object holding `asOf` (at `pointer`). */
function fromAsOfHolder(holder: JsonObject, tokens: readonly string[]): FigureAsOf {
  const asOf = holder["asOf"];
  const pointer = formatJsonPointer([...tokens, "asOf"]);
  const dataset = nameOf(holder);
  if (isObject(asOf)) return { asOf: newestDataAsOf(asOf), source: stringOrNull(holder["source"]) ?? joinedSources(asOf), pointer, detail: asOf, dataset };
  const source = stringOrNull(holder["source"]);
  return { asOf: stringOrNull(asOf), source, pointer, detail: { asOf: stringOrNull(asOf), source }, dataset };
}

/** A `sources` block (at `blockTokens`) dated by its `analysisDate`. */
function fromSourcesBlock(sources: JsonObject, blockTokens: readonly string[]): FigureAsOf {
  return { asOf: stringOrNull(sources["analysisDate"]), source: joinedSources(sources), pointer: formatJsonPointer([...blockTokens, "analysisDate"]), detail: sources, dataset: null };
}

/** `<key>AsOf` in `holder`, with `<key>Source` or `source`. */
function fromDatedKey(holder: JsonObject, datedKey: string, tokens: readonly string[]): FigureAsOf {
  const stem = datedKey.slice(0, -"AsOf".length);
  const source = stringOrNull(holder[`${stem}Source`]) ?? stringOrNull(holder["source"]);
  const asOf = stringOrNull(holder[datedKey]);
  return { asOf, source, pointer: formatJsonPointer([...tokens, datedKey]), detail: { asOf, source }, dataset: nameOf(holder) };
}

const datedKeyOf = (value: unknown): value is string | null => value === null || typeof value === "string";

/** The figure's as-of by the rule above; `chain` is the value chain from the root to the figure (json-pointer.ts). */
export function findFigureAsOf(chain: readonly unknown[], tokens: readonly string[]): FigureAsOf {
  const key = tokens.at(-1);
  const parent = chain.at(-2);
  if (key !== undefined && isObject(parent) && Object.hasOwn(parent, `${key}AsOf`) && datedKeyOf(parent[`${key}AsOf`])) {
    return fromDatedKey(parent, `${key}AsOf`, tokens.slice(0, -1));
  }
  for (let depth = chain.length - 1; depth >= 0; depth -= 1) {
    const holder = chain[depth];
    if (!isObject(holder)) continue;
    const at = tokens.slice(0, depth);
    if (Object.hasOwn(holder, "asOf")) return fromAsOfHolder(holder, at);
    const sources = holder["sources"];
    if (isObject(sources) && typeof sources["analysisDate"] === "string") return fromSourcesBlock(sources, [...at, "sources"]);
    for (const [childKey, child] of Object.entries(holder)) {
      if (isObject(child) && Object.hasOwn(child, "asOf")) return fromAsOfHolder(child, [...at, childKey]);
    }
  }
  for (let depth = chain.length - 1; depth >= 0; depth -= 1) {
    const holder = chain[depth];
    if (!isObject(holder)) continue;
    const datedKey = Object.keys(holder).find((k) => k.endsWith("AsOf") && k !== "AsOf" && datedKeyOf(holder[k]));
    if (datedKey !== undefined) return fromDatedKey(holder, datedKey, tokens.slice(0, depth));
  }
  return UNDATED;
}

/**
 * The as-of at an explicit pointer: an `asOf` (string, null or ingest block), a `<key>AsOf`, a `sources` block's
 * `analysisDate`, an object holding one of those, or any date string (with its object's `source`); null when it is
 * none of them. A pointer found by findFigureAsOf gives the same dating here, so a citation is re-read alike.
 */
export function asOfAtPointer(document: unknown, asOfPointer: string): FigureAsOf | null {
  const tokens = parseJsonPointer(asOfPointer);
  if (tokens === null) return null;
  const chain = resolveJsonPointerPath(document, tokens);
  if (chain === null) return null;
  const target = chain.at(-1);
  const key = tokens.at(-1);
  const parent = chain.at(-2);
  const above = tokens.slice(0, -1);
  if (key !== undefined && isObject(parent)) {
    if (key === "asOf") return fromAsOfHolder(parent, above);
    if (key === "analysisDate" && typeof target === "string") return fromSourcesBlock(parent, above);
    if (key.endsWith("AsOf") && datedKeyOf(target)) return fromDatedKey(parent, key, above);
  }
  if (isObject(target) && Object.hasOwn(target, "asOf")) return fromAsOfHolder(target, tokens);
  if (isObject(target) && typeof target["analysisDate"] === "string") return fromSourcesBlock(target, tokens);
  if (key !== undefined && isObject(parent) && typeof target === "string") {
    const source = stringOrNull(parent["source"]);
    return { asOf: target, source, pointer: asOfPointer, detail: { asOf: target, source }, dataset: nameOf(parent) };
  }
  return null;
}
