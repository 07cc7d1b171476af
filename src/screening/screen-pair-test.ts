import type { Candidates } from "./screen-candidates.ts";
import type { ScreeningObjects } from "./screen-objects.ts";
import { relativeMinimum } from "./screen-relative-min.ts";
import type { RelativeMinimum } from "./screen-relative-min.ts";
import type { ScreeningCounters } from "./screen-stats.ts";

/**
 * Step (d) of the guarantee for one slice: every overlapping box pair the grid reports is tested on its relative cubic
 * (branch and bound against threshold + E_i + E_j); a pair that may come that close becomes a refinement candidate at
 * its interpolated minimum, unless that minimum is a slice end where the distance still falls towards the neighbour
 * slice (which then holds a smaller value and refines it). A class (not a closure) so the grid's call stays monomorphic.
 */
export class SlicePairTester {
  private pa: Float64Array = new Float64Array(0);
  private va: Float64Array = new Float64Array(0);
  private pb: Float64Array = new Float64Array(0);
  private vb: Float64Array = new Float64Array(0);
  private sliceStartMs = 0;
  private hasPrevious = false;
  private hasNext = false;
  private readonly d0 = new Float64Array(3);
  private readonly w0 = new Float64Array(3);
  private readonly d1 = new Float64Array(3);
  private readonly w1 = new Float64Array(3);
  private readonly result: RelativeMinimum = { found: false, tau: 0, distanceKm: 0, atStart: false, atEnd: false };
  private readonly isPrimary: Uint8Array;
  private readonly trajectoryId: Int32Array;

  constructor(
    objects: ScreeningObjects,
    private readonly errorBound: Float64Array,
    private readonly thresholdKm: number,
    private readonly sliceS: number,
    private readonly counters: ScreeningCounters,
    private readonly candidates: Candidates,
  ) {
    this.isPrimary = objects.isPrimary;
    this.trajectoryId = objects.trajectoryId;
  }

  /** The interpolated states at the slice's start (a) and end (b), 3 per object, and whether neighbour slices exist. */
  setSlice(pa: Float64Array, va: Float64Array, pb: Float64Array, vb: Float64Array, sliceStartMs: number, hasPrevious: boolean, hasNext: boolean): void {
    this.pa = pa;
    this.va = va;
    this.pb = pb;
    this.vb = vb;
    this.sliceStartMs = sliceStartMs;
    this.hasPrevious = hasPrevious;
    this.hasNext = hasNext;
  }

  visit(i: number, j: number): void {
    if (this.isPrimary[i] === 0 && this.isPrimary[j] === 0) return;
    if (this.trajectoryId[i] === this.trajectoryId[j]) return;
    this.counters.overlappingPairs++;
    const a = i < j ? i : j;
    const b = i < j ? j : i;
    const { d0, w0, d1, w1, pa, va, pb, vb, result } = this;
    for (let c = 0; c < 3; c++) {
      d0[c] = pa[3 * b + c]! - pa[3 * a + c]!;
      w0[c] = va[3 * b + c]! - va[3 * a + c]!;
      d1[c] = pb[3 * b + c]! - pb[3 * a + c]!;
      w1[c] = vb[3 * b + c]! - vb[3 * a + c]!;
    }
    relativeMinimum(d0, w0, d1, w1, this.sliceS, this.thresholdKm + this.errorBound[a]! + this.errorBound[b]!, result);
    if (!result.found) return;
    this.counters.interpolantCandidates++;
    if (result.atStart && this.hasPrevious) {
      const rate = d0[0]! * w0[0]! + d0[1]! * w0[1]! + d0[2]! * w0[2]!;
      if (rate > 1e-9 * Math.hypot(d0[0]!, d0[1]!, d0[2]!) * Math.hypot(w0[0]!, w0[1]!, w0[2]!) + 1e-12) {
        this.counters.handedToNeighbour++;
        return;
      }
    }
    if (result.atEnd && this.hasNext) {
      const rate = d1[0]! * w1[0]! + d1[1]! * w1[1]! + d1[2]! * w1[2]!;
      if (rate < -1e-9 * Math.hypot(d1[0]!, d1[1]!, d1[2]!) * Math.hypot(w1[0]!, w1[1]!, w1[2]!) - 1e-12) {
        this.counters.handedToNeighbour++;
        return;
      }
    }
    this.candidates.a.push(a);
    this.candidates.b.push(b);
    this.candidates.guessMs.push(this.sliceStartMs + result.tau * this.sliceS * 1000);
  }
}
