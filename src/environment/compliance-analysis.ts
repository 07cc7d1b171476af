import { ACTIVE_STATUS_CODES } from "../catalog/active-payload.ts";
import type { LifetimeEstimate } from "../orbit/lifetime/estimate-lifetime.ts";
import { complianceMass } from "./compliance-mass.ts";
import type { ComplianceMass, ComplianceMassEntry } from "./compliance-mass.ts";
import { assessDisposal } from "./disposal-assessment.ts";
import type { AssessedOrbit, DisposalAssessment, DisposalClass, EndOfMissionBasis } from "./disposal-assessment.ts";
import type { DisposalRuleCode } from "./disposal-rules.ts";
import type { EnvironmentObject } from "./environment-object.ts";

export const COMPLIANCE_GROUPINGS = ["state", "owner", "regime", "year", "type"] as const;
export type ComplianceGrouping = (typeof COMPLIANCE_GROUPINGS)[number];

/** How "the mission has ended" was decided for payloads (rocket bodies end at launch). */
export type EndOfMissionSource = "operational-status" | "active-set" | "none";

export interface ComplianceInputs {
  readonly objects: readonly EnvironmentObject[];
  /** Orbit at the analysis date per catalog number (newest element set at or before it). */
  readonly orbits: ReadonlyMap<number, AssessedOrbit>;
  /** Oldest known orbit per catalog number (operational-orbit proxy; empty without history). */
  readonly operationalOrbits: ReadonlyMap<number, AssessedOrbit>;
  readonly lifetimes: ReadonlyMap<number, LifetimeEstimate>;
  /** Members of the newest active set, or null when none was ingested. */
  readonly activeSet: ReadonlySet<number> | null;
  readonly analysisMs: number;
  /** Each listed object's mass (null where the source withholds it) and its source; none without a mass source. */
  readonly masses?: ReadonlyMap<number, ComplianceMassEntry>;
}

export interface AssessedObject {
  readonly object: EnvironmentObject;
  readonly endOfMission: EndOfMissionBasis;
  readonly assessment: DisposalAssessment;
}

export interface ComplianceRow {
  readonly key: string;
  readonly naturallyCompliant: number;
  readonly compliantAfterManoeuvre: number;
  readonly notCompliant: number;
  readonly notAssessable: number;
  readonly outOfScope: number;
  /** naturally compliant + after manoeuvre + not compliant. */
  readonly assessed: number;
  /** (naturally compliant + after manoeuvre) / assessed, or null when nothing was assessed. */
  readonly compliantShare: number | null;
  /** The same classes by mass, over the assessed objects with a usable mass estimate, with the coverage. */
  readonly mass: ComplianceMass;
}

const NO_MASSES: ReadonlyMap<number, ComplianceMassEntry> = new Map();

const DAY_MS = 86_400_000;

/**
 * Whether a payload's or rocket body's mission had ended at the analysis date, and on what basis; null while active.
 * A payload's own operational status decides where the source gives one; else absence from the newest active set;
 * with neither, every payload is taken as ended (flagged `assumed-no-status-no-active-set`). Pure.
 */
export function endOfMissionOf(object: EnvironmentObject, activeSet: ReadonlySet<number> | null, analysisMs: number): EndOfMissionBasis | null {
  if (object.decayDate !== null && Date.parse(object.decayDate) <= analysisMs) return "decayed";
  if (object.objectType === "ROCKET BODY") return "rocket-body";
  const status = object.operationalStatus?.trim() ?? "";
  if (status !== "") return ACTIVE_STATUS_CODES.includes(status) ? null : "operational-status";
  if (activeSet !== null) return activeSet.has(object.catalogNumber) ? null : "active-set";
  return "assumed-no-status-no-active-set";
}

/** Whether an object is in the compliance population (a payload or rocket body launched by the analysis date). */
export function inCompliancePopulation(object: EnvironmentObject, analysisMs: number): boolean {
  if (object.objectType !== "PAYLOAD" && object.objectType !== "ROCKET BODY") return false;
  return object.launchDate === null || Date.parse(object.launchDate) <= analysisMs;
}

/** The objects whose lifetime the assessment needs: ended, in orbit, perigee in the LEO protected region. */
export function needsLifetime(object: EnvironmentObject, orbit: AssessedOrbit | undefined, activeSet: ReadonlySet<number> | null, analysisMs: number): boolean {
  if (!inCompliancePopulation(object, analysisMs)) return false;
  const basis = endOfMissionOf(object, activeSet, analysisMs);
  return basis !== null && basis !== "decayed" && orbit !== undefined && orbit.perigeeKm < 2000;
}

