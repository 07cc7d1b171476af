import { describe, expect, it } from "vitest";
import { calendarPhase, sessionCalendar } from "../../src/fora/session-calendar.ts";
import { compareItemNumbers } from "../../src/fora/forum-session.ts";

const sessions = [
  { id: 1, startDate: "2026-02-02", endDate: "2026-02-13" },
  { id: 2, startDate: "2025-06-25", endDate: "2025-07-02" },
  { id: 3, startDate: "2027-02-01", endDate: "2027-02-12" },
  { id: 4, startDate: "2026-06-10", endDate: "2026-06-19" },
];

describe("the session calendar seen from a given day", () => {
  it("counts a session starting on the day as upcoming, one that ends on the day as ongoing, one that ended before as concluded", () => {
    expect(calendarPhase(sessions[0]!, "2026-02-02")).toBe("upcoming");
    expect(calendarPhase(sessions[0]!, "2026-02-03")).toBe("ongoing");
    expect(calendarPhase(sessions[0]!, "2026-02-13")).toBe("ongoing");
    expect(calendarPhase(sessions[0]!, "2026-02-14")).toBe("concluded");
  });

  it("orders upcoming sessions soonest first and concluded ones most recent first", () => {
    const calendar = sessionCalendar(sessions, "2026-02-05");
    expect(calendar.from).toBe("2026-02-05");
    expect(calendar.upcoming.map((s) => s.id)).toEqual([4, 3]);
    expect(calendar.ongoing.map((s) => s.id)).toEqual([1]);
    expect(calendar.concluded.map((s) => s.id)).toEqual([2]);
  });
});

describe("official agenda item order", () => {
  it("puts 2 before 10 and 7 before 7(a) before 7(b)", () => {
    expect(["10", "7(b)", "2", "7", "7(a)"].sort(compareItemNumbers)).toEqual(["2", "7", "7(a)", "7(b)", "10"]);
  });
});
