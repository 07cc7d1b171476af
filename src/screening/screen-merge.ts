import type { ConjunctionEvent } from "./conjunction-event.ts";
import { dedupeEvents } from "./screen-candidates.ts";
import type { BlockResult } from "./screen-block.ts";
import { NODE_CLASSES } from "./screen-objects.ts";
import type { ScreeningObjects } from "./screen-objects.ts";
import type { ScreeningEngineSettings } from "./screen-settings.ts";
import { addCounters, emptyCounters } from "./screen-stats.ts";
import type { ScreeningFailure, ScreeningStats } from "./screen-stats.ts";
import { describeScreeningAlgorithm } from "./screen-guarantee.ts";
import type { ScreeningParameters } from "./conjunction-event.ts";

/** Stats of a run plus the engine's own description of its algorithm and guarantee (stored with the run). */
export type ScreeningRunStats = ScreeningStats & { readonly algorithm: string; readonly guarantee: string };

/**
 * Joins the blocks of a run: each object's earliest failure over all blocks excludes it from that time on (events at
 * or after it are dropped), repeats of one closest approach found by two blocks are dropped, events are sorted by TCA.
 */
export function mergeBlockResults(
  blocks: readonly BlockResult[],
  objects: ScreeningObjects,
  params: ScreeningParameters,
  settings: ScreeningEngineSettings,
  run: { threads: number; wallMs: number },
): { events: ConjunctionEvent[]; stats: ScreeningRunStats } {
  const counters = emptyCounters();
  const firstFailure = new Map<number, ScreeningFailure>();
  const maxBound = NODE_CLASSES.map(() => 0);
  for (const block of blocks) {
    addCounters(counters, block.counters);
    for (const failure of block.failures) {
      const known = firstFailure.get(failure.catalogNumber);
      if (known === undefined || failure.fromMs < known.fromMs) firstFailure.set(failure.catalogNumber, failure);
    }
    block.maxErrorBoundKm.forEach((bound, c) => (maxBound[c] = Math.max(maxBound[c]!, bound)));
  }
  const all: ConjunctionEvent[] = [];
  for (const block of blocks) {
    for (const event of block.events) {
      const fp = firstFailure.get(event.primary)?.fromMs ?? Infinity;
      const fs = firstFailure.get(event.secondary)?.fromMs ?? Infinity;
      if (event.tcaMs < fp && event.tcaMs < fs) all.push(event);
    }
  }
  const events = dedupeEvents(all).sort((x, y) => x.tcaMs - y.tcaMs || x.primary - y.primary || x.secondary - y.secondary);
  const objectsByClass: Record<string, number> = {};
  const maxErrorBoundKm: Record<string, number> = {};
  NODE_CLASSES.forEach((name, c) => {
    objectsByClass[name] = blocks[0]?.objectsByClass[c] ?? 0;
    maxErrorBoundKm[name] = maxBound[c]!;
  });
  let primaries = 0;
  for (let i = 0; i < objects.count; i++) primaries += objects.isPrimary[i]!;
  const stats: ScreeningStats = {
    objects: objects.count,
    primaries,
    objectsByClass,
    failures: [...firstFailure.values()].sort((a, b) => a.catalogNumber - b.catalogNumber),
    blocks: blocks.length,
    threads: run.threads,
    events: events.length,
    maxErrorBoundKm,
    counters,
    settings: { ...settings },
    wallMs: run.wallMs,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  return { events, stats: { ...stats, ...describeScreeningAlgorithm(params, settings, stats) } };
}
