import type { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import type { Role } from "../../src/accounts/role.ts";
import { createApp } from "../../src/server/app.ts";
import type { PositionDetailSchema, PositionDiffSchema, PositionListSchema, PositionVersionListSchema, PositionWriteSchema } from "../../src/server/schemas/positions.schemas.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { openDiplomacyContext } from "../diplomacy/diplomacy-store-fixture.ts";
import { testDatabases } from "../support/test-databases.ts";
import { apiRequest, createTestUser, signIn } from "../support/workspace-users.ts";
import type { TestSession } from "../support/workspace-users.ts";
import { auditMark } from "./position-fixtures.ts";

type Detail = z.infer<typeof PositionDetailSchema>;
type Written = z.infer<typeof PositionWriteSchema>;
type ErrorBody = { error: { code: string; message: string; field?: string } };

const databases = testDatabases();

/** The real app over a seeded test store, with one signed-in user per role (two analysts). */
async function openPositionsApp(target: (typeof databases)[number]) {
  const context = await openDiplomacyContext(target);
  const app = createApp(context, { log: () => {} });
  const signed = async (role: Role, displayName: string) => {
    const user = await createTestUser(context.database.db, { role, displayName });
    return { id: user.id, email: user.email, displayName, session: await signIn(app, user.email, user.password) };
  };
  return {
    context,
    app,
    alice: await signed("analyst", "Alice Analyst"),
    bob: await signed("analyst", "Bob Analyst"),
    vera: await signed("viewer", "Vera Viewer"),
    sam: await signed("stakeholder", "Sam Stakeholder"),
    root: await signed("admin", "Root Admin"),
  };
}

const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

describe.each(databases)("the positions API on %s", (target) => {
  it("drafts, edits, clears and delivers a position with a cited figure, answering each step as the web app needs it", async () => {
    const { context, app, alice, bob } = await openPositionsApp(target);
    const call = (session: TestSession, method: string, path: string, body?: unknown) => apiRequest(app, method, path, body === undefined ? { session } : { session, body });
    const mark = await auditMark(context.database.db);

    const created = await call(alice.session, "POST", "/api/positions", { title: "Artemis talking points", kind: "talking-points", markdown: "- We welcome **new signatories**.\n<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n", note: "first" });
    expect(created.status).toBe(201);
    const position = await json<Written>(created);
    expect(position).toMatchObject({ status: "draft", currentVersion: 1, createdBy: { userId: alice.id, label: alice.email, displayName: "Alice Analyst", email: alice.email }, returnedToDraft: null });
    expect(position.text.markdown).toContain("<script>alert(1)</script>");
    expect(position.text.html).toContain("<strong>new signatories</strong>");
    expect(position.text.html).not.toMatch(/<script|onerror|alert\(1\)/);
    expect(position.transitions).toEqual([{ to: "under-review", action: "submit", allowed: true, reason: null }]);
    const base = `/api/positions/${position.id}`;

    const stateBody = await json<{ commitments: { instrument: { id: string } }[] }>(await app.request("/api/states/AFG"));
    const index = stateBody.commitments.findIndex((c) => c.instrument.id === "artemis-accords");
    const cited = await call(alice.session, "POST", `${base}/citations`, { label: "Afghanistan and the Accords", apiPath: "/api/states/AFG", pointer: `/commitments/${index}/answer/value` });
    expect(cited.status).toBe(201);
    const withCitation = await json<Written>(cited);
    expect(withCitation.citations).toHaveLength(1);
    expect(withCitation.citations[0]).toMatchObject({ id: withCitation.citationId, cited: { value: "not-participant", asOf: "2026-04-20" }, citedInVersion: 1, freshness: { status: "unchanged", newerValueExists: false } });
    // The registry's source, with the compiled file named, never its path on this machine.
    expect(withCitation.citations[0]?.cited.source).toBe("Artemis Accords — complete list: NASA and US State Department releases (see each act); Concord reference dataset diplomacy/artemis_accords.csv");
    expect(withCitation.citations[0]?.freshness.current?.source).toBe(withCitation.citations[0]?.cited.source);

    const stale = await call(bob.session, "PUT", base, { baseVersion: 2, markdown: "- no\n" });
    expect(stale.status).toBe(409);
    expect((await json<ErrorBody>(stale)).error.code).toBe("CONFLICT");
    const edited = await call(bob.session, "PUT", base, { baseVersion: 1, markdown: "- We welcome new signatories.\n- Afghanistan has not signed.\n", note: "tightened" });
    expect(edited.status).toBe(200);
    expect(await json<Written>(edited)).toMatchObject({ currentVersion: 2, lastEditedBy: { userId: bob.id, displayName: "Bob Analyst", email: bob.email }, text: { changedBy: { displayName: "Bob Analyst" } } });

    expect((await call(bob.session, "POST", `${base}/transitions`, { to: "under-review" })).status).toBe(200);
    const selfClear = await call(bob.session, "POST", `${base}/transitions`, { to: "cleared" });
    expect(selfClear.status).toBe(403);
    expect((await json<ErrorBody>(selfClear)).error.message).toMatch(/second person/);
    const cleared = await call(alice.session, "POST", `${base}/transitions`, { to: "cleared" });
    expect(cleared.status).toBe(200);
    expect(await json<Written>(cleared)).toMatchObject({ status: "cleared", transition: { from: "under-review", to: "cleared", action: "clear" } });
    expect((await call(alice.session, "POST", `${base}/transitions`, { to: "delivered" })).status).toBe(200);
    const late = await call(alice.session, "PUT", base, { baseVersion: 2, markdown: "- changed after delivery\n" });
    expect(late.status).toBe(409);
    expect((await json<ErrorBody>(late)).error.message).toMatch(/delivered is final/);

    const versions = await json<z.infer<typeof PositionVersionListSchema>>(await call(alice.session, "GET", `${base}/versions`));
    expect(versions.versions.map((v) => [v.version, v.changedBy.label, v.changedBy.displayName, v.note])).toEqual([
      [1, alice.email, "Alice Analyst", "first"],
      [2, bob.email, "Bob Analyst", "tightened"],
    ]);
    const diff = await json<z.infer<typeof PositionDiffSchema>>(await call(alice.session, "GET", `${base}/diff?from=1&to=2`));
    expect(diff).toMatchObject({ added: 2, removed: 3, unchanged: 0, exact: true, from: { changedBy: { displayName: "Alice Analyst" } }, to: { changedBy: { displayName: "Bob Analyst" } } });
    const one = await json<{ markdown: string; html: string; citations: unknown[] }>(await call(alice.session, "GET", `${base}/versions/1`));
    expect(one.markdown).toContain("**new signatories**");
    expect(one.citations).toHaveLength(1);
    expect((await call(alice.session, "GET", `${base}/versions/9`)).status).toBe(404);

    const detail = await json<Detail>(await call(alice.session, "GET", base));
    expect(detail.statusHistory.map((s) => `${s.from}>${s.to}:${s.changedBy.label}`)).toEqual([`draft>under-review:${bob.email}`, `under-review>cleared:${alice.email}`, `cleared>delivered:${alice.email}`]);
    // The clearer and the citer are named by display name, the e-mail beside it.
    expect(detail.statusHistory.map((s) => s.changedBy.displayName)).toEqual(["Bob Analyst", "Alice Analyst", "Alice Analyst"]);
    expect(detail.citations[0]?.citedBy).toEqual({ userId: alice.id, label: alice.email, displayName: "Alice Analyst", email: alice.email });
    const audit = await searchAuditEntries(context.database.db, { order: "asc", entityType: "position", entityId: String(position.id), cursor: mark });
    expect(audit.map((e) => `${e.action} ${e.actorLabel}`)).toEqual([
      `position.create ${alice.email}`,
      `position.cite ${alice.email}`,
      `position.update ${bob.email}`,
      `position.submit ${bob.email}`,
      `position.clear ${alice.email}`,
      `position.deliver ${alice.email}`,
    ]);
    await context.close();
  });

  it("lets a viewer read positions but write nothing (403), keeps stakeholders out (403) and the signed-out (401)", async () => {
    const { context, app, alice, vera, sam } = await openPositionsApp(target);
    const created = await json<Written>(await apiRequest(app, "POST", "/api/positions", { session: alice.session, body: { title: "Read me", kind: "position-paper", markdown: "Text.\n" } }));
    const base = `/api/positions/${created.id}`;
    const list = await apiRequest(app, "GET", "/api/positions?status=draft", { session: vera.session });
    expect(list.status).toBe(200);
    const listed = (await json<z.infer<typeof PositionListSchema>>(list)).items;
    expect(listed.map((i) => [i.title, i.createdBy.displayName, i.lastEditedBy.displayName, i.lastEditedBy.email])).toEqual([["Read me", "Alice Analyst", "Alice Analyst", alice.email]]);
    const read = await json<Detail>(await apiRequest(app, "GET", base, { session: vera.session }));
    expect(read.text.html).toBe("<p>Text.</p>\n");
    expect(read.transitions).toEqual([{ to: "under-review", action: "submit", allowed: false, reason: "the role viewer may not change positions" }]);
    const writes: [string, string, unknown][] = [
      ["POST", "/api/positions", { title: "No", kind: "position-paper", markdown: "" }],
      ["PUT", base, { baseVersion: 1, markdown: "changed" }],
      ["POST", `${base}/transitions`, { to: "under-review" }],
      ["POST", `${base}/citations`, { label: "x", apiPath: "/api/states/AFG", pointer: "/state/iso3" }],
      ["DELETE", `${base}/citations/1`, undefined],
    ];
    for (const [method, path, body] of writes) {
      expect((await apiRequest(app, method, path, body === undefined ? { session: vera.session } : { session: vera.session, body })).status, `viewer ${method} ${path}`).toBe(403);
    }
    for (const path of ["/api/positions", base, `${base}/versions`, `${base}/diff?from=1&to=1`, `${base}/versions/1`]) {
      expect((await apiRequest(app, "GET", path, { session: sam.session })).status, `stakeholder GET ${path}`).toBe(403);
      expect((await apiRequest(app, "GET", path)).status, `signed-out GET ${path}`).toBe(401);
    }
    // Without the CSRF header an analyst's write is refused too.
    const noCsrf = await app.request(base, { method: "PUT", headers: { Cookie: alice.session.cookie, "Content-Type": "application/json" }, body: JSON.stringify({ baseVersion: 1, markdown: "x" }) });
    expect(noCsrf.status).toBe(403);
    expect((await apiRequest(app, "GET", "/api/positions/999999", { session: vera.session })).status).toBe(404);
    await context.close();
  });

  it("validates input, naming the field: kind, a bad agenda item, a refused evidence path, a bad diff range", async () => {
    const { context, app, alice } = await openPositionsApp(target);
    const post = (path: string, body: unknown) => apiRequest(app, "POST", path, { session: alice.session, body });
    const badKind = await post("/api/positions", { title: "x", kind: "memo", markdown: "" });
    expect(badKind.status).toBe(400);
    expect((await json<ErrorBody>(badKind)).error.field).toBe("kind");
    const badItem = await post("/api/positions", { title: "x", kind: "position-paper", markdown: "", agendaItemId: 999_999 });
    expect((await json<ErrorBody>(badItem)).error).toMatchObject({ code: "INVALID_INPUT", field: "agendaItemId" });
    const created = await json<Written>(await post("/api/positions", { title: "x", kind: "position-paper", markdown: "" }));
    const refused = await post(`/api/positions/${created.id}/citations`, { label: "users", apiPath: "/api/users", pointer: "/items/0/email" });
    expect(refused.status).toBe(400);
    expect((await json<ErrorBody>(refused)).error).toMatchObject({ field: "apiPath", message: expect.stringMatching(/not a public evidence route/) as unknown });
    expect((await apiRequest(app, "GET", `/api/positions/${created.id}/diff?from=1&to=3`, { session: alice.session })).status).toBe(404);
    expect((await apiRequest(app, "GET", `/api/positions/${created.id}/diff?from=0&to=1`, { session: alice.session })).status).toBe(400);
    await context.close();
  });

  it("declares every positions route's access in the OpenAPI document (viewers read, analysts and admins write)", async () => {
    const { context, app } = await openPositionsApp(target);
    const doc = await json<{ paths: Record<string, Record<string, { "x-concord-access"?: unknown }>> }>(await app.request("/openapi.json"));
    const declared = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/api/positions"))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${JSON.stringify(op["x-concord-access"])}`));
    const read = '["admin","analyst","viewer"]';
    const write = '["admin","analyst"]';
    expect(declared.sort()).toEqual(
      [
        `GET /api/positions ${read}`,
        `POST /api/positions ${write}`,
        `GET /api/positions/{id} ${read}`,
        `PUT /api/positions/{id} ${write}`,
        `POST /api/positions/{id}/transitions ${write}`,
        `GET /api/positions/{id}/versions ${read}`,
        `GET /api/positions/{id}/versions/{version} ${read}`,
        `GET /api/positions/{id}/diff ${read}`,
        `POST /api/positions/{id}/citations ${write}`,
        `DELETE /api/positions/{id}/citations/{citationId} ${write}`,
      ].sort(),
    );
    await context.close();
  });
});
