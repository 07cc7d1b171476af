import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const catalog = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
const satcat = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const swAll = sharedDataFile("space-weather/SW-All.csv");
const AT = "2023-10-10T00:00:00Z";

describe.skipIf(!catalog || !satcat || !swAll)("concord compliance, fragmentations and environment on a real store", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "concord-env-cli-"));
  beforeAll(async () => {
    // Fengyun-1C and Cosmos 1408 debris and everything launched 2000-2009 with piece A or B (3LE of the 2023 catalog).
    const lines = readFileSync(catalog!, "utf8").split(/\r?\n/);
    const out: string[] = [];
    for (let i = 0; i + 2 < lines.length; i += 3) {
      const id = lines[i + 1]!.slice(9, 17).trim();
      if (/^(99025|82092)/.test(id) || /^0\d{4}[AB]$/.test(id)) out.push(lines[i]!, lines[i + 1]!, lines[i + 2]!);
    }
    const subset = join(dataDir, "subset.txt");
    writeFileSync(subset, `${out.join("\n")}\n`);
    const ingest = await runCli(["ingest", "--data-dir", dataDir, satcat!, subset, swAll!]);
    expect(ingest.code).toBe(0);
  }, 240_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("concord compliance prints the table with the sources, and --json carries the analysis date and rule", async () => {
    const text = await runCli(["compliance", "--data-dir", dataDir, "--at", AT, "--rule", "5y", "--by", "regime"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("5-year rule");
    expect(text.stdout).toContain("every payload is treated as ended");
    expect(text.stdout).toContain("space weather ingest #");
    const json = JSON.parse((await runCli(["compliance", "--data-dir", dataDir, "--at", AT, "--json"])).stdout) as { analysisDate: string; rule: { years: number }; totals: { assessed: number } };
    expect(json).toMatchObject({ analysisDate: "2023-10-10T00:00:00.000Z", rule: { years: 25 } });
    expect(json.totals.assessed).toBeGreaterThan(0);
    expect((await runCli(["compliance", "--data-dir", dataDir, "--rule", "10y"])).code).toBe(2);
  });

  it("concord fragmentations lists Fengyun-1C with its ASAT flag; concord environment and concord state USA answer", async () => {
    const frag = await runCli(["fragmentations", "--data-dir", dataDir, "--at", AT]);
    expect(frag.code).toBe(0);
    expect(frag.stdout).toMatch(/Fengyun-1C \(destructive ASAT test\).*2007-01-11.*CHN \(confirmed\).*3,534/);
    const env = await runCli(["environment", "--data-dir", dataDir, "--at", AT, "--by", "type"]);
    expect(env.code).toBe(0);
    expect(env.stdout).toContain("Share of the LEO population");
    const state = await runCli(["state", "USA", "--data-dir", dataDir]);
    expect(state.code).toBe(0);
    expect(state.stdout).toMatch(/Post-mission-disposal compliance: \d+\.\d% of \d+ \(25-year rule/);
  }, 60_000);
});
