import { type SatRec, SatRecError, jday, sgp4 } from "satellite.js";

export type Vector3 = [number, number, number];

export interface PropagatedState {
  /** TEME position, km. */
  readonly positionKm: Vector3;
  /** TEME velocity, km/s. */
  readonly velocityKmS: Vector3;
}

/** SGP4's own error codes (satellite.js `SatRecError`), as values. */
export type Sgp4ErrorCode = 1 | 2 | 3 | 4 | 6;

export interface PropagationFailure {
  readonly error: Sgp4ErrorCode;
  readonly message: string;
}

const MESSAGES: Record<Sgp4ErrorCode, string> = {
  1: "mean eccentricity is outside 0 <= e < 1 (or the mean elements are invalid)",
  2: "mean motion has fallen below zero",
  3: "perturbed eccentricity is outside 0 <= e < 1",
  4: "semi-latus rectum has fallen below zero",
  6: "the orbit has decayed: the computed position is below the Earth's surface",
};

/** A readable message for a satellite.js `SatRecError` code. */
export function describeSgp4Error(code: number): string {
  return code in MESSAGES ? MESSAGES[code as Sgp4ErrorCode] : `SGP4 error ${code}`;
}

export function isPropagationFailure(result: PropagatedState | PropagationFailure): result is PropagationFailure {
  return "error" in result;
}

/**
 * Minutes from the satrec's epoch to `epochMs`, with the Julian date formed as satellite.js's `propagate`
 * forms it from a Date (so results match `propagate` for whole milliseconds), keeping any sub-ms fraction.
 */
export function minutesSinceEpoch(satrec: SatRec, epochMs: number): number {
  const wholeMs = Math.floor(epochMs);
  const date = new Date(wholeMs);
  const jd = jday(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds() + (epochMs - wholeMs),
  );
  return (jd - satrec.jdsatepoch) * 1440;
}

/**
 * SGP4 state (TEME) of one satellite at a time, or the SGP4 error as a value (codes 1, 2, 3, 4, 6 of
 * satellite.js `SatRecError` with a readable message). Never throws for a decayed or broken orbit.
 */
export function propagateAt(satrec: SatRec, epochMs: number): PropagatedState | PropagationFailure {
  const result = sgp4(satrec, minutesSinceEpoch(satrec, epochMs));
  if (result === null || satrec.error !== SatRecError.None) {
    const code = (satrec.error === SatRecError.None ? 1 : satrec.error) as Sgp4ErrorCode;
    return { error: code, message: describeSgp4Error(code) };
  }
  const { position: p, velocity: v } = result;
  return { positionKm: [p.x, p.y, p.z], velocityKmS: [v.x, v.y, v.z] };
}
