import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceFormatError } from "../../src/core/concord-error.ts";
import { readFileSource } from "../../src/sources/read-file-source.ts";
import { sharedDataFile } from "../support/shared-data.ts";

const SATCAT_GZ = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const ACTIVE_CSV = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");
const FIXED_NOW = () => new Date("2026-08-20T12:00:00Z");

describe("readFileSource", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "concord-read-file-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!ACTIVE_CSV)("reads a plain file with provenance: size, sha256 of the bytes, mtime, retrieval time", async () => {
    const path = ACTIVE_CSV as string;
    const payload = await readFileSource(path, { now: FIXED_NOW });
    const bytes = await readFile(path);
    expect(payload).toMatchObject({
      source: path,
      sourceKind: "file",
      bytes: 2_470_440,
      compressed: false,
      fromCache: false,
      retrievedAt: "2026-08-20T12:00:00.000Z",
    });
    expect(payload.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(payload.lastModified).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(payload.text.length).toBe(2_470_440);
    expect(payload.text.startsWith("OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION")).toBe(true);
  });

  it.skipIf(!SATCAT_GZ)("gunzips a .json.gz and hashes the compressed bytes as received", async () => {
    const path = SATCAT_GZ as string;
    const payload = await readFileSource(path);
    const bytes = await readFile(path);
    expect(payload.compressed).toBe(true);
    expect(payload.bytes).toBe(2_836_622);
    expect(payload.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(payload.text.startsWith('[{"INTLDES": "1957-001A"')).toBe(true);
    expect(payload.text.endsWith("]")).toBe(true);
  });

  it("detects gzip by content even when the name says .txt, and strips a UTF-8 BOM", async () => {
    const path = join(dir, "misnamed.txt");
    await writeFile(path, gzipSync(Buffer.from("\uFEFFCCSDS_OMM_VERS = 2.0\n", "utf8")));
    const payload = await readFileSource(path);
    expect(payload.compressed).toBe(true);
    expect(payload.text).toBe("CCSDS_OMM_VERS = 2.0\n");
  });

  it("reports a missing file as a SourceFormatError saying 'file not found' with the path", async () => {
    const path = join(dir, "nope.csv");
    await expect(readFileSource(path)).rejects.toThrow(SourceFormatError);
    await expect(readFileSource(path)).rejects.toThrow(`${path}: file not found`);
  });

  it("reports a directory as not a file", async () => {
    await expect(readFileSource(dir)).rejects.toThrow(/is a directory, not a file/);
  });

  it("rejects bytes that are not UTF-8 text", async () => {
    const path = join(dir, "binary.bin");
    await writeFile(path, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0xc3]));
    await expect(readFileSource(path)).rejects.toThrow(/not UTF-8 text/);
  });
});
