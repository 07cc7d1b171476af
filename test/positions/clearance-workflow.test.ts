import { describe, expect, it } from "vitest";
import { availableTransitions, decideEdit, decideTransition } from "../../src/positions/clearance-workflow.ts";
import type { ClearanceStatus } from "../../src/positions/position.ts";

const analyst = (userId: number) => ({ userId, role: "analyst" as const });
const admin = (userId: number) => ({ userId, role: "admin" as const });

describe("the clearance workflow", () => {
  it("allows draft → under-review → cleared → delivered, and under-review or cleared back to draft", () => {
    const steps: [ClearanceStatus, ClearanceStatus, string][] = [
      ["draft", "under-review", "submit"],
      ["under-review", "draft", "return"],
      ["under-review", "cleared", "clear"],
      ["cleared", "delivered", "deliver"],
      ["cleared", "draft", "reopen"],
    ];
    for (const [from, to, action] of steps) {
      const decision = decideTransition({ status: from, lastEditedBy: 1 }, to, analyst(2));
      expect(decision).toEqual({ allowed: true, step: { from, to, action } });
    }
  });

  it("refuses every step out of order as a conflict, naming where the position can go", () => {
    const refused: [ClearanceStatus, ClearanceStatus][] = [
      ["draft", "cleared"],
      ["draft", "delivered"],
      ["under-review", "delivered"],
      ["cleared", "under-review"],
      ["draft", "draft"],
    ];
    for (const [from, to] of refused) {
      const decision = decideTransition({ status: from, lastEditedBy: 1 }, to, analyst(2));
      expect(decision.allowed).toBe(false);
      expect(!decision.allowed && decision.refusal).toBe("conflict");
    }
    const decision = decideTransition({ status: "draft", lastEditedBy: 1 }, "cleared", analyst(2));
    expect(!decision.allowed && decision.reason).toBe("a draft position cannot move to cleared; it can move to under-review");
  });

  it("treats delivered as final: no step and no edit", () => {
    for (const to of ["draft", "under-review", "cleared"] as const) {
      const decision = decideTransition({ status: "delivered", lastEditedBy: 1 }, to, admin(9));
      expect(!decision.allowed && decision.refusal).toBe("conflict");
      expect(!decision.allowed && decision.reason).toMatch(/delivered is final/);
    }
    expect(decideEdit("delivered", "admin")).toMatchObject({ allowed: false, refusal: "conflict" });
  });

  it("needs a second person to clear: the last editor may not, another analyst may, an admin may clear its own text", () => {
    const subject = { status: "under-review" as const, lastEditedBy: 7 };
    expect(decideTransition(subject, "cleared", analyst(7))).toMatchObject({ allowed: false, refusal: "forbidden", reason: expect.stringMatching(/second person/) as unknown });
    expect(decideTransition(subject, "cleared", analyst(8)).allowed).toBe(true);
    expect(decideTransition(subject, "cleared", admin(7)).allowed).toBe(true);
    // The rule binds clearing only: the last editor may submit, return, deliver and reopen.
    expect(decideTransition(subject, "draft", analyst(7)).allowed).toBe(true);
    expect(decideTransition({ status: "cleared", lastEditedBy: 7 }, "delivered", analyst(7)).allowed).toBe(true);
  });

  it("lets no viewer or stakeholder change a position", () => {
    for (const role of ["viewer", "stakeholder"] as const) {
      expect(decideTransition({ status: "draft", lastEditedBy: 1 }, "under-review", { userId: 2, role })).toMatchObject({ allowed: false, refusal: "forbidden" });
      expect(decideEdit("draft", role)).toMatchObject({ allowed: false, refusal: "forbidden" });
    }
  });

  it("sends an under-review or cleared text back to draft when it is edited", () => {
    expect(decideEdit("draft", "analyst")).toEqual({ allowed: true, resetFrom: null });
    expect(decideEdit("under-review", "analyst")).toEqual({ allowed: true, resetFrom: "under-review" });
    expect(decideEdit("cleared", "analyst")).toEqual({ allowed: true, resetFrom: "cleared" });
  });

  it("lists the steps out of a status with whether this user may take them", () => {
    expect(availableTransitions({ status: "under-review", lastEditedBy: 7 }, analyst(7))).toEqual([
      { to: "draft", action: "return", allowed: true, reason: null },
      { to: "cleared", action: "clear", allowed: false, reason: "clearance needs a second person: the last editor of a text may not clear it (an admin may)" },
    ]);
    expect(availableTransitions({ status: "delivered", lastEditedBy: 7 }, admin(1))).toEqual([]);
  });
});
