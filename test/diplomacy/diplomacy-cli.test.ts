import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutreachReport } from "../../src/diplomacy/outreach.service.ts";
import type { InstrumentView } from "../../src/diplomacy/instrument-view.ts";
import type { StateProfile } from "../../src/diplomacy/state-profile.ts";
import type { VoteView } from "../../src/diplomacy/vote-view.ts";
import { DEFAULT_OUTREACH_WEIGHTS_FILE } from "../../src/diplomacy/outreach-weights.ts";
import { runCli } from "../support/run-cli.ts";
import { REAL_FULL_CATALOG, REAL_SATCAT } from "./diplomacy-store-fixture.ts";

/** The real `concord` CLI (SQLite) over the real catalog: state, instrument, votes and outreach. */
describe.skipIf(REAL_SATCAT === null || REAL_FULL_CATALOG === null)("concord state, instrument, votes and outreach (the real CLI)", () => {
  const dir = mkdtempSync(join(tmpdir(), "concord-diplomacy-cli-"));
  const dataDir = join(dir, "store");
  const cli = (...args: string[]) => runCli([...args, "--data-dir", dataDir]);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const ingest = await cli("ingest", REAL_SATCAT!, REAL_FULL_CATALOG!);
    expect(ingest.code).toBe(0);
  }, 180_000);

  it("prints the United States' profile with each commitment's date and source, its conduct and the consistency view", async () => {
    const result = await cli("state", "USA");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const out = result.stdout;
    console.log(out.split("\n").slice(0, 14).join("\n"));
    expect(out).toMatch(/^United States of America \(USA\): UN Member State; Western European and Others Group \(observer\)/);
    expect(out).toMatch(/Artemis Accords\s+signature 2020-10-13\s+2026-04-20\s+https:\/\/spacewatch\.global/);
    expect(out).toMatch(/DA-ASAT test commitment\s+pledge 2022-04-18\s+2023-10-24/);
    expect(out).toMatch(/UNGA res\. 77\/41\s+unknown: the stored roll call/);
    expect(out).toContain("source: SATCAT ingest #1 (");
    expect(out).toMatch(/United States of America \(USA\): 26,663 objects, 16,492 on orbit, 10,171 decayed/);
    expect(out).toMatch(/2006-057\s+USA 193\s+0\s+174\s+2008-02-21/);
    expect(out).toContain("Post-mission-disposal compliance: unknown (post-mission-disposal compliance not yet analysed");
    expect(out).toContain("3 destructive ASAT test(s) on record (1985-09-13, 1986-09-05, 2008-02-21), 0 after the commitment");
  }, 60_000);

  it("prints Russia's profile with the USSR's objects apart, labelled as its predecessor", async () => {
    const result = await cli("state", "RUS");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Union of Soviet Socialist Republics (SUN, predecessor state until 1991-12-26: shown apart): 17,887 objects");
    expect(result.stdout).toMatch(/1982-092\s+COSMOS 1408\s+5\s+1,801\s+2021-11-15/);
  }, 60_000);

  it("gives China's, India's and New Zealand's profiles as JSON with the facts of the curated data and the catalog", async () => {
    // One after another: concurrent processes opening one SQLite store can meet "database is locked" while seeding.
    const profiles: StateProfile[] = [];
    for (const s of ["CHN", "IND", "NZL"]) {
      const result = await cli("state", s, "--json");
      expect(result.stderr).toBe("");
      profiles.push(JSON.parse(result.stdout) as StateProfile);
    }
    const [chn, ind, nzl] = profiles;
    const asat = (p: StateProfile) => p.consistency.find((c) => c.topic === "destructive-asat-tests");
    const fy1c = asat(chn!)?.topic === "destructive-asat-tests" ? asat(chn!)!.tests : [];
    expect(fy1c[0]).toMatchObject({ test: { date: "2007-01-11", debrisLaunches: ["1999-025"] }, catalogDebris: { onOrbit: 2355, total: 3534, asOf: "2026-01-20" } });
    expect(ind!.commitments.find((c) => c.instrument.id === "artemis-accords")!.answer).toMatchObject({ date: "2023-06-21" });
    expect(nzl!.commitments.find((c) => c.instrument.id === "artemis-accords")!.answer).toMatchObject({ date: "2021-05-31" });
    expect(nzl!.conduct.actors[0]!.objects.total).toBe(26);
  }, 60_000);

  it("ranks the top 20 for the Artemis Accords in JSON, each score broken down into its factors", async () => {
    const result = await cli("outreach", "artemis-accords", "--top", "20", "--json");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as OutreachReport;
    expect(report.ranked).toHaveLength(20);
    expect(report.candidateCount).toBe(133);
    const first = report.ranked[0]!;
    console.log(report.ranked.slice(0, 5).map((c) => `${c.rank}. ${c.iso3} ${c.score.toFixed(2)} [${c.factors.map((f) => `${f.factor} ${f.raw ?? "?"}→${f.normalised.toFixed(2)}×${f.weight}=${f.contribution.toFixed(2)}`).join("; ")}]`).join("\n"));
    expect(first.iso3).toBe("CHN");
    expect(Object.keys(first.factors[0]!)).toEqual(["factor", "raw", "rawText", "normalised", "weight", "contribution", "unknown"]);
    expect(report.settingsSource).toBe("data/outreach-weights.json");
  }, 60_000);

  it("re-ranks with another weights file: regional peers weighing 20 put Türkiye first", async () => {
    const weights = JSON.parse(readFileSync(DEFAULT_OUTREACH_WEIGHTS_FILE, "utf8")) as { instruments: Record<string, { weights?: Record<string, number> }> };
    weights.instruments["artemis-accords"]!.weights = { "regional-peers": 20 };
    const file = join(dir, "weights.json");
    writeFileSync(file, JSON.stringify(weights));
    const result = await cli("outreach", "artemis-accords", "--top", "3", "--weights", file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`weights (${file}):`);
    expect(result.stdout).toMatch(/\n1\s+TUR Türkiye/);
  }, 60_000);

  it("shows an instrument's growth and a resolution's votes", async () => {
    const artemis = JSON.parse((await cli("instrument", "artemis-accords", "--json")).stdout) as InstrumentView;
    expect(artemis.participants).toHaveLength(62);
    expect(artemis.growth.years.at(-1)).toMatchObject({ year: 2026, cumulative: 62 });
    const text = await cli("instrument", "artemis-accords");
    expect(text.stdout).toContain("Known to be out: 133");
    const votes = JSON.parse((await cli("votes", "unga-res-77-41", "--json")).stdout) as VoteView;
    expect(votes.known).toMatchObject({ no: 9, abstain: 9 });
    expect(votes.unknownStates).toHaveLength(175);
  }, 60_000);

  it("exits 6 on an unknown state or instrument, naming it and suggesting close matches, and 2 on a usage error", async () => {
    const state = await cli("state", "USX");
    expect(state.code).toBe(6);
    expect(state.stderr).toContain('concord state: no UN member or observer State "USX"');
    expect(state.stderr).toContain("did you mean USA (United States of America)");
    const outreach = await cli("outreach", "artemis");
    expect(outreach.code).toBe(6);
    expect(outreach.stderr).toContain('"artemis"; did you mean artemis-accords (Artemis Accords)?');
    expect((await cli("votes", "ost")).code).toBe(6);
    expect((await cli("state")).code).toBe(2);
    expect((await cli("outreach", "artemis-accords", "--top", "0")).code).toBe(2);
  }, 60_000);
});
