import type { Kysely } from "kysely";
import { isActivePayload } from "../catalog/active-payload.ts";
import { NotFoundError } from "../core/concord-error.ts";
import type { MeanElements } from "../orbit/mean-elements.ts";
import { activeSetMembers, newestActiveSetIngest } from "../store/active-set.repository.ts";
import type { ActiveSetRef } from "../store/active-set.repository.ts";
import { earliestElementSetsAfter, latestElementSets } from "../store/element-set.repository.ts";
import { ScreeningAbortedError } from "./screen-aborted-error.ts";
import type { StoredElementSet } from "../store/element-set.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { loadScreeningObjectFacts } from "../store/screening-objects.queries.ts";
import type { ScreeningObjectFacts } from "../store/screening-objects.queries.ts";
import { getScreeningRun, insertScreeningRun } from "../store/screening-run.repository.ts";
import type { AssessedEvent, EventAssessment, ScreeningRunRecord } from "../store/screening-run.repository.ts";
import type { ConjunctionEvent, ScreeningParameters } from "./conjunction-event.ts";
import { summarizeElementSets } from "./element-set-snapshot.ts";
import { formatPrimarySelector, selectPrimaries } from "./primary-selector.ts";
import type { PrimarySelector } from "./primary-selector.ts";

/** The screening engine's signature (src/jobs/screen-catalog.ts, injected by src/app/screening-run-dependencies.ts). */
export type ScreenCatalogFn = (
  elements: MeanElements[],
  params: ScreeningParameters,
  options: { threads: number; onProgress?: (progress: never) => void; signal?: AbortSignal },
) => Promise<{ events: ConjunctionEvent[]; stats: unknown }>;

/** Pc of one event from the two objects' facts: value, method, hard-body radius and covariance source. */
export type PcAssessor = (
  event: ConjunctionEvent,
  primary: ScreeningObjectFacts | null,
  secondary: ScreeningObjectFacts | null,
) => Omit<EventAssessment, "primaryElementSetId" | "secondaryElementSetId">;

export interface ScreeningRunRequest {
  readonly fromMs: number;
  readonly toMs: number;
  readonly thresholdKm: number;
  readonly selector: PrimarySelector;
  readonly threads: number;
}

export interface ScreeningRunDependencies {
  readonly screen: ScreenCatalogFn;
  /** The algorithm's name/description and its no-miss guarantee for these parameters (from the engine). */
  readonly describeAlgorithm: (params: ScreeningParameters, stats: unknown) => { algorithm: string; guarantee: string };
  readonly assessPc?: PcAssessor;
  /** How Pc was obtained, stored with the run. */
  readonly pcNote?: string;
  readonly softwareVersion: string;
  readonly now?: () => Date;
}

export type ScreeningRunProgress =
  | { readonly phase: "load"; readonly message: string }
  | { readonly phase: "screen"; readonly engine: unknown }
  | { readonly phase: "assess" | "store"; readonly done: number; readonly total: number };

export interface ScreeningRunOptions {
  readonly onProgress?: (progress: ScreeningRunProgress) => void;
  readonly signal?: AbortSignal;
}

export interface ScreeningRunResult {
  readonly run: ScreeningRunRecord;
  readonly activeSet: ActiveSetRef | null;
}

const DAY_MS = 86_400_000;

/**
 * Screens the store's catalog over a window and stores the run. Uses, for every object, the element set nearest the
 * window start: the newest with an epoch at or before it (what was known then), or, for an object with none before it,
 * its first one within the window (a catalog snapshot taken during the window; its age is recorded as negative).
 * Objects first seen after the window are not screened: their elements say nothing reliable about it. Objects whose
 * SATCAT decay date is before the window are left out. Selects
 * the primaries; runs the engine; computes Pc per event; stores the run and its events in one transaction at the end
 * (a cancelled or failed run stores nothing).
 */
