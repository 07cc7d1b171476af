import type { Kysely } from "kysely";
import { RateLimitedError, UnauthenticatedError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { clearFailedLogins, pruneFailedLogins, recentFailedLogins, recordFailedLogin } from "../store/login-attempt.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import type { UserRecord } from "../store/user.repository.ts";
import { findUserCredentials } from "../store/user.repository.ts";
import { LOGIN_WINDOW_MS, loginRetryAfterS } from "./login-rate-limit.ts";
import { verifyPassword } from "./password-hash.ts";
import type { StartedSession } from "./session.service.ts";
import { replaceSession } from "./session.service.ts";

export interface PasswordSignIn {
  readonly email: string;
  readonly password: string;
  /** Where the request came from (the rate limit's second key). */
  readonly clientAddress: string;
  /** The session id the client's cookie carried, if any: it is invalidated (session fixation). */
  readonly presentedSessionId: string | null;
}

export interface SignedIn {
  readonly user: UserRecord;
  readonly session: StartedSession;
}

/** The one answer to every failed sign-in: it does not tell an unknown e-mail from a wrong password or a disabled account. */
const SIGN_IN_REFUSED = "wrong e-mail or password (or the account is disabled)";

/**
 * Signs in with e-mail and password: refuses while the rate limit holds (RateLimitedError with the seconds to wait),
 * verifies the argon2id hash (an unknown e-mail costs the same time), refuses disabled accounts, then starts a new
 * session (any presented one is invalidated) and clears the e-mail's failure count. Audited as `user.sign_in`.
 */
export async function signInWithPassword(db: Kysely<StoreSchema>, attempt: PasswordSignIn, now: Date): Promise<SignedIn> {
  const email = attempt.email.trim().toLowerCase();
  const windowStartIso = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  const retryAfterS = loginRetryAfterS(await recentFailedLogins(db, email, attempt.clientAddress, windowStartIso), now);
  if (retryAfterS !== null) throw new RateLimitedError(`too many failed sign-ins: try again in ${retryAfterS} s`, retryAfterS);

  const credentials = await findUserCredentials(db, email);
  const passwordMatches = await verifyPassword(credentials?.passwordHash ?? null, attempt.password);
  if (credentials === null || !passwordMatches || credentials.user.disabled) {
    if (!passwordMatches) {
      await recordFailedLogin(db, email, attempt.clientAddress, now.toISOString());
      await pruneFailedLogins(db, windowStartIso);
    }
    throw new UnauthenticatedError(SIGN_IN_REFUSED);
  }
  const user = credentials.user;
  const session = await db.transaction().execute(async (trx) => {
    await clearFailedLogins(trx, email);
    const started = await replaceSession(trx, user.id, attempt.presentedSessionId, now);
    await appendAuditEntry(trx, { actorUserId: user.id, actorLabel: user.email, action: "user.sign_in", entityType: "user", entityId: String(user.id), before: null, after: { method: "password" }, atIso: now.toISOString() });
    return started;
  });
  return { user, session };
}
