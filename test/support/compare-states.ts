/** Largest |Δ| between two xyz blocks (positions or velocities); NaN states (failures) are compared by sameNaNs. */
export function maxDifference(a: Float64Array, b: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i += 3) {
    const d = Math.hypot((a[i] ?? 0) - (b[i] ?? 0), (a[i + 1] ?? 0) - (b[i + 1] ?? 0), (a[i + 2] ?? 0) - (b[i + 2] ?? 0));
    if (d > max) max = d;
  }
  return max;
}

/** True when both blocks have NaN (a failed state) in exactly the same places. */
export function sameNaNs(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i]) !== Number.isNaN(b[i])) return false;
  return true;
}
