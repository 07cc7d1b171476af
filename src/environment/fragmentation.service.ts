import type { Kysely } from "kysely";
import { NotFoundError } from "../core/concord-error.ts";
import { loadDestructiveAsatTests } from "../diplomacy/destructive-asat-test.ts";
import type { StoreSchema } from "../store/schema.ts";
import { lifetimesByCatalogNumber } from "./catalog-lifetime-map.ts";
import type { LifetimeMapResult } from "./catalog-lifetime-map.ts";
import { NO_SPACE_WEATHER } from "./compliance.service.ts";
import { loadEnvironmentInputs } from "./environment-inputs.service.ts";
import type { EnvironmentSources } from "./environment-inputs.service.ts";
import { loadFragmentationEvents } from "./fragmentation-events.ts";
import { fragmentationDebrisInOrbit, summariseFragmentations } from "./fragmentations.ts";
import type { FragmentationSummary } from "./fragmentations.ts";
import { environmentTrends } from "./environment-trends.ts";
import type { EnvironmentTrends, TrendGrouping } from "./environment-trends.ts";

export interface FragmentationsResult {
  readonly analysisDate: string;
  readonly sources: EnvironmentSources;
  readonly lifetimeModel: LifetimeMapResult["model"];
  readonly debrisInOrbit: number;
  /** Debris in orbit at the analysis date without an element set at or before it (not projected). */
  readonly debrisInOrbitWithoutElements: number;
  readonly events: readonly FragmentationSummary[];
}

/** Fragmentation events from the store as of `analysisMs`, with the lifetime model's projections. */
export async function loadFragmentations(db: Kysely<StoreSchema>, analysisMs: number): Promise<FragmentationsResult> {
  const inputs = await loadEnvironmentInputs(db, analysisMs);
  if (inputs.spaceWeatherDays === null) throw new NotFoundError("space weather", NO_SPACE_WEATHER);
  const debris = fragmentationDebrisInOrbit(inputs.objects, analysisMs);
  const sets = debris.map((o) => inputs.latest.get(o.catalogNumber)).filter((s) => s !== undefined);
  const lifetimes = lifetimesByCatalogNumber(sets, inputs.spaceWeatherDays, analysisMs);
  return {
    analysisDate: inputs.sources.analysisDate,
    sources: inputs.sources,
    lifetimeModel: lifetimes.model,
    debrisInOrbit: debris.length,
    debrisInOrbitWithoutElements: debris.length - sets.length,
    events: summariseFragmentations(inputs.objects, lifetimes.lifetimes, loadFragmentationEvents(), loadDestructiveAsatTests(new Date().toISOString().slice(0, 10)), analysisMs),
  };
}

export interface EnvironmentResult extends EnvironmentTrends {
  readonly analysisDate: string;
  readonly sources: EnvironmentSources;
}

/** Environment trends from the store (launch and decay dates; no lifetimes). */
export async function loadEnvironmentTrends(db: Kysely<StoreSchema>, analysisMs: number, by: TrendGrouping): Promise<EnvironmentResult> {
  const inputs = await loadEnvironmentInputs(db, analysisMs);
  return { analysisDate: inputs.sources.analysisDate, sources: inputs.sources, ...environmentTrends(inputs.objects, by, analysisMs) };
}
