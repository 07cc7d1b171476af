import { type SatRec, checkForDecay, sgp4 } from "satellite.js";
import type { MeanElements } from "../../src/orbit/mean-elements.ts";
import { EARTH_EQUATORIAL_RADIUS_KM, EARTH_MU_KM3_S2, summariseOrbit } from "../../src/orbit/orbit-summary.ts";
import { minutesSinceEpoch } from "../../src/orbit/propagate.ts";
import { toSatrec } from "../../src/orbit/satrec.ts";
import { wasmGroupPropagator } from "../../src/screening/screen-wasm.ts";

/**
 * A slow, obviously correct screening reference, independent of the engine (no interpolation, no grid):
 *
 * 1. SGP4 (satellite.js WASM through the engine's runtime, equal to its JS `propagate` to 1e-6 km) of every object at coarse samples t_k every
 *    H = 60 s from the window start. An object is left out from its first failed or implausible sample on (error
 *    code, satellite.js `checkForDecay`, or radius beyond 1.05 × mean apogee radius + 300 km or under 50 km altitude:
 *    the engine's rule).
 * 2. Per pair (primary × every other object), a provably conservative coarse bound decides where to look: by Taylor's
 *    theorem, for |τ| <= H/2, |Δr(t_k + τ)| >= |Δr_k + Δv_k τ| − ½·A·τ², where A = a_p + a_s bounds the relative
 *    acceleration (a_i = 1.1·μ / (r_min,i − 350 km)², r_min,i the object's smallest sampled radius: the radius
 *    changes by less than 350 km in 30 s, and 1.1 covers J2 and drag). A window whose linear closest approach stays
 *    beyond D + ½·A·(H/2)² is clear. Windows are skipped in bulk where the sampled distance d_k is so large that
 *    it cannot fall to that radius: |Δr| changes at most at V = v_p + v_s per second (v_i: largest sampled speed
 *    + a_i·H/2), so sample j is clear when d_k − V·|t_j − t_k| − V·H/2 > D + ½·A·(H/2)².
 * 3. In every window not cleared, SGP4 (satellite.js JS `sgp4`) at 1 s steps over [t_k − H/2 − 1, t_k + H/2 + 1];
 *    each discrete local minimum of the distance is refined by bisection on the range rate Δr·Δv (full SGP4) to
 *    ~1e-11 s; a refined minimum under D inside the window is a reference event (repeats within 1 ms are merged).
 */
export interface ReferenceEvent {
  readonly primary: number;
  readonly secondary: number;
  readonly tcaMs: number;
  readonly missDistanceKm: number;
}

export interface ReferenceResult {
  readonly events: ReferenceEvent[];
  /** Catalog numbers of objects left out at some time (SGP4 failure or implausible state). */
  readonly failed: ReadonlySet<number>;
  readonly pairs: number;
  readonly windowsChecked: number;
  readonly windowsRefined: number;
  readonly fineSamples: number;
}

const H_S = 60;
const RADIUS_MARGIN_KM = 350;

interface Sampled {
  /** Index in `elements` of each sampled object. */
  readonly indices: readonly number[];
  readonly count: number;
  readonly position: Float64Array;
  readonly velocity: Float64Array;
  /** First invalid sample index (count when none). */
  readonly validUntil: Int32Array;
  readonly minRadius: Float64Array;
  readonly maxRadius: Float64Array;
  /** Bound of the acceleration and speed between samples (see step 2). */
  readonly accel: Float64Array;
  readonly speed: Float64Array;
}

async function sample(elements: readonly MeanElements[], indices: readonly number[], times: Float64Array): Promise<Sampled> {
  const n = indices.length;
  const k = times.length;
  const satrecs = indices.map((i) => toSatrec(elements[i]!));
  const states = await (await wasmGroupPropagator(satrecs))(times);
  const validUntil = new Int32Array(n).fill(k);
  const minRadius = new Float64Array(n).fill(Infinity);
  const maxRadius = new Float64Array(n);
  const maxSpeed = new Float64Array(n);
  indices.forEach((index, s) => {
    const limit = (summariseOrbit(elements[index]!).apogeeKm + EARTH_EQUATORIAL_RADIUS_KM) * 1.05 + 300;
    const decayed = (t: number) => sgp4(satrecs[s]!, minutesSinceEpoch(satrecs[s]!, times[t]!)) !== null && checkForDecay(satrecs[s]!);
    const checkDecay = decayed(k - 1);
    for (let t = 0; t < k; t++) {
      const i = (s * k + t) * 3;
      const r = Math.hypot(states.positionKm[i]!, states.positionKm[i + 1]!, states.positionKm[i + 2]!);
      if (states.errorCode[s * k + t] !== 0 || !(r <= limit && r >= EARTH_EQUATORIAL_RADIUS_KM + 50) || (checkDecay && decayed(t))) {
        validUntil[s] = t;
        break;
      }
      minRadius[s] = Math.min(minRadius[s]!, r);
      maxRadius[s] = Math.max(maxRadius[s]!, r);
      maxSpeed[s] = Math.max(maxSpeed[s]!, Math.hypot(states.velocityKmS[i]!, states.velocityKmS[i + 1]!, states.velocityKmS[i + 2]!));
    }
  });
  const accel = Float64Array.from({ length: n }, (_, i) => (1.1 * EARTH_MU_KM3_S2) / Math.max(1000, minRadius[i]! - RADIUS_MARGIN_KM) ** 2);
  const speed = Float64Array.from({ length: n }, (_, i) => maxSpeed[i]! + (accel[i]! * H_S) / 2);
  return { indices, count: k, position: states.positionKm, velocity: states.velocityKmS, validUntil, minRadius, maxRadius, accel, speed };
}

