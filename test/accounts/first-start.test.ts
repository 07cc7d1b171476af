import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnCli } from "../support/run-cli.ts";

interface Served {
  readonly url: string;
  readonly stdout: () => string;
  stop(): Promise<void>;
}

/** `concord serve --port 0` on a data directory; resolves once it listens. */
async function serve(dataDir: string): Promise<Served> {
  const child = spawnCli(["serve", "--port", "0", "--no-bootstrap", "--data-dir", dataDir]);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.on("close", (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return {
    url,
    stdout: () => stdout,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on("close", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

describe("the first start", () => {
  it("prints one single-use setup link on a store without an admin, which creates the first admin, and none afterwards", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "concord-first-start-"));
    try {
      const first = await serve(dataDir);
      let token: string;
      try {
        // The link is printed right after the server listens.
        for (let i = 0; i < 50 && !first.stdout().includes("#token="); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
        const links = first.stdout().match(/\/setup#token=[A-Za-z0-9_-]{43}/g) ?? [];
        expect(links).toHaveLength(1);
        expect(first.stdout()).toMatch(/No admin account yet/);
        token = links[0]?.split("#token=")[1] ?? "";
        const setup = (body: unknown) => fetch(`${first.url}/api/auth/setup`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
        const created = await setup({ token, email: "root@example.org", displayName: "Root", password: "first admin passphrase" });
        expect(created.status).toBe(200);
        expect(((await created.json()) as { user: { role: string } }).user.role).toBe("admin");
        expect((await setup({ token, email: "again@example.org", displayName: "Again", password: "first admin passphrase" })).status).toBe(401);
        expect(first.stdout()).not.toContain("first admin passphrase");
      } finally {
        await first.stop();
      }
      const second = await serve(dataDir);
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(second.stdout()).not.toContain("#token=");
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
