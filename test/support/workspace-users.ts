import type { Kysely } from "kysely";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Role } from "../../src/accounts/role.ts";
import { SYSTEM_ACTOR } from "../../src/accounts/audit-actor.ts";
import { createUser } from "../../src/accounts/user.service.ts";
import type { StoreSchema } from "../../src/store/schema.ts";

/** A signed-in browser, as a test holds it: the Cookie header to send and the session's CSRF token. */
export interface TestSession {
  readonly cookie: string;
  readonly csrfToken: string;
}

export interface TestUserOptions {
  readonly role: Role;
  readonly email?: string;
  readonly password?: string;
  readonly displayName?: string;
  readonly organisation?: string;
  readonly sector?: string;
}

let counter = 0;

/** Creates a user through the real service (argon2id hash, audit entry) and returns its id, e-mail and password. */
export async function createTestUser(db: Kysely<StoreSchema>, options: TestUserOptions): Promise<{ id: number; email: string; password: string }> {
  counter += 1;
  const email = options.email ?? `${options.role}-${process.pid}-${counter}@example.org`;
  const password = options.password ?? `correct horse battery ${options.role} ${counter}`;
  const user = await createUser(
    db,
    {
      email,
      displayName: options.displayName ?? `Test ${options.role} ${counter}`,
      role: options.role,
      password,
      organisation: options.organisation ?? null,
      sector: options.sector ?? null,
    },
    SYSTEM_ACTOR,
    new Date(),
  );
  return { id: user.id, email: user.email, password };
}

/** The `name=value` part of a Set-Cookie header for the session cookie, or null. */
export function sessionCookieOf(response: Response): string | null {
  for (const header of response.headers.getSetCookie()) {
    const match = /^(concord_session=[^;]*)/.exec(header);
    if (match?.[1] !== undefined && match[1] !== "concord_session=") return match[1];
  }
  return null;
}

/** Signs in through POST /api/auth/login; throws (with the answer) when that fails. */
export async function signIn(app: OpenAPIHono, email: string, password: string): Promise<TestSession> {
  const response = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = sessionCookieOf(response);
  if (cookie === null) throw new Error(`sign-in of ${email} set no session cookie`);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

/**
 * A request to the in-process app as a signed-in browser (or signed out without `session`): adds the session cookie,
 * the X-CSRF-Token header and a JSON body (with its Content-Type) when given.
 */
export function apiRequest(app: OpenAPIHono, method: string, path: string, options: { session?: TestSession | null; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.session) {
    headers["Cookie"] = options.session.cookie;
    headers["X-CSRF-Token"] = options.session.csrfToken;
  }
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  return Promise.resolve(app.request(path, init));
}
