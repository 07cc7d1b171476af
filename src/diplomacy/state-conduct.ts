import type { Knowledge } from "./knowledge.ts";

/**
 * A state's conduct in orbit as the catalog shows it, per attributed actor (the state itself, and a historic
 * predecessor such as the USSR for Russia, kept apart and labelled): objects by type and regime, active satellites,
 * launches per year, and debris by the launch it came from (the fragmentation event's parent). Pure: built from the
 * counts the store returns.
 */

export interface CountSplit {
  readonly total: number;
  readonly onOrbit: number;
  readonly decayed: number;
}

/** `self`: objects attributed to the state; `predecessor`: to a historic state it succeeded (USSR → Russia). */
export type ActorRelation = "self" | "predecessor";

export interface DebrisParent extends CountSplit {
  /** `YYYY-NNN`: the launch whose debris this is (see catalog/fragmentation-parent.ts). */
  readonly launchDesignator: string;
  /** The launch's principal object (piece A), where the store holds it. */
  readonly principalName: string | null;
  readonly principalCatalogNumber: number | null;
  /** A destructive ASAT test that produced debris of this launch (curated), or null. */
  readonly asatTestDate: string | null;
}

export interface ActorDebris extends CountSplit {
  /** Parent launches with the most debris on orbit first (then most in all); at most the limit asked for. */
  readonly byParent: readonly DebrisParent[];
  /** How many parent launches there are in all. */
  readonly parentLaunches: number;
}

export interface ActorConduct {
  readonly actorCode: string;
  readonly actorName: string;
  readonly relation: ActorRelation;
  /** For a predecessor: the last day it owned newly launched objects. */
  readonly validTo: string | null;
  readonly objects: CountSplit;
  readonly byType: readonly (CountSplit & { readonly objectType: string })[];
  readonly byRegime: readonly (CountSplit & { readonly orbitRegime: string })[];
  readonly byTypeAndRegime: readonly (CountSplit & { readonly objectType: string; readonly orbitRegime: string })[];
  /** Known only where an active set was ingested or the SATCAT carries an operational status. */
  readonly activeSatellites: Knowledge<number>;
  readonly launchesPerYear: readonly { readonly year: number; readonly launches: number; readonly payloads: number }[];
  readonly debris: ActorDebris;
}

export interface ConductCounts {
  readonly typeRegime: readonly { objectType: string; orbitRegime: string; total: number; onOrbit: number }[];
  readonly launches: readonly { year: number; launches: number; payloads: number }[];
  readonly debris: readonly { launchDesignator: string; total: number; onOrbit: number }[];
  readonly active: Knowledge<number>;
}

export interface LaunchPrincipalName {
  readonly name: string | null;
  readonly catalogNumber: number;
}

export function split(total: number, onOrbit: number): CountSplit {
  return { total, onOrbit, decayed: total - onOrbit };
}

export function buildActorConduct(
  actor: { readonly code: string; readonly name: string; readonly relation: ActorRelation; readonly validTo: string | null },
  counts: ConductCounts,
  context: {
    readonly principals: ReadonlyMap<string, LaunchPrincipalName>;
    /** Launch designator → date of the destructive ASAT test whose debris it is. */
    readonly asatTestLaunches: ReadonlyMap<string, string>;
    readonly maxParents: number;
  },
): ActorConduct {
  const byType = sumBy(counts.typeRegime, (r) => r.objectType).map(([objectType, c]) => ({ objectType, ...c }));
  const byRegime = sumBy(counts.typeRegime, (r) => r.orbitRegime).map(([orbitRegime, c]) => ({ orbitRegime, ...c }));
  const parents = [...counts.debris].sort((a, b) => b.onOrbit - a.onOrbit || b.total - a.total || a.launchDesignator.localeCompare(b.launchDesignator));
  const shown = parents.slice(0, context.maxParents);
  for (const p of parents.slice(context.maxParents)) if (context.asatTestLaunches.has(p.launchDesignator)) shown.push(p);
  return {
    actorCode: actor.code,
    actorName: actor.name,
    relation: actor.relation,
    validTo: actor.validTo,
    objects: total(counts.typeRegime),
    byType,
    byRegime,
    byTypeAndRegime: counts.typeRegime.map((r) => ({ objectType: r.objectType, orbitRegime: r.orbitRegime, ...split(r.total, r.onOrbit) })),
    activeSatellites: counts.active,
    launchesPerYear: [...counts.launches].sort((a, b) => a.year - b.year).map((l) => ({ year: l.year, launches: l.launches, payloads: l.payloads })),
    debris: {
      ...total(counts.debris),
      parentLaunches: parents.length,
      byParent: shown.map((p) => ({
        launchDesignator: p.launchDesignator,
        principalName: context.principals.get(p.launchDesignator)?.name ?? null,
        principalCatalogNumber: context.principals.get(p.launchDesignator)?.catalogNumber ?? null,
        asatTestDate: context.asatTestLaunches.get(p.launchDesignator) ?? null,
        ...split(p.total, p.onOrbit),
      })),
    },
  };
}

function total(rows: readonly { total: number; onOrbit: number }[]): CountSplit {
  return split(
    rows.reduce((s, r) => s + r.total, 0),
    rows.reduce((s, r) => s + r.onOrbit, 0),
  );
}

/** Sums per key, most on orbit first, then most in all, then by key. */
function sumBy<T extends { total: number; onOrbit: number }>(rows: readonly T[], key: (row: T) => string): [string, CountSplit][] {
  const sums = new Map<string, { total: number; onOrbit: number }>();
  for (const row of rows) {
    const entry = sums.get(key(row)) ?? { total: 0, onOrbit: 0 };
    entry.total += row.total;
    entry.onOrbit += row.onOrbit;
    sums.set(key(row), entry);
  }
  return [...sums.entries()]
    .map(([k, s]): [string, CountSplit] => [k, split(s.total, s.onOrbit)])
    .sort(([ka, a], [kb, b]) => b.onOrbit - a.onOrbit || b.total - a.total || ka.localeCompare(kb));
}
