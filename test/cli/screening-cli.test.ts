import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCdmKvn } from "../../src/screening/cdm-kvn-parse.ts";
import { parseCdmXml } from "../../src/screening/cdm-xml-parse.ts";
import type { ConjunctionEventJson } from "../../src/screening/conjunction-event-json.ts";
import type { RunSummaryJson } from "../../src/screening/screening-run-summary.ts";
import type { ExposureMatrix } from "../../src/screening/exposure-matrix.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { runCli } from "../support/run-cli.ts";

const satcat = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const fengyun = sharedDataFile("gp/debris/fengyun-1c-debris_2025-02-15.txt");
const active = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");

/**
 * The real active payloads between about 650 and 1,000 km (mean motion 13.9 to 14.7 rev/day: 464 of the 16,344,
 * 74 of them Iridium NEXT), the shell of the Fengyun 1C debris cloud. Written to a temporary file, never to the repo.
 */
function writeActiveSubset(path: string, source: string): number {
  const lines = readFileSync(source, "utf8").split(/\r?\n/).filter((line) => line !== "");
  const header = lines[0]!.split(",");
  const meanMotion = header.indexOf("MEAN_MOTION");
  const rows = lines.slice(1).filter((line) => {
    const n = Number(line.split(",")[meanMotion]);
    return n >= 13.9 && n <= 14.7;
  });
  writeFileSync(path, `${[lines[0], ...rows].join("\n")}\n`);
  return rows.length;
}

// The active set is as of 2026-08-18 (epochs to 2026-08-20T20:18); a run uses what was known at its start, so the
// window starts after the newest epoch. The FY-1C sets are then 18 months old: the run must say they are stale.
const FROM = "2026-08-21T00:00:00.000Z";

