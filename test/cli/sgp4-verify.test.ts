import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sharedDataFile } from "../support/shared-data.ts";
import { runCli } from "../support/run-cli.ts";

const verTle = sharedDataFile("sgp4/SGP4-VER.TLE");

interface VerifyJson {
  passed: boolean;
  maxPositionErrorKm: number;
  maxVelocityErrorKmS: number;
  positionLimitKm: number;
  velocityLimitKmS: number;
  cases: Array<{ satnum: string; passed: boolean; stop: { expectedErrorCode: number; actualErrorCode: number } | null }>;
}

describe.skipIf(verTle === null)("concord sgp4-verify", () => {
  const dir = dirname(verTle!);
  const tampered = mkdtempSync(join(tmpdir(), "concord-sgp4-"));
  afterAll(() => rmSync(tampered, { recursive: true, force: true }));

  it("passes every case of SGP4-VER.TLE within 1e-6 km and 1e-8 km/s, and the stopping cases stop with the expected error", async () => {
    const result = await runCli(["sgp4-verify", "--dir", dir, "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as VerifyJson;
    console.log(`sgp4-verify: ${report.cases.length} cases, max |Δr| ${report.maxPositionErrorKm.toExponential(3)} km (limit ${report.positionLimitKm}), max |Δv| ${report.maxVelocityErrorKmS.toExponential(3)} km/s (limit ${report.velocityLimitKmS})`);
    expect(report.passed).toBe(true);
    expect(report.cases).toHaveLength(33);
    expect(report.maxPositionErrorKm).toBeLessThan(1e-6);
    expect(report.maxVelocityErrorKmS).toBeLessThan(1e-8);
    const stops = report.cases.filter((c) => c.stop !== null);
    expect(stops.map((c) => c.satnum)).toEqual(["22312", "28350", "28872", "29141", "33333", "33334", "20413"]);
    for (const c of stops) expect(c.stop!.actualErrorCode).toBe(c.stop!.expectedErrorCode);
  });

  it("exits 5 when the reference disagrees by more than the limit", async () => {
    writeFileSync(join(tampered, "SGP4-VER.TLE"), readFileSync(verTle!));
    const reference = readFileSync(join(dir, "tcppver.out"), "utf8").split("\n");
    const i = reference.findIndex((line) => /^\s+360\.0+\s/.test(line));
    const fields = reference[i]!.trim().split(/\s+/);
    fields[1] = (Number(fields[1]) + 2e-6).toFixed(8);
    reference[i] = `  ${fields.join("  ")}`;
    writeFileSync(join(tampered, "tcppver.out"), reference.join("\n"));
    const result = await runCli(["sgp4-verify", "--dir", tampered]);
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAILED: 33 cases/);
  });

  it("exits 6 naming the files when they are missing", async () => {
    const result = await runCli(["sgp4-verify", "--dir", join(tampered, "nowhere")]);
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/SGP4-VER\.TLE and tcppver\.out not found/);
  });
});
