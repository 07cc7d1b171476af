import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sharedDataFile } from "../support/shared-data.ts";
import { runCli } from "../support/run-cli.ts";

const satcat = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const fullCatalog = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
const active = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");

interface IngestJson {
  ingests: Array<{ source: string; format: string; accepted: number; rejected: number; objectsInserted: number; objectsUpdated: number; elementSetsInserted: number; elementSetsDuplicate: number; dataAsOf: string }>;
}

describe.skipIf(satcat === null || fullCatalog === null || active === null)("concord ingest of the real catalog files", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "concord-cli-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const files = [satcat!, fullCatalog!, active!];

  it("stores the 67,422 SATCAT objects, the objects known only from element sets, and every element set", async () => {
    const result = await runCli(["ingest", "--data-dir", dataDir, "--json", ...files]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const { ingests } = JSON.parse(result.stdout) as IngestJson;
    const [sat, tle, csv] = ingests;
    console.log(ingests.map((i) => `${i.format}: ${i.accepted} accepted, ${i.rejected} rejected, ${i.objectsInserted} new objects, ${i.elementSetsInserted} sets, as of ${i.dataAsOf}`).join("\n"));
    expect(sat).toMatchObject({ format: "satcat-spacetrack-json", accepted: 67_422, rejected: 0, objectsInserted: 67_422, dataAsOf: "2026-01-20" });
    expect(tle).toMatchObject({ format: "tle", accepted: 26_140, rejected: 0, elementSetsInserted: 26_140, dataAsOf: "2023-10-09" });
    expect(csv).toMatchObject({ format: "omm-csv", accepted: 16_344, rejected: 0, elementSetsInserted: 16_344, dataAsOf: "2026-08-18" });
    // Analyst objects (not in the public SATCAT) from 2023, and objects launched after the SATCAT snapshot from 2026.
    expect(tle!.objectsInserted).toBeGreaterThan(200);
    expect(tle!.objectsInserted).toBeLessThan(1_000);
    expect(csv!.objectsInserted).toBeGreaterThan(2_400);
    expect(csv!.objectsInserted).toBeLessThan(2_900);

    const elementOnly = await runCli(["objects", "--data-dir", dataDir, "--json", "--limit", "1", "--search", "2026-"]);
    expect(elementOnly.code).toBe(0);
  });

  it("attributes every on-orbit object to a state, an organisation or the explicit unknown", async () => {
    const stats = await runCli(["stats", "--data-dir", dataDir, "--by", "state", "--status", "on-orbit", "--json"]);
    expect(stats.code).toBe(0);
    const body = JSON.parse(stats.stdout) as { groups: Array<{ key: string | null; kind: string | null; onOrbit: number }>; totals: { onOrbit: number }; asOf: { satcat: { dataAsOf: string } } };
    const onOrbit = await runCli(["objects", "--data-dir", dataDir, "--status", "on-orbit", "--json", "--limit", "1"]);
    const total = (JSON.parse(onOrbit.stdout) as { total: number }).total;
    expect(body.totals.onOrbit).toBe(total);
    expect(total).toBeGreaterThan(32_818);
    for (const group of body.groups) {
      expect(group.key).not.toBeNull();
      expect(["state", "historic-state", "organisation", "company", "unknown"]).toContain(group.kind);
    }
    const byKey = new Map(body.groups.map((g) => [g.key, g.onOrbit]));
    console.log(`on orbit: ${total}; USA ${byKey.get("USA")}, CHN ${byKey.get("CHN")}, SUN ${byKey.get("SUN")}, RUS ${byKey.get("RUS")}, UNKNOWN ${byKey.get("UNKNOWN")}`);
    expect(byKey.get("USA")).toBeGreaterThan(10_000);
    expect(byKey.get("SUN")).toBeGreaterThan(3_000);
    expect(body.asOf.satcat.dataAsOf).toBe("2026-01-20");
  });

  it("propagates the ISS from its stored element set to a sensible altitude", async () => {
    const result = await runCli(["propagate", "25544", "--data-dir", dataDir, "--at", "2026-08-18T12:00:00Z", "--to", "2026-08-18T13:00:00Z", "--step", "600", "--json"]);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { elementSet: { epoch: string; stale: boolean }; states: Array<{ geodetic: { altitudeKm: number } }> };
    expect(body.states).toHaveLength(7);
    expect(body.elementSet.stale).toBe(false);
    for (const s of body.states) {
      expect(s.geodetic.altitudeKm).toBeGreaterThan(370);
      expect(s.geodetic.altitudeKm).toBeLessThan(440);
    }
  });

  it("adds no duplicates when the same three files are ingested again", async () => {
    const result = await runCli(["ingest", "--data-dir", dataDir, "--json", ...files]);
    expect(result.code).toBe(0);
    const { ingests } = JSON.parse(result.stdout) as IngestJson;
    expect(ingests.map((i) => [i.objectsInserted, i.elementSetsInserted])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(ingests[0]!.objectsUpdated).toBe(67_422);
    expect(ingests[1]!.elementSetsDuplicate).toBe(26_140);
    expect(ingests[2]!.elementSetsDuplicate).toBe(16_344);
  });

  it("answers a bad flag with a usage error naming it", async () => {
    const result = await runCli(["stats", "--data-dir", dataDir, "--by", "galaxy"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--by: must be one of state, owner, regime, type, launch-year, got "galaxy"/);
  });
});
