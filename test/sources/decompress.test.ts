import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceFormatError } from "../../src/core/concord-error.ts";
import { decompressIfGzip, isGzip } from "../../src/sources/decompress.ts";
import { readFileSource } from "../../src/sources/read-file-source.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const SATCAT_GZ = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");

describe("gzip detection", () => {
  it("recognises gzip by its magic bytes 1f 8b, not by the file name", () => {
    expect(isGzip(gzipSync("hello"))).toBe(true);
    expect(isGzip(Buffer.from("1 00005U 58002B"))).toBe(false);
    expect(isGzip(Buffer.from([0x1f]))).toBe(false);
    expect(isGzip(Buffer.alloc(0))).toBe(false);
  });

  it("passes plain bytes through unchanged and marks them uncompressed", async () => {
    const plain = Buffer.from("plain text");
    const result = await decompressIfGzip(plain, "x.gz");
    expect(result.compressed).toBe(false);
    expect(result.data).toBe(plain);
  });

  it("refuses a gzip bomb past the output limit with a clear error", async () => {
    const bomb = gzipSync(Buffer.alloc(1024 * 1024));
    await expect(decompressIfGzip(bomb, "bomb.gz", 1000)).rejects.toThrow(/decompresses to more than 1000 bytes/);
  });
});

describe.skipIf(!SATCAT_GZ)("gzip errors on the real Space-Track SATCAT", () => {
  let dir = "";
  let original = Buffer.alloc(0);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "concord-gzip-"));
    original = await readFile(SATCAT_GZ as string);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("decompresses the intact file to the 34.8 MB JSON array of 67,422 records", async () => {
    const { data, compressed } = await decompressIfGzip(original, "satcat.json.gz");
    expect(compressed).toBe(true);
    expect(original.byteLength).toBe(2_836_622);
    expect(data.byteLength).toBeGreaterThan(34_000_000);
    expect(data.subarray(0, 12).toString()).toBe('[{"INTLDES":');
  });

  it("names the source and says 'truncated gzip' when the file is cut in half", async () => {
    const half = join(dir, "half-satcat.json.gz");
    await writeFile(half, original.subarray(0, Math.floor(original.byteLength / 2)));
    const failure = await readFileSource(half).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceFormatError);
    const error = failure as SourceFormatError;
    console.log(`truncated gzip message: ${error.message}`);
    expect(error.code).toBe("SOURCE_FORMAT");
    expect(error.source).toBe(half);
    expect(error.message).toContain(half);
    expect(error.message).toMatch(/truncated gzip/);
    expect(error.message).toContain("1418311 bytes");
  });

  it("says 'corrupt gzip' when bytes in the middle are damaged or the checksum is wrong", async () => {
    const damaged = Buffer.from(original);
    for (let i = 1000; i < 1100; i++) damaged[i] = (damaged[i] ?? 0) ^ 0xff;
    await expect(decompressIfGzip(damaged, "damaged.json.gz")).rejects.toThrow(/^damaged\.json\.gz: corrupt gzip: /);

    const badCrc = Buffer.from(original);
    const crcIndex = badCrc.byteLength - 8;
    badCrc[crcIndex] = (badCrc[crcIndex] ?? 0) ^ 1;
    await expect(decompressIfGzip(badCrc, "crc.json.gz")).rejects.toThrow(/corrupt gzip: incorrect data check/);
  });
});
