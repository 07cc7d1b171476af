import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { openConcordContext } from "../../app/concord-context.ts";
import { runScreening } from "../../screening/screening-run.service.ts";
import { ScreeningAbortedError } from "../../screening/screen-aborted-error.ts";
import type { ScreeningRunProgress } from "../../screening/screening-run.service.ts";
import { defaultScreeningDependencies } from "../../app/screening-run-dependencies.ts";
import { parsePrimarySelector } from "../../screening/primary-selector.ts";
import { runSummaryJson } from "../../screening/screening-run-summary.ts";
import { conjunctionEventJson } from "../../screening/conjunction-event-json.ts";
import { listRunEvents } from "../../store/screening-run.repository.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs, parseInstantFlag, parseIntegerFlag } from "../global-flags.ts";
import { createProgress } from "../progress.ts";
import { EVENT_HEADER, eventRow, parseNumberFlag, writeRunHeader } from "../screening-cli.ts";

const EVENTS_SHOWN = 20;

/**
 * `concord screen [--from ISO] [--days N] [--threshold-km D] [--primaries SELECTOR] [--threads N] [--json]`
 * Screens the store's catalog (element sets known at --from) over the window and stores the run with its events in
 * one transaction at the end. Ctrl-C cancels it and stores nothing (exit 130).
 */
export async function runScreen(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "screen",
    args,
    {
      from: { type: "string" },
      days: { type: "string" },
      "threshold-km": { type: "string" },
      primaries: { type: "string" },
      threads: { type: "string" },
      json: { type: "boolean" },
      "progress-lines": { type: "boolean" },
    },
    false,
  );
  const fromMs = values.from === undefined ? Math.floor(Date.now() / 1000) * 1000 : parseInstantFlag("from", values.from);
  const days = parseNumberFlag("days", values.days, 1 / 1440, 30) ?? 1;
  const thresholdKm = parseNumberFlag("threshold-km", values["threshold-km"], 0.001, 1000) ?? 5;
  const selector = parsePrimarySelector(values.primaries);
  const threads = parseIntegerFlag("threads", values.threads, availableParallelism(), 1, 256);

  const context = await openConcordContext(configFromFlags(values, io.env));
  const progress = values["progress-lines"] ? lineProgress(io) : createProgress(io.stderr);
  const abort = new AbortController();
  const onSigint = () => {
    io.stderr.write("\ncancelling the screening run (nothing will be stored)…\n");
    abort.abort();
  };
  process.once("SIGINT", onSigint);
  try {
    const { run } = await runScreening(
      context.database.db,
      { fromMs, toMs: fromMs + days * 86_400_000, thresholdKm, selector, threads },
      defaultScreeningDependencies(softwareVersion()),
      { signal: abort.signal, onProgress: (p) => reportProgress(progress, p) },
    );
    progress.finish();
    const top = await listRunEvents(context.database.db, run.id, {}, { limit: EVENTS_SHOWN, offset: 0 });
    if (values.json) {
      writeJson(io, { run: runSummaryJson(run), closestEvents: top.items.map(conjunctionEventJson) });
      return EXIT.ok;
    }
    writeRunHeader(io, run);
    writeLine(io, `Algorithm: ${run.algorithm}`);
    writeLine(io, `Guarantee: ${run.guarantee}`);
    if (run.pcNote !== null) writeLine(io, `Pc: ${run.pcNote}`);
    writeLine(io);
    writeLine(io, formatTable(EVENT_HEADER, top.items.map(eventRow)));
    writeLine(io, `\n${Math.min(EVENTS_SHOWN, top.total)} closest of ${top.total} events; \`concord conjunctions --run ${run.id}\` lists them all.`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ScreeningAbortedError) {
      progress.finish();
      io.stderr.write(`concord screen: ${error.message}\n`);
      return EXIT.cancelled;
    }
    throw error;
  } finally {
    process.removeListener("SIGINT", onSigint);
    progress.finish();
    await context.close();
  }
}

type Progress = ReturnType<typeof createProgress>;

function reportProgress(progress: Progress, p: ScreeningRunProgress): void {
  if (p.phase === "load") progress.update(0, 1, p.message);
  else if (p.phase === "screen") {
    const engine = p.engine as { done?: unknown; total?: unknown; phase?: unknown; label?: unknown } | null;
    const done = typeof engine?.done === "number" ? engine.done : 0;
    const total = typeof engine?.total === "number" ? engine.total : 1;
    const label = typeof engine?.label === "string" ? engine.label : typeof engine?.phase === "string" ? engine.phase : "screening";
    progress.update(done, total, `screening: ${label}`);
  } else progress.update(p.done, p.total, p.phase === "assess" ? "collision probability" : "storing the run");
}

function lineProgress(io: CliIo): Progress {
  return { update: (done, total, label) => io.stderr.write(`progress ${done}/${total} ${label}\n`), finish: () => {} };
}

/** Concord's version from package.json, recorded with each run. */
function softwareVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { name?: string; version?: string };
  return `${pkg.name ?? "concord"} ${pkg.version ?? "unknown"}`;
}
