import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { createApp } from "../../src/server/app.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import type { TestDatabase } from "../support/test-databases.ts";
import { openTemporaryContext } from "../server/server-fixtures.ts";

export interface AccountsApp {
  readonly app: OpenAPIHono;
  readonly context: ConcordContext;
  readonly database: ConcordDatabase;
  /** Every line the app logged (unexpected errors): the security tests search it for secrets. */
  readonly logLines: string[];
  close(): Promise<void>;
}

/**
 * The real app over an emptied store of one test dialect (SQLite or PostgreSQL): a full context (config, curated
 * registries) from a temporary store, with its database swapped for the test dialect's. `env` sets the config
 * (CONCORD_SECURE_COOKIES, CONCORD_OIDC_*, CONCORD_PUBLIC_URL).
 */
export async function openAccountsApp(target: TestDatabase, env: NodeJS.ProcessEnv = {}): Promise<AccountsApp> {
  const base = await openTemporaryContext(env);
  let database: ConcordDatabase | null = null;
  try {
    database = await target.openEmpty();
    const opened = database;
    const context: ConcordContext = { ...base.context, database: opened, close: () => opened.close() };
    const logLines: string[] = [];
    const app = createApp(context, { log: (line) => logLines.push(line) });
    return {
      app,
      context,
      database: opened,
      logLines,
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
