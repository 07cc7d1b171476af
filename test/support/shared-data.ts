import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** `../shared/data` beside the checkout; tests read real reference data from here and never copy it. */
export const SHARED_DATA_DIR = resolve(join(dirname(fileURLToPath(import.meta.url)), "../../../shared/data"));

/**
 * Absolute path of a file under `../shared/data`, or null when it is absent. Absent data makes a test skip
 * with a clear message locally; under `CI=true` it is an error, so CI can never pass by skipping.
 */
export function sharedDataFile(relativePath: string): string | null {
  const path = join(SHARED_DATA_DIR, relativePath);
  if (existsSync(path)) return path;
  if (process.env["CI"] === "true") {
    throw new Error(`CI=true but the reference file ${path} is missing: ../shared/data must be present in CI`);
  }
  console.warn(`skipping: reference file ${path} is absent (../shared/data not found)`);
  return null;
}

/** Same as sharedDataFile, for use with `describe.skipIf(!path)` / `it.skipIf`. */
export function requireSharedData(relativePath: string): string {
  const path = sharedDataFile(relativePath);
  if (path === null) throw new Error(`reference file ${relativePath} is absent`);
  return path;
}
