import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncCuratedActors } from "../../src/app/concord-context.ts";
import { loadActorTable } from "../../src/catalog/actor-table.ts";
import { StrictIngestError, ingestPayloads } from "../../src/catalog/catalog-ingest.service.ts";
import { SourceFormatError } from "../../src/core/concord-error.ts";
import { buildSourcePayload } from "../../src/sources/source-payload.ts";
import type { SourcePayload } from "../../src/sources/source-payload.ts";
import type { ConcordDatabase } from "../../src/store/database.ts";
import { listElementHistory } from "../../src/store/element-set.repository.ts";
import { listIngests, listRejections } from "../../src/store/ingest.repository.ts";
import { countAllObjects, getObject } from "../../src/store/space-object.repository.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { testDatabases } from "../support/test-databases.ts";

const actors = loadActorTable();
const iridiumPath = sharedDataFile("gp/debris/iridium-33-debris_2025-02-15.txt");
const activeCsvPath = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");

function payload(source: string, text: string | Buffer): Promise<SourcePayload> {
  return buildSourcePayload(source, "file", Buffer.isBuffer(text) ? text : Buffer.from(text), {
    retrievedAt: "2026-11-26T00:00:00.000Z",
    lastModified: null,
    fromCache: false,
  });
}

/** A whole-store fingerprint: objects, element sets (with every field), ingests and rejections. */
async function snapshot(store: ConcordDatabase) {
  const db = store.db;
  return {
    objects: await db.selectFrom("space_objects").selectAll().orderBy("catalog_number").execute(),
    sets: await db.selectFrom("element_sets").selectAll().orderBy("id").execute(),
    ingests: await db.selectFrom("ingests").selectAll().orderBy("id").execute(),
    rejects: await db.selectFrom("rejected_records").selectAll().orderBy("id").execute(),
  };
}

function tleLines(path: string, count: number): string[] {
  return readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l !== "").slice(0, count * 3);
}

