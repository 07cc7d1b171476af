/**
 * One object's size and mass estimate as NASA CARA distributes them (`HBR_Mass_Estimates_<yyyymmdd>_ForDistribution.csv`
 * of nasa/CARA_Analysis_Tools, with `01_Distribution_README.txt`): hard-body radius and mass, each with its 1-sigma and
 * the source it came from. CARA takes each value from the first source that has it: CARA Protected Primary, DISCOS DB,
 * SFK RCS Estimate (Space Fence Kwajalein radar cross-section through NASA's Size Estimation Model), Default. The
 * distributed file leaves the DISCOS DB values blank (ESA's licence forbids redistribution), so those objects have no
 * mass here.
 */
export interface ObjectMassEstimate {
  readonly catalogNumber: number;
  /** Mass (kg), or null where the source gives none (the DISCOS DB rows of the distributed file). */
  readonly massKg: number | null;
  readonly massSigmaKg: number | null;
  readonly massSource: string;
  /** Hard-body radius (m), or null where the source gives none. */
  readonly hbrM: number | null;
  readonly hbrSigmaM: number | null;
  readonly hbrSource: string;
}

/** CARA's source names, in its priority order (the file's own spelling). */
export const CARA_MASS_SOURCES = ["CARA Protected Primary", "CARA Override", "DISCOS DB", "SFK RCS Estimate", "Default"] as const;

/** CARA's class-level default: not a measurement or estimate of the object itself. */
export const DEFAULT_MASS_SOURCE = "Default";

/** The ESA DISCOS source, whose values the distributed file withholds. */
export const DISCOS_MASS_SOURCE = "DISCOS DB";

/** A mass a figure may use: given, finite and positive. */
export function usableMassKg(estimate: Pick<ObjectMassEstimate, "massKg">): number | null {
  const mass = estimate.massKg;
  return mass !== null && Number.isFinite(mass) && mass > 0 ? mass : null;
}

/** How many estimates carry a usable mass, by mass source, and how many carry none (by source too). */
export interface MassEstimateSummary {
  readonly estimates: number;
  readonly withMass: Readonly<Record<string, number>>;
  readonly withoutMass: Readonly<Record<string, number>>;
}

export function summariseMassEstimates(estimates: readonly ObjectMassEstimate[]): MassEstimateSummary {
  const withMass: Record<string, number> = {};
  const withoutMass: Record<string, number> = {};
  for (const e of estimates) {
    const counts = usableMassKg(e) === null ? withoutMass : withMass;
    counts[e.massSource] = (counts[e.massSource] ?? 0) + 1;
  }
  return { estimates: estimates.length, withMass, withoutMass };
}

/** One line for the ingest's note: how many masses each source gave, and how many rows carry none. */
export function describeMassEstimateSummary(summary: MassEstimateSummary): string {
  const list = (counts: Readonly<Record<string, number>>) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([source, n]) => `${source} ${n}`)
      .join(", ");
  const given = Object.values(summary.withMass).reduce((s, n) => s + n, 0);
  const blank = summary.estimates - given;
  return `CARA HBR and mass estimates: ${summary.estimates} objects; mass given for ${given} (${list(summary.withMass) || "none"}); no mass for ${blank}${blank > 0 ? ` (${list(summary.withoutMass)})` : ""}`;
}
