import type { SatRec } from "satellite.js";
import { MIN_PLAUSIBLE_RADIUS_KM, NODE_CLASSES, classStepS, classUsesDifference } from "./screen-objects.ts";
import type { ScreeningObjects } from "./screen-objects.ts";
import { DERIVATIVE_HALF_WIDTH_MS, interpolationErrorBoundKm } from "./screen-settings.ts";
import type { ScreeningEngineSettings } from "./screen-settings.ts";
import type { GroupPropagator, GroupPropagatorFactory } from "./screen-wasm.ts";

/** Objects of one node class, propagated together. */
export interface ClassGroup {
  readonly nodeClass: number;
  readonly members: Int32Array;
  readonly satrecs: readonly SatRec[];
  readonly propagate: GroupPropagator;
}

export async function groupByClass(objects: ScreeningObjects, satrecs: readonly SatRec[], factory: GroupPropagatorFactory): Promise<ClassGroup[]> {
  const groups: ClassGroup[] = [];
  for (let nodeClass = 0; nodeClass < NODE_CLASSES.length; nodeClass++) {
    const members: number[] = [];
    for (let i = 0; i < objects.count; i++) if (objects.nodeClass[i] === nodeClass) members.push(i);
    if (members.length === 0) continue;
    const groupSatrecs = members.map((i) => satrecs[i] as SatRec);
    groups.push({ nodeClass, members: Int32Array.from(members), satrecs: groupSatrecs, propagate: await factory(groupSatrecs) });
  }
  return groups;
}

/** Error code recorded for a state beyond the object's plausible radius (SGP4 diverged without an error code). */
export const IMPLAUSIBLE_STATE = 7;
/** Error code recorded where SGP4's drag factor (tempa) is <= 0: decayed in the model (satellite.js `checkForDecay`). */
export const DRAG_DECAYED = 8;

/**
 * SGP4's drag factor `tempa` at `tsinceMin` minutes from epoch (the polynomial sgp4.js evaluates); satellite.js's
 * `checkForDecay` reports the object decayed when it is <= 0, where SGP4 returns meaningless states without an error.
 */
export function sgp4DragFactor(satrec: SatRec, tsinceMin: number): number {
  const t = tsinceMin;
  let tempa = 1 - satrec.cc1 * t;
  if (satrec.isimp !== 1) tempa -= satrec.d2 * t * t + satrec.d3 * t * t * t + satrec.d4 * t * t * t * t;
  return tempa;
}
/** Margin subtracted from the smallest sampled radius to bound the radius between nodes from below, km. */
const PERIGEE_MARGIN_KM = 20;
const MIN_BOUND_RADIUS_KM = 6000;

/** SGP4 nodes of every object over one time block, structure-of-arrays. */
export interface BlockNodes {
  readonly blockStartMs: number;
  /** Node step of each object, in slices. */
  readonly stepSlices: Int32Array;
  /** Index of each object's first node in positionKm / derivativeKmS (× 3). */
  readonly nodeOffset: Int32Array;
  /** Number of leading nodes of each object that are valid (SGP4 succeeded, plausible radius). */
  readonly validNodes: Int32Array;
  readonly positionKm: Float64Array;
  /** d(position)/dt at each node, km/s: SGP4 velocity (near) or a central difference of SGP4 positions. */
  readonly derivativeKmS: Float64Array;
  /** Interpolation error bound of each object over this block, km. */
  readonly errorBoundKm: Float64Array;
  /** Time of each object's first invalid node in this block (NaN: none). */
  readonly failureMs: Float64Array;
  readonly failureCode: Int8Array;
  readonly propagations: number;
}

/**
 * Propagates every object's nodes over [blockStartMs, blockStartMs + blockS] (both ends included). `reuse`: the
 * previous block's nodes of the same run, whose arrays are overwritten (no garbage per block).
 */
