import { readFile, stat } from "node:fs/promises";
import { SourceFormatError } from "../core/concord-error.ts";
import { buildSourcePayload, type SourcePayload } from "./source-payload.ts";

export type ReadFileSourceOptions = {
  /** Clock for `retrievedAt`; defaults to the system clock. */
  now?: () => Date;
};

/**
 * Reads a local file (gzip or plain, detected by content) into a payload. The whole file is read once into
 * memory: real sources are at most ~40 MB decompressed. Unreadable files are a `SourceFormatError` naming the path.
 */
export async function readFileSource(path: string, options: ReadFileSourceOptions = {}): Promise<SourcePayload> {
  const now = options.now ?? (() => new Date());
  let bytes: Buffer;
  let modifiedAt: Date;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new SourceFormatError(path, "is a directory, not a file");
    modifiedAt = info.mtime;
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof SourceFormatError) throw error;
    throw new SourceFormatError(path, describeFileError(error));
  }
  return buildSourcePayload(path, "file", bytes, {
    retrievedAt: now().toISOString(),
    lastModified: modifiedAt.toISOString(),
    fromCache: false,
  });
}

function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case "ENOENT":
      return "file not found";
    case "EACCES":
    case "EPERM":
      return "permission denied: cannot read the file";
    case "EISDIR":
      return "is a directory, not a file";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    default:
      return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
  }
}
