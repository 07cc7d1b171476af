import { type SatRec, sgp4 } from "satellite.js";
import type { Vector3 } from "../orbit/propagate.ts";
import type { ConjunctionEvent } from "./conjunction-event.ts";

const DAY_MS = 86_400_000;
/** Root-finding tolerance on TCA, s. */
const TCA_TOLERANCE_S = 1e-6;
/** How far from the interpolant's minimum the refinement looks for a sign change of the range rate, s. */
const MAX_BRACKET_S = 1800;

/** Milliseconds since 1970 of a satrec's epoch (as satellite.js forms minutes since epoch from a Julian date). */
export function satrecEpochMs(satrec: SatRec): number {
  return (satrec.jdsatepoch - 2440587.5) * DAY_MS;
}

/** Two SGP4 states at one time, reused. */
export class PairState {
  readonly r1 = new Float64Array(3);
  readonly v1 = new Float64Array(3);
  readonly r2 = new Float64Array(3);
  readonly v2 = new Float64Array(3);

  /** Propagates both objects with the full SGP4 (satellite.js) to `tMs`; false when either fails. */
  at(s1: SatRec, e1: number, s2: SatRec, e2: number, tMs: number): boolean {
    return write(s1, (tMs - e1) / 60_000, this.r1, this.v1) && write(s2, (tMs - e2) / 60_000, this.r2, this.v2);
  }

  /** Relative position · relative velocity (half the derivative of the squared range), km²/s. */
  rangeRate(): number {
    let f = 0;
    for (let k = 0; k < 3; k++) f += (this.r2[k]! - this.r1[k]!) * (this.v2[k]! - this.v1[k]!);
    return f;
  }
}

function write(satrec: SatRec, tsinceMin: number, r: Float64Array, v: Float64Array): boolean {
  const result = sgp4(satrec, tsinceMin);
  if (result === null || satrec.error !== 0 || satrec.tempa <= 0) return false;
  const { position, velocity } = result;
  r[0] = position.x;
  r[1] = position.y;
  r[2] = position.z;
  v[0] = velocity.x;
  v[1] = velocity.y;
  v[2] = velocity.z;
  return Number.isFinite(position.x + position.y + position.z);
}