/** Assesses every ended payload and rocket body. Pure. */
export function assessCompliance(inputs: ComplianceInputs, rule: DisposalRuleCode): AssessedObject[] {
  const result: AssessedObject[] = [];
  for (const object of inputs.objects) {
    if (!inCompliancePopulation(object, inputs.analysisMs)) continue;
    const endOfMission = endOfMissionOf(object, inputs.activeSet, inputs.analysisMs);
    if (endOfMission === null) continue;
    const orbit = inputs.orbits.get(object.catalogNumber) ?? satcatOrbit(object);
    const assessment = assessDisposal(
      {
        objectType: object.objectType,
        launchDate: object.launchDate,
        decayDate: object.decayDate,
        endOfMission,
        orbit,
        operationalOrbit: inputs.operationalOrbits.get(object.catalogNumber) ?? null,
        lifetime: inputs.lifetimes.get(object.catalogNumber) ?? null,
        analysisMs: inputs.analysisMs,
      },
      rule,
    );
    result.push({ object, endOfMission, assessment });
  }
  return result;
}

function satcatOrbit(object: EnvironmentObject): AssessedOrbit | null {
  if (object.perigeeKm === null || object.apogeeKm === null || object.inclinationDeg === null) return null;
  return { perigeeKm: object.perigeeKm, apogeeKm: object.apogeeKm, inclinationDeg: object.inclinationDeg };
}

/** The group key of an assessed object; `year` is the launch year (a payload's end-of-life date is not public). */
export function complianceKey(item: AssessedObject, by: ComplianceGrouping): string {
  const o = item.object;
  switch (by) {
    case "state":
      return o.actorCode;
    case "owner":
      return o.ownerCode ?? "unknown";
    case "regime":
      return o.orbitRegime;
    case "type":
      return o.objectType;
    case "year":
      return o.launchDate?.slice(0, 4) ?? "unknown";
  }
}

/** Counts (and masses where known) per group, most assessed first (years in order). Pure. */
export function complianceTable(items: readonly AssessedObject[], by: ComplianceGrouping, masses?: ReadonlyMap<number, ComplianceMassEntry>): ComplianceRow[] {
  const groups = new Map<string, AssessedObject[]>();
  for (const item of items) {
    const key = complianceKey(item, by);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [item]);
    else list.push(item);
  }
  const rows = [...groups].map(([key, list]) => complianceRow(key, list, masses));
  return by === "year" ? rows.sort((a, b) => a.key.localeCompare(b.key)) : rows.sort((a, b) => b.assessed - a.assessed || a.key.localeCompare(b.key));
}

/** One group's counts by class, and its masses by class where `masses` gives them (objects without one: mass unknown). */
export function complianceRow(key: string, items: readonly AssessedObject[], masses: ReadonlyMap<number, ComplianceMassEntry> = NO_MASSES): ComplianceRow {
  const counts: Record<DisposalClass, number> = { "naturally-compliant": 0, "compliant-after-manoeuvre": 0, "not-compliant": 0, "not-assessable": 0, "out-of-scope": 0 };
  for (const item of items) counts[item.assessment.disposalClass]++;
  const mass = complianceMass(
    items.map((item) => ({ catalogNumber: item.object.catalogNumber, disposalClass: item.assessment.disposalClass })),
    masses,
  );
  const compliant = counts["naturally-compliant"] + counts["compliant-after-manoeuvre"];
  const assessed = compliant + counts["not-compliant"];
  return {
    key,
    naturallyCompliant: counts["naturally-compliant"],
    compliantAfterManoeuvre: counts["compliant-after-manoeuvre"],
    notCompliant: counts["not-compliant"],
    notAssessable: counts["not-assessable"],
    outOfScope: counts["out-of-scope"],
    assessed,
    compliantShare: assessed === 0 ? null : compliant / assessed,
    mass,
  };
}

/**
 * The LEO figures to set beside ESA's: payloads and rocket bodies assessed in the LEO region, all and those launched in
 * the ten years before the analysis date (ESA reports objects "recently reaching end of life"). Pure.
 */
export function leoSummary(items: readonly AssessedObject[], analysisMs: number, masses?: ReadonlyMap<number, ComplianceMassEntry>): { all: ComplianceRow[]; launchedLastDecade: ComplianceRow[] } {
  const leo = items.filter((i) => i.assessment.region === "LEO");
  const since = new Date(analysisMs - 3652.5 * DAY_MS).toISOString().slice(0, 10);
  const recent = leo.filter((i) => i.object.launchDate !== null && i.object.launchDate >= since);
  const byType = (list: readonly AssessedObject[]) =>
    ["PAYLOAD", "ROCKET BODY"].map((type) => complianceRow(type, list.filter((i) => i.object.objectType === type), masses));
  return { all: byType(leo), launchedLastDecade: byType(recent) };
}

/** How many assessed payloads each end-of-mission basis decided. */
export function endOfMissionCounts(items: readonly AssessedObject[]): Record<EndOfMissionBasis, number> {
  const counts: Record<EndOfMissionBasis, number> = { "rocket-body": 0, decayed: 0, "operational-status": 0, "active-set": 0, "assumed-no-status-no-active-set": 0 };
  for (const item of items) counts[item.endOfMission]++;
  return counts;
}
