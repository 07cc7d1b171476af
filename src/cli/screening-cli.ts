import type { Kysely } from "kysely";
import { InvalidInputError, NotFoundError } from "../core/concord-error.ts";
import { describeRun, runWarnings } from "../screening/screening-run-summary.ts";
import type { StoreSchema } from "../store/schema.ts";
import { getScreeningRun, newestScreeningRun } from "../store/screening-run.repository.ts";
import type { ScreeningRunRecord, StoredConjunctionEvent } from "../store/screening-run.repository.ts";
import type { CliIo } from "./cli-io.ts";
import { writeLine } from "./cli-io.ts";
import { parseIntegerFlag } from "./global-flags.ts";

/** A decimal flag (`--threshold-km 2.5`, `--min-pc 1e-6`) within [min, max]. */
export function parseNumberFlag(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    throw new InvalidInputError(`--${name}`, `must be a number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** `--run ID`, or the newest run; not found is exit code 6. */
export async function resolveRun(db: Kysely<StoreSchema>, runText: string | undefined): Promise<ScreeningRunRecord> {
  if (runText === undefined) {
    const newest = await newestScreeningRun(db);
    if (newest === null) throw new NotFoundError("screening run", "no screening run stored yet; run `concord screen` first");
    return newest;
  }
  const id = parseIntegerFlag("run", runText, 0, 1, 2 ** 31 - 1);
  const run = await getScreeningRun(db, id);
  if (run === null) throw new NotFoundError("screening run", `no screening run #${id}`);
  return run;
}

/** The run's header on stdout and its warnings (stale element sets, no active set) on stderr. */
export function writeRunHeader(io: CliIo, run: ScreeningRunRecord): void {
  for (const line of describeRun(run)) writeLine(io, line);
  for (const warning of runWarnings(run)) io.stderr.write(`warning: ${warning}\n`);
}

/** One event as a table row. */
export function eventRow(e: StoredConjunctionEvent): (string | number | null)[] {
  const who = (o: StoredConjunctionEvent["primaryObject"]) => `${o.catalogNumber} ${o.name ?? "?"} [${o.actorCode ?? "UNKNOWN"} ${o.objectType ?? "?"}]`;
  return [
    String(e.id),
    e.tca,
    who(e.primaryObject),
    who(e.secondaryObject),
    e.missDistanceKm.toFixed(3),
    e.relativeSpeedKmS.toFixed(3),
    e.pc === null ? null : e.pc.toExponential(2),
    e.pcMax === null ? null : e.pcMax.toExponential(2),
    `${e.primaryElementAgeDays.toFixed(1)}/${e.secondaryElementAgeDays.toFixed(1)}`,
  ];
}

export const EVENT_HEADER = ["event", "TCA (UTC)", "primary", "secondary", "miss km", "rel km/s", "Pc", "max Pc", "ages d"] as const;
