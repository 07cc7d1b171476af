/**
 * Web app phase of `npm run bench`: a real store in a temporary directory (the 2026-01-20 SATCAT and the 2023-10-09
 * full catalog from ../shared/data, one short screening run), the real server on localhost, then
 *  - first load of the overview in headless Chromium (Debian's chromium via playwright-core): median of several
 *    fresh-context loads, to the load event and to the page's content being drawn;
 *  - the first page's JavaScript, gzip (every script the overview loads);
 *  - API latency p50/p95/p99 under 50 concurrent clients (autocannon) for the endpoints that feed the pages.
 * Prints one JSON line.  npx tsx bench/web.bench.ts [--loads 7] [--seconds 5]
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { chromium } from "playwright-core";
import { openConcordContext } from "../src/app/concord-context.ts";
import { defaultScreeningDependencies } from "../src/app/screening-run-dependencies.ts";
import { ingestPayloads } from "../src/catalog/catalog-ingest.service.ts";
import { loadConfig } from "../src/core/config.ts";
import { parsePrimarySelector } from "../src/screening/primary-selector.ts";
import { runScreening } from "../src/screening/screening-run.service.ts";
import { startServer } from "../src/server/start-server.ts";
import { readFileSource } from "../src/sources/read-file-source.ts";
import { buildWeb, WEB_DIST_DIR } from "../web/scripts/build-web.ts";

const REPO_ROOT = resolve(import.meta.dirname, "..");
const SHARED_DATA = resolve(REPO_ROOT, "../shared/data");
const FILES = ["satcat/spacetrack_satcat_2026-01-20.json.gz", "gp/spacetrack_full_catalog_3le_2023-10-09.txt"];
const PRIMARIES = "2142,6659,9415,11605,15333,19119,21576,23404,24907,25398,25731,27597,29052,37389,39731,42803,43010,43256,43909,47699";
const SCREENING_FROM = "2023-10-09T12:00:00.000Z";
const CONNECTIONS = 50;

export const WEB_TARGETS = { firstLoadMs: 1500, firstPageJsGzipBytes: 400 * 1024, apiP95Ms: 50 } as const;

/** The endpoints that feed the pages (overview, objects, conjunctions, a state profile, outreach). */
const ENDPOINTS = ["/api/stats?by=state", "/api/objects?limit=50&type=PAYLOAD&actor=USA", "/api/screening/runs", "/api/states/USA", "/api/outreach/artemis-accords"];

const { values } = parseArgs({ options: { loads: { type: "string", default: "7" }, seconds: { type: "string", default: "5" } } });
const LOADS = Number(values.loads);
const SECONDS = Number(values.seconds);

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const chromiumPath = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p !== undefined && p !== "" && existsSync(p));
if (chromiumPath === undefined) throw new Error("no Chromium: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH");

const setupStarted = performance.now();
await buildWeb({ ifStale: true, log: (line) => process.stderr.write(`${line}\n`) });
const dataDir = await mkdtemp(join(tmpdir(), "concord-bench-web-"));
const context = await openConcordContext(loadConfig({ dataDir }, {}));
const payloads = await Promise.all(FILES.map((file) => readFileSource(join(SHARED_DATA, file))));
await ingestPayloads(context.database.db, context.actors, payloads, { strict: false });
const fromMs = Date.parse(SCREENING_FROM);
await runScreening(
  context.database.db,
  { fromMs, toMs: fromMs + 6 * 3_600_000, thresholdKm: 10, selector: parsePrimarySelector(PRIMARIES), threads: 2 },
  defaultScreeningDependencies("bench"),
);
const server = await startServer(context, { host: "127.0.0.1", port: 0, log: () => {} });
const setupMs = performance.now() - setupStarted;

