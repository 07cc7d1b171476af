import { describe, expect, it } from "vitest";
import { launchDesignatorOf } from "../../src/catalog/fragmentation-parent.ts";
import { computeExposureMatrix } from "../../src/screening/exposure-matrix.ts";
import type { ExposureEvent, ExposureObject, FragmentationParent } from "../../src/screening/exposure-matrix.ts";

const object = (catalogNumber: number, actorCode: string | null, objectType: string, internationalDesignator: string, active = false): ExposureObject => ({
  catalogNumber,
  actorCode,
  objectType,
  internationalDesignator,
  active,
});

// A USA active payload and a USA inactive one, a CHN active payload, FY-1C (CHN) debris, Cosmos 2251 (RUS) debris,
// and Iridium 33 debris (USA: the USA's own debris).
const U1 = object(90001, "USA", "PAYLOAD", "2020-001A", true);
const U2 = object(90002, "USA", "PAYLOAD", "2010-001A", false);
const C2 = object(90003, "CHN", "PAYLOAD", "2018-010A", true);
const F1 = object(29001, "CHN", "DEBRIS", "1999-025ABC");
const F2 = object(29002, "CHN", "DEBRIS", "1999-025DEF");
const K1 = object(33001, "RUS", "DEBRIS", "1993-036XY");
const D1 = object(33002, "USA", "DEBRIS", "1997-051C");

const event = (eventId: number, primary: ExposureObject, secondary: ExposureObject, missDistanceKm: number, pc: number | null): ExposureEvent => ({
  eventId,
  primary,
  secondary,
  missDistanceKm,
  pc,
});

const EVENTS = [
  event(1, U1, F1, 1.0, 1e-5),
  event(2, F2, U1, 0.5, null),
  event(3, U1, K1, 2.0, 2e-6),
  event(4, U1, D1, 3.0, null),
  event(5, U2, F1, 4.0, 1e-7),
  event(6, C2, F1, 0.8, null),
  event(7, U1, C2, 5.0, 3e-6),
];

const PARENTS = new Map<string, FragmentationParent>([
  ["1999-025", { launchDesignator: "1999-025", name: "FENGYUN 1C", catalogNumber: 25730, actorCode: "CHN" }],
  ["1993-036", { launchDesignator: "1993-036", name: "COSMOS 2251", catalogNumber: 22675, actorCode: "RUS" }],
]);

describe("launchDesignatorOf", () => {
  it("takes the launch part of a COSPAR designator, in OMM and TLE forms", () => {
    expect(launchDesignatorOf("1999-025ABC")).toBe("1999-025");
    expect(launchDesignatorOf("1999-025A")).toBe("1999-025");
    expect(launchDesignatorOf("99025ABC")).toBe("1999-025");
    expect(launchDesignatorOf("21035B")).toBe("2021-035");
    expect(launchDesignatorOf("not a designator")).toBeNull();
    expect(launchDesignatorOf(null)).toBeNull();
  });
});