export async function runScreening(
  db: Kysely<StoreSchema>,
  request: ScreeningRunRequest,
  deps: ScreeningRunDependencies,
  options: ScreeningRunOptions = {},
): Promise<ScreeningRunResult> {
  const now = deps.now ?? (() => new Date());
  const { signal, onProgress } = options;
  const startedAt = now();
  const throwIfCancelled = () => {
    if (signal?.aborted) throw new ScreeningAbortedError();
  };

  onProgress?.({ phase: "load", message: "loading element sets and objects" });
  const [facts, setsBefore, setsAfter, activeSet] = await Promise.all([
    loadScreeningObjectFacts(db),
    latestElementSets(db, { atOrBeforeMs: request.fromMs }),
    earliestElementSetsAfter(db, request.fromMs, request.toMs),
    newestActiveSetIngest(db),
  ]);
  const allSets = nearestElementSets(setsBefore, setsAfter);
  const members = activeSet === null ? new Set<number>() : await activeSetMembers(db, activeSet.ingestId);
  const fromDay = new Date(request.fromMs).toISOString().slice(0, 10);
  const sets = allSets.filter((s) => {
    const decay = facts.get(s.catalogNumber)?.decayDate ?? null;
    return decay === null || decay >= fromDay;
  });
  if (sets.length === 0) {
    throw new NotFoundError("element set", `no element set for an object on orbit at ${new Date(request.fromMs).toISOString()}`);
  }
  const isActive = (n: number) => {
    const object = facts.get(n);
    return object !== undefined && isActivePayload(object, members.has(n));
  };
  const primaries = selectPrimaries(
    request.selector,
    sets.map((s) => facts.get(s.catalogNumber) ?? { catalogNumber: s.catalogNumber, actorCode: null, ownerCode: null, objectType: null, orbitRegime: null }),
    isActive,
  );
  if (primaries !== null && primaries.length === 0) {
    throw new NotFoundError("primaries", `--primaries ${formatPrimarySelector(request.selector)} selects no object with an element set in this window`);
  }
  throwIfCancelled();

  const params: ScreeningParameters = { fromMs: request.fromMs, toMs: request.toMs, thresholdKm: request.thresholdKm, primaries };
  const screenOptions = {
    threads: request.threads,
    onProgress: (engine: unknown) => onProgress?.({ phase: "screen", engine }),
    ...(signal === undefined ? {} : { signal }),
  };
  let result: Awaited<ReturnType<ScreenCatalogFn>>;
  try {
    result = await deps.screen(sets, params, screenOptions as Parameters<ScreenCatalogFn>[2]);
  } catch (error) {
    if (signal?.aborted) throw new ScreeningAbortedError();
    throw error;
  }
  throwIfCancelled();

  const setByNumber = new Map<number, StoredElementSet>(sets.map((s) => [s.catalogNumber, s]));
  const assessed: AssessedEvent[] = result.events.map((event, index) => {
    if (index % 1000 === 0) onProgress?.({ phase: "assess", done: index, total: result.events.length });
    const pc = deps.assessPc?.(event, facts.get(event.primary) ?? null, facts.get(event.secondary) ?? null) ?? {
      pc: null,
      pcMethod: null,
      hbrM: null,
      covarianceSource: null,
      pcMax: null,
      dilutionThresholdKm: null,
    };
    return {
      ...event,
      ...pc,
      primaryElementSetId: setByNumber.get(event.primary)?.id ?? null,
      secondaryElementSetId: setByNumber.get(event.secondary)?.id ?? null,
    };
  });
  throwIfCancelled();

  const finishedAt = now();
  const { algorithm, guarantee } = deps.describeAlgorithm(params, result.stats);
  onProgress?.({ phase: "store", done: 0, total: assessed.length });
  const runId = await insertScreeningRun(
    db,
    {
      fromMs: request.fromMs,
      toMs: request.toMs,
      thresholdKm: request.thresholdKm,
      primariesSelector: formatPrimarySelector(request.selector),
      primaries,
      snapshot: summarizeElementSets(sets, request.fromMs),
      activeSet: activeSet === null ? null : { ingestId: activeSet.ingestId, asOf: activeSet.dataAsOf },
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      threads: request.threads,
      algorithm,
      guarantee,
      softwareVersion: deps.softwareVersion,
      pcNote: deps.pcNote ?? (deps.assessPc === undefined ? "Pc not computed" : null),
    },
    assessed,
  );
  onProgress?.({ phase: "store", done: assessed.length, total: assessed.length });
  const run = await getScreeningRun(db, runId);
  if (run === null) throw new NotFoundError("screening run", `run #${runId} vanished after it was stored`);
  return { run, activeSet };
}

/** Window length in days (for messages). */
export function windowDays(run: { readonly fromMs: number; readonly toMs: number }): number {
  return (run.toMs - run.fromMs) / DAY_MS;
}

/** Per object: the set at or before the window start where there is one, else the first within the window; by catalog number. */
function nearestElementSets<T extends { catalogNumber: number }>(before: readonly T[], after: readonly T[]): T[] {
  const chosen = new Map<number, T>(after.map((s) => [s.catalogNumber, s]));
  for (const s of before) chosen.set(s.catalogNumber, s);
  return [...chosen.values()].sort((a, b) => a.catalogNumber - b.catalogNumber);
}
