import type { MeanElements } from "./mean-elements.ts";

/** Element sets older than this at the analysis time are flagged stale: SGP4's error grows to kilometres within days. */
export const STALE_ELEMENT_SET_DAYS = 14;

export interface SelectedElementSet<T extends MeanElements> {
  readonly elements: T;
  /** Analysis time minus epoch, days (negative when the set is newer than the time). */
  readonly ageDays: number;
  readonly stale: boolean;
}

/**
 * Pure: the element set to propagate to `atMs` — the newest with an epoch at or before it (what was known then),
 * or, when every set is newer, the oldest one. `history` must not be empty.
 */
export function selectElementSet<T extends MeanElements>(history: readonly T[], atMs: number): SelectedElementSet<T> {
  let before: T | undefined;
  let after: T | undefined;
  for (const set of history) {
    if (set.epochMs <= atMs) {
      if (before === undefined || set.epochMs > before.epochMs) before = set;
    } else if (after === undefined || set.epochMs < after.epochMs) {
      after = set;
    }
  }
  const elements = before ?? after;
  if (elements === undefined) throw new RangeError("selectElementSet needs at least one element set");
  const ageDays = (atMs - elements.epochMs) / 86_400_000;
  return { elements, ageDays, stale: Math.abs(ageDays) > STALE_ELEMENT_SET_DAYS };
}
