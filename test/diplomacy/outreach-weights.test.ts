import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/core/concord-error.ts";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { isVotedInstrument } from "../../src/diplomacy/instrument.ts";
import { isJoinableInstrument } from "../../src/diplomacy/outreach.service.ts";
import { DEFAULT_OUTREACH_WEIGHTS_FILE, OUTREACH_FACTORS, loadOutreachConfig, outreachSettingsFor, parseOutreachConfig } from "../../src/diplomacy/outreach-weights.ts";

const registry = loadDiplomacyRegistry("2026-11-26");
const config = loadOutreachConfig();

const minimal = (override: object = {}) =>
  JSON.stringify({
    default: {
      weights: Object.fromEntries(OUTREACH_FACTORS.map((f) => [f, 1])),
      relatedCommitments: ["ost"],
      relatedVotes: [],
      voteValues: { yes: 1, abstain: 0.5, no: 0, absent: 0.5, "non-voting": 0.5, unknown: 0.5 },
      recentLaunchYears: 5,
    },
    instruments: {},
    ...override,
  });

describe("the outreach weights (data/outreach-weights.json)", () => {
  it("are valid, document every factor, and name only related instruments of the right kind", () => {
    expect(config.source).toBe("data/outreach-weights.json");
    const documented = (JSON.parse(readFileSync(DEFAULT_OUTREACH_WEIGHTS_FILE, "utf8")) as { factors: Record<string, string> }).factors;
    expect(Object.keys(documented)).toEqual([...OUTREACH_FACTORS]);
    for (const id of ["default", ...Object.keys(config.instruments)]) {
      const settings = id === "default" ? config.default : outreachSettingsFor(config, id);
      if (id !== "default") expect(isJoinableInstrument(registry.instruments.get(id)!)).toBe(true);
      for (const related of settings.relatedCommitments) expect(isJoinableInstrument(registry.instruments.get(related)!)).toBe(true);
      for (const related of settings.relatedVotes) expect(isVotedInstrument(registry.instruments.get(related)!.kind)).toBe(true);
      console.log(`${id}: ${Object.entries(settings.weights).map(([f, w]) => `${f} ${w}`).join(", ")}; commitments ${settings.relatedCommitments.join(" ")}; votes ${settings.relatedVotes.join(" ") || "none"}`);
    }
  });

  it("merge an instrument's override over the default, weight by weight", () => {
    const asat = outreachSettingsFor(config, "da-asat-test-commitment");
    expect(asat.weights["related-votes"]).toBe(3);
    expect(asat.weights["space-objects"]).toBe(config.default.weights["space-objects"]);
    expect(asat.relatedVotes).toEqual(["unga-res-77-41", "unga-c1-77-l62"]);
    expect(outreachSettingsFor(config, "ost")).toEqual(config.default);
  });

  it("reject an unknown factor, naming the file and the key", () => {
    const text = minimal({ instruments: { ost: { weights: { "space-junk": 2 } } } });
    expect(() => parseOutreachConfig(text, "w.json")).toThrow(InvalidInputError);
    expect(() => parseOutreachConfig(text, "w.json")).toThrow(/^w\.json: instruments\.ost\.weights: .*space-junk/);
  });

  it("reject a negative weight and a text that is not JSON", () => {
    const negative = JSON.parse(minimal()) as { default: { weights: Record<string, number> } };
    negative.default.weights["copuos-member"] = -1;
    expect(() => parseOutreachConfig(JSON.stringify(negative), "w.json")).toThrow(/default\.weights\.copuos-member: must be 0 or more/);
    expect(() => parseOutreachConfig("{ weights", "w.json")).toThrow(/^w\.json: not JSON/);
    expect(parseOutreachConfig(minimal(), "w.json").default.weights["regional-peers"]).toBe(1);
  });
});
