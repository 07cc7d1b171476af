import type { OpenAPIHono } from "@hono/zod-openapi";

export const OPENAPI_PATH = "/openapi.json";

const DOCUMENT_INFO = {
  openapi: "3.1.0",
  info: {
    title: "Concord API",
    version: "0.1.0",
    description:
      "Concord's evidence base over HTTP: the space-object catalog attributed to states and organisations, its statistics " +
      "and the provenance of every figure. Responses with figures carry an `asOf` block naming the SATCAT and element-set " +
      "ingests they come from.",
  },
};

/** `GET /openapi.json` (OpenAPI 3.1, generated from the zod route definitions) and a plain `GET /api/docs` page. */
export function registerDocsRoutes(app: OpenAPIHono): void {
  app.doc31(OPENAPI_PATH, DOCUMENT_INFO);
  app.get("/api/docs", (c) => {
    const document = app.getOpenAPI31Document(DOCUMENT_INFO);
    const rows = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { summary?: string; parameters?: { name: string; in: string }[] }>).map(
        ([method, operation]) => {
          const parameters = (operation.parameters ?? []).map((p) => `${p.name} (${p.in})`).join(", ");
          return `<tr><td><code>${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</code></td><td>${escapeHtml(operation.summary ?? "")}</td><td>${escapeHtml(parameters)}</td></tr>`;
        },
      ),
    );
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(DOCUMENT_INFO.info.title)}</title>` +
        `<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}td{padding:.3rem .8rem;border-bottom:1px solid #ddd;vertical-align:top}</style></head>` +
        `<body><h1>${escapeHtml(DOCUMENT_INFO.info.title)}</h1><p>${escapeHtml(DOCUMENT_INFO.info.description)}</p>` +
        `<p>Machine-readable description: <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a> (OpenAPI 3.1).</p>` +
        `<table><thead><tr><th>Route</th><th>What it gives</th><th>Parameters</th></tr></thead><tbody>${rows.join("")}</tbody></table></body></html>`,
    );
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
