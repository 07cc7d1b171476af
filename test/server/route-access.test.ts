import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { createErrorHandler } from "../../src/server/error-handler.ts";
import { ACCESS_KEY, accessAllows, routeAccessMiddleware } from "../../src/server/auth/route-access.ts";
import type { Principal } from "../../src/server/auth/principal.ts";

/** A small app with an undeclared, a public and an analyst-only route; the principal comes from a test header. */
function testApp() {
  const app = new OpenAPIHono();
  app.onError(createErrorHandler(() => undefined));
  app.use("/api/*", async (c, next) => {
    const role = c.req.header("x-test-role");
    const principal: Principal | null = role === undefined ? null : { userId: 1, role: role as Principal["role"], email: "t@example.org", displayName: "T", sessionIdHash: "h" };
    c.set("principal", principal);
    await next();
  });
  app.use("/api/*", routeAccessMiddleware(app));
  const ok = { 200: { description: "ok", content: { "application/json": { schema: z.object({ ok: z.boolean() }) } } } };
  app.openapi(createRoute({ method: "get", path: "/api/undeclared", responses: ok }), (c) => c.json({ ok: true }, 200));
  app.openapi(createRoute({ method: "get", path: "/api/open", [ACCESS_KEY]: "public", responses: ok }), (c) => c.json({ ok: true }, 200));
  app.openapi(createRoute({ method: "get", path: "/api/things/{id}", [ACCESS_KEY]: ["analyst"], request: { params: z.object({ id: z.string() }) }, responses: ok }), (c) =>
    c.json({ ok: true }, 200),
  );
  app.get("/api/raw", (c) => c.json({ ok: true }));
  return app;
}

describe("route access (deny by default)", () => {
  it("refuses a route that declares no access, for everyone", async () => {
    const app = testApp();
    expect((await app.request("/api/undeclared")).status).toBe(403);
    expect((await app.request("/api/undeclared", { headers: { "x-test-role": "admin" } })).status).toBe(403);
  });

  it("lets anyone call a public route, and only the named roles a role route (401 signed out, 403 otherwise)", async () => {
    const app = testApp();
    expect((await app.request("/api/open")).status).toBe(200);
    expect((await app.request("/api/things/7")).status).toBe(401);
    expect((await app.request("/api/things/7", { headers: { "x-test-role": "viewer" } })).status).toBe(403);
    expect((await app.request("/api/things/7", { headers: { "x-test-role": "analyst" } })).status).toBe(200);
  });

  it("answers 404 for a raw route or method that no OpenAPI definition declares", async () => {
    const app = testApp();
    expect((await app.request("/api/raw")).status).toBe(404);
    expect((await app.request("/api/open", { method: "POST" })).status).toBe(404);
    expect((await app.request("/api/things/7/more", { headers: { "x-test-role": "analyst" } })).status).toBe(404);
  });

  it("allows by role list exactly", () => {
    expect(accessAllows("public", null)).toBe(true);
    expect(accessAllows(["admin", "analyst"], null)).toBe(false);
    expect(accessAllows(["admin", "analyst"], "analyst")).toBe(true);
    expect(accessAllows(["admin", "analyst"], "stakeholder")).toBe(false);
  });
});
