import { z } from "@hono/zod-openapi";
import { AsOfSchema, LimitSchema, OffsetSchema } from "./common.schemas.ts";

export const IngestSchema = z
  .object({
    id: z.number().int(),
    source: z.string(),
    sourceKind: z.string(),
    format: z.string(),
    status: z.string().openapi({ description: "running, succeeded or failed" }),
    retrievedAt: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    sha256: z.string().nullable(),
    bytes: z.number().int().nullable(),
    recordsTotal: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    objectsInserted: z.number().int(),
    objectsUpdated: z.number().int(),
    elementSetsInserted: z.number().int(),
    elementSetsDuplicate: z.number().int(),
    epochMin: z.string().nullable(),
    epochMedian: z.string().nullable(),
    epochMax: z.string().nullable(),
    dataAsOf: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi("Ingest");

export const SourcesResponseSchema = z
  .object({
    store: z.string(),
    items: z.array(IngestSchema).openapi({ description: "Every ingest, newest first" }),
    asOf: AsOfSchema,
  })
  .openapi("Sources");

export const IngestIdParamsSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: "id", in: "path" }, description: "Ingest id", example: 1 }),
});

export const RejectionsQuerySchema = z.object({
  limit: LimitSchema(100),
  offset: OffsetSchema,
});

export const RejectionSchema = z
  .object({
    id: z.number().int(),
    source: z.string(),
    line: z.number().int().nullable(),
    recordIndex: z.number().int().nullable(),
    field: z.string().nullable(),
    reason: z.string(),
    raw: z.string().nullable(),
  })
  .openapi("Rejection");

export const RejectionsResponseSchema = z
  .object({
    ingest: IngestSchema,
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(RejectionSchema),
  })
  .openapi("Rejections");
