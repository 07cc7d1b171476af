import type { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { createApp } from "../../src/server/app.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { jsonOf, openTemporaryContext } from "../server/server-fixtures.ts";
import type { TestSession } from "../support/workspace-users.ts";
import { apiRequest, createTestUser, sessionCookieOf, signIn } from "../support/workspace-users.ts";
import { DRAFT } from "./consultation-workspace.ts";
import type { LoopbackSmtp } from "./loopback-smtp.ts";
import { invitationLinkIn, startLoopbackSmtp } from "./loopback-smtp.ts";

interface Item {
  id: number;
  [key: string]: unknown;
}

describe("the consultations API, signed in as each role, with invitations through a real SMTP server", () => {
  let smtp: LoopbackSmtp;
  let context: ConcordContext;
  let dispose: () => Promise<void>;
  let app: OpenAPIHono;
  let analyst: TestSession;
  let viewer: TestSession;
  let outsider: TestSession;
  let stakeholderA: TestSession;
  let stakeholderB: TestSession;
  let consultationId = 0;
  let otherId = 0;
  let tokenA = "";
  const deadline = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  const emailA = `a-${process.pid}@orbital.example`;
  const emailB = `b-${process.pid}@uni.example`;

  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
    ({ context, dispose } = await openTemporaryContext({ CONCORD_SMTP_URL: smtp.url, CONCORD_PUBLIC_URL: "https://concord.example.org", CONCORD_MAIL_FROM: "Concord <concord@example.org>" }));
    app = createApp(context, { log: () => {} });
    const db = context.database.db;
    const users = {
      analyst: await createTestUser(db, { role: "analyst", displayName: "Olga Organiser" }),
      viewer: await createTestUser(db, { role: "viewer" }),
      outsider: await createTestUser(db, { role: "stakeholder" }),
    };
    analyst = await signIn(app, users.analyst.email, users.analyst.password);
    viewer = await signIn(app, users.viewer.email, users.viewer.password);
    outsider = await signIn(app, users.outsider.email, users.outsider.password);
  });
  afterAll(async () => {
    await dispose();
    await smtp.close();
  });

  const acceptBody = (token: string, displayName: string) => ({ token, displayName, password: `passphrase of ${displayName}` });

  it("an analyst opens a consultation (201) and invites two stakeholders, whose e-mails arrive", async () => {
    const opened = await apiRequest(app, "POST", "/api/consultations", {
      session: analyst,
      body: { title: "Rendezvous and proximity operations", kind: "best-practice", draftMarkdown: DRAFT, internalNote: "Red line: 15 days", deadline },
    });
    expect(opened.status).toBe(201);
    const detail = await jsonOf<{ id: number; paragraphs: unknown[]; internalNote: { markdown: string } }>(opened);
    expect(detail.paragraphs).toHaveLength(3);
    expect(detail.internalNote.markdown).toBe("Red line: 15 days");
    consultationId = detail.id;
    const other = await apiRequest(app, "POST", "/api/consultations", { session: analyst, body: { title: "Other", kind: "standard", draftMarkdown: "Only one.", deadline } });
    otherId = (await jsonOf<Item>(other)).id;
    await apiRequest(app, "POST", `/api/consultations/${otherId}/invitations`, { session: analyst, body: { invitees: [{ email: "someone@elsewhere.example", sector: "government", organisation: "X" }] } });

    const invited = await apiRequest(app, "POST", `/api/consultations/${consultationId}/invitations`, {
      session: analyst,
      body: { invitees: [{ email: emailA, sector: "commercial", organisation: "Orbital Ltd" }, { email: emailB, sector: "academic", organisation: "University" }] },
    });
    expect(invited.status).toBe(201);
    const { items } = await jsonOf<{ items: { email: string; sentAt: string | null; sendError: string | null }[] }>(invited);
    expect(items.map((i) => [i.email, i.sentAt !== null, i.sendError])).toEqual([
      [emailA, true, null],
      [emailB, true, null],
    ]);
    const listed = await jsonOf<{ items: { email: string }[] }>(await apiRequest(app, "GET", `/api/consultations/${consultationId}/invitations`, { session: analyst }));
    expect(listed.items.map((i) => i.email)).toEqual([emailA, emailB]);
    expect((await apiRequest(app, "GET", `/api/consultations/${consultationId}/invitations`, { session: viewer })).status).toBe(403);
    const mailA = await smtp.nextFor(emailA);
    expect(mailA.text).toContain("Olga Organiser");
    tokenA = invitationLinkIn(mailA).token;
    expect(invitationLinkIn(mailA).link).toBe(`https://concord.example.org/invitations/${tokenA}`);

    // Signed out, the link's page shows the title, who invited and the deadline, and nothing else; never cached.
    const preview = await app.request(`/api/invitations/${tokenA}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("cache-control")).toBe("no-store");
    expect(await preview.json()).toEqual({ consultationTitle: "Rendezvous and proximity operations", invitedBy: "Olga Organiser", deadline, accountExists: false, acceptance: "create-account" });
  });

  it("accepting the link signs the stakeholder in (cookie + CSRF token); a second use is refused and the page then says 404", async () => {
    const asForm = await app.request("/api/invitations/accept", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: `token=${tokenA}` });
    expect(asForm.status).toBe(403);
    const accepted = await apiRequest(app, "POST", "/api/invitations/accept", { body: acceptBody(tokenA, "Alice") });
    expect(accepted.status).toBe(200);
    const cookie = sessionCookieOf(accepted);
    const body = await jsonOf<{ csrfToken: string; consultationId: number; accountCreated: boolean; user: { role: string; email: string } }>(accepted);
    expect(body).toMatchObject({ consultationId, accountCreated: true, user: { role: "stakeholder", email: emailA } });
    expect(JSON.stringify(body)).not.toContain("passphrase");
    expect(cookie).not.toBeNull();
    stakeholderA = { cookie: cookie!, csrfToken: body.csrfToken };
    const session = await jsonOf<{ user: { email: string } }>(await apiRequest(app, "GET", "/api/auth/session", { session: stakeholderA }));
    expect(session.user.email).toBe(emailA);

    const again = await apiRequest(app, "POST", "/api/invitations/accept", { body: acceptBody(tokenA, "Mallory") });
    expect(again.status).toBe(409);
    expect((await app.request(`/api/invitations/${tokenA}`)).status).toBe(404);

    const tokenB = invitationLinkIn(await smtp.nextFor(emailB)).token;
    const acceptedB = await apiRequest(app, "POST", "/api/invitations/accept", { body: acceptBody(tokenB, "Bob") });
    stakeholderB = { cookie: sessionCookieOf(acceptedB)!, csrfToken: (await jsonOf<{ csrfToken: string }>(acceptedB)).csrfToken };
  });

  it("a stakeholder sees only its consultation, without the internal note, position or invitation list; another is 404", async () => {
    const list = await jsonOf<{ items: Item[] }>(await apiRequest(app, "GET", "/api/consultations", { session: stakeholderA }));
    expect(list.items.map((c) => c.id)).toEqual([consultationId]);
    const detail = await apiRequest(app, "GET", `/api/consultations/${consultationId}`, { session: stakeholderA });
    expect(detail.status).toBe(200);
    const text = await detail.text();
    expect(text).not.toMatch(/Red line|internalNote|positionId|invitations"|@uni\.example|someone@/);
    const hidden = await apiRequest(app, "GET", `/api/consultations/${otherId}`, { session: stakeholderA });
    const missing = await apiRequest(app, "GET", "/api/consultations/999999", { session: stakeholderA });
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect((await apiRequest(app, "GET", `/api/consultations/${otherId}/comments`, { session: stakeholderA })).status).toBe(404);
    const ownList = await jsonOf<{ items: Item[] }>(await apiRequest(app, "GET", "/api/consultations", { session: outsider }));
    expect(ownList.items).toEqual([]);
    expect((await apiRequest(app, "GET", `/api/consultations/${consultationId}`, { session: outsider })).status).toBe(404);
    // Route-level denials for a stakeholder: organiser routes are 403.
    for (const [method, path] of [
      ["GET", `/api/consultations/${consultationId}/summary`],
      ["GET", `/api/consultations/${consultationId}/invitations`],
      ["POST", `/api/consultations/${consultationId}/close`],
    ] as const) {
      expect(`${method} ${path} ${(await apiRequest(app, method, path, { session: stakeholderA })).status}`).toBe(`${method} ${path} 403`);
    }
  });

  it("comments: B never sees A's confidential comment, sees A's public one; a viewer sees only public ones and cannot write", async () => {
    const post = (session: TestSession, paragraphNumber: number, visibility: string, bodyMarkdown: string) =>
      apiRequest(app, "POST", `/api/consultations/${consultationId}/comments`, { session, body: { paragraphNumber, visibility, bodyMarkdown } });
    const secret = await post(stakeholderA, 2, "confidential", "Our launch is in April <script>alert(1)</script>");
    expect(secret.status).toBe(201);
    expect((await jsonOf<{ html: string }>(secret)).html).not.toContain("<script");
    expect((await post(stakeholderA, 1, "public", "Scope is fine.")).status).toBe(201);
    expect((await post(stakeholderB, 3, "public", "Agreed.")).status).toBe(201);

    const seen = async (session: TestSession) =>
      (await jsonOf<{ items: { markdown: string; visibility: string }[] }>(await apiRequest(app, "GET", `/api/consultations/${consultationId}/comments`, { session }))).items.map((c) => `${c.visibility}:${c.markdown.slice(0, 12)}`);
    expect(await seen(stakeholderA)).toEqual(["public:Scope is fin", "confidential:Our launch i", "public:Agreed."]);
    expect(await seen(stakeholderB)).toEqual(["public:Scope is fin", "public:Agreed."]);
    expect(await seen(viewer)).toEqual(["public:Scope is fin", "public:Agreed."]);
    expect(await seen(analyst)).toEqual(["public:Scope is fin", "confidential:Our launch i", "public:Agreed."]);

    expect((await post(viewer, 1, "public", "I am a viewer")).status).toBe(403);
    expect((await post(analyst, 1, "public", "Organisers do not comment")).status).toBe(403);
    expect((await post(outsider, 1, "public", "Let me in")).status).toBe(404);
    const noCsrf = await app.request(`/api/consultations/${consultationId}/comments`, {
      method: "POST",
      headers: { Cookie: stakeholderA.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ paragraphNumber: 1, visibility: "public", bodyMarkdown: "forged" }),
    });
    expect(noCsrf.status).toBe(403);
    expect((await apiRequest(app, "GET", "/api/consultations")).status).toBe(401);
    expect((await apiRequest(app, "POST", "/api/consultations", { session: viewer, body: { title: "x", kind: "standard", draftMarkdown: "x", deadline } })).status).toBe(403);
    expect((await apiRequest(app, "GET", `/api/consultations/${consultationId}/summary`, { session: viewer })).status).toBe(403);
  });

  it("the organiser exports the summary as JSON, Markdown and CSV, confidential comments marked", async () => {
    const json = await jsonOf<{ counts: { total: number; confidential: number; bySector: Record<string, number> } }>(
      await apiRequest(app, "GET", `/api/consultations/${consultationId}/summary`, { session: analyst }),
    );
    expect(json.counts).toMatchObject({ total: 3, confidential: 1, bySector: { commercial: 2, academic: 1, "non-profit": 0, government: 0 } });
    const md = await apiRequest(app, "GET", `/api/consultations/${consultationId}/summary?format=md`, { session: analyst });
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(md.headers.get("content-disposition")).toBe(`attachment; filename="consultation-${consultationId}-summary.md"`);
    const markdown = await md.text();
    expect(markdown).toContain("# Consultation summary: Rendezvous and proximity operations");
    expect(markdown).toContain(`- Deadline: ${deadline}`);
    expect(markdown).toContain("- Comments by sector: commercial 2, academic 1, non-profit 0, government 0");
    expect(markdown).toMatch(/#### Comment \d+ — \*\*CONFIDENTIAL\*\* — Alice/);
    const csv = await (await apiRequest(app, "GET", `/api/consultations/${consultationId}/summary?format=csv`, { session: analyst })).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines.filter((l) => l.startsWith("#"))).toHaveLength(5);
    expect(lines[5]).toBe("comment_id,paragraph,sector,organisation,author,author_email,visibility,created_at,comment");
    expect(lines.slice(6).map((l) => l.split(",").slice(1, 3).concat(l.split(",")[6] ?? ""))).toEqual([
      ["1", "commercial", "public"],
      ["2", "commercial", "confidential"],
      ["3", "academic", "public"],
    ]);
  });

  it("declares every consultation route's access in the published OpenAPI document", async () => {
    const document = await jsonOf<{ paths: Record<string, Record<string, { "x-concord-access"?: unknown }>> }>(await app.request("/openapi.json"));
    const declared = Object.entries(document.paths)
      .filter(([path]) => path.startsWith("/api/consultations") || path.startsWith("/api/invitations"))
      .flatMap(([path, operations]) => Object.entries(operations).map(([method, operation]) => `${method.toUpperCase()} ${path} ${JSON.stringify(operation["x-concord-access"])}`))
      .sort();
    const everyRole = '["admin","analyst","viewer","stakeholder"]';
    const organisers = '["admin","analyst"]';
    expect(declared).toEqual(
      [
        `GET /api/consultations ${everyRole}`,
        `POST /api/consultations ${organisers}`,
        `GET /api/consultations/{id} ${everyRole}`,
        `GET /api/consultations/{id}/invitations ${organisers}`,
        `POST /api/consultations/{id}/invitations ${organisers}`,
        `POST /api/consultations/{id}/invitations/{invitationId}/send ${organisers}`,
        `POST /api/consultations/{id}/close ${organisers}`,
        `GET /api/consultations/{id}/comments ${everyRole}`,
        'POST /api/consultations/{id}/comments ["stakeholder"]',
        `GET /api/consultations/{id}/summary ${organisers}`,
        'GET /api/invitations/{token} "public"',
        'POST /api/invitations/accept "public"',
      ].sort(),
    );
  });

  it("closing refuses further comments (409 naming the deadline); the audit log shows every step", async () => {
    expect((await apiRequest(app, "POST", `/api/consultations/${consultationId}/close`, { session: analyst })).status).toBe(200);
    const late = await apiRequest(app, "POST", `/api/consultations/${consultationId}/comments`, { session: stakeholderB, body: { paragraphNumber: 1, visibility: "public", bodyMarkdown: "late" } });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain(deadline);
    const actions = (await searchAuditEntries(context.database.db, { order: "asc" })).map((e) => e.action).filter((a) => a.startsWith("consultation"));
    expect(new Set(actions)).toEqual(
      new Set(["consultation.open", "consultation_invitation.create", "consultation_invitation.send", "consultation_invitation.accept", "consultation_comment.create", "consultation.close"]),
    );
  });
});
