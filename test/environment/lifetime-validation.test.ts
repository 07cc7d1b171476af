import { describe, expect, it } from "vitest";
import { quantile, summariseLifetimeValidation } from "../../src/environment/lifetime-validation.ts";
import type { LifetimeEstimate } from "../../src/orbit/lifetime/estimate-lifetime.ts";
import { loadValidationInputs, maintainedAtAnalysis, runValidationMode, VALIDATION_DEFAULT_FILES } from "../../src/cli/commands/lifetime-validate.ts";
import { SHARED_DATA_DIR, sharedDataFile } from "../support/shared-data.ts";

const DAY = 86_400_000;
const ANALYSIS = Date.UTC(2023, 9, 10);

function estimate(catalogNumber: number, perigeeKm: number, reentryDays: number | null, band: [number | null, number | null] = [null, null]): LifetimeEstimate {
  const at = (days: number | null) => (days === null ? null : ANALYSIS + days * DAY);
  return {
    catalogNumber,
    status: reentryDays === null ? "beyond-horizon" : "reentry",
    analysisMs: ANALYSIS,
    elementEpochMs: ANALYSIS,
    horizonMs: ANALYSIS + 200 * 365.25 * DAY,
    reentryMs: at(reentryDays),
    earliestMs: at(band[0]),
    latestMs: at(band[1]),
    remainingYears: reentryDays === null ? null : reentryDays / 365.25,
    perigeeKm,
    apogeeKm: perigeeKm,
    ballistic: { valueM2Kg: 0.02, source: "mean-motion-derivative", relativeUncertainty: 0.45, observedDecayKmPerDay: -0.1, historySets: null, historySpanDays: null },
    integrationSteps: 1,
  };
}

describe("summariseLifetimeValidation", () => {
  it("scores decays by |predicted − actual| / actual remaining life and survivors by predictions before the truth date", () => {
    // Decay dates are read as noon UTC: 2023-10-19T12Z is 9.5 days after the analysis date.
    const satcat = new Map([
      [1, { objectType: "DEBRIS" as const, decayDate: "2023-10-19" }],
      [2, { objectType: "DEBRIS" as const, decayDate: "2023-10-19" }],
      [3, { objectType: "PAYLOAD" as const, decayDate: null }],
      [4, { objectType: "PAYLOAD" as const, decayDate: "2026-06-01" }],
      [5, { objectType: "ROCKET BODY" as const, decayDate: "2020-01-01" }],
    ]);
    const report = summariseLifetimeValidation({
      estimates: [estimate(1, 250, 9.5 * 1.2, [5, 20]), estimate(2, 350, 9.5 * 0.5, [1, 3]), estimate(3, 450, 100, [50, 900]), estimate(4, 550, null), estimate(5, 150, 1), estimate(6, 500, 1)],
      satcat,
      analysisMs: ANALYSIS,
      truthDate: "2026-01-20",
      maintainedAtAnalysis: new Set([3]),
      laterOutcomesAfter: "2024-12-31",
    });
    expect(report.excluded).toEqual({ notInSatcat: 1, decayedBeforeAnalysis: 1 });
    expect(report.overall.decayed).toBe(2);
    expect(report.overall.medianRelativeError).toBeCloseTo(0.35, 12);
    expect(report.overall.p90RelativeError).toBeCloseTo(0.2 + 0.9 * 0.3, 12);
    expect(report.overall.medianSignedError).toBeCloseTo(-0.15, 12);
    expect(report.overall.withinBand).toBe(0.5);
    expect(report.overall).toMatchObject({ survivors: 2, survivorsWronglyReentered: 1, survivorsWronglyReenteredShare: 0.5, survivorsConfidentlyWrong: 0 });
    // Object 3 (maintained, its natural decay inside the window) leaves the headline population: two decays, one
    // survivor (4), not predicted re-entered.
    expect(report.maintained).toMatchObject({ decayed: 0, survivors: 1, survivorsWronglyReentered: 1 });
    expect(report.unmaintained).toMatchObject({ decayed: 2, survivors: 1, survivorsWronglyReentered: 0, survivorsWronglyReenteredShare: 0 });
    expect(report.byObjectType.map((f) => f.group)).toEqual(["DEBRIS", "PAYLOAD"]);
    expect(report.byPerigeeBand.find((f) => f.group === "<300 km")?.decayed).toBe(1);
    expect(report.byCatalogParity.map((f) => f.decayed + f.survivors)).toEqual([1, 2]);
    // Later outcomes: only object 4 (in orbit at the truth date) is still in orbit after 2024-12-31.
    expect(report.laterOutcomes).toMatchObject({ afterDate: "2024-12-31", decayed: 0, survivors: 1 });
  });

  it("without a maintained set, the headline population is every object", () => {
    const satcat = new Map([[1, { objectType: "PAYLOAD" as const, decayDate: null }]]);
    const report = summariseLifetimeValidation({ estimates: [estimate(1, 400, 30)], satcat, analysisMs: ANALYSIS, truthDate: "2026-01-20" });
    expect(report.maintained).toBeNull();
    expect(report.laterOutcomes).toBeNull();
    expect(report.unmaintained).toMatchObject({ survivors: 1, survivorsWronglyReentered: 1, survivorsWronglyReenteredShare: 1 });
  });

  it("interpolates quantiles between order statistics", () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });
});

