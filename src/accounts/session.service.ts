import type { Kysely, Transaction } from "kysely";
import type { StoreSchema } from "../store/schema.ts";
import { deleteExpiredSessions, deleteSession, findSessionWithUser, insertSession, touchSession } from "../store/session.repository.ts";
import type { UserRecord } from "../store/user.repository.ts";
import { randomSecretToken, secretTokenHash } from "./secret-token.ts";

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** A session ends after this long without a request (idle expiry)… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and this long after sign-in whatever the activity (absolute expiry): a working day. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** The last-seen time is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60 * 1000;

export interface StartedSession {
  /** The cookie value: 32 random bytes, base64url. Only its SHA-256 is stored; it is never logged. */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/**
 * Starts a new session for a user: a fresh random id (never one the client chose) and a fresh CSRF token. Sessions of
 * anyone that have expired are deleted on the way (housekeeping).
 */
export async function startSession(db: Db, userId: number, now: Date): Promise<StartedSession> {
  await deleteExpiredSessions(db, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
  const sessionId = randomSecretToken();
  const csrfToken = randomSecretToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await insertSession(db, {
    idHash: secretTokenHash(sessionId),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { sessionId, csrfToken, expiresAt };
}

/**
 * Signs a user in after its credentials were checked: invalidates any session id the client presented (session
 * fixation: whatever id a browser carried before sign-in is dead afterwards) and starts a new one.
 */
export async function replaceSession(db: Db, userId: number, presentedSessionId: string | null, now: Date): Promise<StartedSession> {
  if (presentedSessionId !== null) await deleteSession(db, secretTokenHash(presentedSessionId));
  return startSession(db, userId, now);
}

export interface ResolvedSession {
  readonly user: UserRecord;
  readonly idHash: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** Whether a session is over at `now`: past its absolute expiry, or idle for longer than SESSION_IDLE_MS. Pure. */
export function sessionExpired(session: { lastSeenAt: string; expiresAt: string }, now: Date): boolean {
  return Date.parse(session.expiresAt) <= now.getTime() || Date.parse(session.lastSeenAt) + SESSION_IDLE_MS <= now.getTime();
}

/**
 * The live session a cookie value names, or null: unknown, expired (idle or absolute; deleted then) or its user is
 * disabled. Refreshes the last-seen time (at most once a minute).
 */
export async function resolveSession(db: Db, sessionId: string, now: Date): Promise<ResolvedSession | null> {
  const idHash = secretTokenHash(sessionId);
  const found = await findSessionWithUser(db, idHash);
  if (found === null) return null;
  if (sessionExpired(found.session, now) || found.user.disabled) {
    await deleteSession(db, idHash);
    return null;
  }
  if (now.getTime() - Date.parse(found.session.lastSeenAt) >= TOUCH_EVERY_MS) await touchSession(db, idHash, now.toISOString());
  return { user: found.user, idHash, csrfToken: found.session.csrfToken, expiresAt: found.session.expiresAt };
}

/** Ends a session (sign-out); true when there was one. */
export async function endSession(db: Db, idHash: string): Promise<boolean> {
  return (await deleteSession(db, idHash)) > 0;
}
