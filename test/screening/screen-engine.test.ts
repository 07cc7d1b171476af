import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/core/concord-error.ts";
import { screenCatalog } from "../../src/jobs/screen-catalog.ts";
import type { ScreeningProgress } from "../../src/jobs/screen-catalog.ts";
import { screenCatalogInProcess } from "../../src/screening/screen-in-process.ts";
import { checkInterpolationBound } from "../../src/screening/screen-interpolation-check.ts";
import { DEFAULT_SCREENING_SETTINGS, validateScreening } from "../../src/screening/screen-settings.ts";
import { SliceKernel } from "../../src/screening/slice-kernel.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { denseSubset, readCatalog2023 } from "./screen-subset.ts";

const catalogPath = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
const FROM_MS = Date.UTC(2023, 9, 9);

/** A deterministic pseudo-random sequence (Park–Miller). */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

describe("the slice kernel's box hash grid", () => {
  it("reports every overlapping pair of boxes exactly once, for any cell size", () => {
    const next = random(7);
    const n = 600;
    const lo = new Float64Array(4 * n);
    const hi = new Float64Array(4 * n);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 4; k++) {
        const centre = (next() - 0.5) * (k === 3 ? 200 : 3000) + (k === 3 ? 7000 : 0);
        const half = next() * (k === 3 ? 20 : 250);
        lo[4 * i + k] = centre - half;
        hi[4 * i + k] = centre + half;
      }
    }
    const expected: string[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let overlap = true;
        for (let k = 0; k < 4; k++) overlap &&= lo[4 * i + k]! <= hi[4 * j + k]! && lo[4 * j + k]! <= hi[4 * i + k]!;
        if (overlap) expected.push(`${i}-${j}`);
      }
    }
    const kernel = new SliceKernel();
    for (const [cellKm, radialCellKm] of [[50, 3], [400, 25], [5000, 1000]] as const) {
      expect(kernel.overlappingPairs(lo, hi, n, cellKm, radialCellKm).sort()).toEqual(expected.sort());
    }
    expect(expected.length).toBeGreaterThan(100);
  });
});

describe("the slice kernel's test on the relative cubic", () => {
  it("never discards a slice whose densely sampled relative distance comes within the limit", () => {
    const next = random(11);
    const kernel = new SliceKernel();
    let kept = 0;
    for (let trial = 0; trial < 2500; trial++) {
      const v = () => Float64Array.from({ length: 3 }, () => (next() - 0.5) * 15);
      const d0 = Float64Array.from({ length: 3 }, () => (next() - 0.5) * 600);
      const w0 = v();
      const w1 = v();
      const d1 = Float64Array.from(d0, (x, k) => x + 60 * (w0[k]! + w1[k]!) / 2 + (next() - 0.5) * 10);
      let dense = Infinity;
      for (let q = 0; q <= 6000; q++) {
        const t = q / 6000;
        const h00 = 2 * t ** 3 - 3 * t ** 2 + 1, h10 = t ** 3 - 2 * t ** 2 + t, h01 = -2 * t ** 3 + 3 * t ** 2, h11 = t ** 3 - t ** 2;
        dense = Math.min(dense, Math.hypot(...[0, 1, 2].map((k) => h00 * d0[k]! + h10 * 60 * w0[k]! + h01 * d1[k]! + h11 * 60 * w1[k]!)));
      }
      const out = kernel.relativeMinimum(d0, w0, d1, w1, 60, 40);
      if (dense <= 40) {
        expect(out).not.toBeNull();
        // the branch and bound's distance is a point on the curve (>= the true minimum, which is at most ~0.1 km under
        // the 10 ms sampling's) and within 10 m of the sampled minimum from above
        expect(out?.distanceKm).toBeGreaterThanOrEqual(dense - 0.2);
        expect(out?.distanceKm).toBeLessThanOrEqual(dense + 0.01);
        kept++;
      }
    }
    expect(kept).toBeGreaterThan(12);
  });
});

describe("the guarantee's settings", () => {
  const params = { fromMs: FROM_MS, toMs: FROM_MS + 86_400_000, thresholdKm: 5, primaries: null };
  it("accepts the defaults and refuses settings under which the interpolation bound is not verified", () => {
    expect(() => validateScreening(params, DEFAULT_SCREENING_SETTINGS)).not.toThrow();
    expect(() => validateScreening(params, { ...DEFAULT_SCREENING_SETTINGS, nearStepS: 600, blockS: 7200 })).toThrow(InvalidInputError);
    expect(() => validateScreening(params, { ...DEFAULT_SCREENING_SETTINGS, nearStepS: 290 })).toThrow(/whole number/);
    expect(() => validateScreening(params, { ...DEFAULT_SCREENING_SETTINGS, blockS: 7000 })).toThrow(/whole number/);
    expect(() => validateScreening({ ...params, thresholdKm: 0 }, DEFAULT_SCREENING_SETTINGS)).toThrow(/thresholdKm/);
    expect(() => validateScreening({ ...params, toMs: params.fromMs }, DEFAULT_SCREENING_SETTINGS)).toThrow(/window/);
  });
});

describe.skipIf(catalogPath === null)("the screening engine on the real 2023-10-09 catalog", () => {
  it("keeps every Hermite interpolation error under its bound (every 20th object, 24 h, five points per step)", async () => {
    const catalog = readCatalog2023(catalogPath ?? "").filter((_, i) => i % 20 === 0);
    const checks = await checkInterpolationBound(catalog, FROM_MS, FROM_MS + 86_400_000, DEFAULT_SCREENING_SETTINGS);
    for (const [name, check] of Object.entries(checks)) {
      console.log(
        `interpolation ${name}: ${check.objects} objects, ${check.comparisons} comparisons, largest error ${(check.maxErrorKm * 1000).toFixed(1)} m ` +
          `(${check.maxErrorCatalogNumber}), largest error/bound ${check.maxRatio.toFixed(3)} (${check.maxRatioCatalogNumber}), limit 1`,
      );
      expect(check.exceedances).toBe(0);
      expect(check.maxRatio).toBeLessThanOrEqual(1);
    }
  }, 60_000);

  it("gives the same events on two worker threads as in process, reporting progress up to the whole window", async () => {
    const subset = denseSubset(readCatalog2023(catalogPath ?? ""), 400, 100, 20);
    const params = { fromMs: FROM_MS, toMs: FROM_MS + 8 * 3_600_000, thresholdKm: 5, primaries: null };
    const progress: ScreeningProgress[] = [];
    const pooled = await screenCatalog(subset, params, { threads: 2, onProgress: (p) => progress.push(p) });
    const alone = await screenCatalogInProcess(subset, params);
    expect(pooled.events).toEqual(alone.events);
    expect(pooled.stats.threads).toBe(2);
    expect(progress.at(-1)?.fractionDone).toBe(1);
    expect(progress.map((p) => p.fractionDone)).toEqual([...progress.map((p) => p.fractionDone)].sort((a, b) => a - b));
    expect(pooled.stats.guarantee).toMatch(/5 km/);
  }, 60_000);

  it("stops its workers and rejects with a CANCELLED error when the signal aborts", async () => {
    const subset = denseSubset(readCatalog2023(catalogPath ?? ""), 400, 100, 20);
    const controller = new AbortController();
    const started = performance.now();
    const run = screenCatalog(subset, { fromMs: FROM_MS, toMs: FROM_MS + 7 * 86_400_000, thresholdKm: 5, primaries: null }, {
      threads: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: "CANCELLED" });
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
