/**
 * How the positions service reads the evidence base: a function from an evidence API path (`/api/states/CHN`,
 * `/api/stats?by=regime`) to that answer's JSON body, as the app's public API gives it now. The server passes one that
 * calls the app in-process (src/server/evidence-resolver.ts); the domain knows no HTTP.
 */
export type EvidenceLookup =
  | { readonly ok: true; readonly body: unknown }
  /** `refused`: the path is not a citable evidence route (400); `failed`: the route answered an error (e.g. 404). */
  | { readonly ok: false; readonly reason: "refused" | "failed"; readonly problem: string };

export type EvidenceResolver = (apiPath: string) => Promise<EvidenceLookup>;

export const MAX_EVIDENCE_PATH_LENGTH = 500;

/**
 * The path's shape, before any route is looked at: an absolute `/api/…` path with an optional query, no host, no
 * fragment, no `..` or empty segment, no whitespace. Null when fine, else the problem. Pure.
 */
export function evidencePathProblem(apiPath: string): string | null {
  if (apiPath.length > MAX_EVIDENCE_PATH_LENGTH) return `at most ${MAX_EVIDENCE_PATH_LENGTH} characters`;
  if (!apiPath.startsWith("/api/")) return "an evidence API path starts with /api/ (e.g. /api/states/CHN)";
  if (/[\s#\\]/.test(apiPath) || [...apiPath].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return "no whitespace, control character, fragment or backslash";
  const path = apiPath.split("?")[0] ?? "";
  const segments = path.split("/").slice(1);
  if (segments.some((s) => s === "" || s === "." || s === ".." || /%2e%2e|%2f/i.test(s))) return "no empty, . or .. segment";
  return null;
}