function distanceAt(s1: SatRec, s2: SatRec, tMs: number, out: Float64Array): boolean {
  const a = sgp4(s1, minutesSinceEpoch(s1, tMs));
  const b = sgp4(s2, minutesSinceEpoch(s2, tMs));
  if (a === null || b === null || s1.error !== 0 || s2.error !== 0) return false;
  out[0] = b.position.x - a.position.x;
  out[1] = b.position.y - a.position.y;
  out[2] = b.position.z - a.position.z;
  out[3] = b.velocity.x - a.velocity.x;
  out[4] = b.velocity.y - a.velocity.y;
  out[5] = b.velocity.z - a.velocity.z;
  return true;
}

/** Secondaries are sampled this many at a time (primaries once), so memory stays bounded on the whole catalog. */
const CHUNK = 2000;

/** The reference screening of `primaries` (catalog numbers; null = every pair once) over [fromMs, toMs) at thresholdKm. */
export async function screenDenseReference(
  elements: readonly MeanElements[],
  primaries: readonly number[] | null,
  fromMs: number,
  toMs: number,
  thresholdKm: number,
): Promise<ReferenceResult> {
  const count = Math.ceil((toMs - fromMs) / (H_S * 1000)) + 1;
  const times = Float64Array.from({ length: count }, (_, k) => fromMs + k * H_S * 1000);
  const satrecs = elements.map(toSatrec);
  const n = elements.length;
  const isPrimary = new Uint8Array(n);
  const primarySet = primaries === null ? null : new Set(primaries);
  elements.forEach((el, i) => (isPrimary[i] = primarySet === null || primarySet.has(el.catalogNumber) ? 1 : 0));
  const primaryIndices = [...isPrimary.keys()].filter((i) => isPrimary[i] === 1);
  const P = await sample(elements, primaryIndices, times);
  const failed = new Set<number>();
  const result = { events: [] as ReferenceEvent[], failed, pairs: 0, windowsChecked: 0, windowsRefined: 0, fineSamples: 0 };
  const chunks: number[][] = [];
  if (primaries === null) chunks.push(primaryIndices);
  else for (let start = 0; start < n; start += CHUNK) chunks.push(Array.from({ length: Math.min(CHUNK, n - start) }, (_, j) => start + j));
  for (const chunk of chunks) {
    const S = primaries === null ? P : await sample(elements, chunk, times);
    S.indices.forEach((index, local) => {
      if (S.validUntil[local]! < count) failed.add(elements[index]!.catalogNumber);
    });
    screenChunk(elements, satrecs, isPrimary, P, S, times, fromMs, toMs, thresholdKm, result);
  }
  P.indices.forEach((index, local) => {
    if (P.validUntil[local]! < count) failed.add(elements[index]!.catalogNumber);
  });
  return result;
}

