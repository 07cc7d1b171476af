import type { SatRec } from "satellite.js";
import type { MeanElements } from "../orbit/mean-elements.ts";
import { toSatrec } from "../orbit/satrec.ts";
import type { ConjunctionEvent, ScreeningParameters } from "./conjunction-event.ts";
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
import { SliceKernel } from "./slice-kernel.ts";
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
  /** The WebAssembly kernel that screens each grid slice (steps (b)–(d) of the guarantee). */
  readonly kernel: SliceKernel;
  /** The last block's nodes, whose buffers the next block reuses. */
  lastNodes: BlockNodes | undefined;
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
  const kernel = new SliceKernel();
  kernel.setObjects(objects.isPrimary, objects.trajectoryId);
  return {
    objects,
    satrecs,
    satrecEpochMs: epochs,
    groups: await groupByClass(objects, satrecs, factory),
    params,
    settings,
    plan,
    kernel,
    lastNodes: undefined,
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


/** Screens one time block [blockStartMs, blockStartMs + blockS): nodes, grid slices, candidates, refinement. */
export async function screenBlock(ctx: ScreeningContext, blockStartMs: number): Promise<BlockResult> {
  const { objects, settings, params, plan } = ctx;
  const counters = emptyCounters();
  const started = performance.now();
  const nodes = await propagateBlockNodes(objects, ctx.groups, blockStartMs, settings, ctx.lastNodes);
  ctx.lastNodes = nodes;
  counters.propagations = nodes.propagations;
  const afterNodes = performance.now();
  counters.nodesMs = afterNodes - started;

  const n = objects.count;
  const sliceS = settings.sliceS;
  const candidates: Candidates = { a: [], b: [], guessMs: [] };
  const slicesPerBlock = settings.blockS / sliceS;
  const blockFirstSlice = Math.round(blockStartMs / (sliceS * 1000));
  ctx.kernel.loadBlock({ count: n, ...nodes });
  let previousProcessed = false;
  for (let q = 0; q < slicesPerBlock; q++) {
    const globalSlice = blockFirstSlice + q;
    if (globalSlice < plan.firstSlice || globalSlice > plan.lastSlice) {
      previousProcessed = false;
      continue;
    }
    const sliceStartMs = blockStartMs + q * sliceS * 1000;
    const flags = { continues: previousProcessed, hasPrevious: globalSlice > plan.firstSlice, hasNext: globalSlice < plan.lastSlice };
    ctx.kernel.screenSlice(q, n, settings, params.thresholdKm, flags, (a, b, tau) => {
      candidates.a.push(a);
      candidates.b.push(b);
      candidates.guessMs.push(sliceStartMs + tau * sliceS * 1000);
    });
    previousProcessed = true;
    counters.slices++;
  }
  const kernelCounters = ctx.kernel.takeCounters();
  counters.boxes = kernelCounters.boxes;
  counters.gridEntries = kernelCounters.gridEntries;
  counters.boxPairTests = kernelCounters.boxPairTests;
  counters.overlappingPairs = kernelCounters.overlappingPairs;
  counters.interpolantCandidates = kernelCounters.interpolantCandidates;
  counters.handedToNeighbour = kernelCounters.handedToNeighbour;
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
    if (nodes.validNodes[i]! > 1) maxErrorBoundKm[c] = Math.max(maxErrorBoundKm[c]!, nodes.errorBoundKm[i]!);
  }
  const objectsByClass = NODE_CLASSES.map(() => 0);
  for (let i = 0; i < n; i++) objectsByClass[objects.nodeClass[i]!]!++;
  return { blockStartMs, events, counters, failures, maxErrorBoundKm, objectsByClass };
}
