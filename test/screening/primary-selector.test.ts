import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/core/concord-error.ts";
import { formatPrimarySelector, parsePrimarySelector } from "../../src/screening/primary-selector.ts";

describe("--primaries", () => {
  it("reads catalog numbers, actor, owner, type, regime, active and all, and writes them back", () => {
    expect(parsePrimarySelector(undefined)).toEqual({ kind: "all" });
    expect(parsePrimarySelector("48274, 25544,25544")).toEqual({ kind: "numbers", numbers: [25544, 48274] });
    expect(parsePrimarySelector("actor:usa")).toEqual({ kind: "actor", code: "USA" });
    expect(parsePrimarySelector("owner:PRC")).toEqual({ kind: "owner", code: "PRC" });
    expect(parsePrimarySelector("type:r/b")).toEqual({ kind: "type", objectType: "ROCKET BODY" });
    expect(parsePrimarySelector("regime:geo")).toEqual({ kind: "regime", regime: "GEO" });
    expect(parsePrimarySelector("ACTIVE")).toEqual({ kind: "active" });
    for (const text of ["25544,48274", "actor:USA", "owner:PRC", "type:PAYLOAD", "regime:GEO", "active", "all"]) {
      expect(formatPrimarySelector(parsePrimarySelector(text))).toBe(text);
    }
  });

  it("rejects anything else as a usage error naming the flag", () => {
    for (const text of ["type:SPACESHIP", "iss", "25544;48274", "country:US"]) {
      expect(() => parsePrimarySelector(text)).toThrow(InvalidInputError);
    }
    expect(() => parsePrimarySelector("iss")).toThrow(/--primaries/);
  });
});
