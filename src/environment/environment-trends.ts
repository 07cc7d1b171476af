import { launchDesignatorOf } from "../catalog/fragmentation-parent.ts";
import type { EnvironmentObject } from "./environment-object.ts";
import { inOrbitAt } from "./environment-object.ts";

export const TREND_GROUPINGS = ["state", "type", "regime"] as const;
export type TrendGrouping = (typeof TREND_GROUPINGS)[number];

export interface YearSeries {
  readonly key: string;
  /** Objects in orbit at each year end, index i = firstYear + i. */
  readonly inOrbit: readonly number[];
}

export interface EnvironmentTrends {
  readonly by: TrendGrouping;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Year-end populations per group, largest at the last year first; `totals` over every object. */
  readonly series: readonly YearSeries[];
  readonly totals: readonly number[];
  /** Distinct launches (`YYYY-NNN`) per year and attributed actor of the launch's objects (the actor with most of them). */
  readonly launchesPerYear: readonly { readonly year: number; readonly byState: Readonly<Record<string, number>>; readonly total: number }[];
  /** Objects in LEO (ESA regime) at the analysis date by attributed actor, debris included, with their share. */
  readonly leoShare: readonly { readonly key: string; readonly objects: number; readonly debris: number; readonly share: number }[];
  readonly leoTotal: number;
}

function keyOf(o: EnvironmentObject, by: TrendGrouping): string {
  return by === "state" ? o.actorCode : by === "type" ? o.objectType : o.orbitRegime;
}

/**
 * Environment trends from launch and decay dates (regime is the object's current or last orbit, so past years show
 * today's regimes). Pure; one pass per year over the catalog (about 70 years × 67,000 objects).
 */
export function environmentTrends(objects: readonly EnvironmentObject[], by: TrendGrouping, analysisMs: number, topGroups = 15): EnvironmentTrends {
  const analysisDay = new Date(analysisMs).toISOString().slice(0, 10);
  const lastYear = Number(analysisDay.slice(0, 4));
  const launched = objects.filter((o) => o.launchDate !== null && o.launchDate <= analysisDay);
  const firstYear = launched.reduce((min, o) => Math.min(min, Number(o.launchDate!.slice(0, 4))), lastYear);
  const years = lastYear - firstYear + 1;
  const series = new Map<string, number[]>();
  const totals = new Array<number>(years).fill(0);
  for (const o of launched) {
    const from = Number(o.launchDate!.slice(0, 4)) - firstYear;
    const decayYear = o.decayDate === null || o.decayDate > analysisDay ? null : Number(o.decayDate.slice(0, 4));
    const key = keyOf(o, by);
    let list = series.get(key);
    if (list === undefined) series.set(key, (list = new Array<number>(years).fill(0)));
    for (let i = from; i < years; i++) {
      const yearEnd = i === years - 1 ? analysisDay : `${firstYear + i}-12-31`;
      if (!inOrbitAt({ launchDate: o.launchDate, decayDate: decayYear === null ? null : o.decayDate }, yearEnd)) break;
      list[i]!++;
      totals[i]!++;
    }
  }
  const launchActors = new Map<string, Map<string, number>>();
  for (const o of launched) {
    const launch = launchDesignatorOf(o.internationalDesignator);
    if (launch === null) continue;
    let counts = launchActors.get(launch);
    if (counts === undefined) launchActors.set(launch, (counts = new Map()));
    counts.set(o.actorCode, (counts.get(o.actorCode) ?? 0) + 1);
  }
  const perYear = new Map<number, Map<string, number>>();
  for (const [launch, counts] of launchActors) {
    const year = Number(launch.slice(0, 4));
    const actor = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    let row = perYear.get(year);
    if (row === undefined) perYear.set(year, (row = new Map()));
    row.set(actor, (row.get(actor) ?? 0) + 1);
  }
  const leo = launched.filter((o) => o.orbitRegime === "LEO" && inOrbitAt(o, analysisDay));
  const leoCounts = new Map<string, { objects: number; debris: number }>();
  for (const o of leo) {
    const c = leoCounts.get(o.actorCode) ?? { objects: 0, debris: 0 };
    c.objects++;
    if (o.objectType === "DEBRIS") c.debris++;
    leoCounts.set(o.actorCode, c);
  }
  return {
    by,
    firstYear,
    lastYear,
    series: [...series]
      .sort((a, b) => (b[1][years - 1] ?? 0) - (a[1][years - 1] ?? 0) || a[0].localeCompare(b[0]))
      .slice(0, topGroups)
      .map(([key, inOrbit]) => ({ key, inOrbit })),
    totals,
    launchesPerYear: [...perYear]
      .sort((a, b) => a[0] - b[0])
      .map(([year, row]) => ({ year, byState: Object.fromEntries([...row].sort((a, b) => b[1] - a[1])), total: [...row.values()].reduce((s, n) => s + n, 0) })),
    leoShare: [...leoCounts]
      .sort((a, b) => b[1].objects - a[1].objects)
      .map(([key, c]) => ({ key, objects: c.objects, debris: c.debris, share: c.objects / leo.length })),
    leoTotal: leo.length,
  };
}
