import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ConcordContext } from "../../app/concord-context.ts";
import { completeAccountSetup, issuePasswordSetupLink } from "../../accounts/account-setup.service.ts";
import { auditEntriesCsv, auditEntriesJson, collectAuditEntries } from "../../accounts/audit-export.ts";
import type { SignedIn } from "../../accounts/login.service.ts";
import { signInWithPassword } from "../../accounts/login.service.ts";
import { endSession } from "../../accounts/session.service.ts";
import { createUser, hasAnyAdmin, updateUser } from "../../accounts/user.service.ts";
import { NotFoundError } from "../../core/concord-error.ts";
import { appendAuditEntry } from "../../store/audit-log.repository.ts";
import { countAuditEntries, searchAuditEntries } from "../../store/audit-search.queries.ts";
import type { UserRecord } from "../../store/user.repository.ts";
import { findUserById, listUsers } from "../../store/user.repository.ts";
import { auditActorOf, principalOf, requirePrincipal } from "../auth/principal.ts";
import { ACCESS_KEY } from "../auth/route-access.ts";
import { clientAddressOf } from "../auth/client-address.ts";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "../auth/session-cookie.ts";
import {
  AuditExportQuerySchema,
  AuditListQuerySchema,
  AuditListResponseSchema,
  CreateUserBodySchema,
  CreatedUserResponseSchema,
  LoginBodySchema,
  OkResponseSchema,
  PatchUserBodySchema,
  SessionResponseSchema,
  SetupBodySchema,
  SignedInResponseSchema,
  UserIdParamsSchema,
  UserListQuerySchema,
  UserListResponseSchema,
  UserResponseSchema,
} from "../schemas/accounts.schemas.ts";
import { ERROR_RESPONSES, NOT_FOUND_RESPONSE, jsonResponse } from "../schemas/responses.ts";
import { registerOidcRoutes } from "./accounts-oidc.routes.ts";

const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const AUTH_ERRORS = { ...ERROR_RESPONSES, 401: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "Not signed in, or wrong credentials"), 403: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "Wrong role, or missing CSRF token") };

const loginRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: "public",
  path: "/api/auth/login",
  tags: ["accounts"],
  summary: "Sign in with e-mail and password: sets the concord_session cookie (a new session id) and returns the CSRF token",
  request: jsonBody(LoginBodySchema),
  responses: { 200: jsonResponse(SignedInResponseSchema, "Signed in"), ...AUTH_ERRORS, 429: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "Too many failed sign-ins; Retry-After says when to try again") },
});

const sessionRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: "public",
  path: "/api/auth/session",
  tags: ["accounts"],
  summary: "The signed-in user and the session's CSRF token (both null when signed out)",
  responses: { 200: jsonResponse(SessionResponseSchema, "The session"), ...ERROR_RESPONSES },
});

const logoutRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: "public",
  path: "/api/auth/logout",
  tags: ["accounts"],
  summary: "Sign out: ends the session and clears the cookie (a no-op when signed out)",
  responses: { 200: jsonResponse(OkResponseSchema, "Signed out"), ...AUTH_ERRORS },
});

const setupRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: "public",
  path: "/api/auth/setup",
  tags: ["accounts"],
  summary: "Use a single-use setup link: create the first admin (while none exists) or set a user's password; signs in",
  request: jsonBody(SetupBodySchema),
  responses: { 200: jsonResponse(SignedInResponseSchema, "Account set up and signed in"), ...AUTH_ERRORS, 409: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "An admin already exists") },
});

const listUsersRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: ["admin"],
  path: "/api/users",
  tags: ["accounts"],
  summary: "Users, by e-mail (admin)",
  request: { query: UserListQuerySchema },
  responses: { 200: jsonResponse(UserListResponseSchema, "Users"), ...AUTH_ERRORS },
});

const getUserRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: ["admin"],
  path: "/api/users/{id}",
  tags: ["accounts"],
  summary: "One user (admin)",
  request: { params: UserIdParamsSchema },
  responses: { 200: jsonResponse(UserResponseSchema, "The user"), ...AUTH_ERRORS, ...NOT_FOUND_RESPONSE },
});

const createUserRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: ["admin"],
  path: "/api/users",
  tags: ["accounts"],
  summary: "Create a user (admin); without a password, returns a single-use setup link to pass on",
  request: jsonBody(CreateUserBodySchema),
  responses: { 201: jsonResponse(CreatedUserResponseSchema, "Created"), ...AUTH_ERRORS, 409: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "E-mail taken") },
});

const patchUserRoute = createRoute({
  method: "patch",
  [ACCESS_KEY]: ["admin"],
  path: "/api/users/{id}",
  tags: ["accounts"],
  summary: "Change a user's role, name, organisation, sector or disabled flag (admin); disabling ends its sessions",
  request: { params: UserIdParamsSchema, ...jsonBody(PatchUserBodySchema) },
  responses: { 200: jsonResponse(UserResponseSchema, "Updated"), ...AUTH_ERRORS, ...NOT_FOUND_RESPONSE, 409: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "Would leave no enabled admin") },
});

const setupLinkRoute = createRoute({
  method: "post",
  [ACCESS_KEY]: ["admin"],
  path: "/api/users/{id}/setup-link",
  tags: ["accounts"],
  summary: "A new single-use link with which the user sets its password (admin); earlier unused links stop working",
  request: { params: UserIdParamsSchema },
  responses: { 200: jsonResponse(z.object({ setupLink: z.string(), setupLinkExpiresAt: z.string() }), "The link"), ...AUTH_ERRORS, ...NOT_FOUND_RESPONSE },
});

const auditRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: ["admin"],
  path: "/api/audit",
  tags: ["accounts"],
  summary: "The append-only audit log, filtered and paged (admin)",
  request: { query: AuditListQuerySchema },
  responses: { 200: jsonResponse(AuditListResponseSchema, "One page of entries"), ...AUTH_ERRORS },
});

const auditExportRoute = createRoute({
  method: "get",
  [ACCESS_KEY]: ["admin"],
  path: "/api/audit/export",
  tags: ["accounts"],
  summary: "Export the audit log (filtered) as CSV or JSON, oldest first (admin)",
  request: { query: AuditExportQuerySchema },
  responses: {
    200: { description: "The export, as a download", content: { "text/csv": { schema: z.string() }, "application/json": { schema: z.unknown() } } },
    ...AUTH_ERRORS,
  },
});

function userJson(user: UserRecord) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organisation: user.organisation,
    sector: user.sector,
    disabled: user.disabled,
    hasPassword: user.hasPassword,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** Sets the new session's cookie and answers `{ user, csrfToken, expiresAt }` (never the session id itself). */
export function signedInResponse(c: Context, signedIn: SignedIn, config: ConcordContext["config"]) {
  setSessionCookie(c, signedIn.session.sessionId, config);
  c.header("Cache-Control", "no-store");
  return { user: userJson(signedIn.user), csrfToken: signedIn.session.csrfToken, expiresAt: signedIn.session.expiresAt.toISOString() };
}

