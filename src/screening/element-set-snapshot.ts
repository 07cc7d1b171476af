/** Element sets older than this at the window start are stale: SGP4 errors grow by kilometres per day. */
export const STALE_AGE_DAYS = 14;

const DAY_MS = 86_400_000;

/** What a screening run's element sets were: how many, their epochs, their ages at window start, their ingests. */
export interface ElementSetSnapshot {
  readonly objectCount: number;
  /** Oldest, median and newest epoch (ISO), null when there are none. */
  readonly epochMin: string | null;
  readonly epochMedian: string | null;
  readonly epochMax: string | null;
  /** Age of the oldest set at the window start, days. */
  readonly maxAgeDays: number | null;
  /** Sets older than STALE_AGE_DAYS at the window start. */
  readonly staleCount: number;
  /** The ingests the sets came from, ascending. */
  readonly ingestIds: readonly number[];
}

/** Summarises the element sets a run uses, ages taken at `atMs` (the window start). Pure. */
export function summarizeElementSets(
  sets: readonly { readonly epoch: string; readonly epochMs: number; readonly ingestId: number }[],
  atMs: number,
): ElementSetSnapshot {
  if (sets.length === 0) {
    return { objectCount: 0, epochMin: null, epochMedian: null, epochMax: null, maxAgeDays: null, staleCount: 0, ingestIds: [] };
  }
  const sorted = [...sets].sort((a, b) => a.epochMs - b.epochMs);
  const oldest = sorted[0]!;
  const ingestIds = [...new Set(sets.map((s) => s.ingestId))].sort((a, b) => a - b);
  return {
    objectCount: sets.length,
    epochMin: oldest.epoch,
    epochMedian: sorted[Math.floor((sorted.length - 1) / 2)]!.epoch,
    epochMax: sorted[sorted.length - 1]!.epoch,
    maxAgeDays: (atMs - oldest.epochMs) / DAY_MS,
    staleCount: sets.filter((s) => (atMs - s.epochMs) / DAY_MS > STALE_AGE_DAYS).length,
    ingestIds,
  };
}
