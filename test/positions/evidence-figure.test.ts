import { describe, expect, it } from "vitest";
import { compareCitedFigure } from "../../src/positions/citation-freshness.ts";
import { readEvidenceFigure } from "../../src/positions/evidence-figure.ts";
import type { EvidenceFigure } from "../../src/positions/evidence-figure.ts";
import { evidencePathProblem } from "../../src/positions/evidence-resolver.ts";
import { formatJsonPointer, parseJsonPointer, resolveJsonPointerPath } from "../../src/positions/json-pointer.ts";

/** Shapes of the real evidence answers, trimmed (see src/server/schemas/*.schemas.ts). */
const satcatRef = (ingestId: number, dataAsOf: string) => ({ ingestId, source: `satcat-${ingestId}.json`, sourceKind: "file", format: "satcat-spacetrack-json", retrievedAt: `${dataAsOf}T10:00:00Z`, dataAsOf, epochMin: null, epochMedian: null, epochMax: null });
const stats = (onOrbit: number, ingestId: number, dataAsOf: string) => ({ by: "state", totals: { total: 100, onOrbit, decayed: 100 - onOrbit }, groups: [], asOf: { satcat: satcatRef(ingestId, dataAsOf), elementSets: null } });
const stateProfile = {
  state: { iso3: "NZL", name: "New Zealand", source: "UN member states list", asOf: "2025-01-01" },
  commitments: [{ instrument: { id: "artemis-accords", coverage: "complete", coverageAsOf: "2026-01-26" }, answer: { status: "known", value: "participant", source: "NASA Artemis Accords signatories", asOf: "2026-01-26" } }],
  conduct: { catalog: { ingested: true, source: "SATCAT ingest #3", asOf: "2026-01-20" }, actors: [{ actorCode: "NZL", objects: { total: 30, onOrbit: 20, decayed: 10 } }] },
};
const outreach = { catalog: { source: "SATCAT", asOf: "2026-01-20" }, ranked: [{ iso3: "CHN", standing: "not-participant", standingSource: "NASA list", standingAsOf: "2026-01-26", evidence: { onOrbitObjects: 900 } }] };
const environment = { sources: { analysisDate: "2026-11-26", satcat: satcatRef(3, "2026-01-20"), spaceWeather: { ingestId: 4, source: "sw.csv" } }, totals: { objects: 42 } };

function figureOf(body: unknown, pointer: string, asOfPointer: string | null = null): EvidenceFigure {
  const reading = readEvidenceFigure(body, pointer, asOfPointer);
  if (!reading.ok) throw new Error(reading.problem);
  return reading.figure;
}

describe("JSON pointers (RFC 6901)", () => {
  it("parses and formats tokens with ~0 and ~1 escapes", () => {
    expect(parseJsonPointer("/a~1b/~0c/0")).toEqual(["a/b", "~c", "0"]);
    expect(formatJsonPointer(["a/b", "~c", "0"])).toBe("/a~1b/~0c/0");
    expect(parseJsonPointer("")).toEqual([]);
    expect(parseJsonPointer("a/b")).toBeNull();
    expect(parseJsonPointer("/a~2")).toBeNull();
  });

  it("walks objects and arrays, and leads nowhere past the end, through a scalar or with a bad index", () => {
    const doc = { a: [{ b: 1 }, { b: 2 }] };
    expect(resolveJsonPointerPath(doc, ["a", "1", "b"])?.at(-1)).toBe(2);
    expect(resolveJsonPointerPath(doc, ["a", "2", "b"])).toBeNull();
    expect(resolveJsonPointerPath(doc, ["a", "01"])).toBeNull();
    expect(resolveJsonPointerPath(doc, ["a", "-"])).toBeNull();
    expect(resolveJsonPointerPath(doc, ["a", "0", "b", "c"])).toBeNull();
    expect(resolveJsonPointerPath(doc, ["toString"])).toBeNull();
  });
});

