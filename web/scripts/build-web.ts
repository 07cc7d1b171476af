/**
 * Builds the web app (web/src → web/dist) with Vite when the build is missing or stale, so `npm start` (its prestart
 * script) and the end-to-end tests always serve the current source without a separate build command.
 *
 *   npx tsx web/scripts/build-web.ts --if-stale   build only when web/dist does not match the sources (prestart)
 *   npx tsx web/scripts/build-web.ts              build now (npm run build:web)
 *
 * Stale means: the SHA-256 over the build's inputs (every file under web/src, web/index.html, web/vite.config.ts,
 * web/tsconfig.json, and the installed versions of the packages the bundle is made of) differs from the one recorded
 * in web/dist/build-inputs.json. Content hashes, not modification times, so a checkout or copy does not fool it.
 * The build is written to a temporary folder and swapped in, so a server never serves a half-written build.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const WEB_DIR = fileURLToPath(new URL("..", import.meta.url));
export const WEB_DIST_DIR = join(WEB_DIR, "dist");
const STAMP_FILE = "build-inputs.json";
const REPO_ROOT = join(WEB_DIR, "..");

/** Packages whose code ends up in the bundle or makes it: a new version means a new build. */
const BUNDLE_PACKAGES = [
  "vite",
  "@vitejs/plugin-react",
  "react",
  "react-dom",
  "react-router",
  "@observablehq/plot",
  "d3-geo",
  "topojson-client",
  "world-atlas",
  "openapi-fetch",
  "i18n-iso-countries",
] as const;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(path) : Promise.resolve(entry.isFile() ? [path] : []);
    }),
  );
  return nested.flat();
}

function installedVersion(name: string): string {
  const manifest = join(REPO_ROOT, "node_modules", name, "package.json");
  return existsSync(manifest) ? String((JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version) : "absent";
}

/** SHA-256 over the build's inputs (paths, contents and package versions), in a stable order. */
export async function webBuildInputsHash(): Promise<string> {
  const files = [
    ...(await listFiles(join(WEB_DIR, "src"))),
    ...["index.html", "vite.config.ts", "tsconfig.json"].map((name) => join(WEB_DIR, name)).filter((path) => existsSync(path)),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(relative(WEB_DIR, file)).update("\0").update(await readFile(file)).update("\0");
  }
  for (const name of BUNDLE_PACKAGES) hash.update(`${name}@${installedVersion(name)}\0`);
  return hash.digest("hex");
}

/** The inputs hash recorded with the current build, or null when there is no build. */
export async function builtInputsHash(): Promise<string | null> {
  try {
    return (JSON.parse(await readFile(join(WEB_DIST_DIR, STAMP_FILE), "utf8")) as { inputsSha256?: string }).inputsSha256 ?? null;
  } catch {
    return null;
  }
}

export interface WebBuildResult {
  readonly built: boolean;
  readonly inputsSha256: string;
  readonly durationMs: number;
}

/** Runs `vite build` into a temporary folder and swaps it in as web/dist, unless (with ifStale) web/dist is current. */
export async function buildWeb(options: { readonly ifStale: boolean; readonly log?: (line: string) => void }): Promise<WebBuildResult> {
  const started = Date.now();
  const inputsSha256 = await webBuildInputsHash();
  if (options.ifStale && (await builtInputsHash()) === inputsSha256) return { built: false, inputsSha256, durationMs: Date.now() - started };
  options.log?.(`concord: building the web app (web/src → web/dist) with Vite…`);
  // Vite replaces process.env.NODE_ENV in the bundle with this process's value when set: under vitest (NODE_ENV=test)
  // that would ship React's development build. The served app is always the production build.
  process.env["NODE_ENV"] = "production";
  const { build } = await import("vite");
  const staging = join(WEB_DIR, `.dist-building-${process.pid}-${Date.now()}`);
  try {
    await build({
      configFile: join(WEB_DIR, "vite.config.ts"),
      mode: "production",
      logLevel: options.log ? "warn" : "silent",
      build: { outDir: staging, emptyOutDir: true },
    });
    await writeFile(join(staging, STAMP_FILE), `${JSON.stringify({ inputsSha256, builtAt: new Date().toISOString() }, null, 2)}\n`);
    const previous = join(WEB_DIR, `.dist-previous-${process.pid}-${Date.now()}`);
    if (existsSync(WEB_DIST_DIR)) await rename(WEB_DIST_DIR, previous);
    await rename(staging, WEB_DIST_DIR);
    await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const durationMs = Date.now() - started;
  options.log?.(`concord: web app built in ${(durationMs / 1000).toFixed(1)} s`);
  return { built: true, inputsSha256, durationMs };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifStale = process.argv.includes("--if-stale");
  buildWeb({ ifStale, log: (line) => process.stderr.write(`${line}\n`) }).catch((error: unknown) => {
    process.stderr.write(`concord: the web app could not be built: ${error instanceof Error ? error.message : String(error)}\n`);
    // Before `npm start` (--if-stale) a failed build must not keep the API from starting: the server then serves the
    // previous build, or a page saying the app is not built. `npm run build:web` fails for real.
    if (ifStale) process.stderr.write("concord: starting the server anyway (the API works; the web app may be outdated or absent)\n");
    else process.exitCode = 1;
  });
}
