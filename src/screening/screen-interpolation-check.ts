import type { MeanElements } from "../orbit/mean-elements.ts";
import { createScreeningContext } from "./screen-block.ts";
import { propagateBlockNodes } from "./screen-nodes.ts";
import { NODE_CLASSES, classStepS } from "./screen-objects.ts";
import { planScreening } from "./screen-plan.ts";
import type { ScreeningEngineSettings } from "./screen-settings.ts";

/** Interior points of each node step where the interpolant is compared with SGP4 (fractions of the step). */
const CHECK_FRACTIONS = [1 / 6, 2 / 6, 3 / 6, 4 / 6, 5 / 6];

export interface InterpolationClassCheck {
  readonly objects: number;
  readonly comparisons: number;
  /** Largest |Hermite − SGP4| seen, km, and its object. */
  readonly maxErrorKm: number;
  readonly maxErrorCatalogNumber: number;
  /** Largest error / bound used by the engine for that object and block, and its object (must stay under 1). */
  readonly maxRatio: number;
  readonly maxRatioCatalogNumber: number;
  /** Comparisons whose error exceeded the bound. */
  readonly exceedances: number;
  /** Objects with an exceedance: catalog number → largest error / bound. */
  readonly exceedingObjects: Record<number, number>;
}

/**
 * Checks the engine's interpolation bound on real element sets: for every block of the window (in time order, an
 * object left out from its first failure on, as the run does), the engine's own nodes and bounds (propagateBlockNodes), and SGP4 (the same WASM propagators) at five interior points of every
 * valid node step, compared with the cubic Hermite interpolant. Returns the figures per node class.
 */
export async function checkInterpolationBound(
  elements: readonly MeanElements[],
  fromMs: number,
  toMs: number,
  settings: ScreeningEngineSettings,
): Promise<Record<string, InterpolationClassCheck>> {
  const params = { fromMs, toMs, thresholdKm: 5, primaries: null };
  const ctx = await createScreeningContext(elements, params, settings);
  const { objects } = ctx;
  const stats = NODE_CLASSES.map(() => ({ objects: 0, comparisons: 0, maxErrorKm: 0, maxErrorCatalogNumber: 0, maxRatio: 0, maxRatioCatalogNumber: 0, exceedances: 0, exceedingObjects: {} as Record<number, number> }));
  for (let i = 0; i < objects.count; i++) stats[objects.nodeClass[i]!]!.objects++;
  const firstFailureMs = new Float64Array(objects.count).fill(Infinity);
  for (const blockStartMs of planScreening(params, settings).blockStartsMs) {
    const nodes = await propagateBlockNodes(objects, ctx.groups, blockStartMs, settings);
    for (let i = 0; i < objects.count; i++) if (!Number.isNaN(nodes.failureMs[i]!)) firstFailureMs[i] = Math.min(firstFailureMs[i]!, nodes.failureMs[i]!);
    for (const group of ctx.groups) {
      const stepS = classStepS(group.nodeClass, settings);
      const segments = settings.blockS / stepS;
      const times = new Float64Array(segments * CHECK_FRACTIONS.length);
      for (let k = 0; k < segments; k++) {
        CHECK_FRACTIONS.forEach((f, q) => (times[k * CHECK_FRACTIONS.length + q] = blockStartMs + Math.round((k + f) * stepS * 1000)));
      }
      const truth = await group.propagate(times);
      const stat = stats[group.nodeClass]!;
      for (let s = 0; s < group.members.length; s++) {
        const i = group.members[s]!;
        // as the engine: an object is left out from its first failure on, in this block or an earlier one
        if (firstFailureMs[i]! < blockStartMs) continue;
        for (let k = 0; k + 1 < nodes.validNodes[i]!; k++) {
          const o = (nodes.nodeOffset[i]! + k) * 3;
          for (let q = 0; q < CHECK_FRACTIONS.length; q++) {
            const m = s * times.length + k * CHECK_FRACTIONS.length + q;
            if (truth.errorCode[m] !== 0) continue;
            const t = (times[k * CHECK_FRACTIONS.length + q]! - (blockStartMs + k * stepS * 1000)) / (stepS * 1000);
            const h00 = 2 * t ** 3 - 3 * t ** 2 + 1;
            const h10 = t ** 3 - 2 * t ** 2 + t;
            const h01 = -2 * t ** 3 + 3 * t ** 2;
            const h11 = t ** 3 - t ** 2;
            let e2 = 0;
            for (let c = 0; c < 3; c++) {
              const p =
                h00 * nodes.positionKm[o + c]! +
                h10 * stepS * nodes.derivativeKmS[o + c]! +
                h01 * nodes.positionKm[o + 3 + c]! +
                h11 * stepS * nodes.derivativeKmS[o + 3 + c]!;
              e2 += (p - truth.positionKm[3 * m + c]!) ** 2;
            }
            const error = Math.sqrt(e2);
            const ratio = error / nodes.errorBoundKm[i]!;
            stat.comparisons++;
            if (error > stat.maxErrorKm) {
              stat.maxErrorKm = error;
              stat.maxErrorCatalogNumber = objects.catalogNumber[i]!;
            }
            if (ratio > stat.maxRatio) {
              stat.maxRatio = ratio;
              stat.maxRatioCatalogNumber = objects.catalogNumber[i]!;
            }
            if (ratio > 1) {
              stat.exceedances++;
              const n = objects.catalogNumber[i]!;
              stat.exceedingObjects[n] = Math.max(stat.exceedingObjects[n] ?? 0, ratio);
            }
          }
        }
      }
    }
  }
  return Object.fromEntries(NODE_CLASSES.map((name, c) => [name, stats[c]!]));
}
