import type { Vector3 } from "../orbit/propagate.ts";

/** A TEME state (SGP4's frame) of one object at the time of closest approach. */
export interface StateAtTca {
  readonly positionKm: Vector3;
  readonly velocityKmS: Vector3;
}

/**
 * One close approach found by screening: the two objects, the time of closest approach (TCA, refined with the full
 * SGP4 to the millisecond), the miss distance and relative speed, the miss vector and relative velocity of the
 * secondary with respect to the primary in the primary's radial / in-track / cross-track (RTN, also called RIC)
 * frame, both states at TCA, and the age of each object's element set at TCA (TCA minus epoch, days).
 */
export interface ConjunctionEvent {
  readonly primary: number;
  readonly secondary: number;
  readonly tcaMs: number;
  readonly missDistanceKm: number;
  readonly relativeSpeedKmS: number;
  /** Secondary minus primary position, in the primary's RTN frame (km). */
  readonly missRtnKm: Vector3;
  /** Secondary minus primary velocity, in the primary's RTN frame (km/s). */
  readonly relativeVelocityRtnKmS: Vector3;
  readonly primaryState: StateAtTca;
  readonly secondaryState: StateAtTca;
  readonly primaryElementAgeDays: number;
  readonly secondaryElementAgeDays: number;
}

/** What a screening run screens: every pair, or the selected primaries against everything. */
export interface ScreeningParameters {
  readonly fromMs: number;
  readonly toMs: number;
  readonly thresholdKm: number;
  /** Catalog numbers of the primaries; null screens every pair of the catalog once. */
  readonly primaries: readonly number[] | null;
}
