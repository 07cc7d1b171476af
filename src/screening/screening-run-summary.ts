import { ACTIVE_PAYLOAD_DEFINITION } from "../catalog/active-payload.ts";
import type { ScreeningRunRecord } from "../store/screening-run.repository.ts";
import { STALE_AGE_DAYS } from "./element-set-snapshot.ts";

/** A run as every output cites it: which run, its window, its element-set epochs and ages, and the active set used. */
export function runSummaryJson(run: ScreeningRunRecord) {
  return {
    id: run.id,
    window: { from: new Date(run.fromMs).toISOString(), to: new Date(run.toMs).toISOString(), days: (run.toMs - run.fromMs) / 86_400_000 },
    thresholdKm: run.thresholdKm,
    primaries: { selector: run.primariesSelector, count: run.primaries?.length ?? null, catalogNumbers: run.primaries },
    elementSets: {
      objects: run.snapshot.objectCount,
      epochMin: run.snapshot.epochMin,
      epochMedian: run.snapshot.epochMedian,
      epochMax: run.snapshot.epochMax,
      maxAgeDaysAtStart: run.snapshot.maxAgeDays,
      staleCount: run.snapshot.staleCount,
      staleAfterDays: STALE_AGE_DAYS,
      ingestIds: [...run.snapshot.ingestIds],
    },
    activeSet: { ingestId: run.activeSet?.ingestId ?? null, asOf: run.activeSet?.asOf ?? null, definition: ACTIVE_PAYLOAD_DEFINITION },
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.durationMs,
    threads: run.threads,
    status: run.status,
    eventsCount: run.eventsCount,
    algorithm: run.algorithm,
    guarantee: run.guarantee,
    pcNote: run.pcNote,
    softwareVersion: run.softwareVersion,
    warnings: runWarnings(run),
  };
}

export type RunSummaryJson = ReturnType<typeof runSummaryJson>;

/** Warnings every output of a run repeats: stale element sets, no active set. */
export function runWarnings(run: ScreeningRunRecord): string[] {
  const warnings: string[] = [];
  if (run.snapshot.staleCount > 0) {
    warnings.push(
      `${run.snapshot.staleCount} of ${run.snapshot.objectCount} element sets were more than ${STALE_AGE_DAYS} days old at the window start ` +
        `(oldest ${run.snapshot.maxAgeDays?.toFixed(1) ?? "?"} days); SGP4 errors grow by kilometres per day, so their events are indicative only`,
    );
  }
  if (run.activeSet === null) warnings.push("no active-set ingest: only CelesTrak OPS_STATUS_CODE marks payloads active (ingest one with --active-set or --celestrak active)");
  return warnings;
}

/** The same as text lines for a terminal. */
export function describeRun(run: ScreeningRunRecord): string[] {
  const s = run.snapshot;
  const window = `${new Date(run.fromMs).toISOString()} to ${new Date(run.toMs).toISOString()}`;
  const active = run.activeSet === null ? "none" : `ingest #${run.activeSet.ingestId}, as of ${run.activeSet.asOf ?? "?"}`;
  return [
    `Screening run #${run.id}: ${window}, threshold ${run.thresholdKm} km, primaries ${run.primariesSelector}${run.primaries ? ` (${run.primaries.length})` : ""}, ${run.eventsCount} events, ${(run.durationMs / 1000).toFixed(1)} s on ${run.threads} thread(s).`,
    `Element sets: ${s.objectCount} objects, epochs ${s.epochMin ?? "?"} … ${s.epochMedian ?? "?"} (median) … ${s.epochMax ?? "?"}, oldest ${s.maxAgeDays?.toFixed(1) ?? "?"} days at start; ingests ${s.ingestIds.map((i) => `#${i}`).join(", ")}.`,
    `Active set: ${active}.`,
  ];
}