describe("reading a cited figure and its as-of date", () => {
  it("dates a catalog count by the answer's asOf ingest block: its newest dataAsOf and its sources", () => {
    const figure = figureOf(stats(1234, 3, "2026-01-20"), "/totals/onOrbit");
    expect(figure).toMatchObject({ value: 1234, valueText: "1234", valueNumber: 1234 });
    expect(figure.asOf).toMatchObject({ asOf: "2026-01-20", source: "satcat-3.json", pointer: "/asOf" });
  });

  it("dates a standing by the source and asOf on its own object", () => {
    const figure = figureOf(stateProfile, "/commitments/0/answer/value");
    expect(figure).toMatchObject({ value: "participant", valueNumber: null });
    expect(figure.asOf).toMatchObject({ asOf: "2026-01-26", source: "NASA Artemis Accords signatories", pointer: "/commitments/0/answer/asOf" });
  });

  it("dates a figure by its own <key>AsOf first (coverage, standing)", () => {
    expect(figureOf(stateProfile, "/commitments/0/instrument/coverage").asOf.pointer).toBe("/commitments/0/instrument/coverageAsOf");
    expect(figureOf(outreach, "/ranked/0/standing").asOf).toMatchObject({ asOf: "2026-01-26", source: "NASA list", pointer: "/ranked/0/standingAsOf" });
  });

  it("finds a dated child block on the way up (a state's conduct is dated by conduct.catalog)", () => {
    expect(figureOf(stateProfile, "/conduct/actors/0/objects/onOrbit").asOf).toMatchObject({ asOf: "2026-01-20", source: "SATCAT ingest #3", pointer: "/conduct/catalog/asOf" });
    expect(figureOf(outreach, "/ranked/0/evidence/onOrbitObjects").asOf.pointer).toBe("/catalog/asOf");
  });

  it("dates an environment figure by sources.analysisDate", () => {
    expect(figureOf(environment, "/totals/objects").asOf).toMatchObject({ asOf: "2026-11-26", source: "satcat-3.json; sw.csv", pointer: "/sources/analysisDate" });
  });

  it("takes an explicit asOfPointer over the rule, and says undated where nothing is dated", () => {
    expect(figureOf(outreach, "/ranked/0/evidence/onOrbitObjects", "/ranked/0/standingAsOf").asOf.asOf).toBe("2026-01-26");
    expect(figureOf({ n: 3 }, "/n").asOf).toEqual({ asOf: null, source: null, pointer: null, detail: null, dataset: null });
  });

  it("re-reads a figure at its stored as-of pointer exactly as the rule found it (so an unchanged answer is unchanged)", () => {
    const cases: [unknown, string][] = [
      [stats(5, 3, "2026-01-20"), "/totals/onOrbit"],
      [stateProfile, "/commitments/0/answer/value"],
      [stateProfile, "/commitments/0/instrument/coverage"],
      [stateProfile, "/conduct/actors/0/objects/onOrbit"],
      [outreach, "/ranked/0/standing"],
      [environment, "/totals/objects"],
    ];
    for (const [body, pointer] of cases) {
      const found = figureOf(body, pointer);
      expect(figureOf(body, pointer, found.asOf.pointer), pointer).toEqual(found);
    }
  });

  it("refuses what is not one figure: an object, a list, null, a missing key, a bad pointer", () => {
    expect(readEvidenceFigure(stateProfile, "/commitments")).toMatchObject({ ok: false, field: "pointer", problem: expect.stringMatching(/a list/) as unknown });
    expect(readEvidenceFigure(stateProfile, "/state")).toMatchObject({ ok: false, problem: expect.stringMatching(/an object/) as unknown });
    expect(readEvidenceFigure({ n: null }, "/n")).toMatchObject({ ok: false, problem: expect.stringMatching(/null \(unknown\)/) as unknown });
    expect(readEvidenceFigure(stateProfile, "/state/capital")).toMatchObject({ ok: false, problem: 'the answer has no value at "/state/capital"' });
    expect(readEvidenceFigure(stateProfile, "state")).toMatchObject({ ok: false, field: "pointer" });
    expect(readEvidenceFigure(stateProfile, "/state/iso3", "/state/name")).toMatchObject({ ok: true });
    expect(readEvidenceFigure(stateProfile, "/state/iso3", "/nowhere")).toMatchObject({ ok: false, field: "asOfPointer" });
  });
});

describe("citation freshness", () => {
  const cited = (body: unknown, pointer: string) => {
    const f = figureOf(body, pointer);
    return { value: f.value, asOf: f.asOf.asOf, source: f.asOf.source, asOfDetail: f.asOf.detail };
  };
  const check = (was: ReturnType<typeof cited>, body: unknown, pointer: string) => compareCitedFigure(was, { ok: true, body }, readEvidenceFigure(body, pointer));

  it("is unchanged when the same answer is read again", () => {
    const result = check(cited(stats(1234, 3, "2026-01-20"), "/totals/onOrbit"), stats(1234, 3, "2026-01-20"), "/totals/onOrbit");
    expect(result).toMatchObject({ status: "unchanged", valueChanged: false, asOfChanged: false, newerValueExists: false, problem: null });
  });

  it("shows a newer value with the current value and date beside the cited one", () => {
    const result = check(cited(stats(1234, 3, "2026-01-20"), "/totals/onOrbit"), stats(1250, 5, "2026-02-20"), "/totals/onOrbit");
    expect(result).toMatchObject({ status: "newer", valueChanged: true, asOfChanged: true, newerValueExists: true });
    expect(result.current).toMatchObject({ value: 1250, asOf: "2026-02-20" });
  });

  it("counts a re-statement of the same value from a newer ingest as newer (the as-of moved on)", () => {
    const result = check(cited(stats(1234, 3, "2026-01-20"), "/totals/onOrbit"), stats(1234, 4, "2026-01-20"), "/totals/onOrbit");
    expect(result).toMatchObject({ valueChanged: false, asOfChanged: true, newerValueExists: true });
  });

  it("says unavailable, not unchanged, when the route fails or the pointer leads nowhere now", () => {
    const was = cited(stats(1234, 3, "2026-01-20"), "/totals/onOrbit");
    expect(compareCitedFigure(was, { ok: false, reason: "failed", problem: "GET /api/x answered 404" }, null)).toMatchObject({ status: "unavailable", current: null, newerValueExists: false, problem: "GET /api/x answered 404" });
    expect(check(was, { totals: {} }, "/totals/onOrbit")).toMatchObject({ status: "unavailable", problem: 'the answer has no value at "/totals/onOrbit"' });
  });
});

describe("evidence API paths", () => {
  it("accepts /api/ paths with a query and refuses other shapes", () => {
    expect(evidencePathProblem("/api/states/CHN")).toBeNull();
    expect(evidencePathProblem("/api/stats?by=regime&status=on-orbit")).toBeNull();
    for (const bad of ["api/states", "/web/index.html", "http://evil.example/api/x", "/api/../api/users", "/api/states//CHN", "/api/states/CHN#x", "/api/a b", "/api/%2e%2e/users", "/api/x\u0000"]) {
      expect(evidencePathProblem(bad), bad).not.toBeNull();
    }
  });
});
