import { describe, expect, it } from "vitest";
import {
  comparePartialDates,
  earliestDay,
  isCertainlyOnOrBefore,
  isIsoDay,
  isOnOrBefore,
  latestDay,
  partialDatePrecision,
} from "../../src/diplomacy/partial-date.ts";

describe("partial dates", () => {
  it("accept a year, a month or a day, and say which", () => {
    expect(partialDatePrecision("2023")).toBe("year");
    expect(partialDatePrecision("2023-08")).toBe("month");
    expect(partialDatePrecision("2023-08-25")).toBe("day");
  });

  it("refuse impossible calendar dates and other forms", () => {
    for (const text of ["2023-13", "2023-00", "2023-02-29", "2023-04-31", "23-08-25", "2023/08/25", "2023-8-5", "", "Aug 2023"]) {
      expect(partialDatePrecision(text), text).toBeNull();
    }
    expect(partialDatePrecision("2024-02-29")).toBe("day");
    expect(isIsoDay("2023-08")).toBe(false);
  });

  it("span from their earliest to their latest day", () => {
    expect([earliestDay("2023"), latestDay("2023")]).toEqual(["2023-01-01", "2023-12-31"]);
    expect([earliestDay("2024-02"), latestDay("2024-02")]).toEqual(["2024-02-01", "2024-02-29"]);
    expect([earliestDay("2023-08-25"), latestDay("2023-08-25")]).toEqual(["2023-08-25", "2023-08-25"]);
  });

  it("may lie on or before a day when their earliest reading does, and certainly do when their latest reading does", () => {
    expect(isOnOrBefore("2023-08", "2023-08-15")).toBe(true);
    expect(isCertainlyOnOrBefore("2023-08", "2023-08-15")).toBe(false);
    expect(isOnOrBefore("2023-09", "2023-08-31")).toBe(false);
    expect(isCertainlyOnOrBefore("2025-01-21", "2025-01-31")).toBe(true);
  });

  it("sort by earliest day, the less precise first on a tie, and unknown dates last", () => {
    const dates = ["2023-08-25", null, "2023", "2023-08", "2022-12-31"];
    expect([...dates].sort(comparePartialDates)).toEqual(["2022-12-31", "2023", "2023-08", "2023-08-25", null]);
  });
});
