import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { ConcordError, InvalidInputError, RateLimitedError } from "../core/concord-error.ts";

/**
 * The one place where errors become HTTP responses. Body: `{ error: { code, message, field? } }`; never a stack trace.
 * ConcordError codes map to statuses here; anything else is a 500 whose details go to the server log only.
 */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly field?: string };
}

const STATUS_BY_CODE: Readonly<Record<string, ContentfulStatusCode>> = {
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SOURCE_FORMAT: 502,
  SOURCE_FETCH: 502,
};

/**
 * HTTP status of a ConcordError code: INVALID_INPUT 400, UNAUTHENTICATED 401, FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409,
 * RATE_LIMITED 429, SOURCE_* 502, anything else 500.
 */
export function statusForErrorCode(code: string): ContentfulStatusCode {
  return STATUS_BY_CODE[code] ?? (code.startsWith("SOURCE_") ? 502 : 500);
}

/** The status and body for any thrown value. */
export function errorResponse(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof InvalidInputError) {
    return { status: 400, body: { error: { code: error.code, message: error.message, field: error.field } } };
  }
  if (error instanceof ConcordError) {
    return { status: statusForErrorCode(error.code), body: { error: { code: error.code, message: error.message } } };
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return { status, body: { error: { code: status === 404 ? "NOT_FOUND" : status < 500 ? "BAD_REQUEST" : "INTERNAL", message: error.message } } };
  }
  return { status: 500, body: { error: { code: "INTERNAL", message: "internal error: see the server log" } } };
}

/** The error from a failed request validation: the first issue, naming the offending parameter. */
export function validationError(error: ZodError): InvalidInputError {
  const issue = error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? "request" : issue.path.map(String).join(".");
  return new InvalidInputError(field, issue?.message ?? "invalid value");
}

/** `app.onError`: maps the error, logs unexpected ones (with their stack) to the server log, answers JSON. */
export function createErrorHandler(log: (line: string) => void) {
  return (error: unknown, c: Context) => {
    const { status, body } = errorResponse(error);
    if (error instanceof RateLimitedError) c.header("Retry-After", String(error.retryAfterS));
    if (status >= 500 && !(error instanceof ConcordError && status === 502)) {
      log(`server error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    return c.json(body, status);
  };
}

/** `app.notFound`: an unknown route is a JSON 404 like any other. */
export function notFoundHandler(c: Context) {
  const body: ErrorBody = { error: { code: "NOT_FOUND", message: `no route ${c.req.method} ${c.req.path}; the API is described at /openapi.json` } };
  return c.json(body, 404);
}
