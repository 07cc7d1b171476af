/**
 * The sign-in rate limit: failed sign-ins are counted in a sliding window, per e-mail (guessing one account's password)
 * and per client address (trying many accounts from one place). While either count is at its limit, sign-in is refused
 * without checking the password (so a correct guess cannot be confirmed either). A successful sign-in clears the
 * e-mail's count; refused attempts are not counted (the window ends on schedule).
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export interface RecentFailures {
  /** ISO times of the failures inside the window, oldest first. */
  readonly byEmail: readonly string[];
  readonly byAddress: readonly string[];
}

/** Seconds until the count of `failures` (oldest first) drops below `limit`; 0 when it already is. */
function secondsUntilBelow(failures: readonly string[], limit: number, nowMs: number): number {
  if (failures.length < limit) return 0;
  // The window must lose (count - limit + 1) failures: the one at index count - limit leaves it last.
  const leaving = failures[failures.length - limit];
  if (leaving === undefined) return 0;
  return Math.max(1, Math.ceil((Date.parse(leaving) + LOGIN_WINDOW_MS - nowMs) / 1000));
}

/** Seconds to wait before the next sign-in attempt may be checked, or null when it may be checked now. Pure. */
export function loginRetryAfterS(failures: RecentFailures, now: Date): number | null {
  const wait = Math.max(
    secondsUntilBelow(failures.byEmail, MAX_FAILURES_PER_EMAIL, now.getTime()),
    secondsUntilBelow(failures.byAddress, MAX_FAILURES_PER_ADDRESS, now.getTime()),
  );
  return wait > 0 ? wait : null;
}
