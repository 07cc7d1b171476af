import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { runCli, spawnCli } from "../support/run-cli.ts";

const satcat = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const iridium = sharedDataFile("gp/debris/iridium-33-debris_2025-02-15.txt");

async function fingerprint(dataDir: string) {
  const store = await openDatabase({ dataDir, databaseUrl: null });
  try {
    const count = async (table: "space_objects" | "element_sets" | "ingests" | "rejected_records") =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    return {
      objects: await count("space_objects"),
      elementSets: await count("element_sets"),
      ingests: await count("ingests"),
      rejects: await count("rejected_records"),
      maxObject: (await store.db.selectFrom("space_objects").select((eb) => eb.fn.max("catalog_number").as("m")).executeTakeFirstOrThrow()).m,
    };
  } finally {
    await store.close();
  }
}

describe.skipIf(satcat === null || iridium === null)("an ingest killed mid-way", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "concord-kill-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("leaves the store exactly as it was before the run (SIGKILL while writing)", async () => {
    const first = await runCli(["ingest", "--data-dir", dataDir, iridium!]);
    expect(first.code).toBe(0);
    const before = await fingerprint(dataDir);
    expect(before.objects).toBe(119);

    const child = spawnCli(["ingest", "--data-dir", dataDir, "--progress-lines", "--write-chunk-rows", "2000", satcat!]);
    let stderr = "";
    const killedWhileWriting = await new Promise<boolean>((resolve) => {
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        // Kill once several chunks of the SATCAT have been written inside the open transaction.
        if (/progress 10000\/67422 writing/.test(stderr) && child.kill("SIGKILL")) resolve(true);
      });
      child.on("close", () => resolve(false));
    });
    await new Promise((resolve) => child.on("close", resolve));
    expect(killedWhileWriting).toBe(true);
    console.log(`killed after: ${stderr.trim().split("\n").at(-1)}`);

    const after = await fingerprint(dataDir);
    expect(after).toEqual(before);
  });
});
