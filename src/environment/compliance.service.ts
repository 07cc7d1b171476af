import type { Kysely } from "kysely";
import { loadDebrisMitigationReferences } from "./debris-mitigation-references.ts";
import type { DebrisMitigationReference } from "./debris-mitigation-references.ts";
import { NotFoundError } from "../core/concord-error.ts";
import type { DisposalComplianceProvider } from "../diplomacy/disposal-compliance.ts";
import type { StoreSchema } from "../store/schema.ts";
import { lifetimesByCatalogNumber } from "./catalog-lifetime-map.ts";
import type { LifetimeMapResult } from "./catalog-lifetime-map.ts";
import { needsLifetime } from "./compliance-analysis.ts";
import { loadComplianceMasses } from "./compliance-masses.service.ts";
import type { ComplianceGrouping } from "./compliance-analysis.ts";
import { buildComplianceReport } from "./compliance-report.ts";
import type { ComplianceReport } from "./compliance-report.ts";
import type { DisposalRuleCode } from "./disposal-rules.ts";
import { loadEnvironmentInputs } from "./environment-inputs.service.ts";
import type { EnvironmentInputs, EnvironmentSources } from "./environment-inputs.service.ts";

export interface ComplianceResult extends ComplianceReport {
  readonly analysisDate: string;
  readonly sources: EnvironmentSources;
  readonly lifetimeModel: LifetimeMapResult["model"];
  /** Published adherence ranges for this rule (and GEO) to compare with: not the same population or basis. */
  readonly publishedReferences: readonly DebrisMitigationReference[];
}

export const NO_SPACE_WEATHER = "no space-weather ingest in the store: run `concord ingest path/to/SW-All.csv` first";

/** The lifetimes compliance needs (ended payloads and rocket bodies in orbit with a perigee below 2,000 km). */
export function complianceLifetimes(inputs: EnvironmentInputs): LifetimeMapResult {
  if (inputs.spaceWeatherDays === null) throw new NotFoundError("space weather", NO_SPACE_WEATHER);
  const sets = inputs.objects
    .filter((o) => needsLifetime(o, inputs.orbits.get(o.catalogNumber), inputs.activeSet, inputs.analysisMs))
    .map((o) => inputs.latest.get(o.catalogNumber))
    .filter((s) => s !== undefined);
  return lifetimesByCatalogNumber(sets, inputs.spaceWeatherDays, inputs.analysisMs);
}

/** Post-mission-disposal compliance from the store as of `analysisMs` (of some actors only, with `actorCodes`). */
export async function loadComplianceReport(
  db: Kysely<StoreSchema>,
  options: { readonly analysisMs: number; readonly rule: DisposalRuleCode; readonly by: ComplianceGrouping; readonly actorCodes?: readonly string[] },
): Promise<ComplianceResult> {
  const inputs = await loadEnvironmentInputs(db, options.analysisMs, options.actorCodes);
  const lifetimes = complianceLifetimes(inputs);
  const wanted = options.actorCodes === undefined ? undefined : new Set(inputs.objects.map((o) => o.catalogNumber));
  const { masses, source } = await loadComplianceMasses(db, wanted);
  const { report } = buildComplianceReport({ ...inputs, masses }, lifetimes.lifetimes, options.rule, options.by, source);
  const publishedReferences = loadDebrisMitigationReferences().filter((r) => r.rule === options.rule || r.rule === "geo");
  return { analysisDate: inputs.sources.analysisDate, sources: inputs.sources, lifetimeModel: lifetimes.model, ...report, publishedReferences };
}

/**
 * The state profile's compliance slot: the 25-year rule for the objects attributed to the state and its predecessors
 * (historic states it succeeds), as of `analysisMs`. Null (not analysed) on a store without a SATCAT or space weather.
 */
export function disposalComplianceProvider(
  db: Kysely<StoreSchema>,
  actorCodesOf: (iso3: string) => readonly string[],
  analysisMs: () => number,
): DisposalComplianceProvider {
  return async (iso3) => {
    const at = analysisMs();
    const inputs = await loadEnvironmentInputs(db, at, actorCodesOf(iso3));
    if (inputs.spaceWeatherDays === null || inputs.sources.satcat === null) return null;
    const { report } = buildComplianceReport(inputs, complianceLifetimes(inputs).lifetimes, "25y", "state");
    const leoCompliant = report.totals.naturallyCompliant + report.totals.compliantAfterManoeuvre;
    return {
      rule: report.rule.name,
      assessed: report.totals.assessed,
      compliant: leoCompliant,
      compliantShare: report.totals.compliantShare ?? 0,
      source:
        `Concord compliance analysis of ended payloads and rocket bodies (${inputs.sources.endOfMission}); SATCAT ingest #${inputs.sources.satcat.ingestId} (${inputs.sources.satcat.source}); ` +
        `element sets of ${inputs.sources.elementSets.objectsWithSets} objects from ${inputs.sources.elementSets.ingests.length} ingest(s); space weather ingest #${inputs.sources.spaceWeather?.ingestId ?? "?"} (${inputs.sources.spaceWeather?.source ?? "?"})`,
      asOf: inputs.sources.analysisDate.slice(0, 10),
    };
  };
}
