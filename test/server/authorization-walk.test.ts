import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/accounts/role.ts";
import { startSession } from "../../src/accounts/session.service.ts";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { createApp } from "../../src/server/app.ts";
import { apiRequest, createTestUser } from "../support/workspace-users.ts";
import type { TestSession } from "../support/workspace-users.ts";
import { jsonOf, openTemporaryContext } from "./server-fixtures.ts";

/**
 * Issue 7: every API route in the OpenAPI document, called by every role and signed out, is allowed or denied exactly
 * as this table says. The table is written here, apart from the routes' own declarations, so a route that changes its
 * access (or a new route) fails this test until someone decides what it should be. "Allowed" means the request got
 * past access control (any answer but 401 and 403); "denied" means 401 signed out and 403 signed in.
 */
type Caller = Role | "signed-out";
const ALL: readonly Caller[] = ["admin", "analyst", "viewer", "stakeholder", "signed-out"];
const PUBLIC: readonly Caller[] = ALL;
const READERS: readonly Caller[] = ["admin", "analyst", "viewer"];
const WRITERS: readonly Caller[] = ["admin", "analyst"];
const ADMIN: readonly Caller[] = ["admin"];
const CONSULTATION_READERS: readonly Caller[] = ["admin", "analyst", "viewer", "stakeholder"];

const EXPECTED: Readonly<Record<string, readonly Caller[]>> = {
  // The public evidence base.
  "GET /api/health": PUBLIC,
  "GET /api/actors": PUBLIC,
  "GET /api/objects": PUBLIC,
  "GET /api/objects/{catalogNumber}": PUBLIC,
  "GET /api/stats": PUBLIC,
  "GET /api/sources": PUBLIC,
  "GET /api/sources/{id}/rejections": PUBLIC,
  "GET /api/screening/runs": PUBLIC,
  "GET /api/screening/runs/{id}": PUBLIC,
  "GET /api/screening/runs/{id}/events": PUBLIC,
  "GET /api/screening/runs/{id}/exposure": PUBLIC,
  "GET /api/conjunctions/{eventId}": PUBLIC,
  "GET /api/states": PUBLIC,
  "GET /api/states/{state}": PUBLIC,
  "GET /api/instruments": PUBLIC,
  "GET /api/instruments/{id}": PUBLIC,
  "GET /api/votes/{id}": PUBLIC,
  "GET /api/outreach/{id}": PUBLIC,
  "GET /api/compliance": PUBLIC,
  "GET /api/fragmentations": PUBLIC,
  "GET /api/environment": PUBLIC,
  "GET /api/lifetime/{catalogNumber}": PUBLIC,
  // Accounts.
  "POST /api/auth/login": PUBLIC,
  "GET /api/auth/session": PUBLIC,
  "POST /api/auth/logout": PUBLIC,
  "POST /api/auth/setup": PUBLIC,
  "GET /api/auth/oidc/start": PUBLIC,
  "GET /api/auth/oidc/callback": PUBLIC,
  "GET /api/users": ADMIN,
  "POST /api/users": ADMIN,
  "GET /api/users/{id}": ADMIN,
  "PATCH /api/users/{id}": ADMIN,
  "POST /api/users/{id}/setup-link": ADMIN,
  "GET /api/audit": ADMIN,
  "GET /api/audit/export": ADMIN,
  // Fora, sessions, statements, proposals.
  "GET /api/fora": READERS,
  "GET /api/speaker-groups": READERS,
  "GET /api/calendar": READERS,
  "GET /api/forum-sessions": READERS,
  "POST /api/forum-sessions": WRITERS,
  "GET /api/forum-sessions/{id}": READERS,
  "PATCH /api/forum-sessions/{id}": WRITERS,
  "POST /api/forum-sessions/{id}/agenda-items": WRITERS,
  "POST /api/forum-sessions/{id}/documents": WRITERS,
  "POST /api/forum-sessions/{id}/agenda-import": WRITERS,
  "GET /api/forum-sessions/{id}/statements": READERS,
  "POST /api/forum-sessions/{id}/statements": WRITERS,
  "POST /api/statements/{id}/stances": WRITERS,
  "PATCH /api/statements/{id}": WRITERS,
  "DELETE /api/statements/{id}": WRITERS,
  "DELETE /api/statements/{id}/stances/{proposalId}": WRITERS,
  "PATCH /api/agenda-items/{id}": WRITERS,
  "DELETE /api/agenda-items/{id}": WRITERS,
  "PATCH /api/session-documents/{id}": WRITERS,
  "DELETE /api/session-documents/{id}": WRITERS,
  "GET /api/proposals": READERS,
  "POST /api/proposals": WRITERS,
  "GET /api/proposals/{id}": READERS,
  "PATCH /api/proposals/{id}": WRITERS,
  // Positions: never stakeholders.
  "GET /api/positions": READERS,
  "POST /api/positions": WRITERS,
  "GET /api/positions/{id}": READERS,
  "PUT /api/positions/{id}": WRITERS,
  "POST /api/positions/{id}/transitions": WRITERS,
  "GET /api/positions/{id}/versions": READERS,
  "GET /api/positions/{id}/versions/{version}": READERS,
  "GET /api/positions/{id}/diff": READERS,
  "POST /api/positions/{id}/citations": WRITERS,
  "DELETE /api/positions/{id}/citations/{citationId}": WRITERS,
  // Consultations: stakeholders only in the ones they were invited to (object level, tested below).
  "GET /api/consultations": CONSULTATION_READERS,
  "POST /api/consultations": WRITERS,
  "GET /api/consultations/{id}": CONSULTATION_READERS,
  "POST /api/consultations/{id}/close": WRITERS,
  "GET /api/consultations/{id}/comments": CONSULTATION_READERS,
  "POST /api/consultations/{id}/comments": ["stakeholder"],
  "GET /api/consultations/{id}/invitations": WRITERS,
  "POST /api/consultations/{id}/invitations": WRITERS,
  "POST /api/consultations/{id}/invitations/{invitationId}/send": WRITERS,
  "GET /api/consultations/{id}/summary": WRITERS,
  "GET /api/invitations/{token}": PUBLIC,
  "POST /api/invitations/accept": PUBLIC,
};

