import { spawn } from "node:child_process";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { defaultScreeningDependencies } from "../../src/app/screening-run-dependencies.ts";
import { ingestSpaceWeather } from "../../src/environment/space-weather-ingest.service.ts";
import { parsePrimarySelector } from "../../src/screening/primary-selector.ts";
import { runScreening } from "../../src/screening/screening-run.service.ts";
import { startServer } from "../../src/server/start-server.ts";
import type { RunningServer } from "../../src/server/start-server.ts";
import { readFileSource } from "../../src/sources/read-file-source.ts";
import { REPO_ROOT } from "../support/run-cli.ts";
import { ingestFiles, openTemporaryContext } from "../server/server-fixtures.ts";

/**
 * Twenty payloads between 740 and 880 km, the shell of the Fengyun 1C and Cosmos 2251 / Iridium 33 debris (owners US,
 * CIS, PRC, JPN, AUS, TWN, SING, KAZ, BRAZ), screened against the whole 2023-10-09 catalog for 6 hours within 10 km:
 * a few dozen real events in seconds.
 */
export const SCREENING_PRIMARIES = "2142,6659,9415,11605,15333,19119,21576,23404,24907,25398,25731,27597,29052,37389,39731,42803,43010,43256,43909,47699";
export const SCREENING_FROM = "2023-10-09T12:00:00.000Z";

export interface WebFixture {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly browserContext: BrowserContext;
  readonly runId: number;
  readonly timingsMs: Readonly<Record<string, number>>;
  close(): Promise<void>;
}

/** `vite build` if web/dist is stale, in a child process as `npm start` does it. */
export function buildWebIfStale(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "web/scripts/build-web.ts"), "--if-stale"], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 && !output.includes("could not be built") ? resolve() : reject(new Error(`web build failed (${code}): ${output}`))));
  });
}

/**
 * The real server on a real temporary store (SATCAT + full catalog ingested, space weather where given, one screening
 * run) and one headless Chromium.
 */
export async function startWebFixture(files: { readonly satcat: string; readonly elementSets: string; readonly spaceWeather?: string | null }, executablePath: string): Promise<WebFixture> {
  const timingsMs: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    timingsMs[name] = Date.now() - started;
    return result;
  };
  const [, store] = await Promise.all([
    timed("web build (if stale)", buildWebIfStale),
    timed("ingest + screening", async () => {
      const opened = await openTemporaryContext();
      await ingestFiles(opened.context, [files.satcat, files.elementSets]);
      // The lifetime model of the debris page needs space weather: the same ingest path as `concord ingest SW-All.csv`.
      if (files.spaceWeather) await ingestSpaceWeather(opened.context.database.db, [await readFileSource(files.spaceWeather)], { strict: false });
      const fromMs = Date.parse(SCREENING_FROM);
      const { run } = await runScreening(
        opened.context.database.db,
        { fromMs, toMs: fromMs + 6 * 3_600_000, thresholdKm: 10, selector: parsePrimarySelector(SCREENING_PRIMARIES), threads: 2 },
        defaultScreeningDependencies("test"),
      );
      return { ...opened, runId: run.id };
    }),
  ]);
  const server = await startServer(store.context, { host: "127.0.0.1", port: 0, log: () => {} });
  const browser = await timed("browser launch", () => chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] }));
  const browserContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, baseURL: server.url, locale: "en-GB", timezoneId: "UTC" });
  return {
    server,
    browser,
    browserContext,
    runId: store.runId,
    timingsMs,
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.close();
      await store.dispose();
    },
  };
}

/** Opens a path and waits until the page's heading is there and nothing is loading any more. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settle(page);
}

/** Waits for the page's h1, for every loading placeholder to be gone and for every chart to be drawn. */
export async function settle(page: Page): Promise<void> {
  await page.locator("main h1").first().waitFor();
  // A string, evaluated in the page (this project's tsconfig has no DOM types).
  await page.waitForFunction(
    `document.querySelectorAll(".state-loading").length === 0 && document.querySelector(".progress-active") === null && document.querySelectorAll(".plot:empty").length === 0`,
  );
}

/**
 * Records a page's uncaught errors and console errors in `problems` (the tests assert it stays empty), except console
 * errors matching `toleratedErrors` (the failed requests a test provokes on purpose); with `warnings`, console warnings
 * too, except the app's own notes on 4xx answers (`concord: 4xx …`).
 */
export function watchForProblems(page: Page, problems: string[], options: { readonly toleratedErrors?: RegExp; readonly warnings?: boolean } = {}): Page {
  page.on("pageerror", (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !(options.toleratedErrors?.test(message.text()) ?? false)) problems.push(`${page.url()}: console error ${message.text()}`);
    if (options.warnings === true && message.type() === "warning" && !/^concord: 4\d\d /.test(message.text())) problems.push(`${page.url()}: console warning ${message.text()}`);
  });
  return page;
}
