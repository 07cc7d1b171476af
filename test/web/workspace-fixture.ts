import { chromium } from "playwright-core";
import type { Browser, BrowserContext } from "playwright-core";
import type { Role } from "../../src/accounts/role.ts";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { startServer } from "../../src/server/start-server.ts";
import type { RunningServer } from "../../src/server/start-server.ts";
import { openTemporaryContext } from "../server/server-fixtures.ts";
import { createTestUser } from "../support/workspace-users.ts";
import { buildWebIfStale } from "./web-fixture.ts";

/** A user of the workspace fixture: its e-mail and password (signed in per browser context with `signInContext`). */
export interface WorkspaceUser {
  readonly id: number;
  readonly email: string;
  readonly password: string;
}

export interface WorkspaceFixture {
  readonly context: ConcordContext;
  readonly server: RunningServer;
  readonly browser: Browser;
  /** One user per role, created through the real accounts service. */
  readonly users: Readonly<Record<Role, WorkspaceUser>>;
  /** A new browser context (own cookies) at the server's URL, 1366×900, UTC, en-GB. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * The real server on a temporary store (no catalog ingest: the curated diplomacy registry and fora are seeded on open)
 * with an admin, an analyst, a viewer and a stakeholder, and one headless Chromium. For the workspace's end-to-end
 * tests (issue 7). `env` reaches the configuration (e.g. CONCORD_SMTP_URL for a loopback SMTP server).
 */
export async function startWorkspaceFixture(executablePath: string, env: NodeJS.ProcessEnv = {}): Promise<WorkspaceFixture> {
  const [store] = await Promise.all([openTemporaryContext(env), buildWebIfStale()]);
  const db = store.context.database.db;
  const users = {} as Record<Role, WorkspaceUser>;
  for (const role of ["admin", "analyst", "viewer", "stakeholder"] as const) {
    users[role] = await createTestUser(db, { role, displayName: `${role[0]!.toUpperCase()}${role.slice(1)} One`, ...(role === "stakeholder" ? { organisation: "Orbit Co", sector: "commercial" } : {}) });
  }
  const server = await startServer(store.context, { host: "127.0.0.1", port: 0, log: () => {} });
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
  return {
    context: store.context,
    server,
    browser,
    users,
    newContext: () => browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, baseURL: server.url, locale: "en-GB", timezoneId: "UTC" }),
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.close();
      await store.dispose();
    },
  };
}

/** Signs a browser context in through the API (the cookie lands in the context); for tests that are not about the sign-in page. */
export async function signInContext(browserContext: BrowserContext, user: WorkspaceUser): Promise<void> {
  const response = await browserContext.request.post("/api/auth/login", { data: { email: user.email, password: user.password } });
  if (!response.ok()) throw new Error(`sign-in of ${user.email} failed: ${response.status()} ${await response.text()}`);
}
