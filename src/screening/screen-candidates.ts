import type { ConjunctionEvent } from "./conjunction-event.ts";
import type { ScreeningContext } from "./screen-block.ts";
import { PairState, buildEvent, refineClosestApproach } from "./screen-refine.ts";
import type { ScreeningCounters } from "./screen-stats.ts";

/** Candidate pairs of a block (canonical order a < b) and where their interpolated distance was smallest. */
export interface Candidates {
  a: number[];
  b: number[];
  guessMs: number[];
}

/** Refines every candidate with the full SGP4 and keeps closest approaches under the threshold inside the window. */
export function refineCandidates(ctx: ScreeningContext, failureMs: Float64Array, candidates: Candidates, counters: ScreeningCounters): ConjunctionEvent[] {
  const { objects, satrecs, satrecEpochMs, params } = ctx;
  const state = new PairState();
  const events: ConjunctionEvent[] = [];
  for (let c = 0; c < candidates.a.length; c++) {
    const a = candidates.a[c]!;
    const b = candidates.b[c]!;
    counters.refinements++;
    let evaluations = 0;
    const refined = refineClosestApproach(satrecs[a]!, satrecEpochMs[a]!, satrecs[b]!, satrecEpochMs[b]!, candidates.guessMs[c]!, state, () => evaluations++);
    counters.refinementPropagations += 2 * evaluations;
    if (refined.outcome === "no-bracket") {
      counters.noBracket++;
      continue;
    }
    if (refined.outcome === "sgp4-failure") {
      counters.refineSgp4Failures++;
      continue;
    }
    const tcaMs = refined.tcaMs;
    const failA = failureMs[a]!;
    const failB = failureMs[b]!;
    if (tcaMs < params.fromMs || tcaMs >= params.toMs || tcaMs >= failA || tcaMs >= failB) {
      counters.outsideWindow++;
      continue;
    }
    const first = { catalogNumber: objects.catalogNumber[a]!, epochMs: objects.epochMs[a]! };
    const second = { catalogNumber: objects.catalogNumber[b]!, epochMs: objects.epochMs[b]! };
    const firstIsPrimary = objects.isPrimary[a] === objects.isPrimary[b] ? first.catalogNumber < second.catalogNumber : objects.isPrimary[a] === 1;
    const event = buildEvent(state, tcaMs, first, second, firstIsPrimary);
    if (event.missDistanceKm > params.thresholdKm) {
      counters.refinedAboveThreshold++;
      continue;
    }
    events.push(event);
  }
  return dedupeEvents(events);
}

/** Tolerance under which two refined closest approaches of one pair are the same one, ms. */
export const SAME_TCA_MS = 5;

/** Sorts events by (primary, secondary, TCA) and drops repeats of one closest approach (found from two slices). */
export function dedupeEvents(events: ConjunctionEvent[]): ConjunctionEvent[] {
  events.sort((x, y) => x.primary - y.primary || x.secondary - y.secondary || x.tcaMs - y.tcaMs);
  const kept: ConjunctionEvent[] = [];
  for (const event of events) {
    const last = kept.at(-1);
    if (last !== undefined && last.primary === event.primary && last.secondary === event.secondary && event.tcaMs - last.tcaMs < SAME_TCA_MS) continue;
    kept.push(event);
  }
  return kept;
}
