/**
 * Label positions (in data units) for values on a linear axis from 0 to `maxValue` drawn over `plotHeightPx`, moved
 * apart so that no two are closer than `minGapPx`, in the same order as the values. Pure.
 */
export function spreadLabels(values: readonly number[], maxValue: number, plotHeightPx: number, minGapPx: number): number[] {
  const gap = (minGapPx / Math.max(1, plotHeightPx)) * maxValue;
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const placed: number[] = [];
  for (const [rank, item] of order.entries()) placed[rank] = Math.max(item.value, rank === 0 ? 0 : (placed[rank - 1] ?? 0) + gap);
  // Labels pushed above the top come back down, keeping their gaps.
  const top = placed.at(-1) ?? 0;
  if (top > maxValue) {
    placed[placed.length - 1] = maxValue;
    for (let rank = placed.length - 2; rank >= 0; rank--) placed[rank] = Math.min(placed[rank]!, placed[rank + 1]! - gap);
  }
  const result = new Array<number>(values.length).fill(0);
  for (const [rank, item] of order.entries()) result[item.index] = placed[rank]!;
  return result;
}
