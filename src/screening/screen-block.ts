import type { SatRec } from "satellite.js";
import type { MeanElements } from "../orbit/mean-elements.ts";
import { toSatrec } from "../orbit/satrec.ts";
import type { ConjunctionEvent, ScreeningParameters } from "./conjunction-event.ts";
import { BoxHashGrid } from "./screen-grid.ts";
import { groupByClass, propagateBlockNodes } from "./screen-nodes.ts";
import type { BlockNodes, ClassGroup } from "./screen-nodes.ts";
import { NODE_CLASSES, prepareScreeningObjects } from "./screen-objects.ts";
import type { ScreeningObjects } from "./screen-objects.ts";
import { planScreening } from "./screen-plan.ts";
import { probeObjects } from "./screen-probe.ts";
import type { ScreeningPlan } from "./screen-plan.ts";
import { refineCandidates } from "./screen-candidates.ts";
import type { Candidates } from "./screen-candidates.ts";
import { satrecEpochMs } from "./screen-refine.ts";
import { SlicePairTester } from "./screen-pair-test.ts";
import type { ScreeningEngineSettings } from "./screen-settings.ts";
import { emptyCounters } from "./screen-stats.ts";
import { wasmGroupPropagator } from "./screen-wasm.ts";
import type { GroupPropagatorFactory } from "./screen-wasm.ts";
import type { ScreeningCounters, ScreeningFailure } from "./screen-stats.ts";

/** Everything a thread needs to screen blocks of one run (built once per thread). */
export interface ScreeningContext {
  readonly objects: ScreeningObjects;
  readonly satrecs: readonly SatRec[];
  readonly satrecEpochMs: Float64Array;
  readonly groups: readonly ClassGroup[];
  readonly params: ScreeningParameters;
  readonly settings: ScreeningEngineSettings;
  readonly plan: ScreeningPlan;
  readonly grid: BoxHashGrid;
}

/** Builds a thread's context: lays out the objects, makes their satrecs and one node propagator per class. */
export async function createScreeningContext(
  elements: readonly MeanElements[],
  params: ScreeningParameters,
  settings: ScreeningEngineSettings,
  factory: GroupPropagatorFactory = wasmGroupPropagator,
): Promise<ScreeningContext> {
  const objects = prepareScreeningObjects(elements, params.primaries);
  const satrecs = elements.map(toSatrec);
  const epochs = Float64Array.from(satrecs, satrecEpochMs);
  const plan = planScreening(params, settings);
  const sliceMs = settings.sliceS * 1000;
  probeObjects(objects, satrecs, epochs, plan.firstSlice * sliceMs, (plan.lastSlice + 1) * sliceMs);
  return {
    objects,
    satrecs,
    satrecEpochMs: epochs,
    groups: await groupByClass(objects, satrecs, factory),
    params,
    settings,
    plan,
    grid: new BoxHashGrid(),
  };
}

export interface BlockResult {
  readonly blockStartMs: number;
  readonly events: ConjunctionEvent[];
  readonly counters: ScreeningCounters;
  readonly failures: ScreeningFailure[];
  /** Largest interpolation error bound per node class in this block, km. */
  readonly maxErrorBoundKm: number[];
  /** Objects per node class (after the probe), as the thread that screened the block saw them. */
  readonly objectsByClass: number[];
}


/**
 * Evaluates object i's cubic Hermite interpolant (position and its derivative, km/s) at the start (end = 0) or end
 * (end = 1) of block slice q into p/v at 3i; returns false when the segment is not covered by valid nodes.
 */
