import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");

describe("the embedded SQLite store under concurrent processes", () => {
  it("lets four concord processes open, migrate and seed one fresh store at once without 'database is locked'", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "concord-concurrent-"));
    try {
      const env = { ...process.env, CONCORD_DATA_DIR: dataDir, DATABASE_URL: "" };
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => run(process.execPath, ["--import", "tsx", "src/cli/main.ts", "sources", "--json"], { cwd: root, env, timeout: 60_000 })),
      );
      const failures = results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as { stderr?: string }).stderr ?? r.reason)] : []));
      expect(failures).toEqual([]);
      for (const r of results) if (r.status === "fulfilled") expect(JSON.parse(r.value.stdout)).toBeDefined();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
