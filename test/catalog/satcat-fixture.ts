import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { sharedDataFile } from "../support/shared-data.ts";

export const SATCAT_PATH = "satcat/spacetrack_satcat_2026-01-20.json.gz";

let cache: { text: string; parsed: Record<string, string | null>[] } | null = null;

/** The real Space-Track SATCAT (decompressed text and parsed array), or null when ../shared/data is absent. */
export function loadSpacetrackSatcat(): { path: string; text: string; parsed: Record<string, string | null>[] } | null {
  const path = sharedDataFile(SATCAT_PATH);
  if (path === null) return null;
  if (cache === null) {
    const text = gunzipSync(readFileSync(path)).toString("utf8");
    cache = { text, parsed: JSON.parse(text) as Record<string, string | null>[] };
  }
  return { path, ...cache };
}
