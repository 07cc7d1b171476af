import { describe, expect, it } from "vitest";
import { epochFromYearDay, isoFromEpochMicros, parseIsoEpoch, yearDayOfEpochMicros } from "../../src/orbit/epoch.ts";

describe("epoch conversion", () => {
  it("turns a TLE day-of-year fraction into an exact microsecond ISO string", () => {
    // 23282.54072583: 0.54072583 day = 54072583 × 864 µs = 46718711712 µs = 12:58:38.711712
    const epoch = epochFromYearDay(2023, 282, 54072583, 8);
    expect(epoch?.epoch).toBe("2023-10-09T12:58:38.711712Z");
    expect(epoch?.epochMicros).toBe(Date.UTC(2023, 9, 9, 12, 58, 38, 711) * 1000 + 712);
    expect(epoch?.epochMs).toBeCloseTo(Date.UTC(2023, 9, 9, 12, 58, 38, 711) + 0.712, 3);
  });

  it("reads ISO epochs with any number of fractional digits, with or without Z, rounding to the microsecond", () => {
    expect(parseIsoEpoch("2026-08-18T00:55:00.137856")?.epoch).toBe("2026-08-18T00:55:00.137856Z");
    expect(parseIsoEpoch("2026-08-18T00:55:00Z")?.epoch).toBe("2026-08-18T00:55:00.000000Z");
    expect(parseIsoEpoch("2026-08-18T00:55:00.1")?.epoch).toBe("2026-08-18T00:55:00.100000Z");
    expect(parseIsoEpoch("2026-08-18T00:55:00.1234565")?.epoch).toBe("2026-08-18T00:55:00.123457Z");
    expect(parseIsoEpoch("2026-12-31T23:59:59.9999996")?.epoch).toBe("2027-01-01T00:00:00.000000Z");
  });

  it("reads the CCSDS day-of-year form 2017-232T12:00:00.000 as 2017-08-20T12:00:00Z", () => {
    expect(parseIsoEpoch("2017-232T12:00:00.000")?.epoch).toBe("2017-08-20T12:00:00.000000Z");
    expect(parseIsoEpoch("2020-366T00:00:00")?.epoch).toBe("2020-12-31T00:00:00.000000Z");
  });

  it("refuses impossible dates and malformed text instead of rolling them over", () => {
    for (const bad of ["2023-02-29T00:00:00", "2023-13-01T00:00:00", "2023-366T00:00:00", "2023-10-09T24:00:00", "2023-10-09", "2023-10-09T12:00:00+02:00", "yesterday", ""]) {
      expect(parseIsoEpoch(bad), bad).toBeNull();
    }
  });

  it("round-trips microseconds through year/day-of-year and ISO for epochs before and after 1970", () => {
    for (const micros of [-378_691_200_000_000 + 123_456, 0, 1_696_856_318_711_712]) {
      const { year, dayOfYear, microsOfDay } = yearDayOfEpochMicros(micros);
      expect(Date.UTC(year, 0, 1) * 1000 + (dayOfYear - 1) * 86_400_000_000 + microsOfDay).toBe(micros);
      expect(parseIsoEpoch(isoFromEpochMicros(micros))?.epochMicros).toBe(micros);
    }
  });
});
