import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError, SourceFormatError } from "../../src/core/concord-error.ts";
import { detectFormat } from "../../src/sources/detect-format.ts";
import { isUrlSpec, readSource } from "../../src/sources/read-source.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { startLoopbackServer, type LoopbackServer } from "./loopback-server.ts";

const SATCAT_GZ = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const DEBRIS = sharedDataFile("gp/debris/iridium-33-debris_2025-02-15.txt");

describe.skipIf(!SATCAT_GZ || !DEBRIS)("readSource for paths and URLs", () => {
  let satcatGz = Buffer.alloc(0);
  let server: LoopbackServer;
  let cacheDir = "";

  beforeAll(async () => {
    satcatGz = await readFile(SATCAT_GZ as string);
    cacheDir = await mkdtemp(join(tmpdir(), "concord-read-source-"));
    server = await startLoopbackServer((request, response) => {
      if (request.url === "/satcat.json.gz") {
        if (request.headers["if-none-match"] === '"v1"') {
          response.statusCode = 304;
          response.end();
          return;
        }
        response.setHeader("ETag", '"v1"');
        response.setHeader("Content-Type", "application/gzip");
        response.end(satcatGz);
      } else if (request.url === "/cut.json.gz") {
        response.end(satcatGz.subarray(0, 100_000));
      } else {
        response.statusCode = 404;
        response.end("no such file");
      }
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it("tells URLs from paths by the http(s):// prefix only", () => {
    expect(isUrlSpec("https://celestrak.org/pub/satcat.csv")).toBe(true);
    expect(isUrlSpec("HTTP://example.org/x")).toBe(true);
    expect(isUrlSpec("./http/file.txt")).toBe(false);
    expect(isUrlSpec("ftp://example.org/x")).toBe(false);
  });

  it("reads a path as a file source", async () => {
    const payload = await readSource(DEBRIS as string);
    expect(payload.sourceKind).toBe("file");
    expect(detectFormat(payload.text, payload.source)).toBe("tle");
    expect(payload.text.split("\r\n").filter((line) => line.startsWith("1 "))).toHaveLength(119);
  });

  it("fetches a URL through the cache, gunzips it, hashes the gzip bytes as received, and revalidates with 304", async () => {
    const url = `${server.baseUrl}/satcat.json.gz`;
    const first = await readSource(url, { cacheDir });
    expect(first).toMatchObject({ source: url, sourceKind: "url", compressed: true, fromCache: false, bytes: 2_836_622 });
    expect(first.sha256).toBe(createHash("sha256").update(satcatGz).digest("hex"));
    expect(detectFormat(first.text, url)).toBe("satcat-spacetrack-json");

    const second = await readSource(url, { cacheDir });
    expect(second.fromCache).toBe(true);
    expect(second.sha256).toBe(first.sha256);
    const satcatRequests = server.requests.filter((r) => r.url === "/satcat.json.gz");
    expect(satcatRequests).toHaveLength(2);
    expect(satcatRequests[1]?.headers["if-none-match"]).toBe('"v1"');
  });

  it("reports a truncated gzip download as a SourceFormatError naming the URL", async () => {
    const url = `${server.baseUrl}/cut.json.gz`;
    const error = await readSource(url, { cacheDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as Error).message).toMatch(new RegExp(`^${url.replace(/[.?]/g, "\\$&")}: truncated gzip`));
  });

  it("reports a 404 and a URL without a cache directory clearly", async () => {
    await expect(readSource(`${server.baseUrl}/missing.csv`, { cacheDir })).rejects.toThrow(/HTTP 404 not found/);
    await expect(readSource(`${server.baseUrl}/satcat.json.gz`)).rejects.toThrow(InvalidInputError);
  });
});
