import type { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { ingestSpaceWeather } from "../../src/environment/space-weather-ingest.service.ts";
import { readEvidenceFigure } from "../../src/positions/evidence-figure.ts";
import type { EvidenceFigure } from "../../src/positions/evidence-figure.ts";
import type { EvidenceResolver } from "../../src/positions/evidence-resolver.ts";
import { parseJsonPointer } from "../../src/positions/json-pointer.ts";
import { createApp } from "../../src/server/app.ts";
import { inProcessEvidenceResolver } from "../../src/server/evidence-resolver.ts";
import { readFileSource } from "../../src/sources/read-file-source.ts";
import type { components } from "../../web/src/api/openapi-types.ts";
import { catalogTotalFigure, commitmentStandingFigure, complianceShareFigure, evidencePath, instrumentParticipantsFigure, jsonPointer } from "../../web/src/components/cite-figures.ts";
import type { CitableFigure, ComplianceShare } from "../../web/src/components/cite-figures.ts";
import { ingestFiles, openTemporaryContext } from "../server/server-fixtures.ts";
import { sharedDataFile } from "../support/shared-data.ts";

type Schemas = components["schemas"];

const SATCAT = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const ELEMENT_SETS = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
const SPACE_WEATHER = sharedDataFile("space-weather/SW-All.csv");

/**
 * Reads a page's figure the way the positions service will when it is cited: through the in-process evidence resolver
 * (public evidence routes only, as a signed-out client) and readEvidenceFigure with the figure's pointer and as-of pointer.
 */
async function readCited(resolve: EvidenceResolver, figure: CitableFigure): Promise<EvidenceFigure> {
  const lookup = await resolve(figure.apiPath);
  if (!lookup.ok) throw new Error(`${figure.apiPath}: ${lookup.problem}`);
  const reading = readEvidenceFigure(lookup.body, figure.pointer, figure.asOfPointer ?? null);
  if (!reading.ok) throw new Error(`${figure.apiPath} ${figure.pointer}: ${reading.problem}`);
  return reading.figure;
}

describe("JSON pointers and evidence paths of the pages' Cite buttons", () => {
  it("escapes ~ as ~0 and / as ~1 inside a token, writes indices as digits, and round-trips through the server's parser", () => {
    expect(jsonPointer([])).toBe("");
    expect(jsonPointer(["growth", "years", 6, "cumulative"])).toBe("/growth/years/6/cumulative");
    expect(jsonPointer(["a/b", "m~n", "~/"])).toBe("/a~1b/m~0n/~0~1");
    expect(jsonPointer(["leo", "all", 1, "compliantShare"])).toBe("/leo/all/1/compliantShare");
    for (const tokens of [["a/b", "m~n", "0"], ["", " "], ["ROCKET BODY", "~01"]]) expect(parseJsonPointer(jsonPointer(tokens))).toEqual(tokens);
  });

  it("keeps the query in the page's order, leaves undefined parameters out and encodes reserved characters", () => {
    expect(evidencePath("/api/stats")).toBe("/api/stats");
    expect(evidencePath("/api/stats", { by: "state", status: "all" })).toBe("/api/stats?by=state&status=all");
    expect(evidencePath("/api/compliance", { rule: "25y", by: "type", at: undefined })).toBe("/api/compliance?rule=25y&by=type");
    expect(evidencePath("/api/compliance", { rule: "5y", by: "state", at: "2026-01-20T12:00:00.000Z" })).toBe("/api/compliance?rule=5y&by=state&at=2026-01-20T12%3A00%3A00.000Z");
    expect(evidencePath("/api/x", { q: "a b&c=d" })).toBe("/api/x?q=a+b%26c%3Dd");
  });
});

describe("each Cite button's pointer names the value its page shows, in the real API's answer", () => {
  let context: ConcordContext;
  let dispose: () => Promise<void>;
  let app: OpenAPIHono;
  let resolve: EvidenceResolver;
  const get = async <T>(path: string): Promise<T> => {
    const response = await app.request(path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    ({ context, dispose } = await openTemporaryContext());
    app = createApp(context, { log: () => {} }) as unknown as OpenAPIHono;
    resolve = inProcessEvidenceResolver(app);
  });

  afterAll(async () => {
    await dispose?.();
  });

  it("an instrument: the growth curve's last cumulative count, dated by the coverage date the page shows (every instrument with a dated act)", async () => {
    const list = await get<{ items: { id: string }[] }>("/api/instruments");
    let checked = 0;
    for (const { id } of list.items) {
      const view = await get<Schemas["InstrumentView"]>(`/api/instruments/${id}`);
      const figure = instrumentParticipantsFigure(view);
      const last = view.growth.years.at(-1);
      if (last === undefined) {
        expect(figure, id).toBeNull();
        continue;
      }
      const cited = await readCited(resolve, figure as CitableFigure);
      expect(cited.value, id).toBe(last.cumulative);
      expect(cited.valueText, id).toBe(figure?.shown);
      expect(cited.asOf.asOf, id).toBe(view.instrument.coverageAsOf ?? view.instrument.asOf);
      checked += 1;
    }
    const artemis = instrumentParticipantsFigure(await get<Schemas["InstrumentView"]>("/api/instruments/artemis-accords")) as CitableFigure;
    const artemisCited = await readCited(resolve, artemis);
    console.log(`instruments: ${checked} of ${list.items.length} have a citable participant count; Artemis Accords ${artemis.pointer} = ${artemisCited.valueText} as of ${artemisCited.asOf.asOf} (${artemis.asOfPointer})`);
    expect(artemis).toMatchObject({ label: "Artemis Accords: participants", apiPath: "/api/instruments/artemis-accords", asOfPointer: "/instrument/coverageAsOf" });
    expect(artemisCited.value).toBeGreaterThanOrEqual(62);
    expect(checked).toBeGreaterThan(3);
  });

  it("a state: each known standing under an instrument (the commitments table's Standing), dated by its answer; none for unknown or not-applicable ones", async () => {
    for (const iso3 of ["CHN", "USA", "AFG"]) {
      const profile = await get<Schemas["StateProfile"]>(`/api/states/${iso3}`);
      let known = 0;
      for (const [index, commitment] of profile.commitments.entries()) {
        const figure = commitmentStandingFigure(profile, index, (v) => `shown:${v}`);
        if (commitment.answer.status !== "known") {
          expect(figure, `${iso3} ${commitment.instrument.id}`).toBeNull();
          continue;
        }
        const cited = await readCited(resolve, figure as CitableFigure);
        expect(cited.value).toBe(commitment.answer.value);
        expect(figure?.shown).toBe(`shown:${commitment.answer.value}`);
        expect(cited.asOf.asOf).toBe(commitment.answer.asOf);
        expect(cited.asOf.source).toBe(commitment.answer.source);
        known += 1;
      }
      console.log(`${iso3}: ${known} of ${profile.commitments.length} standings citable`);
      expect(known).toBeGreaterThan(5);
    }
    const chn = await get<Schemas["StateProfile"]>("/api/states/CHN");
    expect(commitmentStandingFigure(chn, 0)).toMatchObject({ label: `${chn.state.name}: standing under the Outer Space Treaty`, apiPath: "/api/states/CHN", pointer: "/commitments/0/answer/value", shown: "participant" });
    expect(commitmentStandingFigure(chn, chn.commitments.length)).toBeNull();
  });

  it("the catalog totals offer nothing to cite before a SATCAT is ingested", async () => {
    const stats = await get<Schemas["Stats"]>("/api/stats?by=state&status=all");
    expect(stats.asOf.satcat).toBeNull();
    expect(catalogTotalFigure(stats, "onOrbit")).toBeNull();
  });

  it.skipIf(!SATCAT || !ELEMENT_SETS || !SPACE_WEATHER)(
    "after a real catalog ingest: the overview's totals (dated by the SATCAT) and the debris page's compliant shares (at the page's analysis date), each equal to the page's figure",
    async () => {
      await ingestFiles(context, [SATCAT as string, ELEMENT_SETS as string]);
      await ingestSpaceWeather(context.database.db, [await readFileSource(SPACE_WEATHER as string)], { strict: false });

      for (const by of ["state", "type"] as const) {
        const stats = await get<Schemas["Stats"]>(`/api/stats?by=${by}&status=all`);
        for (const total of ["onOrbit", "decayed"] as const) {
          const figure = catalogTotalFigure(stats, total, (n) => n.toLocaleString("en-US")) as CitableFigure;
          expect(figure.apiPath).toBe(`/api/stats?by=${by}&status=all`);
          const cited = await readCited(resolve, figure);
          expect(cited.value).toBe(stats.totals[total]);
          expect(cited.asOf.asOf).toBe(stats.asOf.satcat?.dataAsOf);
          if (by === "state") console.log(`catalog ${figure.pointer} = ${cited.valueText} (shown ${figure.shown}) as of ${cited.asOf.asOf}`);
        }
      }

      const report = await get<Schemas["ComplianceResult"]>("/api/compliance?rule=25y&by=state");
      const shares: [ComplianceShare, number | null | undefined][] = [
        [{ place: "totals" }, report.totals.compliantShare],
        [{ place: "all", type: "PAYLOAD" }, report.leo.all.find((r) => r.key === "PAYLOAD")?.compliantShare],
        [{ place: "all", type: "ROCKET BODY" }, report.leo.all.find((r) => r.key === "ROCKET BODY")?.compliantShare],
        [{ place: "launchedLastDecade", type: "PAYLOAD" }, report.leo.launchedLastDecade.find((r) => r.key === "PAYLOAD")?.compliantShare],
        [{ place: "launchedLastDecade", type: "ROCKET BODY" }, report.leo.launchedLastDecade.find((r) => r.key === "ROCKET BODY")?.compliantShare],
      ];
      for (const [share, shown] of shares) {
        const figure = complianceShareFigure(report, share, "what", (v) => `${(v * 100).toFixed(1)} %`) as CitableFigure;
        expect(figure.apiPath).toBe(evidencePath("/api/compliance", { rule: "25y", by: "state", at: report.analysisDate }));
        const cited = await readCited(resolve, figure);
        expect(typeof shown).toBe("number");
        expect(cited.value).toBe(shown);
        expect(cited.asOf.asOf).toBe(report.analysisDate);
        console.log(`compliance ${figure.pointer} = ${cited.valueText} (shown ${figure.shown}) at ${cited.asOf.asOf}`);
      }
      expect(complianceShareFigure(report, { place: "all", type: "DEBRIS" }, "debris")).toBeNull();
      expect(complianceShareFigure({ ...report, totals: { ...report.totals, compliantShare: null } }, { place: "totals" }, "nothing")).toBeNull();
    },
    300_000,
  );
});