describe("the exposure matrix of a hand-built run", () => {
  const matrix = computeExposureMatrix(EVENTS, PARENTS);
  const cell = (row: string, column: string) => matrix.cells.find((c) => c.rowActor === row && c.columnActor === column);

  it("lists every actor with an object in an event", () => {
    expect(matrix.actors).toEqual(["CHN", "RUS", "USA"]);
  });

  it("counts events between two actors in both cells, with the closest miss and the summed Pc", () => {
    for (const [row, column] of [["USA", "CHN"], ["CHN", "USA"]] as const) {
      const c = cell(row, column)!;
      expect(c.events).toBe(4);
      expect(c.closestMissKm).toBe(0.5);
      expect(c.sumPc).toBeCloseTo(1.31e-5, 15);
      expect(c.eventsWithPc).toBe(3);
    }
    expect(cell("USA", "RUS")).toMatchObject({ events: 1, closestMissKm: 2.0, sumPc: 2e-6, eventsWithPc: 1 });
    expect(cell("RUS", "RUS")).toBeUndefined();
  });

  it("counts an event within one actor once, on the diagonal", () => {
    expect(cell("USA", "USA")).toMatchObject({ events: 1, closestMissKm: 3.0, sumPc: 0, eventsWithPc: 0 });
    expect(cell("CHN", "CHN")?.byClass).toEqual([{ rowClass: "active-payload", columnClass: "debris", events: 1, closestMissKm: 0.8, sumPc: 0, eventsWithPc: 0 }]);
  });

  it("splits a cell by object class, payloads by whether they are active", () => {
    expect(cell("USA", "CHN")?.byClass).toEqual([
      { rowClass: "active-payload", columnClass: "active-payload", events: 1, closestMissKm: 5.0, sumPc: 3e-6, eventsWithPc: 1 },
      { rowClass: "active-payload", columnClass: "debris", events: 2, closestMissKm: 0.5, sumPc: 1e-5, eventsWithPc: 1 },
      { rowClass: "inactive-payload", columnClass: "debris", events: 1, closestMissKm: 4.0, sumPc: 1e-7, eventsWithPc: 1 },
    ]);
    expect(cell("CHN", "USA")?.byClass.map((c) => `${c.rowClass}>${c.columnClass}:${c.events}`)).toEqual([
      "active-payload>active-payload:1",
      "debris>active-payload:2",
      "debris>inactive-payload:1",
    ]);
  });

  it("gives the share of each actor's active-satellite approaches caused by other actors' debris, naming the parent fragmentations", () => {
    expect(matrix.debrisExposure).toEqual([
      { actor: "CHN", activeApproaches: 2, byOtherActorsDebris: 0, share: 0, parents: [] },
      {
        actor: "USA",
        activeApproaches: 5,
        byOtherActorsDebris: 3,
        share: 0.6,
        parents: [
          { launchDesignator: "1999-025", name: "FENGYUN 1C", catalogNumber: 25730, actorCode: "CHN", approaches: 2, closestMissKm: 0.5 },
          { launchDesignator: "1993-036", name: "COSMOS 2251", catalogNumber: 22675, actorCode: "RUS", approaches: 1, closestMissKm: 2.0 },
        ],
      },
    ]);
  });

  it("totals every event once", () => {
    expect(matrix.totals.events).toBe(7);
    expect(matrix.totals.closestMissKm).toBe(0.5);
    expect(matrix.totals.sumPc).toBeCloseTo(1.51e-5, 15);
    expect(matrix.totals.eventsWithPc).toBe(4);
  });

  it("counts an object with no attribution as UNKNOWN and an empty run as nothing", () => {
    const unknown = computeExposureMatrix([event(1, object(1, null, "UNKNOWN", "2000-001A"), U1, 1, null)], PARENTS);
    expect(unknown.actors).toEqual(["UNKNOWN", "USA"]);
    expect(unknown.cells.find((c) => c.rowActor === "UNKNOWN")?.byClass[0]?.rowClass).toBe("unknown");
    expect(computeExposureMatrix([], PARENTS).totals).toEqual({ events: 0, closestMissKm: null, sumPc: 0, eventsWithPc: 0 });
  });

  it("is the same whichever object of an event is the primary", () => {
    const swapped = computeExposureMatrix(
      EVENTS.map((e) => ({ ...e, primary: e.secondary, secondary: e.primary })),
      PARENTS,
    );
    expect(swapped).toEqual(matrix);
  });
});

describe("isActivePayload", () => {
  it("counts a payload with an active CelesTrak status code, or any object the active set lists", async () => {
    const { isActivePayload } = await import("../../src/catalog/active-payload.ts");
    expect(isActivePayload({ objectType: "PAYLOAD", operationalStatus: "+" }, false)).toBe(true);
    expect(isActivePayload({ objectType: "PAYLOAD", operationalStatus: "X" }, false)).toBe(true);
    expect(isActivePayload({ objectType: "PAYLOAD", operationalStatus: "-" }, false)).toBe(false);
    expect(isActivePayload({ objectType: "PAYLOAD", operationalStatus: null }, false)).toBe(false);
    expect(isActivePayload({ objectType: "DEBRIS", operationalStatus: "+" }, false)).toBe(false);
    expect(isActivePayload({ objectType: "UNKNOWN", operationalStatus: null }, true)).toBe(true);
  });
});
