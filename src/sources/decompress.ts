import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { SourceFormatError } from "../core/concord-error.ts";

const gunzipAsync = promisify(gunzip);

/** Largest decompressed size accepted (the biggest real source is ~35 MB); guards against gzip bombs. */
export const MAX_DECOMPRESSED_BYTES = 1024 * 1024 * 1024;

/** True when the bytes start with the gzip magic number 1f 8b (RFC 1952), whatever the file is called. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Gunzips the bytes when they are gzip, else returns them unchanged. A gzip stream that ends early is a
 * "truncated gzip" error; one with bad data or a bad checksum is a "corrupt gzip" error; both name the source.
 */
export async function decompressIfGzip(
  bytes: Buffer,
  source: string,
  maxOutputBytes: number = MAX_DECOMPRESSED_BYTES,
): Promise<{ data: Buffer; compressed: boolean }> {
  if (!isGzip(bytes)) return { data: bytes, compressed: false };
  try {
    const data = await gunzipAsync(bytes, { maxOutputLength: maxOutputBytes });
    return { data, compressed: true };
  } catch (error) {
    throw gzipError(error, source, bytes.byteLength, maxOutputBytes);
  }
}

function gzipError(error: unknown, source: string, compressedBytes: number, maxOutputBytes: number): SourceFormatError {
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === "Z_BUF_ERROR") {
    return new SourceFormatError(
      source,
      `truncated gzip: the compressed data ends early after ${compressedBytes} bytes (${detail}); the file is incomplete, download or copy it again`,
    );
  }
  if (code === "ERR_BUFFER_TOO_LARGE") {
    return new SourceFormatError(source, `gzip decompresses to more than ${maxOutputBytes} bytes; refusing to read it`);
  }
  return new SourceFormatError(source, `corrupt gzip: ${detail}`);
}
