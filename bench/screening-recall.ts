import type { MeanElements } from "../src/orbit/mean-elements.ts";
import type { ConjunctionEvent } from "../src/screening/conjunction-event.ts";
import { screenCatalog } from "../src/jobs/screen-catalog.ts";
import { screenDenseReference } from "../test/screening/screen-reference.ts";

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

/**
 * Recall of the engine against the dense reference (test/screening/screen-reference.ts): `count` primaries spread over
 * the catalog (every n-th element set in file order) against the whole catalog, 24 h from `fromMs`, at thresholdKm.
 * Reference events of objects that failed (SGP4 error, decay, implausible state) in either run are left out and counted.
 */
export async function runRecall(
  catalog: readonly MeanElements[],
  count: number,
  fromMs: number,
  thresholdKm: number,
  threads: number,
  log: (message: string) => void,
): Promise<Record<string, unknown>> {
  const every = Math.max(1, Math.floor(catalog.length / count));
  const primaries = catalog.filter((_, i) => i % every === 0).slice(0, count).map((el) => el.catalogNumber);
  const toMs = fromMs + 86_400_000;
  let started = performance.now();
  const engine = await screenCatalog(catalog, { fromMs, toMs, thresholdKm, primaries }, { threads });
  const engineS = (performance.now() - started) / 1000;
  log(`  engine: ${engine.events.length} events in ${engineS.toFixed(1)} s`);
  started = performance.now();
  const reference = await screenDenseReference(catalog, primaries, fromMs, toMs, thresholdKm);
  const referenceS = (performance.now() - started) / 1000;
  log(`  reference: ${reference.events.length} events in ${referenceS.toFixed(1)} s`);

  const failed = new Set([...reference.failed, ...engine.stats.failures.map((f) => f.catalogNumber)]);
  const byPair = new Map<string, ConjunctionEvent[]>();
  for (const e of engine.events) {
    const key = `${e.primary}-${e.secondary}`;
    byPair.set(key, [...(byPair.get(key) ?? []), e]);
  }
  const considered = reference.events.filter((r) => !failed.has(r.primary) && !failed.has(r.secondary));
  const tcaErrorsMs: number[] = [];
  const missErrorsKm: number[] = [];
  let found = 0;
  let under4 = 0;
  let under4Found = 0;
  const missed: unknown[] = [];
  for (const r of considered) {
    const match = (byPair.get(`${r.primary}-${r.secondary}`) ?? []).find((e) => Math.abs(e.tcaMs - r.tcaMs) < 1000);
    if (r.missDistanceKm < 4) under4++;
    if (match === undefined) {
      missed.push({ ...r, tca: new Date(r.tcaMs).toISOString() });
      continue;
    }
    found++;
    if (r.missDistanceKm < 4) under4Found++;
    tcaErrorsMs.push(Math.abs(match.tcaMs - r.tcaMs));
    missErrorsKm.push(Math.abs(match.missDistanceKm - r.missDistanceKm));
  }
  const extra = engine.events.filter(
    (e) =>
      !failed.has(e.primary) &&
      !failed.has(e.secondary) &&
      !considered.some((r) => r.primary === e.primary && r.secondary === e.secondary && Math.abs(r.tcaMs - e.tcaMs) < 1000),
  );
  const within = tcaErrorsMs.filter((t, i) => t <= 10 && (missErrorsKm[i] ?? Infinity) <= 0.01).length;
  return {
    primaries: primaries.length,
    objects: catalog.length,
    hours: 24,
    thresholdKm,
    engineS,
    referenceS,
    referencePairs: reference.pairs,
    referenceWindowsSampled: reference.windowsRefined,
    referenceFineSamples: reference.fineSamples,
    referenceEvents: reference.events.length,
    referenceEventsConsidered: considered.length,
    leftOutForFailedObjects: reference.events.length - considered.length,
    engineEvents: engine.events.length,
    found,
    recall: considered.length === 0 ? 1 : found / considered.length,
    under4Km: under4,
    under4KmFound: under4Found,
    engineEventsNotInReference: extra.length,
    matchedWithin10MsAnd10M: within,
    fractionWithin10MsAnd10M: found === 0 ? 1 : within / found,
    tcaErrorMs: { p95: percentile(tcaErrorsMs, 0.95), max: Math.max(0, ...tcaErrorsMs) },
    missErrorM: { p95: percentile(missErrorsKm, 0.95) * 1000, max: Math.max(0, ...missErrorsKm) * 1000 },
    missed: missed.slice(0, 20),
    extra: extra.slice(0, 20).map((e) => ({ primary: e.primary, secondary: e.secondary, tca: new Date(e.tcaMs).toISOString(), missKm: e.missDistanceKm })),
  };
}
