/** Result of relativeMinimum, reused between calls (no allocation in the hot loop). */
export interface RelativeMinimum {
  /** Whether the interpolated relative distance may come within the limit over the slice. */
  found: boolean;
  /** Where (fraction of the slice) the smallest distance was seen. */
  tau: number;
  /** The smallest distance seen (an upper bound of the true minimum), km; the limit when only a bound was reached. */
  distanceKm: number;
  /** The smallest distance is the slice's start (resp. end) point. */
  atStart: boolean;
  atEnd: boolean;
}

const MAX_DEPTH = 12;
const STACK = new Float64Array((MAX_DEPTH + 3) * 16);
/** Stop refining once the bounds are this close, km. */
const TOLERANCE_KM = 1e-3;

function norm(x: number, y: number, z: number): number {
  return Math.sqrt(x * x + y * y + z * z);
}

/** Distance from the origin to the bounding box of the four control points at `base` in STACK. */
function hullDistance(base: number): number {
  let sum = 0;
  for (let k = 0; k < 3; k++) {
    const a = STACK[base + k]!;
    const b = STACK[base + 3 + k]!;
    const c = STACK[base + 6 + k]!;
    const d = STACK[base + 9 + k]!;
    const ab = a < b ? a : b;
    const cd = c < d ? c : d;
    const low = ab < cd ? ab : cd;
    const xab = a > b ? a : b;
    const xcd = c > d ? c : d;
    const high = xab > xcd ? xab : xcd;
    const gap = low > 0 ? low : high < 0 ? -high : 0;
    sum += gap * gap;
  }
  return Math.sqrt(sum);
}

/**
 * Smallest distance from the origin of a cubic Hermite curve of relative position over one slice: start d0 with
 * derivative w0 (per second), end d1 with derivative w1, slice length sliceS. Branch and bound on the Bézier form
 * (the curve lies in the convex hull of its control points d0, d0 + w0·s/3, d1 − w1·s/3, d1, so the hull's bounding
 * box bounds the distance from below; subdivision by de Casteljau). Conservative: `found` is false only when the
 * curve provably stays farther than `limitKm`.
 */
export function relativeMinimum(d0: Float64Array, w0: Float64Array, d1: Float64Array, w1: Float64Array, sliceS: number, limitKm: number, out: RelativeMinimum): RelativeMinimum {
  const third = sliceS / 3;
  for (let k = 0; k < 3; k++) {
    STACK[k] = d0[k]!;
    STACK[3 + k] = d0[k]! + w0[k]! * third;
    STACK[6 + k] = d1[k]! - w1[k]! * third;
    STACK[9 + k] = d1[k]!;
  }
  STACK[12] = 0;
  STACK[13] = 1;
  STACK[14] = 0;
  out.found = false;
  out.atStart = false;
  out.atEnd = false;
  if (hullDistance(0) > limitKm) return out;

  const startDistance = norm(d0[0]!, d0[1]!, d0[2]!);
  const endDistance = norm(d1[0]!, d1[1]!, d1[2]!);
  let best = startDistance;
  let bestTau = 0;
  let bestAt = -1; // -1 start, 1 end, 0 interior
  if (endDistance < best) {
    best = endDistance;
    bestTau = 1;
    bestAt = 1;
  }
  let leafTau = -1;
  let top = 1;
  while (top > 0) {
    top--;
    const base = top * 16;
    const lower = hullDistance(base);
    if (lower > Math.min(best, limitKm) || (best <= limitKm && best - lower < TOLERANCE_KM)) continue;
    const tauA = STACK[base + 12]!;
    const tauB = STACK[base + 13]!;
    const depth = STACK[base + 14]!;
    if (depth >= MAX_DEPTH) {
      if (best > limitKm && leafTau < 0) leafTau = (tauA + tauB) / 2;
      continue;
    }
    // de Casteljau at 1/2: left child written at `base`, right child at `base + 16`.
    const right = base + 16;
    const tauM = (tauA + tauB) / 2;
    for (let k = 0; k < 3; k++) {
      const p0 = STACK[base + k]!;
      const p1 = STACK[base + 3 + k]!;
      const p2 = STACK[base + 6 + k]!;
      const p3 = STACK[base + 9 + k]!;
      const p01 = (p0 + p1) / 2;
      const p12 = (p1 + p2) / 2;
      const p23 = (p2 + p3) / 2;
      const p012 = (p01 + p12) / 2;
      const p123 = (p12 + p23) / 2;
      const mid = (p012 + p123) / 2;
      STACK[right + k] = mid;
      STACK[right + 3 + k] = p123;
      STACK[right + 6 + k] = p23;
      STACK[right + 9 + k] = p3;
      STACK[base + 3 + k] = p01;
      STACK[base + 6 + k] = p012;
      STACK[base + 9 + k] = mid;
    }
    STACK[right + 12] = tauM;
    STACK[right + 13] = tauB;
    STACK[right + 14] = depth + 1;
    STACK[base + 13] = tauM;
    STACK[base + 14] = depth + 1;
    const midDistance = norm(STACK[right]!, STACK[right + 1]!, STACK[right + 2]!);
    if (midDistance < best) {
      best = midDistance;
      bestTau = tauM;
      bestAt = 0;
    }
    top += 2;
  }
  if (best <= limitKm) {
    out.found = true;
    out.tau = bestTau;
    out.distanceKm = best;
    out.atStart = bestAt === -1;
    out.atEnd = bestAt === 1;
  } else if (leafTau >= 0) {
    out.found = true;
    out.tau = leafTau;
    out.distanceKm = limitKm;
  }
  return out;
}
