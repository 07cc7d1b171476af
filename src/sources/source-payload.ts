import { createHash } from "node:crypto";
import { SourceFormatError } from "../core/concord-error.ts";
import { decompressIfGzip } from "./decompress.ts";

/** Where a payload came from: a local file, a plain URL, or one of the two named remote services. */
export type SourceKind = "file" | "url" | "celestrak" | "spacetrack";

/**
 * The text of one source plus its provenance. Parsers take `text`; the store records the rest
 * (an ingest's source, retrieved-at and sha256 come from here).
 */
export type SourcePayload = {
  /** The path or URL as the user gave it (for Space-Track and CelesTrak: the query URL, never credentials). */
  source: string;
  sourceKind: SourceKind;
  /** Decompressed UTF-8 text with any byte-order mark removed. */
  text: string;
  /** Size of the bytes as received (compressed size for a gzip file). */
  bytes: number;
  /** Lower-case hex SHA-256 of the bytes as received. */
  sha256: string;
  /** ISO 8601 time the bytes were read or downloaded (for a cached body: when it was downloaded). */
  retrievedAt: string;
  /** True when the bytes were gzip (detected by magic bytes, not by name). */
  compressed: boolean;
  /** File modification time or HTTP Last-Modified, as ISO 8601; null when unknown. */
  lastModified: string | null;
  /** True when a remote body was served from the on-disk cache (fresh, or confirmed by a 304). */
  fromCache: boolean;
};

export type PayloadProvenance = {
  retrievedAt: string;
  lastModified: string | null;
  fromCache: boolean;
};

const UTF8_BOM = "\uFEFF";

/** SHA-256 of bytes as lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Decodes UTF-8 strictly (a binary or Latin-1 file is a clear error, not silent mojibake) and drops a BOM. */
export function decodeUtf8Text(bytes: Uint8Array, source: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SourceFormatError(source, "not UTF-8 text (invalid byte sequence); is this a binary file?");
  }
  return text.startsWith(UTF8_BOM) ? text.slice(1) : text;
}

/** Builds a payload from the bytes as received: hashes them, gunzips them when gzip, decodes the text. */
export async function buildSourcePayload(
  source: string,
  sourceKind: SourceKind,
  received: Buffer,
  provenance: PayloadProvenance,
): Promise<SourcePayload> {
  const { data, compressed } = await decompressIfGzip(received, source);
  return {
    source,
    sourceKind,
    text: decodeUtf8Text(data, source),
    bytes: received.byteLength,
    sha256: sha256Hex(received),
    retrievedAt: provenance.retrievedAt,
    compressed,
    lastModified: provenance.lastModified,
    fromCache: provenance.fromCache,
  };
}
