import type { OpenAPIHono } from "@hono/zod-openapi";
import { expect } from "vitest";
import type { Role } from "../../src/accounts/role.ts";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { createApp } from "../../src/server/app.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import type { TestDatabase } from "../support/test-databases.ts";
import { jsonOf, openTemporaryContext } from "../server/server-fixtures.ts";
import { apiRequest, createTestUser, signIn } from "../support/workspace-users.ts";
import type { TestSession } from "../support/workspace-users.ts";
import { openForaStore } from "./fora-fixture.ts";

/** The body of a refused API request. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface ForaApp {
  readonly app: OpenAPIHono;
  readonly database: ConcordDatabase;
  close(): Promise<void>;
}

/**
 * The real app over an emptied store of one test dialect with the diplomacy registry and the curated fora seeded: a
 * full context (config, registries) from a temporary store, with its database swapped for the test dialect's.
 */
export async function openForaApp(target: TestDatabase): Promise<ForaApp> {
  const base = await openTemporaryContext();
  let database: ConcordDatabase | null = null;
  try {
    database = (await openForaStore(target)).database;
    const opened = database;
    const context: ConcordContext = { ...base.context, database: opened, close: () => opened.close() };
    const app = createApp(context, { log: () => {} });
    return {
      app,
      database: opened,
      close: async () => {
        await opened.close();
        await base.dispose();
      },
    };
  } catch (error) {
    await database?.close();
    await base.dispose();
    throw error;
  }
}

/** A new user of `role` (created through the real accounts service), signed in through the API: its id and its session. */
export async function signedInUser(app: OpenAPIHono, database: ConcordDatabase, role: Role): Promise<{ readonly id: number; readonly session: TestSession }> {
  const user = await createTestUser(database.db, { role });
  return { id: user.id, session: await signIn(app, user.email, user.password) };
}

/** An analyst, a viewer and a stakeholder signed in, and request helpers: `call` answers as is, `created` expects a 201 from the analyst. */
export async function foraCallers(app: OpenAPIHono, database: ConcordDatabase) {
  const { id: analystId, session: analyst } = await signedInUser(app, database, "analyst");
  const { session: viewer } = await signedInUser(app, database, "viewer");
  const { session: stakeholder } = await signedInUser(app, database, "stakeholder");
  const call = (session: TestSession | null, method: string, path: string, body?: unknown) => apiRequest(app, method, path, { session, ...(body === undefined ? {} : { body }) });
  const created = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await call(analyst, "POST", path, body);
    expect(response.status, path).toBe(201);
    return jsonOf<T>(response);
  };
  return { analystId, analyst, viewer, stakeholder, call, created };
}