export async function propagateBlockNodes(
  objects: ScreeningObjects,
  groups: readonly ClassGroup[],
  blockStartMs: number,
  settings: ScreeningEngineSettings,
  reuse?: BlockNodes,
): Promise<BlockNodes> {
  const count = objects.count;
  const stepSlices = new Int32Array(count);
  const nodeOffset = new Int32Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const stepS = classStepS(objects.nodeClass[i]!, settings);
    stepSlices[i] = stepS / settings.sliceS;
    nodeOffset[i] = total;
    total += settings.blockS / stepS + 1;
  }
  const fits = reuse !== undefined && reuse.positionKm.length === total * 3 && reuse.validNodes.length === count;
  const positionKm = fits ? reuse.positionKm : new Float64Array(total * 3);
  const derivativeKmS = fits ? reuse.derivativeKmS : new Float64Array(total * 3);
  const validNodes = fits ? reuse.validNodes.fill(0) : new Int32Array(count);
  const errorBoundKm = fits ? reuse.errorBoundKm.fill(0) : new Float64Array(count);
  const failureMs = (fits ? reuse.failureMs : new Float64Array(count)).fill(NaN);
  const failureCode = fits ? reuse.failureCode.fill(0) : new Int8Array(count);
  let propagations = 0;

  for (const group of groups) {
    const stepS = classStepS(group.nodeClass, settings);
    const nodeCount = settings.blockS / stepS + 1;
    const times = Float64Array.from({ length: nodeCount }, (_, k) => blockStartMs + k * stepS * 1000);
    const difference = classUsesDifference(group.nodeClass);
    // Central-difference classes: one run at [t - δ, t, t + δ] per node (stride 3), else one time per node.
    const stride = difference ? 3 : 1;
    const runTimes = new Float64Array(nodeCount * stride);
    for (let k = 0; k < nodeCount; k++) {
      if (difference) {
        runTimes[3 * k] = times[k]! - DERIVATIVE_HALF_WIDTH_MS;
        runTimes[3 * k + 1] = times[k]!;
        runTimes[3 * k + 2] = times[k]! + DERIVATIVE_HALF_WIDTH_MS;
      } else runTimes[k] = times[k]!;
    }
    const states = await group.propagate(runTimes);
    propagations += group.members.length * runTimes.length;
    const halfWidthS = DERIVATIVE_HALF_WIDTH_MS / 1000;
    const epochMs = group.satrecs.map((satrec) => (satrec.jdsatepoch - 2440587.5) * 86_400_000);
    for (let s = 0; s < group.members.length; s++) {
      const i = group.members[s]!;
      const maxRadius = objects.maxRadiusKm[i]!;
      let valid = nodeCount;
      let minRadius = Infinity;
      if (objects.excludedFromMs[i]! <= blockStartMs) {
        validNodes[i] = 0;
        failureMs[i] = objects.excludedFromMs[i]!;
        failureCode[i] = IMPLAUSIBLE_STATE;
        continue;
      }
      for (let k = 0; k < nodeCount; k++) {
        const base = (s * nodeCount + k) * stride;
        const src = difference ? base + 1 : base;
        const dst = (nodeOffset[i]! + k) * 3;
        let code = states.errorCode[src]!;
        if (code === 0 && difference) code = states.errorCode[base]! || states.errorCode[base + 2]!;
        const x = states.positionKm[src * 3]!;
        const y = states.positionKm[src * 3 + 1]!;
        const z = states.positionKm[src * 3 + 2]!;
        const radius = Math.sqrt(x * x + y * y + z * z);
        if (code === 0 && !(radius <= maxRadius && radius >= MIN_PLAUSIBLE_RADIUS_KM)) code = IMPLAUSIBLE_STATE;
        if (code === 0 && sgp4DragFactor(group.satrecs[s]!, (times[k]! - epochMs[s]!) / 60_000) <= 0) code = DRAG_DECAYED;
        if (code !== 0) {
          valid = k;
          failureMs[i] = times[k]!;
          failureCode[i] = code;
          break;
        }
        if (radius < minRadius) minRadius = radius;
        positionKm[dst] = x;
        positionKm[dst + 1] = y;
        positionKm[dst + 2] = z;
        for (let c = 0; c < 3; c++) {
          derivativeKmS[dst + c] = difference
            ? (states.positionKm[(base + 2) * 3 + c]! - states.positionKm[base * 3 + c]!) / (2 * halfWidthS)
            : states.velocityKmS[src * 3 + c]!;
        }
      }
      validNodes[i] = valid;
      const boundRadius = Math.max(MIN_BOUND_RADIUS_KM, Math.min(minRadius, objects.perigeeRadiusKm[i]!) - PERIGEE_MARGIN_KM);
      errorBoundKm[i] = interpolationErrorBoundKm(stepS, objects.eccentricity[i]!, boundRadius) + objects.boundAllowanceKm[i]!;
    }
  }
  return { blockStartMs, stepSlices, nodeOffset, validNodes, positionKm, derivativeKmS, errorBoundKm, failureMs, failureCode, propagations };
}
