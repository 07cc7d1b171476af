import { describe, expect, it } from "vitest";
import { DebrisMitigationReferenceError, loadDebrisMitigationReferences, parseDebrisMitigationReferences } from "../../src/environment/debris-mitigation-references.ts";

const HEADER = "id,publisher,population,measure,basis,rule,period,low_percent,high_percent,source,as_of,note";

describe("the published debris-mitigation adherence figures (data/debris-mitigation-references.csv)", () => {
  it("holds ESA's and the IADC's LEO and GEO ranges, each with a source and an as-of date", () => {
    const rows = loadDebrisMitigationReferences();
    expect(rows.map((r) => r.id)).toContain("esa-leo-payload-mass-25y");
    expect(rows.find((r) => r.id === "esa-leo-payload-mass-25y")).toMatchObject({ basis: "mass", rule: "25y", low: 0.4, high: 0.7, asOf: "2025-03-31" });
    expect(rows.find((r) => r.id === "iadc-leo-stages-25y")).toMatchObject({ basis: "count", low: 0.7, high: 0.95 });
    for (const row of rows) {
      expect(row.source.length).toBeGreaterThan(20);
      expect(row.low).toBeLessThanOrEqual(row.high);
    }
  });

  it("names the line and field of a bad row", () => {
    const bad = `${HEADER}\nx,ESA,LEO payloads,share,count,25y,2015-2024,80,40,"a source long enough",2025-03-31,\n`;
    expect(() => parseDebrisMitigationReferences(bad, "refs.csv")).toThrow(DebrisMitigationReferenceError);
    expect(() => parseDebrisMitigationReferences(bad, "refs.csv")).toThrow("refs.csv:2 low_percent: low_percent must not exceed high_percent");
    const wrongRule = `${HEADER}\nx,ESA,LEO payloads,share,count,10y,2015-2024,40,80,"a source long enough",2025-03-31,\n`;
    expect(() => parseDebrisMitigationReferences(wrongRule, "refs.csv")).toThrow(/refs\.csv:2 rule:/);
  });
});
