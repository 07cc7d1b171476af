import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, Next } from "hono";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { OPENAPI_PATH } from "./docs.routes.ts";

/** Where `vite build` writes the web app (web/dist beside src/). */
export const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** Text types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".map"]);

const gzipAsync = promisify(gzip);

/** Vite names everything under assets/ by content hash: such a file never changes, so browsers may keep it a year. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** index.html (and other unhashed files) must be revalidated on every load, so a new build is picked up at once. */
const REVALIDATE = "no-cache";

/**
 * Serves the built web app (web/dist) at the API's origin, registered after every API route:
 * - a file of the build is served with its content type, an ETag, gzip when accepted, and `immutable` caching for
 *   the content-hashed files under assets/ (index.html and other unhashed files: `no-cache`, i.e. revalidate);
 * - any other GET that is not an API path (/api/…, /openapi.json) and does not name a file (no extension) gets
 *   index.html (the single-page app's router shows the page, or its own "not found");
 * - /api/… paths pass on (to a route registered later, else the API's JSON 404): an API path never gets HTML.
 * Without a build, page requests get a 503 page that says how to build it.
 */
export function registerWebRoutes(app: OpenAPIHono, distDir: string = DEFAULT_WEB_DIST_DIR): void {
  const root = resolve(distDir);
  const serveFile = fileServer();
  const handler = async (c: Context, next: Next) => {
    const path = c.req.path;
    if (path === "/api" || path.startsWith("/api/") || path === OPENAPI_PATH) return next();
    const file = await findFile(root, path);
    if (file !== null) return serveFile(c, file, path.startsWith("/assets/") ? IMMUTABLE : REVALIDATE);
    if (path.startsWith("/assets/") || extname(path) !== "") return c.notFound();
    const index = await findFile(root, "/index.html");
    if (index === null) return notBuilt(c);
    return serveFile(c, index, REVALIDATE);
  };
  app.get("*", handler);
}

interface FoundFile {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The file under root that a URL path names, or null (directories, traversal outside root and missing files). */
async function findFile(root: string, urlPath: string): Promise<FoundFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const path = resolve(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

/**
 * Answers a file with its type, caching headers and a weak ETag (size and modification time; 304 when it matches),
 * gzip-compressed for clients that accept it (compressed bytes are kept in memory per file version).
 */
function fileServer() {
  const compressed = new Map<string, Promise<Buffer>>();
  return async (c: Context, file: FoundFile, cacheControl: string): Promise<Response> => {
    const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    const extension = extname(file.path).toLowerCase();
    const headers: Record<string, string> = {
      "Content-Type": CONTENT_TYPES[extension] ?? "application/octet-stream",
      "Cache-Control": cacheControl,
      ETag: etag,
      Vary: "Accept-Encoding",
      "X-Content-Type-Options": "nosniff",
    };
    const ifNoneMatch = c.req.header("If-None-Match");
    if (ifNoneMatch !== undefined && ifNoneMatch.split(",").some((tag) => tag.trim() === etag)) {
      return new Response(null, { status: 304, headers });
    }
    const acceptsGzip = /\bgzip\b/.test(c.req.header("Accept-Encoding") ?? "");
    if (acceptsGzip && COMPRESSIBLE.has(extension) && file.size > 1024) {
      const key = `${file.path}\0${etag}`;
      let bytes = compressed.get(key);
      if (bytes === undefined) {
        bytes = readFile(file.path).then((raw) => gzipAsync(raw));
        compressed.set(key, bytes);
        bytes.catch(() => compressed.delete(key));
      }
      return c.body(new Uint8Array(await bytes), 200, { ...headers, "Content-Encoding": "gzip" });
    }
    return c.body(new Uint8Array(await readFile(file.path)), 200, headers);
  };
}

function notBuilt(c: Context): Response {
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Concord: web app not built</title></head>` +
      `<body style="font-family:system-ui,sans-serif;margin:2rem;max-width:50rem"><h1>The web app is not built</h1>` +
      `<p>The API is running (see <a href="/api/docs">/api/docs</a>), but <code>web/dist</code> is missing. ` +
      `<code>npm start</code> builds it; or run <code>npm run build:web</code> and reload this page.</p></body></html>`,
    503,
    { "Cache-Control": "no-store" },
  );
}
