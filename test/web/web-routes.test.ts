import { OpenAPIHono } from "@hono/zod-openapi";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { notFoundHandler } from "../../src/server/error-handler.ts";
import { registerWebRoutes } from "../../src/server/routes/web.routes.ts";

const INDEX_HTML = "<!doctype html><html><head><title>Concord</title></head><body><div id=root></div></body></html>";
const ASSET_JS = `export const app = ${JSON.stringify("x".repeat(4000))};\n`;

/** A fake build (index.html, a hashed asset) served by the web routes, after one API route, like createApp does. */
function appServing(distDir: string): OpenAPIHono {
  const app = new OpenAPIHono();
  app.notFound(notFoundHandler);
  app.get("/api/health", (c) => c.json({ status: "ok" }));
  registerWebRoutes(app, distDir);
  return app;
}

describe("the web routes serve the built app at the API's origin", () => {
  const dist = mkdtempSync(join(tmpdir(), "concord-web-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), INDEX_HTML);
  writeFileSync(join(dist, "assets", "index-AbC123.js"), ASSET_JS);
  writeFileSync(join(dist, "..", "secret-beside-dist.txt"), "not for the web");
  afterAll(() => {
    rmSync(dist, { recursive: true, force: true });
    rmSync(join(dist, "..", "secret-beside-dist.txt"), { force: true });
  });
  const app = appServing(dist);

  it("answers / with index.html, revalidated on every load (no-cache)", async () => {
    const response = await app.request("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it("answers every page path (deep links) with index.html: the app's router shows the page", async () => {
    for (const path of ["/objects/25544", "/conjunctions?run=1&actor=USA", "/conjunctions/events/7", "/states/USA"]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(INDEX_HTML);
    }
  });

  it("serves hashed assets as immutable for a year, with their content type and an ETag honoured by 304", async () => {
    const response = await app.request("/assets/index-AbC123.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await response.text()).toBe(ASSET_JS);
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^W\/"/);
    const again = await app.request("/assets/index-AbC123.js", { headers: { "If-None-Match": etag ?? "" } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("gzips text files for clients that accept it", async () => {
    const response = await app.request("/assets/index-AbC123.js", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBeLessThan(ASSET_JS.length / 10);
    expect(gunzipSync(bytes).toString("utf8")).toBe(ASSET_JS);
  });

  it("answers a missing asset or file with a 404, never with index.html", async () => {
    for (const path of ["/assets/gone-123.js", "/favicon.ico", "/robots.txt"]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toMatch(/application\/json/);
    }
  });

  it("leaves /api paths to the API: known routes answer, unknown ones get the API's JSON 404", async () => {
    expect(await (await app.request("/api/health")).json()).toEqual({ status: "ok" });
    const unknown = await app.request("/api/satellites");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });

  it("serves nothing outside the build folder (encoded traversal)", async () => {
    for (const path of ["/..%2fsecret-beside-dist.txt", "/%2e%2e/secret-beside-dist.txt", "/assets/..%2f..%2fsecret-beside-dist.txt"]) {
      const response = await app.request(path);
      expect(await response.text(), path).not.toContain("not for the web");
    }
  });

  it("without a build, answers pages with a 503 that says how to build the app", async () => {
    const response = await appServing(join(dist, "no-such-build")).request("/conjunctions");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build:web");
  });
});
