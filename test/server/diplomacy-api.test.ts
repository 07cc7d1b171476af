import type { z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { createApp } from "../../src/server/app.ts";
import type { ErrorResponseSchema } from "../../src/server/schemas/common.schemas.ts";
import type { InstrumentListSchema, InstrumentViewSchema, OutreachReportSchema, StateDirectorySchema, StateProfileSchema, VoteViewSchema } from "../../src/server/schemas/diplomacy.schemas.ts";
import { REAL_SATCAT, ingestRealFiles, openDiplomacyContext } from "../diplomacy/diplomacy-store-fixture.ts";
import { testDatabases } from "../support/test-databases.ts";
import { jsonOf } from "./server-fixtures.ts";

type ErrorBody = z.infer<typeof ErrorResponseSchema>;

describe.skipIf(REAL_SATCAT === null).each(testDatabases())("the diplomacy HTTP API over the real SATCAT on %s", (target) => {
  let context: ConcordContext;
  let app: ReturnType<typeof createApp>;
  const get = (path: string) => app.request(path);

  beforeAll(async () => {
    context = await openDiplomacyContext(target);
    await ingestRealFiles(context, [REAL_SATCAT!]);
    app = createApp(context, { log: () => {} });
  }, 240_000);
  afterAll(async () => {
    await context?.close();
  });

  it("GET /api/states/{state} gives China's profile with the Fengyun-1C debris beside its commitments", async () => {
    const response = await get("/api/states/CHN");
    expect(response.status).toBe(200);
    const body = await jsonOf<z.infer<typeof StateProfileSchema>>(response);
    expect(body.state).toMatchObject({ iso3: "CHN", regionalGroup: "asia-pacific" });
    expect(body.commitments.find((c) => c.instrument.id === "unga-res-77-41")!.answer).toMatchObject({ status: "known", value: "no" });
    const asat = body.consistency.find((c) => c.topic === "destructive-asat-tests");
    expect(asat?.topic === "destructive-asat-tests" && asat.tests[0]!.catalogDebris).toMatchObject({ onOrbit: 2355, asOf: "2026-01-20" });
    expect(body.conduct.catalog.asOf).toBe("2026-01-20");
    expect(body.conduct.conjunctions.status).toBe("unknown");
  });

  it("GET /api/states/{state} takes a lower-case code or an English name", async () => {
    const byName = await jsonOf<z.infer<typeof StateProfileSchema>>(await get("/api/states/New%20Zealand"));
    expect(byName.state.iso3).toBe("NZL");
    expect((await get("/api/states/nzl")).status).toBe(200);
  });

  it("answers an unknown state with 404, naming it and suggesting close matches", async () => {
    const response = await get("/api/states/NZE");
    expect(response.status).toBe(404);
    const body = await jsonOf<ErrorBody>(response);
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.message).toMatch(/"NZE".*did you mean NZL \(New Zealand\)/);
  });

  it("GET /api/instruments/{id} gives who is in since when and the growth per year", async () => {
    const body = await jsonOf<z.infer<typeof InstrumentViewSchema>>(await get("/api/instruments/artemis-accords"));
    expect(body.participants).toHaveLength(62);
    expect(body.participants.find((p) => p.party === "NZL")!.participation.act).toMatchObject({ kind: "signature", date: "2021-05-31" });
    expect(body.growth.years.at(-1)).toMatchObject({ year: 2026, cumulative: 62 });
    expect(body.knownOut).toHaveLength(133);
    expect(body.votes).toBeNull();
  });

  it("GET /api/votes/{id} gives who voted how, and 404 for an instrument that is not voted on", async () => {
    const body = await jsonOf<z.infer<typeof VoteViewSchema>>(await get("/api/votes/unga-res-77-41"));
    expect(body.recorded).toEqual({ yes: 155, no: 9, abstain: 9, nonVoting: 20 });
    expect(body.votes.find((v) => v.vote === "abstain")!.states.map((s) => s.iso3)).toContain("IND");
    const wrong = await get("/api/votes/ost");
    expect(wrong.status).toBe(404);
    expect((await jsonOf<ErrorBody>(wrong)).error.message).toContain("not a recorded vote");
  });

  it("GET /api/outreach/{id}?top=N ranks the states not yet committed, each score broken down into its factors", async () => {
    const body = await jsonOf<z.infer<typeof OutreachReportSchema>>(await get("/api/outreach/artemis-accords?top=5"));
    expect(body.ranked.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(body.ranked[0]!.iso3).toBe("CHN");
    expect(body.candidateCount).toBe(133);
    for (const c of body.ranked) expect(c.score).toBeCloseTo(c.factors.reduce((s, f) => s + f.contribution, 0), 5);
    expect(body.settingsSource).toBe("data/outreach-weights.json");
  });

  it("answers a bad top with 400 naming the parameter, and an instrument states do not join with 404", async () => {
    const bad = await get("/api/outreach/artemis-accords?top=0");
    expect(bad.status).toBe(400);
    expect((await jsonOf<ErrorBody>(bad)).error.field).toBe("top");
    expect((await get("/api/outreach/lts-guidelines")).status).toBe(404);
  });

  it("GET /api/states lists every state with its group, objects on orbit and standing under each instrument (unknown is not no)", async () => {
    const body = await jsonOf<z.infer<typeof StateDirectorySchema>>(await get("/api/states"));
    expect(body.states).toHaveLength(195);
    const column = (id: string) => body.instruments.findIndex((i) => i.id === id);
    const usa = body.states.find((s) => s.iso3 === "USA")!;
    expect(usa).toMatchObject({ name: "United States of America", unStatus: "member", regionalGroup: "weog" });
    expect(usa.onOrbitObjects).toBeGreaterThan(5000);
    expect(usa.standings[column("artemis-accords")]).toBe("participant");
    // The stored roll call of 77/41 lists the 9 no and 9 abstain votes only: a yes is unknown, not no.
    expect(usa.standings[column("unga-res-77-41")]).toBe("unknown");
    expect(body.states.find((s) => s.iso3 === "CHN")!.standings[column("unga-res-77-41")]).toBe("no");
    expect(body.states.filter((s) => s.standings[column("artemis-accords")] === "participant")).toHaveLength(62);
    expect(body.states.filter((s) => s.standings[column("unga-res-77-41")] === "abstain")).toHaveLength(9);
    expect(body.catalogAsOf).toBe("2026-01-20");
  });

  it("GET /api/instruments lists the registry's instruments", async () => {
    const body = await jsonOf<z.infer<typeof InstrumentListSchema>>(await get("/api/instruments"));
    expect(body.items.map((i) => i.id)).toEqual(expect.arrayContaining(["ost", "artemis-accords", "da-asat-test-commitment", "unga-res-77-41"]));
  });

  it("GET /api/outreach/{id}?weights= overrides the configured weights for one request, and the order follows", async () => {
    const configured = await jsonOf<z.infer<typeof OutreachReportSchema>>(await get("/api/outreach/artemis-accords?top=1000"));
    const only = await jsonOf<z.infer<typeof OutreachReportSchema>>(
      await get("/api/outreach/artemis-accords?top=1000&weights=space-objects:0,active-satellites:0,recent-launches:0,copuos-member:0,related-commitments:0,related-votes:0,regional-peers:5"),
    );
    expect(only.settings.weights).toMatchObject({ "space-objects": 0, "regional-peers": 5 });
    expect(only.maxScore).toBe(5);
    for (const c of only.ranked) expect(c.score).toBeCloseTo(c.factors.find((f) => f.factor === "regional-peers")!.contribution, 6);
    const scores = only.ranked.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(only.ranked.map((c) => c.iso3)).not.toEqual(configured.ranked.map((c) => c.iso3));
    const partial = await jsonOf<z.infer<typeof OutreachReportSchema>>(await get("/api/outreach/artemis-accords?top=1&weights=copuos-member:4"));
    expect(partial.settings.weights).toMatchObject({ "copuos-member": 4, "space-objects": configured.settings.weights["space-objects"] });
    for (const bad of ["nonsense:1", "space-objects:-1", "space-objects", "space-objects:2000"]) {
      const response = await get(`/api/outreach/artemis-accords?weights=${bad}`);
      expect(response.status, bad).toBe(400);
      expect((await jsonOf<ErrorBody>(response)).error.field, bad).toBe("weights");
    }
  });

  it("describes the four endpoints in the OpenAPI document", async () => {
    const doc = await jsonOf<{ paths: Record<string, unknown> }>(await get("/openapi.json"));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/states", "/api/states/{state}", "/api/instruments", "/api/instruments/{id}", "/api/votes/{id}", "/api/outreach/{id}"]));
  });
});
