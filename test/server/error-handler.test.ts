import type { z } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError, SourceFetchError, SourceFormatError } from "../../src/core/concord-error.ts";
import { StrictIngestError } from "../../src/catalog/catalog-ingest.service.ts";
import { createApp } from "../../src/server/app.ts";
import { errorResponse, statusForErrorCode } from "../../src/server/error-handler.ts";
import type { ErrorResponseSchema } from "../../src/server/schemas/common.schemas.ts";
import type { HealthResponseSchema } from "../../src/server/schemas/health.schemas.ts";
import type { ObjectListResponseSchema } from "../../src/server/schemas/object.schemas.ts";
import { StoreOpenError } from "../../src/store/database.ts";
import { jsonOf, openTemporaryContext } from "./server-fixtures.ts";

type ErrorBody = z.infer<typeof ErrorResponseSchema>;

describe("mapping errors to HTTP statuses, in one place", () => {
  it("maps INVALID_INPUT to 400, NOT_FOUND to 404, SOURCE_* to 502 and every other code to 500", () => {
    expect(statusForErrorCode("INVALID_INPUT")).toBe(400);
    expect(statusForErrorCode("NOT_FOUND")).toBe(404);
    expect(statusForErrorCode("SOURCE_FORMAT")).toBe(502);
    expect(statusForErrorCode("SOURCE_FETCH")).toBe(502);
    expect(statusForErrorCode("STRICT_REJECTED")).toBe(500);
    expect(statusForErrorCode("STORE_OPEN")).toBe(500);
  });

  it("gives each Concord error its code and message, and names the field of invalid input", () => {
    expect(errorResponse(new InvalidInputError("limit", "too big"))).toEqual({
      status: 400,
      body: { error: { code: "INVALID_INPUT", message: "limit: too big", field: "limit" } },
    });
    expect(errorResponse(new NotFoundError("object", "no object 7"))).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message: "no object 7" } } });
    expect(errorResponse(new SourceFetchError("https://celestrak.org/pub/satcat.csv", "HTTP 503")).status).toBe(502);
    expect(errorResponse(new SourceFormatError("x.txt", "unknown format")).status).toBe(502);
    expect(errorResponse(new StrictIngestError([])).body.error.code).toBe("STRICT_REJECTED");
    expect(errorResponse(new StoreOpenError("SQLite x", "locked")).status).toBe(500);
  });

  it("never puts an unexpected error's message or stack in the body", () => {
    const { status, body } = errorResponse(new TypeError("secret detail at /home/user/src/x.ts:12"));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/secret|\/home|x\.ts/);
  });
});

describe("the API on an empty store, and when the store fails", () => {
  let fixture: Awaited<ReturnType<typeof openTemporaryContext>>;
  beforeAll(async () => {
    fixture = await openTemporaryContext();
  });
  afterAll(async () => {
    await fixture.dispose();
  });

  it("reports an empty store honestly: no objects, no ingest, no sources to cite", async () => {
    const app = createApp(fixture.context, { log: () => {} });
    const health = await jsonOf<z.infer<typeof HealthResponseSchema>>(await app.request("/api/health"));
    expect(health).toMatchObject({ status: "ok", objects: 0, lastIngest: null, asOf: { satcat: null, elementSets: null } });
    const list = await jsonOf<z.infer<typeof ObjectListResponseSchema>>(await app.request("/api/objects"));
    expect(list).toMatchObject({ total: 0, items: [] });
  });

  it("answers a failure of the store with a 500 whose body holds no stack trace, and logs the stack", async () => {
    const { context, dispose } = await openTemporaryContext();
    const logged: string[] = [];
    const app = createApp(context, { log: (line) => logged.push(line) });
    await dispose();
    const response = await app.request("/api/objects");
    expect(response.status).toBe(500);
    const text = await response.text();
    expect((JSON.parse(text) as ErrorBody).error).toEqual({ code: "INTERNAL", message: "internal error: see the server log" });
    expect(text).not.toMatch(/\s+at\s|node_modules|\.ts:\d+/);
    expect(logged.join("\n")).toMatch(/server error on GET \/api\/objects: [\s\S]*\n\s+at /);
  });
});