try {
  // First load: a fresh browser context each time (empty cache), like a user opening the app.
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
  const loadEventMs: number[] = [];
  const contentMs: number[] = [];
  let scripts = new Set<string>();
  for (let i = 0; i < LOADS + 1; i += 1) {
    const browserContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await browserContext.newPage();
    const loaded = new Set<string>();
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") loaded.add(new URL(response.url()).pathname);
    });
    const started = performance.now();
    await page.goto(server.url);
    await page.waitForFunction(
      `document.querySelector("main h1") !== null && document.querySelectorAll(".state-loading").length === 0 && document.querySelectorAll(".plot:empty").length === 0`,
    );
    const ready = performance.now() - started;
    const loadEnd = Number(await page.evaluate(`performance.getEntriesByType("navigation")[0].loadEventEnd`));
    // The first load warms the server's caches and the OS's file cache; it is not counted.
    if (i > 0) {
      contentMs.push(ready);
      loadEventMs.push(loadEnd);
    }
    scripts = loaded;
    await browserContext.close();
  }
  await browser.close();
  const jsFiles = [...scripts].map((path) => {
    const bytes = readFileSync(join(WEB_DIST_DIR, path.replace(/^\//, "")));
    return { path, rawBytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
  const firstPageJsGzipBytes = jsFiles.reduce((sum, f) => sum + f.gzipBytes, 0);

  const api: { path: string; coldMs: number; requests: number; errors: number; non2xx: number; p50Ms: number; p90Ms: number; p95Ms: number; p97_5Ms: number; p99Ms: number; meanMs: number; requestsPerS: number }[] = [];
  for (const path of ENDPOINTS) {
    // The first request computes the answer (a cache miss: timed as coldMs); the load then measures what users get
    // while the store does not change: the cached answer (src/server/response-cache.ts).
    const coldStarted = performance.now();
    await (await fetch(`${server.url}${path}`)).arrayBuffer();
    const coldMs = performance.now() - coldStarted;
    const result = await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: SECONDS });
    // autocannon reports p90 and p97.5, not p95: p95 is interpolated linearly between them (both are printed too).
    const latency = result.latency as unknown as Record<string, number>;
    api.push({
      path,
      coldMs,
      requests: result.requests.total,
      errors: result.errors,
      non2xx: result.non2xx,
      p50Ms: latency["p50"] ?? Number.NaN,
      p90Ms: latency["p90"] ?? Number.NaN,
      p97_5Ms: latency["p97_5"] ?? Number.NaN,
      p95Ms: (latency["p90"] ?? Number.NaN) + ((latency["p97_5"] ?? Number.NaN) - (latency["p90"] ?? Number.NaN)) * (5 / 7.5),
      p99Ms: latency["p99"] ?? Number.NaN,
      meanMs: result.latency.mean,
      requestsPerS: result.requests.average,
    });
  }
  const firstLoadMs = median(contentMs);
  const result = {
    phase: "web",
    loads: contentMs.length,
    firstLoadMs,
    firstLoadEventMs: median(loadEventMs),
    firstLoadContentMsAll: contentMs.map((ms) => Math.round(ms)),
    firstPageJsGzipBytes,
    firstPageJsRawBytes: jsFiles.reduce((sum, f) => sum + f.rawBytes, 0),
    firstPageScripts: jsFiles.length,
    connections: CONNECTIONS,
    secondsPerEndpoint: SECONDS,
    api,
    worstP95Ms: Math.max(...api.map((a) => a.p95Ms)),
    targets: WEB_TARGETS,
    met: {
      firstLoad: firstLoadMs < WEB_TARGETS.firstLoadMs,
      firstPageJs: firstPageJsGzipBytes < WEB_TARGETS.firstPageJsGzipBytes,
      apiP95: api.every((a) => a.p95Ms < WEB_TARGETS.apiP95Ms),
    },
    setupMs: Math.round(setupMs),
    store: "sqlite (temporary directory)",
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await server.close();
  await context.close();
  await rm(dataDir, { recursive: true, force: true });
}
