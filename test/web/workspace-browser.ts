import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startLoopbackSmtp } from "../consultations/loopback-smtp.ts";
import type { LoopbackSmtp } from "../consultations/loopback-smtp.ts";
import { REPO_ROOT } from "../support/run-cli.ts";
import { watchForProblems } from "./web-fixture.ts";
import { startWorkspaceFixture } from "./workspace-fixture.ts";
import type { WorkspaceFixture } from "./workspace-fixture.ts";

/** Where the end-to-end tests write their screenshots. */
export const SCREENSHOTS = join(REPO_ROOT, "test-output", "screenshots");

export interface WorkspaceBrowserOptions {
  /** Console errors the test provokes on purpose (the refused requests the browser logs): not counted as problems. */
  readonly toleratedErrors?: RegExp;
  /** Console warnings count as problems too (see `watchForProblems`). */
  readonly warnings?: boolean;
  /** Starts a loopback SMTP server first and configures the server to send its mail there (CONCORD_SMTP_URL). */
  readonly smtp?: boolean;
}

export interface WorkspaceBrowser {
  /** The workspace fixture (from the suite's beforeAll on). */
  readonly fixture: WorkspaceFixture;
  /** The loopback SMTP server (from the suite's beforeAll on, with `smtp: true`). */
  readonly smtp: LoopbackSmtp;
  /** What the pages from `openPage` logged that is not tolerated: the tests assert it empty at the end. */
  readonly problems: string[];
  /** A new browser context of the fixture (own cookies), closed after the suite. */
  newContext(): Promise<BrowserContext>;
  /** A new page watched for problems, in `context`, or else in a new context. */
  openPage(context?: BrowserContext): Promise<Page>;
  /** Saves a screenshot of `page` as SCREENSHOTS/`name`.png (the full page unless `fullPage: false`). */
  screenshot(page: Page, name: string, options?: { readonly fullPage?: boolean }): Promise<Buffer>;
}

/**
 * The workspace fixture for one suite of browser tests: registers the beforeAll that starts it (with the loopback SMTP
 * server where asked) and the afterAll that closes every context opened through it, then the fixture and the SMTP server.
 * Call it in the `describe` body; `executablePath` is `chromiumExecutable()`'s answer (the suite skips where it is null).
 */
export function useWorkspaceBrowser(executablePath: string | null, options: WorkspaceBrowserOptions = {}): WorkspaceBrowser {
  let fixture: WorkspaceFixture | undefined;
  let smtp: LoopbackSmtp | undefined;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (executablePath === null) throw new Error("no Chromium: skip the suite where chromiumExecutable() is null");
    mkdirSync(SCREENSHOTS, { recursive: true });
    if (options.smtp === true) smtp = await startLoopbackSmtp();
    fixture = await startWorkspaceFixture(executablePath, smtp === undefined ? {} : { CONCORD_SMTP_URL: smtp.url });
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await fixture?.close();
    await smtp?.close();
  });

  const started = (): WorkspaceFixture => {
    if (fixture === undefined) throw new Error("the workspace fixture starts in the suite's beforeAll");
    return fixture;
  };
  const newContext = async (): Promise<BrowserContext> => {
    const context = await started().newContext();
    contexts.push(context);
    return context;
  };

  return {
    get fixture() {
      return started();
    },
    get smtp() {
      if (smtp === undefined) throw new Error("no loopback SMTP server: pass { smtp: true }, it starts in the suite's beforeAll");
      return smtp;
    },
    problems,
    newContext,
    openPage: async (context) => watchForProblems(await (context ?? (await newContext())).newPage(), problems, options),
    screenshot: (page, name, shot = {}) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: shot.fullPage ?? true }),
  };
}
