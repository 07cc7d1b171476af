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
  const named = instruments.find((i) => i.id === query || i.shortName.toLowerCase() === query);
  if (named !== undefined && accepts(named)) return named;
  const suggestions = closeMatches(text, eligible.map((i) => ({ code: i.id, name: i.shortName })));
  const why = named === undefined ? `no ${label} named ${JSON.stringify(text)}` : `${JSON.stringify(text)} names the ${named.shortName} (${named.kind}): not a ${label}`;
  throw new NotFoundError(label, `${why}${suggest(suggestions)}; known: ${eligible.map((i) => i.id).join(", ")}`);
}

function suggest(matches: readonly { code: string; name: string }[]): string {
  return matches.length === 0 ? "; no close match" : `; did you mean ${matches.map((m) => (m.code === m.name ? m.code : `${m.code} (${m.name})`)).join(", ")}?`;
}
