import { describe, expect, it } from "vitest";
import { chooseCalibration, targetScore } from "../../src/environment/lifetime-calibration-search.ts";
import type { ValidationFigures } from "../../src/environment/lifetime-validation.ts";

function figures(median: number | null, survivorsWrong: number | null): ValidationFigures {
  return {
    group: "g",
    decayed: 100,
    medianRelativeError: median,
    p90RelativeError: null,
    medianSignedError: null,
    withinBand: null,
    survivors: 1000,
    survivorsWronglyReentered: survivorsWrong === null ? 0 : Math.round(survivorsWrong * 1000),
    survivorsWronglyReenteredShare: survivorsWrong,
    survivorsConfidentlyWrong: 0,
  };
}

describe("targetScore", () => {
  it("is the larger of median / 20 % and survivors wrong / 2 %, so at most 1 meets both targets", () => {
    expect(targetScore(figures(0.1, 0.01))).toBeCloseTo(0.5, 12);
    expect(targetScore(figures(0.1, 0.03))).toBeCloseTo(1.5, 12);
    expect(targetScore(figures(0.3, 0.0))).toBeCloseTo(1.5, 12);
    expect(targetScore(figures(null, 0.01))).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("chooseCalibration", () => {
  it("picks the lowest fit score, whatever the held-out figures say, and reports whether the held-out figures meet the targets", () => {
    const choice = chooseCalibration([
      { point: { solarResponseFactor: 0.5, singleSetDecayBias: 1.3 }, fit: figures(0.12, 0.015), check: figures(0.14, 0.024) },
      { point: { solarResponseFactor: 0.4, singleSetDecayBias: 1.4 }, fit: figures(0.14, 0.013), check: figures(0.1, 0.005) },
    ]);
    expect(choice.chosen.point).toEqual({ solarResponseFactor: 0.4, singleSetDecayBias: 1.4 });
    expect(choice.fitScore).toBeCloseTo(0.7, 12);
    expect(choice.checkScore).toBeCloseTo(0.5, 12);
    expect(choice.checkMeetsTargets).toBe(true);
    const missed = chooseCalibration([{ point: { solarResponseFactor: 0.5, singleSetDecayBias: 1.3 }, fit: figures(0.1, 0.009), check: figures(0.144, 0.024) }]);
    expect(missed.checkScore).toBeCloseTo(1.2, 12);
    expect(missed.checkMeetsTargets).toBe(false);
    expect(() => chooseCalibration([])).toThrow(RangeError);
  });
});