describe.skipIf(satcat === null || fengyun === null || active === null)("concord screen, conjunctions, cdm and exposure on real data", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "concord-screen-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const cli = (...args: string[]) => runCli([...args, "--data-dir", dataDir]);
  let subsetCount = 0;
  let activeIngest: { activeSet: boolean; accepted: number; dataAsOf: string };
  let screen: { code: number | null; stdout: string; stderr: string };
  let run: RunSummaryJson;

  beforeAll(async () => {
    const subset = join(dataDir, "active-650-1000km.csv");
    subsetCount = writeActiveSubset(subset, active!);
    const base = await cli("ingest", satcat!, fengyun!);
    expect(base.code, base.stderr).toBe(0);
    const marked = await cli("ingest", subset, "--active-set", "--json");
    expect(marked.code, marked.stderr).toBe(0);
    activeIngest = (JSON.parse(marked.stdout) as { ingests: (typeof activeIngest)[] }).ingests[0]!;
    screen = await cli("screen", "--from", FROM, "--days", "1", "--threshold-km", "20", "--json");
    if (screen.code === 0) run = (JSON.parse(screen.stdout) as { run: RunSummaryJson }).run;
  }, 300_000);

  it("marks an ingest given --active-set as the active set", () => {
    expect(subsetCount).toBe(464);
    expect(activeIngest).toMatchObject({ activeSet: true, accepted: 464 });
  });

  it("stores a run with its window, threshold, element-set snapshot, active set and guarantee", () => {
    expect(screen.code, screen.stderr).toBe(0);
    console.log(`run #${run.id}: ${run.elementSets.objects} objects, ${run.eventsCount} events in ${run.durationMs} ms; ${run.warnings.join(" | ")}`);
    expect(run.window).toEqual({ from: FROM, to: "2026-08-22T00:00:00.000Z", days: 1 });
    expect(run.thresholdKm).toBe(20);
    expect(run.primaries.selector).toBe("all");
    expect(run.elementSets.objects).toBeGreaterThan(464);
    expect(run.elementSets.epochMax! <= FROM).toBe(true);
    expect(run.elementSets.epochMin!.startsWith("2025-")).toBe(true);
    expect(run.elementSets.maxAgeDaysAtStart).toBeGreaterThan(500);
    expect(run.warnings.some((w) => /more than 14 days old/.test(w))).toBe(true);
    expect(run.activeSet.asOf).toBe(activeIngest.dataAsOf);
    expect(run.guarantee.length).toBeGreaterThan(20);
    expect(run.eventsCount).toBeGreaterThan(0);
  });

  it("lists the newest run's events closest first, each within the threshold and the window, filtered by actor and miss", async () => {
    const all = await cli("conjunctions", "--json", "--limit", "100000");
    expect(all.code, all.stderr).toBe(0);
    const body = JSON.parse(all.stdout) as { run: RunSummaryJson; total: number; items: ConjunctionEventJson[] };
    expect(body.run.id).toBe(run.id);
    expect(body.total).toBe(run.eventsCount);
    const misses = body.items.map((e) => e.missDistanceKm);
    expect(misses).toEqual([...misses].sort((a, b) => a - b));
    for (const e of body.items) {
      expect(e.missDistanceKm).toBeLessThanOrEqual(20);
      expect(e.tca >= FROM && e.tca <= "2026-08-22T00:00:00.000Z").toBe(true);
      expect(e.tca).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Math.hypot(...e.missRtnKm)).toBeCloseTo(e.missDistanceKm, 6);
    }
    const chinese = JSON.parse((await cli("conjunctions", "--json", "--actor", "chn", "--limit", "100000")).stdout) as { items: ConjunctionEventJson[] };
    expect(chinese.items.length).toBeGreaterThan(0);
    expect(chinese.items.every((e) => e.primary.actorCode === "CHN" || e.secondary.actorCode === "CHN")).toBe(true);
    const close = JSON.parse((await cli("conjunctions", "--json", "--max-miss-km", "5")).stdout) as { total: number };
    expect(close.total).toBe(misses.filter((m) => m <= 5).length);
  });

  it("writes an event as a CDM in KVN and XML that our reader parses back to the same TCA, miss and objects", async () => {
    const first = (JSON.parse((await cli("conjunctions", "--json", "--limit", "1")).stdout) as { items: ConjunctionEventJson[] }).items[0]!;
    for (const format of ["kvn", "xml"] as const) {
      const out = await cli("cdm", String(first.id), "--format", format);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stderr).toContain(`screening run #${run.id}`);
      const { cdm } = format === "kvn" ? parseCdmKvn(out.stdout, "stdout") : parseCdmXml(out.stdout, "stdout");
      expect(cdm.relative.tcaMs).toBeCloseTo(Math.round(first.tcaMs), -1);
      expect(cdm.relative.missDistanceM).toBeCloseTo(first.missDistanceKm * 1000, 0);
      expect(cdm.object1.metadata.objectDesignator).toBe(String(first.primary.catalogNumber));
      expect(cdm.object2.metadata.objectDesignator).toBe(String(first.secondary.catalogNumber));
    }
  });

  it("attributes the Fengyun 1C debris to CHN and names its parent in the exposure matrix", async () => {
    const out = await cli("exposure", "--json");
    expect(out.code, out.stderr).toBe(0);
    const body = JSON.parse(out.stdout) as ExposureMatrix & { run: RunSummaryJson; activeDefinition: string };
    expect(body.run.id).toBe(run.id);
    expect(body.actors).toContain("CHN");
    expect(body.totals.events).toBe(run.eventsCount);
    const parents = body.debrisExposure.flatMap((d) => d.parents.map((p) => ({ actor: d.actor, ...p })));
    console.log(body.debrisExposure.map((d) => `${d.actor}: ${d.byOtherActorsDebris}/${d.activeApproaches}`).join(", "));
    expect(parents.length).toBeGreaterThan(0);
    for (const p of parents) {
      expect(p).toMatchObject({ launchDesignator: "1999-025", name: "FENGYUN 1C", catalogNumber: 25730, actorCode: "CHN" });
      expect(p.actor).not.toBe("CHN");
    }
    const text = await cli("exposure");
    expect(text.stdout).toContain("1999-025 FENGYUN 1C [CHN]");
    expect(text.stdout).toContain(`Active set: ingest #`);
  });

  it("answers usage errors with exit 2 and a missing run or event with exit 6", async () => {
    expect((await cli("screen", "--threshold-km", "abc")).code).toBe(2);
    expect((await cli("screen", "--primaries", "type:SPACESHIP")).code).toBe(2);
    expect((await cli("conjunctions", "--run", "999999")).code).toBe(6);
    expect((await cli("cdm", "999999999", "--format", "kvn")).code).toBe(6);
    expect((await cli("cdm", "1", "--format", "pdf")).code).toBe(2);
  });
});
