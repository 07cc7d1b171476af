import { InvalidInputError } from "../core/concord-error.ts";
import { EARTH_MU_KM3_S2 } from "../orbit/orbit-summary.ts";
import type { ScreeningParameters } from "./conjunction-event.ts";

/**
 * The screening engine's numerical settings. Every step is a whole number of grid slices, and a time block is a
 * whole number of every step, so that all nodes of all objects fall on one absolute time lattice (multiples of the
 * step since 1970): splitting a window never moves a node.
 */
export interface ScreeningEngineSettings {
  /** Grid slice, s: swept boxes and the spatial hash are built per slice of this length. */
  readonly sliceS: number;
  /** SGP4 node step of near-Earth objects (period < 225 min), s. */
  readonly nearStepS: number;
  /** SGP4 node step of deep-space objects (period >= 225 min) whose perigee radius is under FAR_PERIGEE_RADIUS_KM, s. */
  readonly deepStepS: number;
  /** SGP4 node step of deep-space objects whose perigee radius is at least FAR_PERIGEE_RADIUS_KM (GEO and above), s. */
  readonly farStepS: number;
  /** Length of one unit of work (a time block), s; the window is processed block by block. */
  readonly blockS: number;
  /** Edge of a spatial-hash cell in x, y, z, km (any positive value is exact; it only changes the speed). */
  readonly cellKm: number;
  /** Edge of a spatial-hash cell in radius, km (idem). */
  readonly radialCellKm: number;
}

export const DEFAULT_SCREENING_SETTINGS: ScreeningEngineSettings = {
  sliceS: 60,
  nearStepS: 300,
  deepStepS: 300,
  farStepS: 1200,
  blockS: 7200,
  cellKm: 1000,
  radialCellKm: 50,
};

/** Steps up to which the interpolation bound below was verified on the whole 2023-10-09 catalog (bench/screening.bench.ts). */
export const MAX_VERIFIED_STEP_S = { near: 300, deep: 300, far: 1200 } as const;

/** Deep-space objects with a perigee radius at least this large are "far" (GEO, graveyard, high HEO). */
export const FAR_PERIGEE_RADIUS_KM = 20_000;
/**
 * Near-Earth objects with a mean perigee altitude under this take their node derivative by finite differences (under
 * heavy drag SGP4's velocity departs from the derivative of its position: measured up to 6.5× the bound otherwise).
 */
export const LOW_PERIGEE_ALTITUDE_KM = 500;
/** SDP4 switches its lunar-solar periodics (Lyddane) where the perturbed inclination crosses 0.2 rad: positions jump there. */
export const LYDDANE_SWITCH_INCLINATION_DEG = (0.2 * 180) / Math.PI;
/** Deep-space objects whose mean inclination is within this of the switch get the jump allowance added to their bound. */
export const LYDDANE_BAND_DEG = 1;
/** Allowance for the SDP4 position jump at the Lyddane switch, km (measured up to 6.6 km on the 2023 catalog). */
export const LYDDANE_JUMP_ALLOWANCE_KM = 20;
/** Half-width of the central difference giving the node derivative of finite-difference classes, ms. */
export const DERIVATIVE_HALF_WIDTH_MS = 500;
/** Safety factor on the Kepler fourth-derivative term of the interpolation bound. */
export const ERROR_BOUND_FACTOR = 2;
/** Additive floor of the interpolation bound, km (lunar-solar and resonance terms of deep-space SGP4). */
export const ERROR_BOUND_FLOOR_KM = 0.02;

/**
 * The interpolation error bound used for one object over one block, km: the cubic Hermite remainder
 * |e(t)| <= h^4/384 · max|x''''| (the Peano kernel of cubic Hermite interpolation keeps one sign, so the bound holds
 * for vectors too), with max|x''''| taken from Kepler motion at perigee, μ²(1+3e)/r_p⁵ (exactly |x''''| at perigee,
 * and ω⁴r on a circle), times ERROR_BOUND_FACTOR for SGP4's perturbations, plus ERROR_BOUND_FLOOR_KM.
 * `perigeeRadiusKm` must be a lower bound of the radius over the block (min of sampled radius and mean perigee,
 * minus a margin). Verified on the whole catalog: `npx tsx bench/screening.bench.ts --mode interpolation`.
 */
export function interpolationErrorBoundKm(stepS: number, eccentricity: number, perigeeRadiusKm: number): number {
  const kepler = ((stepS ** 4) / 384) * ((EARTH_MU_KM3_S2 * EARTH_MU_KM3_S2 * (1 + 3 * Math.min(1, Math.max(0, eccentricity)))) / perigeeRadiusKm ** 5);
  return ERROR_BOUND_FACTOR * kepler + ERROR_BOUND_FLOOR_KM;
}

function isWholeMultiple(value: number, of: number): boolean {
  return Number.isInteger(value / of) && value / of >= 1;
}

/**
 * Refuses parameters and settings under which the guarantee would not hold or the run is meaningless: a non-positive
 * threshold or window, steps that are not whole numbers of slices, blocks that are not whole numbers of every step,
 * steps beyond the verified maxima, a non-positive cell.
 */
export function validateScreening(params: ScreeningParameters, settings: ScreeningEngineSettings): void {
  if (!Number.isFinite(params.fromMs) || !Number.isFinite(params.toMs) || !(params.toMs > params.fromMs)) {
    throw new InvalidInputError("window", "the window must end after it starts");
  }
  if (!(params.thresholdKm > 0) || !Number.isFinite(params.thresholdKm)) throw new InvalidInputError("thresholdKm", "must be a positive number of km");
  if (params.thresholdKm > 200) throw new InvalidInputError("thresholdKm", "at most 200 km (the engine is tuned for close approaches)");
  const { sliceS, nearStepS, deepStepS, farStepS, blockS, cellKm } = settings;
  if (!Number.isInteger(sliceS) || sliceS < 1) throw new InvalidInputError("sliceS", "must be a whole number of seconds >= 1");
  for (const [name, step] of [["nearStepS", nearStepS], ["deepStepS", deepStepS], ["farStepS", farStepS]] as const) {
    if (!isWholeMultiple(step, sliceS)) throw new InvalidInputError(name, `${step} s is not a whole number of ${sliceS} s slices`);
    if (!isWholeMultiple(blockS, step)) throw new InvalidInputError("blockS", `${blockS} s is not a whole number of ${name} (${step} s)`);
  }
  if (nearStepS > MAX_VERIFIED_STEP_S.near) throw new InvalidInputError("nearStepS", `the interpolation bound is verified up to ${MAX_VERIFIED_STEP_S.near} s`);
  if (deepStepS > MAX_VERIFIED_STEP_S.deep) throw new InvalidInputError("deepStepS", `the interpolation bound is verified up to ${MAX_VERIFIED_STEP_S.deep} s`);
  if (farStepS > MAX_VERIFIED_STEP_S.far) throw new InvalidInputError("farStepS", `the interpolation bound is verified up to ${MAX_VERIFIED_STEP_S.far} s`);
  if (!(cellKm > 0) || !Number.isFinite(cellKm)) throw new InvalidInputError("cellKm", "must be a positive number of km");
  if (!(settings.radialCellKm > 0) || !Number.isFinite(settings.radialCellKm)) throw new InvalidInputError("radialCellKm", "must be a positive number of km");
}
