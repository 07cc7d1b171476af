import { z } from "@hono/zod-openapi";
import { AGENDA_TEXT_MAX_CHARS } from "../../fora/agenda-import.service.ts";

/** Schemas of the agenda import (issue 7): a session's whole agenda from the text of its provisional agenda. */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

export const AgendaImportBodySchema = z
  .object({
    text: z
      .string()
      .max(
        AGENDA_TEXT_MAX_CHARS,
        `the text is longer than ${AGENDA_TEXT_MAX_CHARS.toLocaleString("en-US")} characters: paste only the provisional agenda (from "I. Provisional agenda" to "II. Annotations"), not a whole report`,
      )
      .openapi({ description: "The provisional agenda as copied from its PDF or web copy (page headers, job numbers and footnotes are skipped)", example: "I. Provisional agenda\n1. Opening of the session.\n2. Adoption of the agenda.\nII. Annotations" }),
    source: z.string().max(2000).openapi({ description: "Where the text comes from: the document symbol and a link", example: "A/AC.105/L.280 https://undocs.org/A/AC.105/L.280" }),
    asOf: day.nullable().optional().openapi({ description: "Default: the document's date found in the text, else the day of the import" }),
    dryRun: z.boolean().optional().openapi({ description: "Check and report what would be added (200); write nothing" }),
  })
  .strict()
  .openapi("AgendaImportRequest");

export const AgendaImportResultSchema = z
  .object({
    sessionId: z.number().int(),
    dryRun: z.boolean(),
    source: z.string(),
    asOf: z.string().openapi({ description: "The as-of date every item gets" }),
    asOfBasis: z.enum(["given", "document date", "import day"]).openapi({ description: "Where the as-of date came from" }),
    items: z
      .array(
        z.object({
          itemNumber: z.string().openapi({ example: "6(a)" }),
          title: z.string(),
          line: z.number().int().openapi({ description: "The line of the text it was read from (1-based)" }),
          id: z.number().int().nullable().openapi({ description: "The stored item's id; null in a dry run" }),
        }),
      )
      .readonly(),
    warnings: z
      .array(z.object({ line: z.number().int().nullable().openapi({ description: "The line of the text, or null for the whole import" }), message: z.string() }))
      .readonly()
      .openapi({ description: "What did not stop the import: gaps or repeats in the numbering, ignored lines, a source not naming the document" }),
    documentSymbol: z.string().nullable().openapi({ description: "The document symbol the text shows (its page header), if any" }),
    documentDate: z.string().nullable().openapi({ description: "The document's date from its Distr. block, if found" }),
    headingLine: z.number().int().nullable().openapi({ description: "The line of the heading the agenda starts after; null when the whole text was read" }),
    endLine: z.number().int().nullable().openapi({ description: "The line of the heading the agenda ends at; null when it runs to the end" }),
  })
  .openapi("AgendaImportResult");