describe.skipIf(iridiumPath === null || activeCsvPath === null).each(testDatabases())("ingest on %s", (target) => {
  let store: ConcordDatabase;
  beforeEach(async () => {
    store = await target.openEmpty();
    await syncCuratedActors(store, actors);
    // Earlier data that every bad-input case must leave untouched: 10 real Iridium 33 debris element sets.
    await ingestPayloads(store.db, actors, [await payload("iridium-first-10.txt", tleLines(iridiumPath!, 10).join("\n"))], { strict: false });
  });
  afterEach(async () => store.close());

  it("stores good records and rejects a record with a wrong checksum, naming the line and field", async () => {
    const lines = tleLines(iridiumPath!, 13).slice(30);
    const broken = lines[4]!.slice(0, 68) + String((Number(lines[4]!.at(68)) + 1) % 10);
    lines[4] = broken;
    const [report] = await ingestPayloads(store.db, actors, [await payload("checksum.txt", lines.join("\n"))], { strict: false });
    expect(report!.accepted).toBe(2);
    expect(report!.rejected).toBe(1);
    const rejection = report!.rejections[0]!;
    console.log(`checksum rejection: line ${rejection.line} ${rejection.field}: ${rejection.reason}`);
    expect(rejection.source).toBe("checksum.txt");
    expect(rejection.line).toBe(5);
    expect(rejection.field).toBe("checksum");
    const stored = await listRejections(store.db, report!.ingestId, { limit: 10, offset: 0 });
    expect(stored.items.map((r) => [r.line, r.field])).toEqual([[5, "checksum"]]);
    expect(await countAllObjects(store.db)).toBe(12);
  });

  it("rejects a truncated line and a field out of range, and keeps the earlier data", async () => {
    const before = await snapshot(store);
    const header = readFileSync(activeCsvPath!, "utf8").split(/\r?\n/).slice(0, 4);
    const cols = header[0]!.split(",");
    const eccIndex = cols.indexOf("ECCENTRICITY");
    const bad = header[2]!.split(",");
    bad[eccIndex] = "1.5";
    header[2] = bad.join(",");
    header[3] = header[3]!.slice(0, 20);
    const [report] = await ingestPayloads(store.db, actors, [await payload("range.csv", header.join("\n"))], { strict: false });
    console.log(report!.rejections.map((r) => `line ${r.line} ${r.field}: ${r.reason}`).join("\n"));
    expect(report!.accepted).toBe(1);
    expect(report!.rejections.map((r) => r.line)).toEqual([3, 4]);
    expect(report!.rejections[0]!.field).toBe("ECCENTRICITY");
    const after = await snapshot(store);
    const beforeNumbers = new Set(before.objects.map((o) => o.catalog_number));
    expect(after.objects.filter((o) => beforeNumbers.has(o.catalog_number))).toEqual(before.objects);
    expect(after.sets.slice(0, before.sets.length)).toEqual(before.sets);
  });

  it("refuses an unknown format as a whole with a clear error and stores nothing", async () => {
    const before = await snapshot(store);
    const bad = await payload("notes.txt", "Minutes of the COPUOS session\nnothing orbital here\n");
    await expect(ingestPayloads(store.db, actors, [bad], { strict: false })).rejects.toThrow(SourceFormatError);
    await expect(ingestPayloads(store.db, actors, [bad], { strict: false })).rejects.toThrow(/notes\.txt: unknown format/);
    expect(await snapshot(store)).toEqual(before);
  });

  it("refuses a truncated gzip naming the file and stores nothing", async () => {
    const before = await snapshot(store);
    const gz = gzipSync(readFileSync(iridiumPath!));
    await expect(payload("iridium.txt.gz", gz.subarray(0, gz.length >> 1))).rejects.toThrow(/iridium\.txt\.gz: truncated gzip/);
    expect(await snapshot(store)).toEqual(before);
  });

  it("with --strict fails the whole run on one rejected record and writes nothing, not even the good sources", async () => {
    const before = await snapshot(store);
    const good = await payload("good.txt", tleLines(iridiumPath!, 20).slice(30).join("\n"));
    const lines = tleLines(iridiumPath!, 5);
    lines[14] = lines[14]!.slice(0, 40);
    const bad = await payload("bad.txt", lines.join("\n"));
    const run = ingestPayloads(store.db, actors, [good, bad], { strict: true });
    await expect(run).rejects.toBeInstanceOf(StrictIngestError);
    await expect(ingestPayloads(store.db, actors, [good, bad], { strict: true })).rejects.toThrow(/--strict: \d+ record\(s\) rejected, nothing stored:\n {2}bad\.txt, line 15/);
    expect(await snapshot(store)).toEqual(before);
  });

  it("adds no duplicates when the same data is ingested again", async () => {
    const before = await snapshot(store);
    const [report] = await ingestPayloads(store.db, actors, [await payload("again.txt", tleLines(iridiumPath!, 10).join("\n"))], { strict: false });
    expect(report!.elementSetsInserted).toBe(0);
    expect(report!.elementSetsDuplicate).toBe(10);
    expect(report!.objectsInserted).toBe(0);
    const after = await snapshot(store);
    expect(after.sets).toEqual(before.sets);
    expect(after.objects).toEqual(before.objects);
    expect(after.ingests).toHaveLength(before.ingests.length + 1);
  });

  it("rolls back every source of a run when writing fails part-way", async () => {
    const before = await snapshot(store);
    const good = await payload("good.txt", tleLines(iridiumPath!, 20).slice(30).join("\n"));
    let calls = 0;
    const run = ingestPayloads(store.db, actors, [good, good], {
      strict: false,
      onProgress: (p) => {
        if (p.phase === "write" && p.done > 0 && ++calls === 2) throw new Error("simulated crash while writing");
      },
    });
    await expect(run).rejects.toThrow("simulated crash while writing");
    expect(await snapshot(store)).toEqual(before);
  });

  it("accepts six-digit catalog numbers from OMM and records where each object came from", async () => {
    const lines = readFileSync(activeCsvPath!, "utf8").split(/\r?\n/);
    const header = lines[0]!;
    const numberIndex = header.split(",").indexOf("NORAD_CAT_ID");
    const sixDigit = lines.filter((l, i) => i > 0 && Number(l.split(",")[numberIndex]) >= 100000).slice(0, 3);
    expect(sixDigit).toHaveLength(3);
    const [report] = await ingestPayloads(store.db, actors, [await payload("six.csv", [header, ...sixDigit].join("\n"))], { strict: false });
    expect(report!.accepted).toBe(3);
    const number = Number(sixDigit[0]!.split(",")[numberIndex]);
    const object = await getObject(store.db, number);
    expect(object?.recordOrigin).toBe("element-set");
    expect(object?.actorCode).toBe("UNKNOWN");
    expect(object?.firstIngestId).toBe(report!.ingestId);
    expect(await listElementHistory(store.db, number)).toHaveLength(1);
    const ingests = await listIngests(store.db);
    expect(ingests.find((i) => i.id === report!.ingestId)?.format).toBe("omm-csv");
  });
});