/** Brent's method (zeroin) on [a, b] with f(a) < 0 < f(b); returns the root. */
function brent(f: (x: number) => number, a0: number, fa0: number, b0: number, fb0: number, tolerance: number): number {
  let a = a0;
  let fa = fa0;
  let b = b0;
  let fb = fb0;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 100; iteration++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/** Why a candidate did not become an event (counted in the run's statistics). */
export type RefineOutcome = "event" | "above-threshold" | "no-bracket" | "sgp4-failure";

/**
 * Refines one candidate with the full SGP4: finds the time where the range rate (Δr·Δv) changes sign from negative
 * to positive, searching outwards from the interpolant's minimum `guessMs` until a sign change is bracketed, then
 * Brent's method to 1 µs; on "event" `state` holds both states at TCA. Objects are passed in a canonical order (so A–B and B–A compute the same root).
 */
export function refineClosestApproach(
  s1: SatRec,
  epoch1Ms: number,
  s2: SatRec,
  epoch2Ms: number,
  guessMs: number,
  state: PairState,
  onEvaluation?: () => void,
): { outcome: Exclude<RefineOutcome, "above-threshold">; tcaMs: number } {
  let failed = false;
  const f = (x: number): number => {
    onEvaluation?.();
    if (!state.at(s1, epoch1Ms, s2, epoch2Ms, guessMs + x * 1000)) {
      failed = true;
      return NaN;
    }
    return state.rangeRate();
  };
  const f0 = f(0);
  if (failed) return { outcome: "sgp4-failure", tcaMs: NaN };
  let root = 0;
  if (f0 !== 0) {
    let dv2 = 0;
    for (let k = 0; k < 3; k++) dv2 += (state.v2[k]! - state.v1[k]!) ** 2;
    const direction = f0 < 0 ? 1 : -1;
    let step = Math.min(30, Math.max(0.01, (1.5 * Math.abs(f0)) / Math.max(dv2, 1e-12)));
    let previous = 0;
    let fPrevious = f0;
    let bracket: [number, number, number, number] | null = null;
    while (bracket === null) {
      const x = previous + direction * step;
      if (Math.abs(x) > MAX_BRACKET_S) return { outcome: "no-bracket", tcaMs: NaN };
      const fx = f(x);
      if (failed) return { outcome: "sgp4-failure", tcaMs: NaN };
      if (direction > 0 ? fx >= 0 : fx <= 0) {
        bracket = direction > 0 ? [previous, fPrevious, x, fx] : [x, fx, previous, fPrevious];
      } else {
        previous = x;
        fPrevious = fx;
        step *= 2;
      }
    }
    const [a, fa, b, fb] = bracket;
    root = fa === 0 ? a : fb === 0 ? b : brent(f, a, fa, b, fb, TCA_TOLERANCE_S);
    if (failed) return { outcome: "sgp4-failure", tcaMs: NaN };
  }
  const tcaMs = guessMs + root * 1000;
  if (!state.at(s1, epoch1Ms, s2, epoch2Ms, tcaMs)) return { outcome: "sgp4-failure", tcaMs: NaN };
  return { outcome: "event", tcaMs };
}

function vector(a: Float64Array): Vector3 {
  return [a[0]!, a[1]!, a[2]!];
}

/**
 * The event at a refined TCA: `first` is the state object's first object. The primary is `first` when `firstIsPrimary`.
 * RTN of the primary: R = r/|r|, N = r×v/|r×v|, T = N×R; miss vector and relative velocity are secondary − primary.
 */
export function buildEvent(
  state: PairState,
  tcaMs: number,
  first: { catalogNumber: number; epochMs: number },
  second: { catalogNumber: number; epochMs: number },
  firstIsPrimary: boolean,
): ConjunctionEvent {
  const [pr, pv, sr, sv] = firstIsPrimary ? [state.r1, state.v1, state.r2, state.v2] : [state.r2, state.v2, state.r1, state.v1];
  const [primary, secondary] = firstIsPrimary ? [first, second] : [second, first];
  const rNorm = Math.hypot(pr[0]!, pr[1]!, pr[2]!);
  const R = [pr[0]! / rNorm, pr[1]! / rNorm, pr[2]! / rNorm] as const;
  const hx = pr[1]! * pv[2]! - pr[2]! * pv[1]!;
  const hy = pr[2]! * pv[0]! - pr[0]! * pv[2]!;
  const hz = pr[0]! * pv[1]! - pr[1]! * pv[0]!;
  const hNorm = Math.hypot(hx, hy, hz);
  const N = [hx / hNorm, hy / hNorm, hz / hNorm] as const;
  const T = [N[1] * R[2] - N[2] * R[1], N[2] * R[0] - N[0] * R[2], N[0] * R[1] - N[1] * R[0]] as const;
  const dr = [sr[0]! - pr[0]!, sr[1]! - pr[1]!, sr[2]! - pr[2]!] as const;
  const dv = [sv[0]! - pv[0]!, sv[1]! - pv[1]!, sv[2]! - pv[2]!] as const;
  const dot = (a: readonly number[], b: readonly number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  return {
    primary: primary.catalogNumber,
    secondary: secondary.catalogNumber,
    tcaMs,
    missDistanceKm: Math.hypot(dr[0], dr[1], dr[2]),
    relativeSpeedKmS: Math.hypot(dv[0], dv[1], dv[2]),
    missRtnKm: [dot(dr, R), dot(dr, T), dot(dr, N)],
    relativeVelocityRtnKmS: [dot(dv, R), dot(dv, T), dot(dv, N)],
    primaryState: { positionKm: vector(pr), velocityKmS: vector(pv) },
    secondaryState: { positionKm: vector(sr), velocityKmS: vector(sv) },
    primaryElementAgeDays: (tcaMs - primary.epochMs) / DAY_MS,
    secondaryElementAgeDays: (tcaMs - secondary.epochMs) / DAY_MS,
  };
}
