import type { ValidationFigures } from "./lifetime-validation.ts";

/**
 * Choosing the lifetime model's calibration (lifetime-calibration.ts) from real decays, and checking the choice on
 * outcomes the choice did not see. Pure: the caller scores each grid point (lifetime-validation.ts) and hands the
 * figures in.
 *
 * The criterion is the two targets at once: a point's score is the larger of (median error / 20 %) and
 * (share of survivors predicted re-entered / 2 %); the lowest score wins, and a score at most 1 meets both targets.
 */
export const MEDIAN_ERROR_TARGET = 0.2;
export const SURVIVORS_WRONG_TARGET = 0.02;

export interface CalibrationPoint {
  readonly solarResponseFactor: number;
  readonly singleSetDecayBias: number;
}

export interface ScoredPoint {
  readonly point: CalibrationPoint;
  /** The figures the choice may see. */
  readonly fit: ValidationFigures;
  /** The figures it may not: held-out objects or later outcomes. */
  readonly check: ValidationFigures;
}

export interface CalibrationChoice {
  readonly chosen: ScoredPoint;
  readonly fitScore: number;
  readonly checkScore: number;
  /** Whether the held-out figures meet both targets. */
  readonly checkMeetsTargets: boolean;
}

/** max(median / 20 %, survivors wrong / 2 %); Infinity when either figure is missing. */
export function targetScore(figures: ValidationFigures): number {
  if (figures.medianRelativeError === null || figures.survivorsWronglyReenteredShare === null) return Number.POSITIVE_INFINITY;
  return Math.max(figures.medianRelativeError / MEDIAN_ERROR_TARGET, figures.survivorsWronglyReenteredShare / SURVIVORS_WRONG_TARGET);
}

/** The point with the lowest fit score (ties: the first), with its held-out score. */
export function chooseCalibration(points: readonly ScoredPoint[]): CalibrationChoice {
  let best: ScoredPoint | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const point of points) {
    const score = targetScore(point.fit);
    if (best === undefined || score < bestScore) {
      best = point;
      bestScore = score;
    }
  }
  if (best === undefined) throw new RangeError("chooseCalibration: no grid points");
  const checkScore = targetScore(best.check);
  return { chosen: best, fitScore: bestScore, checkScore, checkMeetsTargets: checkScore <= 1 };
}
