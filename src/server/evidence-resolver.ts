import type { OpenAPIHono } from "@hono/zod-openapi";
import { evidencePathProblem } from "../positions/evidence-resolver.ts";
import type { EvidenceResolver } from "../positions/evidence-resolver.ts";
import { accessRules } from "./auth/route-access.ts";

/** Public GET routes that are not evidence: sign-in and session state, invitations. */
const NOT_EVIDENCE_PREFIXES = ["/api/auth/", "/api/invitations", "/api/consultations", "/api/docs"];

const INTERNAL_ORIGIN = "http://concord.internal";

/**
 * The evidence resolver of the positions service: reads a figure's answer from the app's own public API, in-process
 * (`app.request`), as a signed-out client would get it — no cookie, so it sees exactly what the public evidence base
 * shows. Only GET routes declared `public` under /api/ are citable (the workspace's sign-in and invitation routes
 * excepted); anything else is refused before a request is made. The route's error answer (e.g. 404 for an unknown
 * state) becomes the lookup's problem.
 */
export function inProcessEvidenceResolver(app: OpenAPIHono): EvidenceResolver {
  let rules: ReturnType<typeof accessRules> | null = null;
  return async (apiPath) => {
    const problem = evidencePathProblem(apiPath);
    if (problem !== null) return { ok: false, reason: "refused", problem: `${apiPath}: ${problem}` };
    const url = new URL(apiPath, INTERNAL_ORIGIN);
    rules ??= accessRules(app);
    const rule = rules.find((r) => r.method === "GET" && r.pattern.test(url.pathname));
    if (rule === undefined || rule.access !== "public" || NOT_EVIDENCE_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) {
      return { ok: false, reason: "refused", problem: `${url.pathname} is not a public evidence route of this API (e.g. /api/states/{state}, /api/instruments/{id}, /api/stats): see /openapi.json` };
    }
    const response = await app.request(`${url.pathname}${url.search}`, { method: "GET", headers: { accept: "application/json" } });
    const contentType = response.headers.get("content-type") ?? "";
    if (!contentType.includes("application/json")) {
      await response.body?.cancel();
      return { ok: false, reason: "failed", problem: `GET ${apiPath} answered ${response.status} without JSON` };
    }
    const body = (await response.json()) as unknown;
    if (!response.ok) {
      const message = (body as { error?: { message?: unknown } }).error?.message;
      return { ok: false, reason: "failed", problem: `GET ${apiPath} answered ${response.status}${typeof message === "string" ? `: ${message}` : ""}` };
    }
    return { ok: true, body };
  };
}
