import type { ZodType } from "zod";
import { ErrorResponseSchema } from "./common.schemas.ts";

/** A JSON response entry of a route definition. */
export function jsonResponse<T extends ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}

const errorEntry = (description: string) => jsonResponse(ErrorResponseSchema, description);

/** The error responses every route can give (bodies from error-handler.ts). */
export const ERROR_RESPONSES = {
  400: errorEntry("Invalid parameter; `error.field` names it"),
  500: errorEntry("Internal error (details in the server log only)"),
} as const;

export const NOT_FOUND_RESPONSE = { 404: errorEntry("Not found") } as const;
