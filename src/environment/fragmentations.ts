import { launchDesignatorOf } from "../catalog/fragmentation-parent.ts";
import type { DestructiveAsatTest } from "../diplomacy/destructive-asat-test.ts";
import type { LifetimeEstimate } from "../orbit/lifetime/estimate-lifetime.ts";
import type { EnvironmentObject } from "./environment-object.ts";
import type { FragmentationEvent } from "./fragmentation-events.ts";

const MS_PER_YEAR = 365.25 * 86_400_000;
export const PROJECTION_YEARS = [5, 10, 25] as const;
/** Parent launches with at least this many catalogued debris pieces are listed even without a curated event. */
export const MIN_PIECES_UNCURATED = 100;

export interface FragmentationSummary {
  /** The curated event's id, or the parent launch designator. */
  readonly id: string;
  readonly name: string;
  /** The curated event date, else the parent's launch date (the SATCAT gives debris its parent's launch date). */
  readonly date: string | null;
  readonly dateBasis: "curated-event" | "parent-launch";
  readonly debrisLaunches: readonly string[];
  /** Attributed actors of the debris, most pieces first; curated responsible states where the file names them. */
  readonly responsible: readonly string[];
  readonly piecesCatalogued: number;
  readonly piecesInOrbit: number;
  /** Pieces in orbit at the analysis date with an element set (the projections count only these). */
  readonly piecesWithElements: number;
  readonly projectedRemaining: Readonly<Record<`after${(typeof PROJECTION_YEARS)[number]}Years`, number>>;
  readonly publishedCatalogued: number | null;
  readonly asatTest: { readonly date: string; readonly state: string; readonly certainty: string; readonly source: string } | null;
  readonly source: string | null;
}

/**
 * Debris grouped by parent launch (international designator) for each curated event and every other launch with at
 * least 100 catalogued pieces: pieces catalogued, in orbit at the analysis date, and still in orbit 5, 10 and 25
 * years later by the lifetime model. Pure.
 */
export function summariseFragmentations(
  objects: readonly EnvironmentObject[],
  lifetimes: ReadonlyMap<number, LifetimeEstimate>,
  events: readonly FragmentationEvent[],
  asatTests: readonly DestructiveAsatTest[],
  analysisMs: number,
): FragmentationSummary[] {
  const analysisDay = new Date(analysisMs).toISOString().slice(0, 10);
  const byLaunch = new Map<string, EnvironmentObject[]>();
  for (const o of objects) {
    if (o.objectType !== "DEBRIS") continue;
    if (o.launchDate !== null && o.launchDate > analysisDay) continue;
    const launch = launchDesignatorOf(o.internationalDesignator);
    if (launch === null) continue;
    const list = byLaunch.get(launch);
    if (list === undefined) byLaunch.set(launch, [o]);
    else list.push(o);
  }
  const curatedLaunches = new Set(events.flatMap((e) => e.debrisLaunches));
  const groups: { event: FragmentationEvent | null; launches: readonly string[] }[] = [
    ...events.map((event) => ({ event, launches: event.debrisLaunches })),
    ...[...byLaunch]
      .filter(([launch, list]) => !curatedLaunches.has(launch) && list.length >= MIN_PIECES_UNCURATED)
      .map(([launch]) => ({ event: null, launches: [launch] })),
  ];
  return groups
    .map(({ event, launches }) => {
      const pieces = launches.flatMap((l) => byLaunch.get(l) ?? []);
      const inOrbit = pieces.filter((p) => p.decayDate === null || p.decayDate > analysisDay);
      const withElements = inOrbit.map((p) => lifetimes.get(p.catalogNumber)).filter((e) => e !== undefined);
      const remaining = (years: number) => {
        const at = analysisMs + years * MS_PER_YEAR;
        return withElements.filter((e) => e.reentryMs === null || e.reentryMs > at).length;
      };
      const actorCounts = new Map<string, number>();
      for (const p of pieces) actorCounts.set(p.actorCode, (actorCounts.get(p.actorCode) ?? 0) + 1);
      const attributed = [...actorCounts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
      const test = asatTests.find((t) => t.debrisLaunches.some((l) => launches.includes(l))) ?? null;
      const firstLaunch = pieces.map((p) => p.launchDate).filter((d) => d !== null).sort()[0] ?? null;
      return {
        id: event?.id ?? launches[0]!,
        name: event?.name ?? `debris of launch ${launches[0]!}`,
        date: event?.date ?? firstLaunch,
        dateBasis: event !== null ? ("curated-event" as const) : ("parent-launch" as const),
        debrisLaunches: launches,
        responsible: event !== null ? event.responsibleStates : attributed,
        piecesCatalogued: pieces.length,
        piecesInOrbit: inOrbit.length,
        piecesWithElements: withElements.length,
        projectedRemaining: { after5Years: remaining(5), after10Years: remaining(10), after25Years: remaining(25) },
        publishedCatalogued: event?.publishedCatalogued ?? null,
        asatTest: test === null ? null : { date: test.date, state: test.stateIso3, certainty: test.certainty, source: test.source },
        source: event?.source ?? null,
      };
    })
    .sort((a, b) => b.piecesCatalogued - a.piecesCatalogued);
}

/** The debris whose lifetime the fragmentation projections need: pieces of the listed groups in orbit at the analysis date. */
export function fragmentationDebrisInOrbit(objects: readonly EnvironmentObject[], analysisMs: number): EnvironmentObject[] {
  const day = new Date(analysisMs).toISOString().slice(0, 10);
  return objects.filter((o) => o.objectType === "DEBRIS" && (o.launchDate === null || o.launchDate <= day) && (o.decayDate === null || o.decayDate > day));
}
