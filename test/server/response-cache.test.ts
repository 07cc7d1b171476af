import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { apiRequest, createTestUser, signIn } from "../support/workspace-users.ts";
import { ingestFiles, jsonOf, openTemporaryContext } from "./server-fixtures.ts";

const ISS = "ISS (ZARYA)\n1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927\n2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537\n";
const HST = "HST\n1 20580U 90037B   08264.16350984  .00000729  00000-0  45542-4 0  9992\n2 20580  28.4697 153.8981 0003565  51.5779  93.2209 14.99780924644339\n";

describe("the API's response cache", () => {
  let fixture: Awaited<ReturnType<typeof openTemporaryContext>>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    fixture = await openTemporaryContext();
    app = createApp(fixture.context, { log: () => undefined });
    const file = join(fixture.dataDir, "iss.tle");
    await writeFile(file, ISS);
    await ingestFiles(fixture.context, [file]);
  });
  afterAll(async () => fixture.dispose());

  it("answers a repeated GET from the cache, and the next one after an ingest from the new data", async () => {
    const first = await app.request("/api/objects?limit=10");
    expect(first.headers.get("x-concord-cache")).toBe("miss");
    const firstBody = await jsonOf<{ total: number }>(first);
    const again = await app.request("/api/objects?limit=10");
    expect(again.headers.get("x-concord-cache")).toBe("hit");
    expect(await jsonOf<{ total: number }>(again)).toEqual(firstBody);

    const file = join(fixture.dataDir, "hst.tle");
    await writeFile(file, HST);
    await ingestFiles(fixture.context, [file]);
    const after = await app.request("/api/objects?limit=10");
    expect(after.headers.get("x-concord-cache")).toBe("miss");
    expect((await jsonOf<{ total: number }>(after)).total).toBe(firstBody.total + 1);
  });

  it("computes a cold answer once for concurrent identical requests, and never caches errors or the health check", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.request("/api/stats?by=type")));
    expect(answers.filter((r) => r.headers.get("x-concord-cache") === "miss")).toHaveLength(1);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect((await app.request("/api/objects/99999999")).headers.get("x-concord-cache")).toBeNull();
    expect((await app.request("/api/objects/99999999")).headers.get("x-concord-cache")).toBeNull();
    expect((await app.request("/api/health")).headers.get("x-concord-cache")).toBeNull();
  });

  it("serves signed-in users the same cached public answers, and never caches the session or a workspace route", async () => {
    const analyst = await createTestUser(fixture.context.database.db, { role: "analyst" });
    const session = await signIn(app, analyst.email, analyst.password);
    await app.request("/api/stats?by=owner");
    const signedIn = await apiRequest(app, "GET", "/api/stats?by=owner", { session });
    expect(signedIn.headers.get("x-concord-cache")).toBe("hit");
    for (const path of ["/api/auth/session", "/api/fora", "/api/positions"]) {
      const first = await apiRequest(app, "GET", path, { session });
      const second = await apiRequest(app, "GET", path, { session });
      expect(first.status, path).toBe(200);
      expect(second.headers.get("x-concord-cache"), path).toBeNull();
    }
    // The session answer differs by who asks: signed out it is empty, whatever was asked before.
    expect((await jsonOf<{ user: unknown }>(await app.request("/api/auth/session"))).user).toBeNull();
  });
});