function screenChunk(
  elements: readonly MeanElements[],
  satrecs: readonly SatRec[],
  isPrimary: Uint8Array,
  P: Sampled,
  S: Sampled,
  times: Float64Array,
  fromMs: number,
  toMs: number,
  thresholdKm: number,
  result: { events: ReferenceEvent[]; pairs: number; windowsChecked: number; windowsRefined: number; fineSamples: number },
): void {
  const { events } = result;
  const count = times.length;
  const half = H_S / 2;
  const rel = new Float64Array(6);
  for (let pl = 0; pl < P.indices.length; pl++) {
    const p = P.indices[pl]!;
    for (let sl = 0; sl < S.indices.length; sl++) {
      const s = S.indices[sl]!;
      if (s === p || (isPrimary[s] === 1 && s < p)) continue;
      // apogee–perigee filter on sampled radii, widened by the radius change possible between samples
      if (P.minRadius[pl]! - RADIUS_MARGIN_KM > S.maxRadius[sl]! + RADIUS_MARGIN_KM + thresholdKm) continue;
      if (S.minRadius[sl]! - RADIUS_MARGIN_KM > P.maxRadius[pl]! + RADIUS_MARGIN_KM + thresholdKm) continue;
      result.pairs++;
      const A = P.accel[pl]! + S.accel[sl]!;
      const V = P.speed[pl]! + S.speed[sl]!;
      const reach = thresholdKm + 0.5 * A * half * half;
      const until = Math.min(P.validUntil[pl]!, S.validUntil[sl]!);
      const minima: number[] = [];
      for (let k = 0; k < until; ) {
        const ip = (pl * count + k) * 3;
        const is = (sl * count + k) * 3;
        const dx = S.position[is]! - P.position[ip]!;
        const dy = S.position[is + 1]! - P.position[ip + 1]!;
        const dz = S.position[is + 2]! - P.position[ip + 2]!;
        const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
        result.windowsChecked++;
        const clearFor = Math.floor((d - reach - V * half) / (V * H_S));
        if (clearFor >= 1) {
          k += clearFor;
          continue;
        }
        const wx = S.velocity[is]! - P.velocity[ip]!;
        const wy = S.velocity[is + 1]! - P.velocity[ip + 1]!;
        const wz = S.velocity[is + 2]! - P.velocity[ip + 2]!;
        const w2 = wx * wx + wy * wy + wz * wz;
        const tau = w2 > 0 ? Math.max(-half, Math.min(half, -(dx * wx + dy * wy + dz * wz) / w2)) : 0;
        const lx = dx + wx * tau;
        const ly = dy + wy * tau;
        const lz = dz + wz * tau;
        const linear = Math.sqrt(lx * lx + ly * ly + lz * lz);
        if (linear <= reach) {
          result.windowsRefined++;
          const startMs = times[k]! - (half + 1) * 1000;
          const steps = 2 * half + 2;
          const d2: number[] = [];
          for (let j = 0; j <= steps; j++) {
            result.fineSamples++;
            d2.push(distanceAt(satrecs[p]!, satrecs[s]!, startMs + j * 1000, rel) ? rel[0]! ** 2 + rel[1]! ** 2 + rel[2]! ** 2 : NaN);
          }
          for (let j = 1; j < steps; j++) {
            if (d2[j]! <= d2[j - 1]! && d2[j]! <= d2[j + 1]!) minima.push(startMs + j * 1000);
          }
        }
        k++;
      }
      for (const guessMs of minima) {
        const refined = bisectRangeRate(satrecs[p]!, satrecs[s]!, guessMs, rel);
        if (refined === null || refined.tcaMs < fromMs || refined.tcaMs >= toMs || refined.missKm > thresholdKm) continue;
        if (until < count && refined.tcaMs >= times[until]!) continue;
        const [primary, secondary] = isPrimary[s] === 1 && elements[s]!.catalogNumber < elements[p]!.catalogNumber ? [s, p] : [p, s];
        const event = { primary: elements[primary]!.catalogNumber, secondary: elements[secondary]!.catalogNumber, tcaMs: refined.tcaMs, missDistanceKm: refined.missKm };
        const last = events.at(-1);
        if (last !== undefined && last.primary === event.primary && last.secondary === event.secondary && Math.abs(last.tcaMs - event.tcaMs) < 1) continue;
        events.push(event);
      }
    }
  }
}

/**
 * Bisection on the range rate around a discrete minimum, in seconds from it: [−1 s, +1 s], widened until it brackets
 * a sign change from − to +, then halved 40 times (2 s / 2^40 ≈ 2e-12 s).
 */
function bisectRangeRate(s1: SatRec, s2: SatRec, guessMs: number, rel: Float64Array): { tcaMs: number; missKm: number } | null {
  const rate = (x: number): number => (distanceAt(s1, s2, guessMs + x * 1000, rel) ? rel[0]! * rel[3]! + rel[1]! * rel[4]! + rel[2]! * rel[5]! : NaN);
  let a = -1;
  let b = 1;
  let fa = rate(a);
  let fb = rate(b);
  for (let widen = 0; widen < 10 && !(fa < 0 && fb > 0); widen++) {
    if (!(fa < 0)) fa = rate((a -= 1));
    if (!(fb > 0)) fb = rate((b += 1));
  }
  if (!(fa < 0 && fb > 0)) return null;
  for (let iteration = 0; iteration < 40; iteration++) {
    const m = (a + b) / 2;
    const fm = rate(m);
    if (Number.isNaN(fm)) return null;
    if (fm < 0) a = m;
    else b = m;
  }
  const tcaMs = guessMs + ((a + b) / 2) * 1000;
  if (!distanceAt(s1, s2, tcaMs, rel)) return null;
  return { tcaMs, missKm: Math.hypot(rel[0]!, rel[1]!, rel[2]!) };
}