const files = [VALIDATION_DEFAULT_FILES.catalog, VALIDATION_DEFAULT_FILES.satcat, VALIDATION_DEFAULT_FILES.spaceWeather].map(sharedDataFile);

describe.skipIf(files.includes(null))("lifetime against real decays (issue 4, point 3), every 8th object of the 2023-10-09 catalog", () => {
  it("hindcast, objects not maintained at the analysis date: median error at most 20 % of the remaining life, survivors predicted re-entered at most 2 %; forecast printed", async () => {
    const inputs = await loadValidationInputs({
      catalog: files[0]!,
      satcat: files[1]!,
      spaceWeather: files[2]!,
      ucs: sharedDataFile(VALIDATION_DEFAULT_FILES.ucs),
    });
    const maintained = maintainedAtAnalysis(inputs, ANALYSIS);
    // Known at the analysis date: the UCS database of 2023-05-01 and the payloads launched between it and 2023-10-10.
    expect(maintained?.basis).toMatch(/^\d+ payloads operating per the UCS Satellite Database of 2023-05-01, and \d+ payloads launched after it/);
    const subset = { ...inputs, elements: inputs.elements.filter((_, i) => i % 8 === 0) };
    expect(inputs.defaultAnalysisMs).toBe(ANALYSIS);
    expect(inputs.truthDate).toBe("2026-01-20");
    for (const mode of ["hindcast", "forecast"] as const) {
      const run = runValidationMode(subset, mode, { analysisMs: ANALYSIS, horizonYears: 200, calibration: null });
      const { unmaintained, overall } = run.report;
      console.log(
        `${mode} (${SHARED_DATA_DIR}, ${run.objects} objects, calibration ${run.calibration}): not maintained: ${unmaintained.decayed} decayed, median |error| ` +
          `${(unmaintained.medianRelativeError! * 100).toFixed(1)} % (limit 20 % in hindcast), p90 ${(unmaintained.p90RelativeError! * 100).toFixed(0)} %; ` +
          `survivors wrongly re-entered ${(unmaintained.survivorsWronglyReenteredShare! * 100).toFixed(2)} % of ${unmaintained.survivors} (limit 2 %); ` +
          `all objects: median ${(overall.medianRelativeError! * 100).toFixed(1)} %, survivors ${(overall.survivorsWronglyReenteredShare! * 100).toFixed(1)} %; ${(run.lifetimeMs / 1000).toFixed(2)} s`,
      );
      expect(unmaintained.decayed).toBeGreaterThan(180);
      if (mode === "hindcast") {
        expect(unmaintained.medianRelativeError!).toBeLessThan(0.2);
        expect(unmaintained.survivorsWronglyReenteredShare!).toBeLessThan(0.02);
      }
      expect(unmaintained.medianRelativeError!).toBeLessThan(0.3);
    }
  });
});
