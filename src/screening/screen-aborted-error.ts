import { ConcordError } from "../core/concord-error.ts";

/** A screening was cancelled through its AbortSignal (SIGINT, an aborted request): its workers were stopped and nothing was stored. */
export class ScreeningAbortedError extends ConcordError {
  readonly code = "CANCELLED";
  constructor() {
    super("screening cancelled; nothing was stored");
    this.name = "AbortError";
  }
}
