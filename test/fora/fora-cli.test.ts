import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/accounts/audit-actor.ts";
import { openConcordContext } from "../../src/app/concord-context.ts";
import { loadConfig } from "../../src/core/config.ts";
import { createForumSession } from "../../src/fora/forum-session.service.ts";
import { runCli } from "../support/run-cli.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
/** A/AC.105/L.280 (21 April 2011) as copied from https://123dok.co/document/yj7mvxk6-general-assembly-a.html. */
const L280_FILE = join(HERE, "fixtures/a-ac105-l280.txt");
const L280_SOURCE = "A/AC.105/L.280 https://undocs.org/A/AC.105/L.280";

/** The real `concord fora` CLI (Node + tsx) on a temporary SQLite store. */
describe("concord fora sessions and agenda-import (the real CLI, SQLite)", () => {
  const dir = mkdtempSync(join(tmpdir(), "concord-fora-cli-"));
  const dataDir = join(dir, "store");
  const cli = (...args: string[]) => runCli([...args, "--data-dir", dataDir]);
  let sessionId = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    // There is no CLI command to create a session: make one as the API would, then close the store.
    const context = await openConcordContext(loadConfig({ dataDir }, {}));
    try {
      const session = await createForumSession(
        context.database.db,
        { forumId: "copuos", title: "COPUOS fifty-fourth session (CLI test)", startDate: "2011-06-01", endDate: "2011-06-10", venue: "Vienna" },
        SYSTEM_ACTOR,
        new Date("2026-11-26T10:00:00Z"),
      );
      sessionId = session.id;
    } finally {
      await context.close();
    }
  }, 60_000);

  it("lists the sessions with their ids and curated keys", async () => {
    const table = await cli("fora", "sessions");
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^id\s+key\s+forum\s+title/);
    expect(table.stdout).toContain("copuos-54");
    expect(table.stdout).toContain("COPUOS fifty-fourth session (CLI test)");
    const json = await cli("fora", "sessions", "--json");
    const { sessions } = JSON.parse(json.stdout) as { sessions: { id: number; curatedKey: string | null; agendaItemCount: number }[] };
    expect(sessions.find((s) => s.id === sessionId)).toMatchObject({ curatedKey: null, agendaItemCount: 0 });
  }, 30_000);

  it("a dry run prints the 16 items it would add and writes nothing; the import then adds them; a second import exits 2", async () => {
    const dry = await cli("fora", "agenda-import", "--session", String(sessionId), "--file", L280_FILE, "--source", L280_SOURCE, "--dry-run");
    expect(dry.stderr).toBe("");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`Dry run: would add 16 agenda items to session ${sessionId} (COPUOS fifty-fourth session (CLI test))`);
    expect(dry.stdout).toContain("Source: A/AC.105/L.280 https://undocs.org/A/AC.105/L.280; as of 2011-04-21 (document date).");
    expect(dry.stdout).toMatch(/\n16\s+Report of the Committee to the General Assembly\./);
    expect(dry.stdout).toContain("Nothing was written (dry run).");

    const preview = await cli("fora", "agenda-import", "--session", String(sessionId), "--file", L280_FILE, "--source", L280_SOURCE, "--dry-run", "--json");
    expect(preview.code).toBe(0);
    const report = JSON.parse(preview.stdout) as { dryRun: boolean; asOf: string; items: { itemNumber: string; title: string; id: number | null }[]; warnings: unknown[] };
    expect(report).toMatchObject({ dryRun: true, asOf: "2011-04-21", warnings: [] });
    expect(report.items.map((i) => [i.itemNumber, i.id])).toEqual(Array.from({ length: 16 }, (_, k) => [String(k + 1), null]));
    expect((JSON.parse((await cli("fora", "sessions", "--json")).stdout) as { sessions: { id: number; agendaItemCount: number }[] }).sessions.find((s) => s.id === sessionId)?.agendaItemCount).toBe(0);

    const imported = await cli("fora", "agenda-import", "--session", String(sessionId), "--file", L280_FILE, "--source", L280_SOURCE, "--as-of", "2011-04-22");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Added 16 agenda items to session ${sessionId} (COPUOS fifty-fourth session (CLI test)), read from ${L280_FILE} after line 17 up to line 59.`);
    expect(imported.stdout).toContain("Source: A/AC.105/L.280 https://undocs.org/A/AC.105/L.280; as of 2011-04-22.");
    expect(imported.stdout).not.toContain("dry run");
    console.log(imported.stdout);

    const listed = JSON.parse((await cli("fora", "sessions", "--json")).stdout) as { sessions: { id: number; agendaItemCount: number }[] };
    expect(listed.sessions.find((s) => s.id === sessionId)?.agendaItemCount).toBe(16);

    const again = await cli("fora", "agenda-import", "--session", String(sessionId), "--file", L280_FILE, "--source", L280_SOURCE);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already has agenda items 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16: nothing imported");
    expect(again.stdout).toBe("");
  }, 60_000);

  it("names a curated session by its key: importing L.280 into copuos-54, which has those items, is refused", async () => {
    const result = await cli("fora", "agenda-import", "--session", "copuos-54", "--file", L280_FILE, "--source", L280_SOURCE, "--dry-run");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fifty-fourth session) already has agenda items 1, 2, 3");
  }, 30_000);

  it("exits 3 naming the file when it cannot be read, 2 naming the file and line when it holds no agenda, warns with file and line, 6 for an unknown session, 2 for missing flags", async () => {
    const missingPath = join(dir, "no-such-agenda.txt");
    const missing = await cli("fora", "agenda-import", "--session", String(sessionId), "--file", missingPath, "--source", L280_SOURCE);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain(`${missingPath}: cannot read the agenda text: no such file`);

    const prose = join(dir, "prose.txt");
    writeFileSync(prose, "Some notes\n\nI. Provisional agenda\n\nTo be issued later.\n\nII. Annotations\n");
    const empty = await cli("fora", "agenda-import", "--session", String(sessionId), "--file", prose, "--source", L280_SOURCE);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`${prose}: line 3: no agenda item found after the heading "I. Provisional agenda" on line 3`);

    const gappy = join(dir, "gappy.txt");
    writeFileSync(gappy, "20. Twenty.\n\n22. Twenty-two.\n");
    const warned = await cli("fora", "agenda-import", "--session", String(sessionId), "--file", gappy, "--source", "hand-typed", "--dry-run");
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain(`concord fora: warning: ${gappy}, line 1: the agenda starts at item 20, not 1`);
    expect(warned.stderr).toContain(`concord fora: warning: ${gappy}, line 3: item 21 is missing: item 22 follows item 20`);

    const unknown = await cli("fora", "agenda-import", "--session", "copuos-999", "--file", L280_FILE, "--source", L280_SOURCE);
    expect(unknown.code).toBe(6);
    expect(unknown.stderr).toContain('no forum session "copuos-999": concord fora sessions lists them');

    const noSource = await cli("fora", "agenda-import", "--session", String(sessionId), "--file", L280_FILE);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toContain("--session, --file and --source are required");

    const badDate = await cli("fora", "agenda-import", "--session", String(sessionId), "--file", L280_FILE, "--source", L280_SOURCE, "--as-of", "21/04/2011");
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("--as-of: must be a date YYYY-MM-DD");
  }, 60_000);
});
