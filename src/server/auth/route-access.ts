import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { Role } from "../../accounts/role.ts";
import { isRole } from "../../accounts/role.ts";
import { ForbiddenError, UnauthenticatedError } from "../../core/concord-error.ts";
import { notFoundHandler } from "../error-handler.ts";
import { principalOf } from "./principal.ts";

/**
 * Who may call a route (issue 7: deny by default). Every OpenAPI route declares it in its definition under
 * `x-concord-access`, so the published OpenAPI document says it too:
 * - `"public"`: anyone, signed out included (the public evidence base, health, sign-in);
 * - a list of roles: a signed-in user with one of them (401 when signed out, 403 otherwise).
 * Object-level rules (a stakeholder's own consultations) are the services' business on top of this.
 * A route without a declaration is refused (403) for everyone.
 */
export type RouteAccess = "public" | readonly Role[];

export const ACCESS_KEY = "x-concord-access";

declare module "hono" {
  interface ContextVariableMap {
    /** Set by the route-access middleware: the declared access of the route a request is for (CSRF and caching read it). */
    routeAccess: RouteAccess;
  }
}

/** Raw (non-OpenAPI) routes under /api/ that are public: the human-readable API page. */
const PUBLIC_RAW_API_PATHS: readonly string[] = ["/api/docs"];

interface AccessRule {
  readonly method: string;
  readonly path: string;
  readonly pattern: RegExp;
  readonly access: RouteAccess | null;
}

/** `/api/states/{state}` → a pattern matching one path segment per parameter. */
function pathPattern(openApiPath: string): RegExp {
  const escaped = openApiPath
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${escaped}$`);
}

function parseAccess(value: unknown): RouteAccess | null {
  if (value === "public") return "public";
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && isRole(v))) return value as Role[];
  return null;
}

/** The declared access of every OpenAPI route of the app (null where a route declares none). */
export function accessRules(app: OpenAPIHono): AccessRule[] {
  const rules: AccessRule[] = [];
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== "route") continue;
    const route = definition.route as unknown as Record<string, unknown> & { method: string; path: string };
    rules.push({ method: route.method.toUpperCase(), path: route.path, pattern: pathPattern(route.path), access: parseAccess(route[ACCESS_KEY]) });
  }
  // Literal segments before parameters: `/api/instruments/growth` wins over `/api/instruments/{id}`.
  return rules.sort((a, b) => a.path.split("{").length - b.path.split("{").length);
}

/** Whether a principal with this role (null = signed out) may call a route with this access. Pure. */
export function accessAllows(access: RouteAccess, role: Role | null): boolean {
  if (access === "public") return true;
  return role !== null && access.includes(role);
}

/**
 * The middleware for `/api/*`: finds the OpenAPI route a request is for and enforces its declared access. Runs
 * after the session middleware (which sets the principal). A request for no declared route is a 404 unless it is a
 * listed public raw route; the rules are read from the app's registry on the first request, when every route is
 * registered.
 */
export function routeAccessMiddleware(app: OpenAPIHono): MiddlewareHandler {
  let rules: AccessRule[] | null = null;
  return async (c, next) => {
    rules ??= accessRules(app);
    const method = c.req.method === "HEAD" ? "GET" : c.req.method;
    const path = c.req.path;
    const rule = rules.find((r) => r.method === method && r.pattern.test(path));
    if (rule === undefined) {
      if (method === "GET" && PUBLIC_RAW_API_PATHS.includes(path)) return next();
      // Nothing declared for this method and path: unknown (deny by default, even for a raw route).
      return notFoundHandler(c);
    }
    if (rule.access === null) throw new ForbiddenError(`${rule.method} ${rule.path} declares no access policy: denied by default`);
    c.set("routeAccess", rule.access);
    const principal = principalOf(c);
    if (rule.access === "public") return next();
    if (principal === null) throw new UnauthenticatedError();
    if (!accessAllows(rule.access, principal.role)) throw new ForbiddenError(`${rule.method} ${rule.path} is not allowed for the role ${principal.role}`);
    return next();
  };
}
