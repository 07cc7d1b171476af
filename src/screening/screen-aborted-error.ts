import { ConcordError } from "../core/concord-error.ts";

/** A screening was cancelled through its AbortSignal: its workers were stopped and it produced nothing. */
export class ScreeningAbortedError extends ConcordError {
  readonly code = "CANCELLED";
  constructor() {
    super("screening cancelled");
    this.name = "AbortError";
  }
}
