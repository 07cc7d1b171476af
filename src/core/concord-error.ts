/**
 * Base class of every error Concord throws on purpose. Each subclass carries a stable `code`
 * that the HTTP layer and the CLI map to statuses and exit codes in one place each.
 * Expected outcomes (a rejected record, a decayed object) are values, not errors.
 */
export abstract class ConcordError extends Error {
  abstract readonly code: string;
}

/** A whole source cannot be read: unknown format, truncated gzip, unreadable file. */
export class SourceFormatError extends ConcordError {
  readonly code = "SOURCE_FORMAT";
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
    this.name = "SourceFormatError";
  }
}

/** A remote source could not be fetched (network, HTTP status, authentication, rate limit). */
export class SourceFetchError extends ConcordError {
  readonly code = "SOURCE_FETCH";
  constructor(
    readonly source: string,
    message: string,
    readonly status: number | null = null,
  ) {
    super(`${source}: ${message}`);
    this.name = "SourceFetchError";
  }
}

/** Input given by a user (flag, query parameter, configuration) is invalid. */
export class InvalidInputError extends ConcordError {
  readonly code = "INVALID_INPUT";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "InvalidInputError";
  }
}

/** A requested thing does not exist (object, ingest, run). */
export class NotFoundError extends ConcordError {
  readonly code = "NOT_FOUND";
  constructor(
    readonly what: string,
    message: string,
  ) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The request needs a signed-in user and has none (or its session expired). */
export class UnauthenticatedError extends ConcordError {
  readonly code = "UNAUTHENTICATED";
  constructor(message = "sign in first") {
    super(message);
    this.name = "UnauthenticatedError";
  }
}

/** The signed-in user's role (or a missing CSRF token) does not allow this request. */
export class ForbiddenError extends ConcordError {
  readonly code = "FORBIDDEN";
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The request conflicts with the stored state (a duplicate name, a stale version, a clearance step out of order). */
export class ConflictError extends ConcordError {
  readonly code = "CONFLICT";
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Too many attempts (sign-in rate limit); `retryAfterS` says when to try again. */
export class RateLimitedError extends ConcordError {
  readonly code = "RATE_LIMITED";
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}
