import { type SatRec, sgp4 } from "satellite.js";
import { EARTH_EQUATORIAL_RADIUS_KM } from "../orbit/orbit-summary.ts";
import { MIN_PLAUSIBLE_RADIUS_KM, NODE_CLASSES } from "./screen-objects.ts";
import type { ScreeningObjects } from "./screen-objects.ts";
import { LOW_PERIGEE_ALTITUDE_KM } from "./screen-settings.ts";

const NEAR = NODE_CLASSES.indexOf("near");
const NEAR_LOW = NODE_CLASSES.indexOf("near-low");

/** Radius of an SGP4 state at `tMs`, or NaN when SGP4 fails, reports decay (tempa <= 0) or gives an implausible radius. */
function probeRadius(satrec: SatRec, epochMs: number, maxRadiusKm: number, tMs: number): number {
  const result = sgp4(satrec, (tMs - epochMs) / 60_000);
  if (result === null || satrec.error !== 0 || satrec.tempa <= 0) return NaN;
  const r = Math.hypot(result.position.x, result.position.y, result.position.z);
  return r >= MIN_PLAUSIBLE_RADIUS_KM && r <= maxRadiusKm ? r : NaN;
}

/**
 * Probes every object with the full SGP4 at the start and end of the run's coverage: an object that fails at the
 * start is left out of the whole run (objects.excludedFromMs), and a near-Earth object that is (or decays) under
 * LOW_PERIGEE_ALTITUDE_KM at either end takes central-difference derivatives (class near-low), because the mean
 * perigee at epoch says little about a stale element set under heavy drag.
 */
export function probeObjects(objects: ScreeningObjects, satrecs: readonly SatRec[], satrecEpochMs: Float64Array, startMs: number, endMs: number): void {
  for (let i = 0; i < objects.count; i++) {
    const satrec = satrecs[i]!;
    const r0 = probeRadius(satrec, satrecEpochMs[i]!, objects.maxRadiusKm[i]!, startMs);
    if (Number.isNaN(r0)) {
      objects.excludedFromMs[i] = startMs;
      continue;
    }
    const r1 = probeRadius(satrec, satrecEpochMs[i]!, objects.maxRadiusKm[i]!, endMs);
    const lowest = Number.isNaN(r1) ? r0 : Math.min(r0, r1);
    if (objects.nodeClass[i] === NEAR && lowest - EARTH_EQUATORIAL_RADIUS_KM < LOW_PERIGEE_ALTITUDE_KM) objects.nodeClass[i] = NEAR_LOW;
  }
}
