import type { DisposalClass } from "./disposal-assessment.ts";
import { DEFAULT_MASS_SOURCE } from "./object-mass-estimate.ts";

/** One object's mass as the compliance figures use it: a usable mass (kg) or null, and the source's name. */
export interface ComplianceMassEntry {
  /** Null where the source lists the object without a usable mass (the distributed file's DISCOS DB rows). */
  readonly massKg: number | null;
  readonly massSource: string;
}

/** Known-mass objects from one mass source, and their mass. */
export interface MassSourceTally {
  readonly source: string;
  readonly objects: number;
  readonly massKg: number;
}

/** Objects of one class: the mass of those with a usable estimate, how many have one, how many do not. */
export interface ClassMass {
  readonly massKg: number;
  readonly massKnownObjects: number;
  readonly massUnknownObjects: number;
}

/**
 * A group's compliance by mass, over its assessed objects (naturally compliant, compliant after manoeuvre, not
 * compliant). Objects without a usable mass are counted as mass unknown, never as zero; the share by mass is over the
 * known-mass objects only.
 */
export interface ComplianceMass {
  readonly naturallyCompliant: ClassMass;
  readonly compliantAfterManoeuvre: ClassMass;
  readonly notCompliant: ClassMass;
  /** Mass of the assessed objects with a usable estimate (kg). */
  readonly assessedMassKg: number;
  /** (naturally compliant + after manoeuvre) mass / assessed mass, known-mass objects only; null when none is known. */
  readonly compliantShareByMass: number | null;
  /** The same share without the objects whose mass is CARA's class-level Default; null when none is left. */
  readonly compliantShareByMassWithoutDefaults: number | null;
  readonly massKnownObjects: number;
  readonly massUnknownObjects: number;
  /** Of the unknown: listed by the mass source without a usable mass (DISCOS DB values withheld). */
  readonly massUnknownListed: number;
  /** Of the unknown: not listed by the mass source at all. */
  readonly massUnknownNotListed: number;
  /** Known-mass objects by mass source, most objects first. */
  readonly bySource: readonly MassSourceTally[];
  /** Known-mass objects whose mass is CARA's class-level Default (not an estimate of the object), and their mass. */
  readonly defaultMassObjects: number;
  readonly defaultMassKg: number;
}

type AssessedClass = "naturally-compliant" | "compliant-after-manoeuvre" | "not-compliant";

interface MutableClassMass {
  massKg: number;
  massKnownObjects: number;
  massUnknownObjects: number;
}

function isAssessed(cls: DisposalClass): cls is AssessedClass {
  return cls === "naturally-compliant" || cls === "compliant-after-manoeuvre" || cls === "not-compliant";
}

/**
 * Sums a group's assessed objects by class and mass (pure). `items` are each object's catalog number and class;
 * not-assessable and out-of-scope objects are skipped, as in the count shares.
 */
export function complianceMass(items: Iterable<{ readonly catalogNumber: number; readonly disposalClass: DisposalClass }>, masses: ReadonlyMap<number, ComplianceMassEntry>): ComplianceMass {
  const classes: Record<AssessedClass, MutableClassMass> = {
    "naturally-compliant": { massKg: 0, massKnownObjects: 0, massUnknownObjects: 0 },
    "compliant-after-manoeuvre": { massKg: 0, massKnownObjects: 0, massUnknownObjects: 0 },
    "not-compliant": { massKg: 0, massKnownObjects: 0, massUnknownObjects: 0 },
  };
  const sources = new Map<string, { objects: number; massKg: number }>();
  let listed = 0;
  let notListed = 0;
  let defaultObjects = 0;
  let defaultMassKg = 0;
  let defaultCompliantMassKg = 0;
  for (const item of items) {
    const cls = item.disposalClass;
    if (!isAssessed(cls)) continue;
    const entry = masses.get(item.catalogNumber);
    const mass = entry?.massKg ?? null;
    if (entry === undefined || mass === null || !(mass > 0) || !Number.isFinite(mass)) {
      classes[cls].massUnknownObjects++;
      if (entry === undefined) notListed++;
      else listed++;
      continue;
    }
    classes[cls].massKg += mass;
    classes[cls].massKnownObjects++;
    const tally = sources.get(entry.massSource) ?? { objects: 0, massKg: 0 };
    tally.objects++;
    tally.massKg += mass;
    sources.set(entry.massSource, tally);
    if (entry.massSource === DEFAULT_MASS_SOURCE) {
      defaultObjects++;
      defaultMassKg += mass;
      if (cls !== "not-compliant") defaultCompliantMassKg += mass;
    }
  }
  const nat = classes["naturally-compliant"];
  const after = classes["compliant-after-manoeuvre"];
  const not = classes["not-compliant"];
  const compliantKg = nat.massKg + after.massKg;
  const assessedKg = compliantKg + not.massKg;
  const known = nat.massKnownObjects + after.massKnownObjects + not.massKnownObjects;
  const withoutDefaultsKg = assessedKg - defaultMassKg;
  return {
    naturallyCompliant: { ...nat },
    compliantAfterManoeuvre: { ...after },
    notCompliant: { ...not },
    assessedMassKg: assessedKg,
    compliantShareByMass: known === 0 ? null : compliantKg / assessedKg,
    compliantShareByMassWithoutDefaults: known - defaultObjects === 0 ? null : (compliantKg - defaultCompliantMassKg) / withoutDefaultsKg,
    massKnownObjects: known,
    massUnknownObjects: listed + notListed,
    massUnknownListed: listed,
    massUnknownNotListed: notListed,
    bySource: [...sources].map(([source, t]) => ({ source, ...t })).sort((a, b) => b.objects - a.objects || a.source.localeCompare(b.source)),
    defaultMassObjects: defaultObjects,
    defaultMassKg,
  };
}

/** Shorter names for CARA's sources in running text. */
const SOURCE_LABELS: Readonly<Record<string, string>> = {
  "SFK RCS Estimate": "SFK RCS estimate",
  Default: "CARA class default",
  "CARA Protected Primary": "CARA",
  "CARA Override": "CARA",
};

/**
 * The coverage in words: "mass known for 9,812 of 13,134 assessed: SFK RCS estimate 8,900, CARA class default 880,
 * CARA 32; unknown 3,322 (listed without a mass 3,000, not listed 322)". Pure.
 */
export function describeMassCoverage(mass: ComplianceMass, what = "assessed"): string {
  const total = mass.massKnownObjects + mass.massUnknownObjects;
  const merged = new Map<string, number>();
  for (const t of mass.bySource) {
    const label = SOURCE_LABELS[t.source] ?? t.source;
    merged.set(label, (merged.get(label) ?? 0) + t.objects);
  }
  const sources = [...merged].map(([label, n]) => `${label} ${count(n)}`).join(", ");
  const unknown =
    mass.massUnknownObjects === 0 ? "" : `; unknown ${count(mass.massUnknownObjects)} (listed without a mass ${count(mass.massUnknownListed)}, not listed ${count(mass.massUnknownNotListed)})`;
  return `mass known for ${count(mass.massKnownObjects)} of ${count(total)} ${what}${sources === "" ? "" : `: ${sources}`}${unknown}`;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
