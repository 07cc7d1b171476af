import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, liveOpenApiDocument, renderApiTypes } from "../../web/scripts/api-types.ts";

describe("the web app's typed API client", () => {
  it("is generated from the live app's OpenAPI document: regenerating it gives the committed file (run npm run web:api-types if not)", async () => {
    const document = await liveOpenApiDocument();
    const generated = await renderApiTypes(document);
    const committed = readFileSync(API_TYPES_FILE, "utf8");
    const paths = Object.keys(document.paths ?? {});
    console.log(`OpenAPI ${document.openapi}: ${paths.length} paths; ${generated.split("\n").length} lines of types`);
    expect(paths).toContain("/api/conjunctions/{eventId}");
    expect(committed, "web/src/api/openapi-types.ts is out of date: run npm run web:api-types").toBe(generated);
  });
});
