import { existsSync } from "node:fs";

/** Debian's `chromium` (apt-get install chromium), or CHROMIUM_PATH. */
const CANDIDATES = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((path): path is string => path !== undefined && path !== "");

/**
 * The Chromium executable for the end-to-end tests, or null (the tests skip with a message). Under CI=true a missing
 * browser is an error: .ci/run installs Debian's chromium, so CI can never pass by skipping.
 */
export function chromiumExecutable(): string | null {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found !== undefined) return found;
  const message = `no Chromium at ${CANDIDATES.join(" or ")}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`;
  if (process.env["CI"] === "true") throw new Error(`CI=true but ${message}`);
  console.warn(`skipping the web app's end-to-end tests: ${message}`);
  return null;
}
