import { ConflictError, InvalidInputError } from "../../src/core/concord-error.ts";

/** The error `promise` is refused with; throws when it is accepted. */
export async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("accepted");
}

/** The field an InvalidInputError refusal names; any other outcome is rethrown (or "accepted"). */
export async function fieldOf(promise: Promise<unknown>): Promise<string> {
  const error = await refusal(promise);
  if (!(error instanceof InvalidInputError)) throw error instanceof Error ? error : new Error(String(error));
  return error.field;
}

/** The message of a ConflictError refusal; any other outcome is rethrown (or "accepted"). */
export async function conflictOf(promise: Promise<unknown>): Promise<string> {
  const error = await refusal(promise);
  if (!(error instanceof ConflictError)) throw error instanceof Error ? error : new Error(String(error));
  return error.message;
}
