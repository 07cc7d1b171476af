import { describe, expect, it } from "vitest";
import { conjunctionShareOf } from "../../src/diplomacy/conjunction-share.ts";
import { computeExposureMatrix } from "../../src/screening/exposure-matrix.ts";
import type { ExposureEvent, ExposureObject } from "../../src/screening/exposure-matrix.ts";

let next = 1;
const object = (actorCode: string, objectType: string, active = false): ExposureObject => ({
  catalogNumber: next++,
  actorCode,
  objectType,
  internationalDesignator: objectType === "DEBRIS" ? "1999-025XYZ" : null,
  active,
});
const event = (eventId: number, primary: ExposureObject, secondary: ExposureObject): ExposureEvent => ({ eventId, missDistanceKm: eventId, pc: null, primary, secondary });

// A's active payload meets B's debris twice; A's debris meets C's active payload; A meets itself; B meets C.
const events = [
  event(1, object("AAA", "PAYLOAD", true), object("BBB", "DEBRIS")),
  event(2, object("BBB", "DEBRIS"), object("AAA", "PAYLOAD", true)),
  event(3, object("AAA", "DEBRIS"), object("CCC", "PAYLOAD", true)),
  event(4, object("AAA", "ROCKET BODY"), object("AAA", "DEBRIS")),
  event(5, object("BBB", "PAYLOAD"), object("CCC", "ROCKET BODY")),
];
const matrix = computeExposureMatrix(events, new Map());

describe("an actor's share in a run's conjunctions", () => {
  it("counts the events with its objects, those with other actors' objects, and their share of the run", () => {
    expect(conjunctionShareOf(matrix, "AAA")).toEqual({
      actorCode: "AAA",
      runEvents: 5,
      events: 4,
      withOtherActors: 3,
      shareOfRun: 0.6,
      counterparts: [
        { actorCode: "BBB", events: 2 },
        { actorCode: "CCC", events: 1 },
      ],
      activeApproaches: 2,
      byOtherActorsDebris: 2,
      othersActiveApproachedByItsDebris: 1,
    });
  });

  it("gives zeros for an actor absent from the run, and for a run without events", () => {
    expect(conjunctionShareOf(matrix, "ZZZ")).toMatchObject({ events: 0, withOtherActors: 0, shareOfRun: 0, counterparts: [], activeApproaches: 0 });
    expect(conjunctionShareOf(computeExposureMatrix([], new Map()), "AAA")).toMatchObject({ runEvents: 0, shareOfRun: 0 });
  });

  it("is symmetric between two actors: A's events with B equal B's events with A", () => {
    const aWithB = conjunctionShareOf(matrix, "AAA").counterparts.find((c) => c.actorCode === "BBB")!.events;
    const bWithA = conjunctionShareOf(matrix, "BBB").counterparts.find((c) => c.actorCode === "AAA")!.events;
    expect(aWithB).toBe(bWithA);
  });
});