interface Operation {
  readonly method: string;
  readonly path: string;
}

describe("authorization: every API route × every role, and object-level cases (issue 7)", () => {
  let context: ConcordContext;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let operations: Operation[];
  let stakeholderB: TestSession;
  const ids: Record<string, string> = {};
  const userIdsByCaller = new Map<Caller, number>();

  /** A fresh session of the role's user (stakeholder: stakeholder A). */
  function freshSessionLike(caller: Caller): Promise<TestSession> {
    return freshSession(userIdsByCaller.get(caller)!);
  }

  /** A fresh session per request (a walk calls POST /api/auth/logout too): created in the store, no password check. */
  async function freshSession(userId: number): Promise<TestSession> {
    const started = await startSession(context.database.db, userId, new Date());
    return { cookie: `concord_session=${started.sessionId}`, csrfToken: started.csrfToken };
  }

  beforeAll(async () => {
    ({ context, dispose } = await openTemporaryContext());
    app = createApp(context, { log: () => {} });
    const db = context.database.db;
    for (const role of ["admin", "analyst", "viewer", "stakeholder"] as const) {
      const user = await createTestUser(db, { role, ...(role === "stakeholder" ? { email: "stakeholder-a@example.org", sector: "commercial", organisation: "A Co" } : {}) });
      userIdsByCaller.set(role, user.id);
    }
    const b = await createTestUser(db, { role: "stakeholder", email: "stakeholder-b@example.org", sector: "academic", organisation: "B University" });
    stakeholderB = await freshSession(b.id);
    const analyst = await freshSessionLike("analyst");
    const post = async (path: string, body: unknown) => {
      const response = await apiRequest(app, "POST", path, { session: analyst, body });
      if (response.status !== 201 && response.status !== 200) throw new Error(`fixture POST ${path}: ${response.status} ${await response.text()}`);
      return jsonOf<{ id: number }>(response);
    };
    const session = await post("/api/forum-sessions", { forumId: "copuos", title: "COPUOS, walk session", sessionNumber: 71, startDate: "2028-06-01", endDate: "2028-06-09", venue: "Vienna" });
    const item = await post(`/api/forum-sessions/${session.id}/agenda-items`, { itemNumber: "4", title: "General exchange of views" });
    const statement = await post(`/api/forum-sessions/${session.id}/statements`, {
      agendaItemId: item.id,
      speakerKind: "state",
      speakerCode: "USA",
      deliveredOn: "2028-06-02",
      summaryMarkdown: "Supports coordination.",
      sourceUrl: "https://example.org/statement",
    });
    const proposal = await post("/api/proposals", { forumId: "copuos", title: "Walk proposal", kind: "practice", descriptionMarkdown: "Text." });
    const position = await post("/api/positions", { title: "Walk position", kind: "position-paper", markdown: "Our view.\n" });
    const citation = (await apiRequest(app, "POST", `/api/positions/${position.id}/citations`, {
      session: analyst,
      body: { label: "Artemis Accords participants", apiPath: "/api/instruments/artemis-accords", pointer: "/instrument/id" },
    }).then((r) => jsonOf<{ citationId?: number }>(r))) as { citationId?: number };
    const deadline = "2099-01-01T00:00:00Z";
    const consultation = await post("/api/consultations", { title: "Walk consultation", kind: "standard", draftMarkdown: "First paragraph.\n\nSecond paragraph.", deadline });
    const other = await post("/api/consultations", { title: "Not for A", kind: "standard", draftMarkdown: "Only B.", deadline });
    // The walk itself closes consultations (POST …/close passes access control for writers): it gets one of its own.
    const walked = await post("/api/consultations", { title: "Walked", kind: "standard", draftMarkdown: "Walked.", deadline });
    const invited = await apiRequest(app, "POST", `/api/consultations/${consultation.id}/invitations`, {
      session: analyst,
      body: { invitees: [{ email: "stakeholder-a@example.org", sector: "commercial", organisation: "A Co" }, { email: "stakeholder-b@example.org", sector: "academic", organisation: "B University" }] },
    });
    const invitations = await jsonOf<{ items: { id: number }[] }>(invited);
    await apiRequest(app, "POST", `/api/consultations/${other.id}/invitations`, { session: analyst, body: { invitees: [{ email: "stakeholder-b@example.org", sector: "academic", organisation: "B University" }] } });
    Object.assign(ids, {
      "forum-session": String(session.id),
      statement: String((statement as { id: number }).id),
      proposal: String(proposal.id),
      position: String(position.id),
      citation: String(citation.citationId ?? 1),
      consultation: String(consultation.id),
      otherConsultation: String(other.id),
      walkedConsultation: String(walked.id),
      invitation: String(invitations.items[0]?.id ?? 1),
      user: String(userIdsByCaller.get("viewer")),
    });
    const document = await jsonOf<{ paths: Record<string, Record<string, unknown>> }>(await app.request("/openapi.json"));
    operations = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })));
  }, 120_000);
  afterAll(async () => {
    await dispose();
  });

  /** A concrete path for an OpenAPI path, with fixture ids (positions' and consultations' own objects). */
  function concrete(path: string): string {
    const idFor = (prefix: string): string => {
      if (prefix.startsWith("/api/forum-sessions")) return ids["forum-session"]!;
      if (prefix.startsWith("/api/statements")) return ids["statement"]!;
      if (prefix.startsWith("/api/proposals")) return ids["proposal"]!;
      if (prefix.startsWith("/api/positions")) return ids["position"]!;
      if (prefix.startsWith("/api/consultations")) return ids["walkedConsultation"]!;
      if (prefix.startsWith("/api/users")) return ids["user"]!;
      return "1";
    };
    return path.replace(/\{([^}]+)\}/g, (_match, name: string, offset: number) => {
      switch (name) {
        case "catalogNumber":
          return "25544";
        case "state":
          return "USA";
        case "eventId":
          return "1";
        case "token":
          return "not-a-real-token";
        case "citationId":
          return ids["citation"]!;
        case "invitationId":
          return ids["invitation"]!;
        case "version":
          return "1";
        case "id":
          if (path.startsWith("/api/instruments") || path.startsWith("/api/outreach")) return "artemis-accords";
          if (path.startsWith("/api/votes")) return "77/41";
          return idFor(path.slice(0, offset));
        default:
          return "1";
      }
    });
  }

  it("has an expected access for every route in the OpenAPI document, and no expectation for a route that does not exist", () => {
    const documented = operations.map((o) => `${o.method} ${o.path}`).sort();
    expect(documented.filter((key) => !(key in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((key) => !documented.includes(key))).toEqual([]);
    console.log(`authorization walk: ${documented.length} operations × ${ALL.length} callers`);
  });

  it("allows and denies every route for every role and signed out exactly as the table says", async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const { method, path } of operations) {
      const allowed = EXPECTED[`${method} ${path}`] ?? [];
      for (const caller of ALL) {
        // A fresh session per call: some calls sign out.
        const session = caller === "signed-out" ? null : await freshSessionLike(caller);
        const response = await apiRequest(app, method, concrete(path), method === "GET" || method === "DELETE" ? { session } : { session, body: {} });
        calls++;
        const denied = response.status === 401 || response.status === 403;
        const expectDenied = !allowed.includes(caller);
        const expectedStatus = caller === "signed-out" ? 401 : 403;
        if (expectDenied && response.status !== expectedStatus) mismatches.push(`${method} ${path} as ${caller}: expected ${expectedStatus}, got ${response.status}`);
        if (!expectDenied && denied) mismatches.push(`${method} ${path} as ${caller}: expected to pass access control, got ${response.status} ${await response.text()}`);
      }
    }
    console.log(`authorization walk: ${calls} requests, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  }, 180_000);


  it("object level: a stakeholder reads only consultations it was invited to, and never another stakeholder's confidential comment", async () => {
    const a = await freshSessionLike("stakeholder");
    const consultation = ids["consultation"]!;
    const other = ids["otherConsultation"]!;
    // A was not invited to the other consultation: not found (its existence is not revealed), in the list too.
    const hidden = await apiRequest(app, "GET", `/api/consultations/${other}`, { session: a });
    expect(hidden.status).toBe(404);
    const missing = await apiRequest(app, "GET", "/api/consultations/999999", { session: a });
    expect(missing.status).toBe(404);
    const message = async (response: Response) => (await jsonOf<{ error: { message: string } }>(response)).error.message.replace(/\d+/g, "N");
    expect(await message(hidden)).toBe(await message(missing));
    const list = await jsonOf<{ items: { id: number }[] }>(await apiRequest(app, "GET", "/api/consultations", { session: a }));
    expect(list.items.map((c) => String(c.id))).toEqual([consultation]);
    // B comments confidentially and publicly; A sees only the public one, B sees both.
    const comment = (session: TestSession, visibility: string, bodyMarkdown: string) =>
      apiRequest(app, "POST", `/api/consultations/${consultation}/comments`, { session, body: { paragraphNumber: 1, visibility, bodyMarkdown } });
    expect((await comment(stakeholderB, "confidential", "B's confidential view")).status).toBe(201);
    expect((await comment(stakeholderB, "public", "B's public view")).status).toBe(201);
    const seenByA = JSON.stringify(await jsonOf<unknown>(await apiRequest(app, "GET", `/api/consultations/${consultation}/comments`, { session: a })));
    expect(seenByA).toContain("B's public view");
    expect(seenByA).not.toContain("B's confidential view");
    const seenByB = JSON.stringify(await jsonOf<unknown>(await apiRequest(app, "GET", `/api/consultations/${consultation}/comments`, { session: stakeholderB })));
    expect(seenByB).toContain("B's confidential view");
    // A stakeholder never reads positions, the invitation list, the summary, users or the audit log.
    for (const path of [`/api/positions/${ids["position"]!}`, `/api/consultations/${consultation}/invitations`, `/api/consultations/${consultation}/summary`, "/api/users", "/api/audit"]) {
      expect((await apiRequest(app, "GET", path, { session: a })).status, path).toBe(403);
    }
  });

  it("object level: a viewer reads the workspace but every write is refused, and its session cannot comment", async () => {
    const viewer = await freshSessionLike("viewer");
    expect((await apiRequest(app, "GET", `/api/positions/${ids["position"]!}`, { session: viewer })).status).toBe(200);
    const writes: [string, string, unknown][] = [
      ["PUT", `/api/positions/${ids["position"]!}`, { baseVersion: 1, markdown: "Changed by a viewer.\n" }],
      ["POST", `/api/positions/${ids["position"]!}/transitions`, { to: "under-review" }],
      ["POST", "/api/forum-sessions", { forumId: "copuos", title: "x", startDate: "2028-01-01", endDate: "2028-01-02" }],
      ["POST", `/api/consultations/${ids["consultation"]!}/comments`, { paragraphNumber: 1, visibility: "public", bodyMarkdown: "x" }],
      ["POST", "/api/users", { email: "new@example.org", displayName: "New", role: "admin" }],
    ];
    for (const [method, path, body] of writes) expect((await apiRequest(app, method, path, { session: viewer, body })).status, `${method} ${path}`).toBe(403);
    const version = await jsonOf<{ currentVersion?: number; version?: number }>(await apiRequest(app, "GET", `/api/positions/${ids["position"]!}`, { session: viewer }));
    expect(JSON.stringify(version)).not.toContain("Changed by a viewer");
  });
});
