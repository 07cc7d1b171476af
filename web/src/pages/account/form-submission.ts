import { ApiError } from "../../api/api-error.ts";

/** The outcome of a form's API call: its data, or the API's error with the Retry-After of a 429. */
export type Submission<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ApiError; readonly retryAfterS: number | null };

interface ErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string; readonly field?: string };
}

/**
 * Runs an openapi-fetch call for a form: never throws; a network failure becomes status 0. Unlike `unwrap` it keeps
 * the Retry-After header (the sign-in rate limit answers 429 with it).
 */
export async function submitted<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Submission<T>> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    return { ok: false, error: new ApiError(0, "NETWORK", "No answer from the server: check that it is running, then try again."), retryAfterS: null };
  }
  const { response } = result;
  if (response.ok && result.data !== undefined) return { ok: true, data: result.data };
  const body = (result.error ?? {}) as ErrorBody;
  const retryAfter = Number(response.headers.get("Retry-After"));
  return {
    ok: false,
    error: new ApiError(response.status, body.error?.code ?? `HTTP_${response.status}`, body.error?.message ?? `HTTP ${response.status} ${response.statusText}`, body.error?.field),
    retryAfterS: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  };
}

/** "too many attempts, try again in N minutes" from a 429's Retry-After (seconds). */
export function tooManyAttemptsMessage(retryAfterS: number | null): string {
  if (retryAfterS === null) return "Too many attempts: try again in a few minutes.";
  const minutes = Math.max(1, Math.ceil(retryAfterS / 60));
  return `Too many attempts: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Only a path of this site (never another origin): the target after signing in. */
export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
