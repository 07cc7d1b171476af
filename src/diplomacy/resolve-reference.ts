import { NotFoundError } from "../core/concord-error.ts";
import { closeMatches } from "./close-matches.ts";
import type { Instrument } from "./instrument.ts";
import type { UnState } from "./un-state.ts";

/**
 * Finds the state or instrument a user named, by code or name (case-insensitive), or fails with an error that names
 * the bad value and suggests close matches. Pure.
 */

export function resolveState(states: readonly UnState[], text: string): UnState {
  const query = text.trim().toLowerCase();
  const found = states.find((s) => s.iso3.toLowerCase() === query || s.name.toLowerCase() === query);
  if (found !== undefined) return found;
  const suggestions = closeMatches(text, states.map((s) => ({ code: s.iso3, name: s.name })));
  throw new NotFoundError(
    "state",
    `no UN member or observer State ${JSON.stringify(text)} (give an ISO 3166-1 alpha-3 code or the English name)${suggest(suggestions)}`,
  );
}

/**
 * `accepts`: the kinds of instrument the caller can answer for (voted ones for a tally, joinable ones for outreach),
 * with `kindLabel` naming them in the error.
 */
export function resolveInstrument(
  instruments: readonly Instrument[],
  text: string,
  options: { readonly accepts?: (instrument: Instrument) => boolean; readonly kindLabel?: string } = {},
): Instrument {
  const accepts = options.accepts ?? (() => true);
  const label = options.kindLabel ?? "instrument";
  const query = text.trim().toLowerCase();
  const eligible = instruments.filter(accepts);
  const symbolId = instrumentIdFromUnSymbol(query);
  const named = instruments.find((i) => i.id === query || i.id === symbolId || i.shortName.toLowerCase() === query);
  if (named !== undefined && accepts(named)) return named;
  const suggestions = closeMatches(text, eligible.map((i) => ({ code: i.id, name: i.shortName })));
  const why = named === undefined ? `no ${label} named ${JSON.stringify(text)}` : `${JSON.stringify(text)} names the ${named.shortName} (${named.kind}): not a ${label}`;
  throw new NotFoundError(label, `${why}${suggest(suggestions)}; known: ${eligible.map((i) => i.id).join(", ")}`);
}

function suggest(matches: readonly { code: string; name: string }[]): string {
  return matches.length === 0 ? "; no close match" : `; did you mean ${matches.map((m) => (m.code === m.name ? m.code : `${m.code} (${m.name})`)).join(", ")}?`;
}

/**
 * The instrument id a UN document symbol stands for, as diplomats write them: "77/41" or "A/RES/77/41" (a General
 * Assembly resolution), "A/C.1/77/L.62" or "A/C.1/78/L.15/Rev.1" (a committee draft), "S/2024/302" (a Security
 * Council draft); null for anything else.
 */
export function instrumentIdFromUnSymbol(text: string): string | null {
  const query = text.trim().toLowerCase().replace(/\s+/g, "");
  const resolution = /^(?:a\/res\/|res\.?)?(\d{1,3})\/(\d{1,4})$/.exec(query);
  if (resolution !== null) return `unga-res-${resolution[1]}-${resolution[2]}`;
  const draft = /^a\/c\.(\d)\/(\d{1,3})\/l\.(\d{1,4})(?:\/rev\.(\d))?$/.exec(query);
  if (draft !== null) return `unga-c${draft[1]}-${draft[2]}-l${draft[3]}${draft[4] === undefined ? "" : `-rev${draft[4]}`}`;
  const council = /^s\/(\d{4})\/(\d{1,4})$/.exec(query);
  if (council !== null) return `unsc-s-${council[1]}-${council[2]}`;
  return null;
}