/** The accounts routes of the workspace (issue 7). Every route declares its access (auth/route-access.ts). */
export function registerAccountsRoutes(app: OpenAPIHono, context: ConcordContext): void {
  const { db } = context.database;
  const { config } = context;

  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const signedIn = await signInWithPassword(db, { email, password, clientAddress: clientAddressOf(c), presentedSessionId: readSessionCookie(c) }, new Date());
    return c.json(signedInResponse(c, signedIn, config), 200);
  });

  app.openapi(sessionRoute, async (c) => {
    const live = c.get("liveSession");
    c.header("Cache-Control", "no-store");
    const oidcEnabled = config.oidcIssuer !== null;
    const setupRequired = !(await hasAnyAdmin(db));
    if (live === null) return c.json({ user: null, csrfToken: null, expiresAt: null, oidcEnabled, setupRequired }, 200);
    return c.json({ user: userJson(live.user), csrfToken: live.csrfToken, expiresAt: live.expiresAt, oidcEnabled, setupRequired }, 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const principal = principalOf(c);
    if (principal !== null) {
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        await endSession(trx, principal.sessionIdHash);
        await appendAuditEntry(trx, { actorUserId: principal.userId, actorLabel: principal.email, action: "user.sign_out", entityType: "user", entityId: String(principal.userId), before: null, after: null, atIso: now.toISOString() });
      });
    }
    clearSessionCookie(c, config);
    c.header("Cache-Control", "no-store");
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(setupRoute, async (c) => {
    const body = c.req.valid("json");
    const signedIn = await completeAccountSetup(db, { token: body.token, password: body.password, email: body.email, displayName: body.displayName, presentedSessionId: readSessionCookie(c) }, new Date());
    return c.json(signedInResponse(c, signedIn, config), 200);
  });

  app.openapi(listUsersRoute, async (c) => {
    const { role, disabled } = c.req.valid("query");
    const users = await listUsers(db, { ...(role === undefined ? {} : { role }), ...(disabled === undefined ? {} : { disabled: disabled === "true" }) });
    return c.json({ items: users.map(userJson) }, 200);
  });

  app.openapi(getUserRoute, async (c) => {
    const { id } = c.req.valid("param");
    const user = await findUserById(db, id);
    if (user === null) throw new NotFoundError("user", `no user #${id}`);
    return c.json({ user: userJson(user) }, 200);
  });

  app.openapi(createUserRoute, async (c) => {
    const body = c.req.valid("json");
    const actor = auditActorOf(requirePrincipal(c));
    const now = new Date();
    const password = body.password === undefined || body.password === "" ? null : body.password;
    const user = await createUser(db, { email: body.email, displayName: body.displayName, role: body.role, password, organisation: body.organisation ?? null, sector: body.sector ?? null }, actor, now);
    const link = password === null ? await issuePasswordSetupLink(db, user.id, config.publicBaseUrl, actor, now) : null;
    c.header("Cache-Control", "no-store");
    return c.json({ user: userJson(user), setupLink: link?.url ?? null, setupLinkExpiresAt: link?.expiresAt.toISOString() ?? null }, 201);
  });

  app.openapi(patchUserRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const user = await updateUser(db, id, body, auditActorOf(requirePrincipal(c)), new Date());
    return c.json({ user: userJson(user) }, 200);
  });

  app.openapi(setupLinkRoute, async (c) => {
    const { id } = c.req.valid("param");
    const user = await findUserById(db, id);
    if (user === null) throw new NotFoundError("user", `no user #${id}`);
    const link = await issuePasswordSetupLink(db, user.id, config.publicBaseUrl, auditActorOf(requirePrincipal(c)), new Date());
    c.header("Cache-Control", "no-store");
    return c.json({ setupLink: link.url, setupLinkExpiresAt: link.expiresAt.toISOString() }, 200);
  });

  app.openapi(auditRoute, async (c) => {
    const q = c.req.valid("query");
    const search = { ...auditFilters(q), order: q.order, cursor: q.cursor, limit: q.limit };
    const items = await searchAuditEntries(db, search);
    const { total, preceding } = await countAuditEntries(db, search);
    const last = items[items.length - 1];
    return c.json({ items, nextCursor: items.length === q.limit && last !== undefined ? last.id : null, total, preceding }, 200);
  });

  app.openapi(auditExportRoute, async (c) => {
    const q = c.req.valid("query");
    const entries = await collectAuditEntries(db, auditFilters(q));
    const now = new Date();
    const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "");
    const csv = q.format === "csv";
    return c.body(csv ? auditEntriesCsv(entries) : auditEntriesJson(entries, now), 200, {
      "Content-Type": csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="concord-audit-${stamp}.${q.format}"`,
      "Cache-Control": "no-store",
    });
  });

  registerOidcRoutes(app, context);
}

function auditFilters(q: { entityType?: string | undefined; entityId?: string | undefined; actorUserId?: number | undefined; action?: string | undefined; since?: string | undefined; until?: string | undefined }) {
  return {
    entityType: q.entityType,
    entityId: q.entityId,
    actorUserId: q.actorUserId,
    action: q.action,
    sinceIso: q.since === undefined ? undefined : new Date(q.since).toISOString(),
    untilIso: q.until === undefined ? undefined : new Date(q.until).toISOString(),
  };
}
