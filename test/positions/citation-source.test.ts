import { describe, expect, it } from "vitest";
import { figureSourceLabel, withoutLocalPaths } from "../../src/positions/citation-source.ts";
import { readEvidenceFigure } from "../../src/positions/evidence-figure.ts";

/** Sources as the evidence answers give them (the registry's rows, catalog ingests), with the label a position shows. */
const CASES: readonly (readonly [string, string])[] = [
  ["NASA and US State Department releases (see each act) ; ../shared/data/diplomacy/artemis_accords.csv", "NASA and US State Department releases (see each act); file artemis_accords.csv"],
  ["UN doc A/74/20 annex II (COPUOS report 2019) ; ../shared/data/diplomacy/lts_guidelines.csv", "UN doc A/74/20 annex II (COPUOS report 2019); file lts_guidelines.csv"],
  [
    "SATCAT ingest #1 (/work/shared/data/satcat/spacetrack_satcat_2026-01-20.json.gz, as of 2026-01-20); attribution by Concord's curated tables data/actors.csv and data/owner-codes.csv",
    "SATCAT ingest #1 (file spacetrack_satcat_2026-01-20.json.gz, as of 2026-01-20); attribution by Concord's curated tables data/actors.csv and data/owner-codes.csv",
  ],
  ["read from the file /srv/concord/in.csv.", "read from the file in.csv."],
  ["C:\\Users\\me\\x.csv; file:///home/me/y.json; ~/z.txt; ./a/b.csv; shared/data/diplomacy/fora.csv", "file x.csv; file y.json; file z.txt; file b.csv; file fora.csv"],
  // Left as they are: URLs (even with shared/data in them), repository references, UN symbols, the API's own paths.
  [
    "NASA ODPO (https://orbitaldebris.jsc.nasa.gov/library/hoosf_16e.pdf), as transcribed in hendrikv-dev/orbit-studio:data/fragmentation-causes/nasa-hoosf-16e-causes.csv",
    "NASA ODPO (https://orbitaldebris.jsc.nasa.gov/library/hoosf_16e.pdf), as transcribed in hendrikv-dev/orbit-studio:data/fragmentation-causes/nasa-hoosf-16e-causes.csv",
  ],
  ["S/2024/302 and A/AC.105/C.2/2026/CRP.9/Rev.1 (OST/ARRA/LIAB/REG); GET /api/states/CHN; https://example.org/shared/data/q.csv", "S/2024/302 and A/AC.105/C.2/2026/CRP.9/Rev.1 (OST/ARRA/LIAB/REG); GET /api/states/CHN; https://example.org/shared/data/q.csv"],
];

/** Anything that looks like a path on this machine: a relative or absolute folder path, a home or drive path. */
const MACHINE_PATH = /(^|[\s(;,])(\.{1,2}\/|~\/|\/(?!api\/)[^\s/]+\/|[A-Za-z]:\\|file:\/\/)|shared\/data\/(?!q\.csv)/;

describe("a cited figure's source as a reader sees it", () => {
  it("names local files by their name only and keeps URLs, repository references, UN symbols and API paths", () => {
    for (const [source, label] of CASES) {
      const cleaned = withoutLocalPaths(source);
      expect(cleaned, source).toBe(label);
      expect(withoutLocalPaths(cleaned), "idempotent").toBe(cleaned);
      expect(cleaned.replace(/https?:\/\/\S+/g, ""), "no machine path left").not.toMatch(MACHINE_PATH);
    }
  });

  it("starts with the name of what the date belongs to, from the dated object of the answer", () => {
    const answer = {
      instrument: { id: "artemis-accords", shortName: "Artemis Accords", source: "NASA and US State Department releases (see each act) ; ../shared/data/diplomacy/artemis_accords.csv", asOf: "2026-11-26" },
      growth: { years: [{ year: 2026, cumulative: 62 }] },
    };
    const reading = readEvidenceFigure(answer, "/growth/years/0/cumulative");
    if (!reading.ok) throw new Error(reading.problem);
    expect(reading.figure.asOf).toMatchObject({ asOf: "2026-11-26", dataset: "Artemis Accords", pointer: "/instrument/asOf" });
    expect(figureSourceLabel(reading.figure.asOf)).toBe("Artemis Accords — NASA and US State Department releases (see each act); file artemis_accords.csv");
    // No name (an ingest block), no prefix; a source that already starts with the name, none either; no source, null.
    expect(figureSourceLabel({ asOf: "2026-01-20", source: "/data/satcat.json", pointer: "/asOf", detail: null, dataset: null })).toBe("file satcat.json");
    expect(figureSourceLabel({ asOf: "2026-01-20", source: "Artemis Accords list", pointer: "/asOf", detail: null, dataset: "Artemis Accords" })).toBe("Artemis Accords list");
    expect(figureSourceLabel({ asOf: null, source: null, pointer: null, detail: null, dataset: "Artemis Accords" })).toBeNull();
  });
});
