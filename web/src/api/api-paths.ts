import { cachedQuery } from "./query-cache.ts";

/** The API paths the server offers now, from its OpenAPI document: which analyses exist is decided at run time. */
export function loadApiPaths(): Promise<readonly string[]> {
  return cachedQuery("openapi-paths", async () => {
    const response = await fetch("/openapi.json");
    if (!response.ok) return [];
    const document = (await response.json()) as { paths?: Record<string, unknown> };
    return Object.keys(document.paths ?? {});
  });
}

/** The paths under any of the prefixes (an empty list: that API is absent). */
export function pathsUnder(paths: readonly string[], prefixes: readonly string[]): string[] {
  return paths.filter((path) => prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)));
}
