import { z } from "@hono/zod-openapi";
import { AsOfSchema, orNull } from "./common.schemas.ts";
import { IngestSchema } from "./source.schemas.ts";

export const BootstrapStatusSchema = z
  .object({
    state: z.enum(["idle", "running", "done", "failed"]),
    message: z.string(),
    progress: z
      .object({ phase: z.string(), source: z.string(), done: z.number().int(), total: z.number().int() })
      .nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi("BootstrapStatus");

export const HealthResponseSchema = z
  .object({
    status: z.literal("ok"),
    store: z.string(),
    dialect: z.enum(["sqlite", "postgres"]),
    objects: z.number().int(),
    lastIngest: orNull(IngestSchema),
    bootstrap: BootstrapStatusSchema,
    asOf: AsOfSchema,
  })
  .openapi("Health");
