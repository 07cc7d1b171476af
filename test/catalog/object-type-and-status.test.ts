import { describe, expect, it } from "vitest";
import { normaliseObjectType, objectTypeLabel, toCelestrakObjectType } from "../../src/catalog/object-type.ts";
import { assessOperationalStatus, OPERATIONAL_STATUS_CODES, OPERATIONAL_STATUS_INFO } from "../../src/catalog/operational-status.ts";
import { OBJECT_TYPES } from "../../src/catalog/satcat-record.ts";

describe("normaliseObjectType", () => {
  it("maps CelesTrak codes and Space-Track names onto the same types", () => {
    expect(normaliseObjectType("PAY")).toBe("PAYLOAD");
    expect(normaliseObjectType("R/B")).toBe("ROCKET BODY");
    expect(normaliseObjectType("DEB")).toBe("DEBRIS");
    expect(normaliseObjectType("UNK")).toBe("UNKNOWN");
    expect(normaliseObjectType(" rocket body ")).toBe("ROCKET BODY");
    expect(normaliseObjectType("SATELLITE")).toBeNull();
  });
  it("round-trips every type through its CelesTrak code, and labels each", () => {
    for (const type of OBJECT_TYPES) {
      expect(normaliseObjectType(toCelestrakObjectType(type))).toBe(type);
      expect(objectTypeLabel(type).length).toBeGreaterThan(3);
    }
  });
});

describe("assessOperationalStatus", () => {
  it("labels every CelesTrak status code", () => {
    for (const code of OPERATIONAL_STATUS_CODES) expect(OPERATIONAL_STATUS_INFO[code].label.length).toBeGreaterThan(3);
  });
  it("calls +, P, B, S and X active, - inactive and D decayed, from the status code", () => {
    for (const code of ["+", "P", "B", "S", "X"]) expect(assessOperationalStatus({ opsStatusCode: code }).status).toBe("active");
    expect(assessOperationalStatus({ opsStatusCode: "-" })).toMatchObject({ status: "inactive", basis: "ops-status-code" });
    expect(assessOperationalStatus({ opsStatusCode: "D", inActiveSet: true }).status).toBe("decayed");
  });
  it("is unknown where the source gives nothing, and active on membership of CelesTrak's active set", () => {
    expect(assessOperationalStatus({ opsStatusCode: null })).toMatchObject({ status: "unknown", basis: "none" });
    expect(assessOperationalStatus({ opsStatusCode: "?" }).status).toBe("unknown");
    expect(assessOperationalStatus({ opsStatusCode: null, inActiveSet: false }).status).toBe("unknown");
    expect(assessOperationalStatus({ opsStatusCode: null, inActiveSet: true })).toMatchObject({ status: "active", basis: "active-set" });
  });
});
