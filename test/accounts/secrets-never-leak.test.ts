import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditEntriesCsv, csvCell } from "../../src/accounts/audit-export.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import { openDatabase } from "../../src/store/database.ts";
import { REPO_ROOT } from "../support/run-cli.ts";
import type { CliResult } from "../support/run-cli.ts";
import { apiRequest, signIn } from "../support/workspace-users.ts";
import { testDatabases } from "../support/test-databases.ts";
import { openAccountsApp } from "./accounts-app.ts";

const databases = testDatabases();

/** The real CLI with standard input piped in (runCli ignores stdin). */
function runCliWithStdin(args: readonly string[], stdin: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "src/cli/main.ts"), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, CONCORD_BOOTSTRAP: "false", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(databases)("passwords and their hashes never leave the store on %s", (target) => {
  it("appear in no API answer, no log line and no audit entry", async () => {
    const { app, database, logLines, close } = await openAccountsApp(target, { CONCORD_PUBLIC_URL: "http://concord.test" });
    try {
      const adminPassword = "admin passphrase Zq7#leak-check";
      const userPassword = "user passphrase Wm3!leak-check";
      const { issueFirstAdminSetupLink } = await import("../../src/accounts/account-setup.service.ts");
      const { SYSTEM_ACTOR } = await import("../../src/accounts/audit-actor.ts");
      const link = await issueFirstAdminSetupLink(database.db, "http://concord.test", SYSTEM_ACTOR, new Date());
      const answers: string[] = [];
      const keep = async (response: Response) => {
        answers.push(`${JSON.stringify([...response.headers])}\n${await response.clone().text()}`);
        return response;
      };
      await keep(await apiRequest(app, "POST", "/api/auth/setup", { body: { token: link?.url.split("#token=")[1], email: "admin@example.org", displayName: "Admin", password: adminPassword } }));
      const session = await signIn(app, "admin@example.org", adminPassword);
      const created = (await (await keep(await apiRequest(app, "POST", "/api/users", { session, body: { email: "user@example.org", displayName: "User", role: "analyst", password: userPassword } }))).json()) as { user: { id: number } };
      await keep(await apiRequest(app, "POST", "/api/auth/login", { body: { email: "user@example.org", password: `${userPassword}-wrong` } }));
      await keep(await apiRequest(app, "POST", "/api/auth/login", { body: { email: "user@example.org", password: userPassword } }));
      await keep(await apiRequest(app, "POST", "/api/users", { session, body: { email: "weak@example.org", displayName: "Weak", role: "viewer", password: "weakpass" } }));
      await keep(await apiRequest(app, "PATCH", `/api/users/${created.user.id}`, { session, body: { displayName: "User Renamed" } }));
      for (const path of ["/api/auth/session", "/api/users", `/api/users/${created.user.id}`, "/api/audit?limit=500", "/api/audit/export?format=csv", "/api/audit/export?format=json"]) {
        await keep(await apiRequest(app, "GET", path, { session }));
      }
      const hashes = (await database.db.selectFrom("users").select("password_hash").execute()).map((r) => r.password_hash ?? "");
      expect(hashes.filter((h) => h.startsWith("$argon2id$"))).toHaveLength(2);
      const audit = JSON.stringify(await searchAuditEntries(database.db, { order: "asc" }));
      const haystacks = { answers: answers.join("\n"), log: logLines.join("\n"), audit };
      const secrets = [adminPassword, userPassword, "weakpass", ...hashes, ...hashes.map((h) => h.split("$").pop() ?? "")];
      let checks = 0;
      for (const [where, text] of Object.entries(haystacks)) {
        for (const secret of secrets) {
          expect(text.includes(secret), `${where} contains a secret`).toBe(false);
          checks += 1;
        }
        expect(text).not.toMatch(/argon2/i);
      }
      console.log(`${checks} checks: ${answers.length} answers (${haystacks.answers.length} characters), ${logLines.length} log lines, ${audit.length} characters of audit log hold none of ${secrets.length} secrets`);
    } finally {
      await close();
    }
  });
});

describe("passwords through the CLI", () => {
  it("users add --password-stdin reads the password from stdin and prints neither it nor its hash; list, disable and audit export neither", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "concord-users-cli-"));
    try {
      const password = "cli passphrase Kx9?leak-check";
      const out: string[] = [];
      const add = await runCliWithStdin(["users", "add", "--email", "Cli@Example.org", "--name", "Cli User", "--role", "analyst", "--password-stdin", "--data-dir", dataDir], `${password}\n`);
      out.push(add.stdout, add.stderr);
      expect(add.code).toBe(0);
      expect(add.stdout).toMatch(/^Added cli@example\.org \(analyst\), user #\d+\.$/m);
      const invite = await runCliWithStdin(["users", "add", "--email", "linkme@example.org", "--name", "Link Me", "--role", "viewer", "--data-dir", dataDir], "", { CONCORD_PUBLIC_URL: "https://concord.example.org" });
      out.push(invite.stdout, invite.stderr);
      expect(invite.stdout).toMatch(/^https:\/\/concord\.example\.org\/setup#token=[A-Za-z0-9_-]{43}$/m);
      const list = await runCliWithStdin(["users", "list", "--json", "--data-dir", dataDir], "");
      out.push(list.stdout, list.stderr);
      const listed = JSON.parse(list.stdout) as { users: { email: string; hasPassword: boolean }[] };
      expect(listed.users.map((u) => [u.email, u.hasPassword])).toEqual([["cli@example.org", true], ["linkme@example.org", false]]);
      const disable = await runCliWithStdin(["users", "disable", "linkme@example.org", "--data-dir", dataDir], "");
      out.push(disable.stdout, disable.stderr);
      expect(disable.stdout).toMatch(/linkme@example\.org is disabled/);
      const exportFile = join(dataDir, "audit.csv");
      const exported = await runCliWithStdin(["audit", "export", "--format", "csv", "--out", exportFile, "--data-dir", dataDir], "");
      out.push(exported.stdout, exported.stderr);
      const csv = await readFile(exportFile, "utf8");
      expect(csv.split("\r\n").filter((l) => /,user\.(create|disable),/.test(l))).toHaveLength(3);
      expect(csv).toMatch(/,cli:[^,]+,user\.disable,user,/);
      const json = await runCliWithStdin(["audit", "export", "--format", "json", "--data-dir", dataDir], "");
      out.push(json.stdout, json.stderr);
      expect((JSON.parse(json.stdout) as { count: number }).count).toBeGreaterThanOrEqual(4);

      const store = await openDatabase({ dataDir, databaseUrl: null });
      try {
        const hash = (await store.db.selectFrom("users").select("password_hash").where("email", "=", "cli@example.org").executeTakeFirstOrThrow()).password_hash ?? "";
        expect(hash).toMatch(/^\$argon2id\$v=19\$/);
        const all = [...out, csv].join("\n");
        for (const secret of [password, hash, hash.split("$").pop() ?? ""]) expect(all.includes(secret)).toBe(false);
        console.log(`CLI: ${all.length} characters of output and export hold neither the password nor its hash`);
      } finally {
        await store.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("audit CSV cells", () => {
  it("quote separators and neutralise spreadsheet formulas", () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(auditEntriesCsv([])).toBe("id,at,actor_user_id,actor_label,action,entity_type,entity_id,before_json,after_json\r\n");
  });
});