function evaluate(nodes: BlockNodes, sliceS: number, i: number, q: number, end: number, p: Float64Array, v: Float64Array): boolean {
  const m = nodes.stepSlices[i]!;
  const k = Math.floor(q / m);
  if (k + 1 >= nodes.validNodes[i]!) return false;
  const t = (q - k * m + end) / m;
  const o = (nodes.nodeOffset[i]! + k) * 3;
  const t2 = t * t;
  const t3 = t2 * t;
  const h00 = 2 * t3 - 3 * t2 + 1;
  const h10 = t3 - 2 * t2 + t;
  const h01 = -2 * t3 + 3 * t2;
  const h11 = t3 - t2;
  const d00 = 6 * t2 - 6 * t;
  const d10 = 3 * t2 - 4 * t + 1;
  const d11 = 3 * t2 - 2 * t;
  const segS = m * sliceS;
  for (let c = 0; c < 3; c++) {
    const p0 = nodes.positionKm[o + c]!;
    const p1 = nodes.positionKm[o + 3 + c]!;
    const v0 = nodes.derivativeKmS[o + c]! * segS;
    const v1 = nodes.derivativeKmS[o + 3 + c]! * segS;
    p[3 * i + c] = h00 * p0 + h10 * v0 + h01 * p1 + h11 * v1;
    v[3 * i + c] = (d00 * (p0 - p1) + d10 * v0 + d11 * v1) / segS;
  }
  return true;
}

/** Smallest of four numbers (Math.min with more than two arguments is not inlined). */
export function min4(a: number, b: number, c: number, d: number): number {
  const ab = a < b ? a : b;
  const cd = c < d ? c : d;
  return ab < cd ? ab : cd;
}

export function max4(a: number, b: number, c: number, d: number): number {
  const ab = a > b ? a : b;
  const cd = c > d ? c : d;
  return ab > cd ? ab : cd;
}

/**
 * Object i's swept box over a slice, inflated by `inflate`: in x, y, z the bounding box of the interpolant's Bézier
 * control points b0 = p(a), b1 = b0 + p'(a)·s/3, b2 = b3 − p'(b)·s/3, b3 = p(b) (the curve lies in their convex
 * hull); in radius, [min_k b_k·u, max_k |b_k|] with u the unit vector of (b0 + b3)/2 (|x| >= x·u, and a linear
 * function and a convex one take their extremes over a hull at its vertices). Written at 4i of lo/hi.
 */
function sweptBox(pa: Float64Array, va: Float64Array, pb: Float64Array, vb: Float64Array, i: number, third: number, inflate: number, lo: Float64Array, hi: Float64Array): void {
  let ux = 0;
  let uy = 0;
  let uz = 0;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  for (let c = 0; c < 3; c++) {
    const b0 = pa[3 * i + c]!;
    const b1 = b0 + va[3 * i + c]! * third;
    const b3 = pb[3 * i + c]!;
    const b2 = b3 - vb[3 * i + c]! * third;
    lo[4 * i + c] = min4(b0, b1, b2, b3) - inflate;
    hi[4 * i + c] = max4(b0, b1, b2, b3) + inflate;
    const u = b0 + b3;
    if (c === 0) ux = u;
    else if (c === 1) uy = u;
    else uz = u;
    m0 += b0 * b0;
    m1 += b1 * b1;
    m2 += b2 * b2;
    m3 += b3 * b3;
  }
  const norm = Math.sqrt(ux * ux + uy * uy + uz * uz);
  ux /= norm;
  uy /= norm;
  uz /= norm;
  const k = 3 * i;
  const t0 = pa[k]! * ux + pa[k + 1]! * uy + pa[k + 2]! * uz;
  const t3 = pb[k]! * ux + pb[k + 1]! * uy + pb[k + 2]! * uz;
  const t1 = t0 + (va[k]! * ux + va[k + 1]! * uy + va[k + 2]! * uz) * third;
  const t2 = t3 - (vb[k]! * ux + vb[k + 1]! * uy + vb[k + 2]! * uz) * third;
  const radialLow = min4(t0, t1, t2, t3);
  lo[4 * i + 3] = (radialLow > 0 ? radialLow : 0) - inflate;
  hi[4 * i + 3] = Math.sqrt(max4(m0, m1, m2, m3)) + inflate;
}

