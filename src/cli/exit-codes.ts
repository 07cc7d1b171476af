import { ConcordError } from "../core/concord-error.ts";

/** The `concord` command's exit codes; documented in the README. */
export const EXIT = {
  ok: 0,
  internalError: 1,
  usage: 2,
  sourceError: 3,
  strictRejected: 4,
  verificationFailed: 5,
  notFound: 6,
  /** Cancelled with Ctrl-C (128 + SIGINT); nothing was stored. */
  cancelled: 130,
} as const;

/** Maps an error to an exit code: the CLI's one place for this. */
export function exitCodeFor(error: unknown): number {
  if (!(error instanceof ConcordError)) return EXIT.internalError;
  switch (error.code) {
    case "INVALID_INPUT":
      return EXIT.usage;
    case "SOURCE_FORMAT":
    case "SOURCE_FETCH":
      return EXIT.sourceError;
    case "STRICT_REJECTED":
      return EXIT.strictRejected;
    case "NOT_FOUND":
      return EXIT.notFound;
    default:
      return EXIT.internalError;
  }
}
