import { z } from "@hono/zod-openapi";

/**
 * A registered (component) schema or null. `.nullable()` on a registered schema makes @hono/zod-openapi mark the
 * component itself nullable (type ["object", "null"]) for every use; a union keeps the component non-null and puts
 * the null where it belongs: anyOf [$ref, null].
 */
export function orNull<T extends z.ZodTypeAny>(schema: T) {
  return z.union([schema, z.null()]);
}

/** The one error body every failing request gets (see error-handler.ts). */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "INVALID_INPUT" }),
      message: z.string().openapi({ example: "limit: Too big: expected number to be <=1000" }),
      field: z.string().optional().openapi({ example: "limit" }),
    }),
  })
  .openapi("Error");

/** One ingest, as cited by figures: where the data came from, when it was fetched, what date it describes. */
export const IngestRefSchema = z
  .object({
    ingestId: z.number().int(),
    source: z.string().openapi({ description: "File path or URL" }),
    sourceKind: z.string().openapi({ example: "celestrak" }),
    format: z.string().openapi({ example: "satcat-spacetrack-json" }),
    retrievedAt: z.string().openapi({ description: "ISO 8601 time the bytes were read or fetched" }),
    dataAsOf: z.string().nullable().openapi({ description: "Date the data describes (median element-set epoch day, or the SATCAT's latest launch/decay)" }),
    epochMin: z.string().nullable(),
    epochMedian: z.string().nullable(),
    epochMax: z.string().nullable(),
  })
  .openapi("IngestRef");

/** Where the figures of a response come from and as of when. */
export const AsOfSchema = z
  .object({
    satcat: orNull(IngestRefSchema).openapi({ description: "Newest SATCAT ingest (null: none yet)" }),
    elementSets: orNull(IngestRefSchema).openapi({ description: "Newest element-set ingest (null: none yet)" }),
  })
  .openapi("AsOf");

export const OBJECT_STATUSES = ["on-orbit", "decayed", "all"] as const;

export const ObjectStatusSchema = z.enum(OBJECT_STATUSES).default("all").openapi({
  description: "on-orbit: no decay date; decayed: a decay date; all (default)",
});

export const MAX_PAGE_LIMIT = 1000;

export const LimitSchema = (defaultLimit: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_LIMIT)
    .default(defaultLimit)
    .openapi({ description: `Items per page, 1 to ${MAX_PAGE_LIMIT} (default ${defaultLimit})` });

export const OffsetSchema = z.coerce.number().int().min(0).default(0).openapi({ description: "Items to skip (default 0)" });
