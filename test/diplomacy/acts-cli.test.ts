import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

describe("concord acts import (the real CLI, SQLite)", () => {
  const dir = mkdtempSync(join(tmpdir(), "concord-acts-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dataDir = join(dir, "store");
  const file = join(dir, "corrections.csv");
  writeFileSync(
    file,
    [
      "party,instrument,act,date,vote,source,as_of,note",
      "NZL,rescue-agreement,accession,1969-07-30,,UNTC ch. XXIV-3,2026-06-01,",
      "ZZZ,ost,party,,,somewhere,2026-01-01,",
      "USA,ost,party,2026-12-01,,somewhere,2026-01-01,",
      "",
    ].join("\n"),
  );

  it("with --strict stores nothing, exits 4 and names each bad line and its reason", async () => {
    const result = await runCli(["acts", "import", file, "--strict", "--at", "2026-11-26", "--data-dir", dataDir]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("2 of 3 row(s) rejected, nothing stored");
    expect(result.stderr).toContain('corrections.csv, line 3, record 1: party: unknown state or organisation code "ZZZ"');
    expect(result.stderr).toContain("corrections.csv, line 4, record 2: date: future date 2026-12-01 (after 2026-11-26)");
  });

  it("stores the good rows, reports the bad ones, and exits 0", async () => {
    const result = await runCli(["acts", "import", file, "--at", "2026-11-26", "--data-dir", dataDir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("corrections.csv: 3 row(s), 1 accepted (0 new, 1 corrected, 0 unchanged), 2 rejected");
    expect(result.stdout).toContain("line 3, record 1: party: unknown state");
  });

  it("reports in JSON, and a second run of the same file changes nothing", async () => {
    const result = await runCli(["acts", "import", file, "--json", "--at", "2026-11-26", "--data-dir", dataDir]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { accepted: number; unchanged: number; corrected: number; rejections: { line: number; reason: string }[] };
    expect(report).toMatchObject({ accepted: 1, unchanged: 1, corrected: 0 });
    expect(report.rejections.map((r) => r.line)).toEqual([3, 4]);
  });

  it("exits 2 on a usage error and 3 on an unreadable file", async () => {
    expect((await runCli(["acts", "import", "--data-dir", dataDir])).code).toBe(2);
    const missing = await runCli(["acts", "import", join(dir, "nope.csv"), "--data-dir", dataDir]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("nope.csv");
  });
});