/** Screens one time block [blockStartMs, blockStartMs + blockS): nodes, grid slices, candidates, refinement. */
export async function screenBlock(ctx: ScreeningContext, blockStartMs: number): Promise<BlockResult> {
  const { objects, settings, params, plan } = ctx;
  const counters = emptyCounters();
  const started = performance.now();
  const nodes = await propagateBlockNodes(objects, ctx.groups, blockStartMs, settings);
  counters.propagations = nodes.propagations;
  const afterNodes = performance.now();
  counters.nodesMs = afterNodes - started;

  const n = objects.count;
  const sliceS = settings.sliceS;
  const third = sliceS / 3;
  const halfThreshold = params.thresholdKm / 2;
  let pa = new Float64Array(3 * n);
  let va = new Float64Array(3 * n);
  let pb = new Float64Array(3 * n);
  let vb = new Float64Array(3 * n);
  const validA = new Uint8Array(n);
  const validB = new Uint8Array(n);
  const lo = new Float64Array(4 * n);
  const hi = new Float64Array(4 * n);
  const active = new Int32Array(n);
  const candidates: Candidates = { a: [], b: [], guessMs: [] };
  const errorBound = nodes.errorBoundKm;
  const slicesPerBlock = settings.blockS / sliceS;
  const blockFirstSlice = Math.round(blockStartMs / (sliceS * 1000));

  const tester = new SlicePairTester(objects, errorBound, params.thresholdKm, sliceS, counters, candidates);
  let previousProcessed = false;
  for (let q = 0; q < slicesPerBlock; q++) {
    const globalSlice = blockFirstSlice + q;
    if (globalSlice < plan.firstSlice || globalSlice > plan.lastSlice) {
      previousProcessed = false;
      continue;
    }
    const sliceStartMs = blockStartMs + q * sliceS * 1000;
    if (previousProcessed) {
      [pa, pb] = [pb, pa];
      [va, vb] = [vb, va];
      validA.set(validB);
    } else {
      for (let i = 0; i < n; i++) validA[i] = evaluate(nodes, sliceS, i, q, 0, pa, va) ? 1 : 0;
    }
    let activeCount = 0;
    for (let i = 0; i < n; i++) {
      const ok = validA[i] === 1 && evaluate(nodes, sliceS, i, q, 1, pb, vb);
      validB[i] = ok ? 1 : 0;
      if (!ok) continue;
      sweptBox(pa, va, pb, vb, i, third, halfThreshold + errorBound[i]!, lo, hi);
      active[activeCount++] = i;
    }
    previousProcessed = true;
    counters.slices++;
    counters.boxes += activeCount;
    tester.setSlice(pa, va, pb, vb, sliceStartMs, globalSlice > plan.firstSlice, globalSlice < plan.lastSlice);
    ctx.grid.forEachOverlap(active, activeCount, lo, hi, settings.cellKm, settings.radialCellKm, tester);
  }
  counters.gridEntries = ctx.grid.entries;
  counters.boxPairTests = ctx.grid.pairTests;
  ctx.grid.entries = 0;
  ctx.grid.pairTests = 0;
  const afterGrid = performance.now();
  counters.gridMs = afterGrid - afterNodes;

  const events = refineCandidates(ctx, nodes.failureMs, candidates, counters);
  counters.refineMs = performance.now() - afterGrid;
  counters.blockEvents = events.length;

  const failures: ScreeningFailure[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(nodes.failureMs[i]!)) failures.push({ catalogNumber: objects.catalogNumber[i]!, fromMs: nodes.failureMs[i]!, code: nodes.failureCode[i]! });
  }
  const maxErrorBoundKm = NODE_CLASSES.map(() => 0);
  for (let i = 0; i < n; i++) {
    const c = objects.nodeClass[i]!;
    if (nodes.validNodes[i]! > 1) maxErrorBoundKm[c] = Math.max(maxErrorBoundKm[c]!, errorBound[i]!);
  }
  const objectsByClass = NODE_CLASSES.map(() => 0);
  for (let i = 0; i < n; i++) objectsByClass[objects.nodeClass[i]!]!++;
  return { blockStartMs, events, counters, failures, maxErrorBoundKm, objectsByClass };
}
