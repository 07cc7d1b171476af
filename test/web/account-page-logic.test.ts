import { describe, expect, it } from "vitest";
import { safeNextPath, tooManyAttemptsMessage } from "../../web/src/pages/account/form-submission.ts";
import { snapshotDiff } from "../../web/src/pages/account/snapshot-diff.ts";

describe("the audit page's before/after diff", () => {
  it("lists changed, added, removed and unchanged fields by path, nested objects and arrays flattened", () => {
    const before = { role: "analyst", disabled: false, tags: ["a", "b"], profile: { organisation: "MFA", sector: null } };
    const after = { role: "viewer", disabled: false, tags: ["a"], profile: { organisation: "MFA", sector: "government" }, hasPassword: true };
    expect(snapshotDiff(before, after)).toEqual([
      { path: "role", before: "analyst", after: "viewer", change: "changed" },
      { path: "disabled", before: "false", after: "false", change: "same" },
      { path: "tags[0]", before: "a", after: "a", change: "same" },
      { path: "tags[1]", before: "b", after: undefined, change: "removed" },
      { path: "profile.organisation", before: "MFA", after: "MFA", change: "same" },
      { path: "profile.sector", before: "null", after: "government", change: "changed" },
      { path: "hasPassword", before: undefined, after: "true", change: "added" },
    ]);
  });

  it("treats a null snapshot as absent (created or removed) and a scalar snapshot as one value", () => {
    expect(snapshotDiff(null, { id: 5 })).toEqual([{ path: "id", before: undefined, after: "5", change: "added" }]);
    expect(snapshotDiff({ id: 5 }, null)).toEqual([{ path: "id", before: "5", after: undefined, change: "removed" }]);
    expect(snapshotDiff("old", "new")).toEqual([{ path: "(value)", before: "old", after: "new", change: "changed" }]);
    expect(snapshotDiff({ items: [] }, { items: [1] })).toEqual([
      { path: "items", before: "[]", after: undefined, change: "removed" },
      { path: "items[0]", before: undefined, after: "1", change: "added" },
    ]);
  });
});

describe("the sign-in page's helpers", () => {
  it("goes back only to a path of this site after signing in (no open redirect)", () => {
    expect(safeNextPath("/admin/users?role=admin")).toBe("/admin/users?role=admin");
    for (const next of [null, "", "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]) expect(safeNextPath(next), String(next)).toBe("/");
  });

  it("turns Retry-After seconds into whole minutes, rounded up", () => {
    expect(tooManyAttemptsMessage(900)).toBe("Too many attempts: try again in 15 minutes.");
    expect(tooManyAttemptsMessage(61)).toBe("Too many attempts: try again in 2 minutes.");
    expect(tooManyAttemptsMessage(5)).toBe("Too many attempts: try again in 1 minute.");
    expect(tooManyAttemptsMessage(null)).toBe("Too many attempts: try again in a few minutes.");
  });
});
