import { parseArgs } from "node:util";
import type { ParseArgsConfig } from "node:util";
import { InvalidInputError } from "../core/concord-error.ts";
import { loadConfig } from "../core/config.ts";
import type { Config } from "../core/config.ts";

/** Flags every command accepts: where the store is. */
export const GLOBAL_OPTIONS = {
  "data-dir": { type: "string" },
  "database-url": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

/** parseArgs in strict mode, turning its errors into usage errors that name the flag. */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  args: readonly string[],
  options: O,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args: [...args], options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (error) {
    throw new InvalidInputError(command, error instanceof Error ? error.message : String(error));
  }
}

export function configFromFlags(values: { "data-dir"?: string | undefined; "database-url"?: string | undefined }, env: NodeJS.ProcessEnv): Config {
  return loadConfig({ dataDir: values["data-dir"], databaseUrl: values["database-url"] }, env);
}

export function parseIntegerFlag(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new InvalidInputError(`--${name}`, `must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

export function parseChoiceFlag<const T extends string>(name: string, text: string | undefined, choices: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw new InvalidInputError(`--${name}`, `must be one of ${choices.join(", ")}, got ${JSON.stringify(text)}`);
  }
  return text as T;
}

/** An ISO 8601 instant with an explicit zone (`Z` or ±hh:mm); a bare date means 00:00 UTC. */
export function parseInstantFlag(name: string, text: string): number {
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const ms = /(Z|[+-]\d{2}:?\d{2})$/i.test(withZone) ? Date.parse(withZone) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new InvalidInputError(`--${name}`, `must be an ISO 8601 time with a zone, e.g. 2026-01-20T12:00:00Z; got ${JSON.stringify(text)}`);
  }
  return ms;
}

/** A calendar date flag (`YYYY-MM-DD`, a real date), or undefined when absent. */
export function parseDateFlag(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    throw new InvalidInputError(`--${name}`, `must be a date YYYY-MM-DD, got ${JSON.stringify(text)}`);
  }
  return text;
}
