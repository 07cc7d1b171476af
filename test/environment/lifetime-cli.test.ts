import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const swAll = sharedDataFile("space-weather/SW-All.csv");
const history = sharedDataFile("tle-history/04006_tle_history_1969-2000.txt");
const MS_PER_YEAR = 365.25 * 86_400_000;

interface LifetimeJson {
  catalogNumber: number;
  analysisDate: string;
  model: string;
  calibration: { name: string };
  elementSet: { epoch: string; stale: boolean; format: string; source: string; setsInStore: number };
  spaceWeather: { source: string; sha256: string; observedTo: string; used: { mode: string; observedThrough: string; predictedRows: unknown; meanCycle: { from: string } } };
  lifetime: { status: string; reentry: string; earliest: string; latest: string; remainingYears: number; ballisticCoefficient: { source: string; historySets: number } };
}

describe.skipIf(!swAll || !history)("concord ingest of SW-All.csv and concord lifetime from the store", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "concord-lifetime-"));
  const bareDir = mkdtempSync(join(tmpdir(), "concord-lifetime-bare-"));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
  });

  it("ingests the space-weather file beside an element-set file, each with its provenance", async () => {
    const result = await runCli(["ingest", "--data-dir", dataDir, "--json", history!, swAll!]);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { ingests: Array<{ format: string; accepted: number }>; spaceWeather: Array<{ format: string; accepted: number; rejected: number; sha256: string; dataAsOf: string; coverage: { firstObserved: string } }> };
    expect(body.ingests).toMatchObject([{ format: "tle", accepted: 6904 }]);
    expect(body.spaceWeather).toMatchObject([{ format: "space-weather-csv", accepted: 25_371, rejected: 0, dataAsOf: "2026-08-06", coverage: { firstObserved: "1957-10-01" } }]);
    expect(body.spaceWeather[0]!.sha256).toBe(createHash("sha256").update(readFileSync(swAll!)).digest("hex"));
    const sources = await runCli(["sources", "--data-dir", dataDir, "--json"]);
    expect((JSON.parse(sources.stdout) as { ingests: Array<{ format: string }> }).ingests.map((i) => i.format).sort()).toEqual(["space-weather-csv", "tle"]);
  });

  it("predicts NORAD 4006's June 2000 re-entry from its sets up to 1998, citing the analysis date, element set and space weather", async () => {
    const result = await runCli(["lifetime", "4006", "--data-dir", dataDir, "--at", "1998-01-01T00:00:00Z", "--mode", "hindcast", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as LifetimeJson;
    const actualYears = (Date.parse("2000-06-10T12:00:00Z") - Date.parse("1998-01-01T00:00:00Z")) / MS_PER_YEAR;
    const error = (body.lifetime.remainingYears - actualYears) / actualYears;
    console.log(`concord lifetime 4006 --at 1998-01-01: re-entry ${body.lifetime.reentry} (band ${body.lifetime.earliest} to ${body.lifetime.latest}), actual 2000-06-10, error ${(error * 100).toFixed(1)} %`);
    expect(Math.abs(error)).toBeLessThan(0.25);
    expect(body).toMatchObject({ catalogNumber: 4006, analysisDate: "1998-01-01T00:00:00.000Z", calibration: { name: "none" } });
    expect(body.elementSet.epoch < "1998-01-01").toBe(true);
    expect(body.elementSet).toMatchObject({ format: "tle", stale: false, setsInStore: 6904 });
    expect(body.elementSet.source).toBe(history);
    expect(body.lifetime.ballisticCoefficient.source).toBe("element-history");
    expect(body.spaceWeather).toMatchObject({ source: swAll, observedTo: "2026-08-06", used: { mode: "hindcast", observedThrough: "2026-08-06" } });
    expect(body.lifetime.earliest <= body.lifetime.reentry && body.lifetime.reentry <= body.lifetime.latest).toBe(true);
  });

  it("in forecast mode (the default) uses indices only up to --at", async () => {
    const result = await runCli(["lifetime", "4006", "--data-dir", dataDir, "--at", "1998-01-01T00:00:00Z", "--json"]);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as LifetimeJson;
    expect(body.spaceWeather.used).toMatchObject({ mode: "forecast", observedThrough: "1998-01-01", predictedRows: null });
    expect(body.spaceWeather.used.meanCycle.from).toBe("1998-01-02");
    const text = await runCli(["lifetime", "4006", "--data-dir", dataDir, "--at", "1998-01-01T00:00:00Z"]);
    expect(text.stdout).toContain("Re-entry: ");
    expect(text.stdout).toContain("Space weather: ingest #");
  });

  it("answers not found (exit 6) without an element set at --at, an object, or a space-weather ingest", async () => {
    const early = await runCli(["lifetime", "4006", "--data-dir", dataDir, "--at", "1960-01-01T00:00:00Z"]);
    expect(early.code).toBe(6);
    expect(early.stderr).toContain("no element set of 4006 at or before 1960-01-01");
    expect((await runCli(["lifetime", "99999", "--data-dir", dataDir, "--at", "1998-01-01T00:00:00Z"])).code).toBe(6);
    expect((await runCli(["ingest", "--data-dir", bareDir, history!])).code).toBe(0);
    const bare = await runCli(["lifetime", "4006", "--data-dir", bareDir, "--at", "1998-01-01T00:00:00Z"]);
    expect(bare.code).toBe(6);
    expect(bare.stderr).toContain("no space-weather ingest");
    expect((await runCli(["lifetime", "x4006", "--data-dir", dataDir])).code).toBe(2);
  });
});
