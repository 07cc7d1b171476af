import type { LifetimeEstimate } from "../orbit/lifetime/estimate-lifetime.ts";
import { assessCompliance, complianceRow, complianceTable, endOfMissionCounts, leoSummary } from "./compliance-analysis.ts";
import type { AssessedObject, ComplianceGrouping, ComplianceInputs, ComplianceRow } from "./compliance-analysis.ts";
import type { EndOfMissionBasis } from "./disposal-assessment.ts";
import { DEFAULT_CR_AREA_TO_MASS_M2_KG, DISPOSAL_RULES, geoReorbitMinimumKm } from "./disposal-rules.ts";
import type { DisposalRuleCode } from "./disposal-rules.ts";

/** Text every compliance result carries about its method's assumptions. */
export const COMPLIANCE_METHOD_NOTES = [
  "Classes follow ESA's Annual Space Environment Report: naturally compliant, compliant after a disposal manoeuvre, not compliant; not assessable where data is missing; out of scope where the orbit crosses neither protected region (never in a share).",
  "End of mission: a rocket body's is its launch; a payload's is not public, so for a payload still in orbit the residence counted is its remaining lifetime from the analysis date (optimistic for long-dead payloads), and a re-entered payload is compliant when launch-to-decay fits the rule, else not assessable.",
  "Disposal manoeuvre in LEO: the perigee of the newest element set is at least 50 km below the oldest stored set's with the apogee lowered by less than half as much; without element history this cannot be seen and compliant objects count as naturally compliant.",
  `Near GEO: IADC re-orbit, perigee at least GEO + ΔH = 235 km + 1000·C_R·A/m km with C_R·A/m = ${DEFAULT_CR_AREA_TO_MASS_M2_KG} m²/kg assumed (ΔH = ${geoReorbitMinimumKm().toFixed(0)} km), and e ≤ 0.003; any such orbit counts as compliant after a manoeuvre.`,
  "Year tables use the launch year: no end-of-life date is public for payloads (and a rocket body's end of life is its launch).",
];

/** The mass source a report used: an ingest of NASA CARA's HBR and mass estimates. */
export interface ComplianceMassSource {
  readonly ingestId: number;
  readonly source: string;
  readonly sha256: string | null;
  /** The date the estimates describe. */
  readonly dataAsOf: string | null;
  readonly objectsListed: number;
  readonly objectsWithMass: number;
}

/** What the mass figures mean, and what they assume; said with every result. */
export function massMethodNote(source: ComplianceMassSource | null): string {
  if (source === null) {
    return "Mass: no mass source in the store (the public SATCAT carries none), so every object is mass unknown and no share by mass is given; ingest NASA CARA's HBR and mass estimates file to add them.";
  }
  return (
    `Mass: NASA CARA's HBR and mass estimates (ingest #${source.ingestId}, ${source.source}, as of ${source.dataAsOf ?? "?"}; ${source.objectsWithMass} of ${source.objectsListed} listed objects with a mass). ` +
    "An object without a usable mass is counted as mass unknown, never as zero, and the share by mass is over the known-mass objects only. " +
    "CARA's class-level Default masses are included but counted apart, with the share by mass without them beside it; the distributed file withholds ESA DISCOS masses, so those objects are mass unknown. " +
    `The estimates describe the catalog as of ${source.dataAsOf ?? "?"}, whatever the analysis date; SFK RCS masses are radar-cross-section estimates whose 1-sigma is often larger than the value.`
  );
}

export interface ComplianceReport {
  readonly rule: { readonly code: DisposalRuleCode; readonly years: number; readonly name: string; readonly source: string };
  readonly by: ComplianceGrouping;
  readonly totals: ComplianceRow;
  readonly rows: readonly ComplianceRow[];
  readonly leo: { readonly all: readonly ComplianceRow[]; readonly launchedLastDecade: readonly ComplianceRow[] };
  readonly endOfMissionBasis: Record<EndOfMissionBasis, number>;
  readonly lifetimesComputed: number;
  readonly massSource: ComplianceMassSource | null;
  readonly notes: readonly string[];
}

/** The compliance report of ended payloads and rocket bodies under one rule, grouped. Pure. */
export function buildComplianceReport(
  inputs: Omit<ComplianceInputs, "lifetimes">,
  lifetimes: ReadonlyMap<number, LifetimeEstimate>,
  rule: DisposalRuleCode,
  by: ComplianceGrouping,
  massSource: ComplianceMassSource | null = null,
): { report: ComplianceReport; items: AssessedObject[] } {
  const items = assessCompliance({ ...inputs, lifetimes }, rule);
  const masses = inputs.masses;
  return {
    items,
    report: {
      rule: { ...DISPOSAL_RULES[rule] },
      by,
      totals: complianceRow("all", items, masses),
      rows: complianceTable(items, by, masses),
      leo: leoSummary(items, inputs.analysisMs, masses),
      endOfMissionBasis: endOfMissionCounts(items),
      lifetimesComputed: lifetimes.size,
      massSource,
      notes: [...COMPLIANCE_METHOD_NOTES, massMethodNote(massSource)],
    },
  };
}
