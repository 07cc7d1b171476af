/**
 * The environment analytics' inputs built from files rather than a store (bench and tests): the 2023-10-09 full
 * catalog's element sets, the 2026-01-20 SATCAT's objects (attributed with data/actors.csv, regime from the SATCAT
 * orbit), the payloads operating at the analysis date (the UCS database of 2023-05-01 plus the payloads launched
 * after it; see maintainedAtAnalysis), and SW-All.csv.
 */
import { resolve } from "node:path";
import { loadActorTable } from "../src/catalog/actor-table.ts";
import { deriveSatcatObject } from "../src/catalog/derive-object-rows.ts";
import { VALIDATION_DEFAULT_FILES, loadValidationInputs, maintainedAtAnalysis } from "../src/cli/commands/lifetime-validate.ts";
import type { ValidationInputs } from "../src/cli/commands/lifetime-validate.ts";
import type { AssessedOrbit } from "../src/environment/disposal-assessment.ts";
import { orbitOfElements } from "../src/environment/element-orbit.ts";
import type { EnvironmentObject } from "../src/environment/environment-object.ts";
import type { MeanElements } from "../src/orbit/mean-elements.ts";

export const SHARED_DATA = resolve(import.meta.dirname, "../../shared/data");

export interface EnvironmentFileInputs {
  readonly validation: ValidationInputs;
  readonly analysisMs: number;
  readonly objects: EnvironmentObject[];
  readonly latest: Map<number, MeanElements>;
  readonly orbits: Map<number, AssessedOrbit>;
  readonly activeSet: Set<number> | null;
}

export async function loadEnvironmentFileInputs(shared: string = SHARED_DATA): Promise<EnvironmentFileInputs> {
  const validation = await loadValidationInputs({
    catalog: resolve(shared, VALIDATION_DEFAULT_FILES.catalog),
    satcat: resolve(shared, VALIDATION_DEFAULT_FILES.satcat),
    spaceWeather: resolve(shared, VALIDATION_DEFAULT_FILES.spaceWeather),
    ucs: resolve(shared, VALIDATION_DEFAULT_FILES.ucs),
  });
  const actors = loadActorTable();
  const objects: EnvironmentObject[] = [...validation.satcat.values()]
    .sort((a, b) => a.catalogNumber - b.catalogNumber)
    .map((record) => {
      const derived = deriveSatcatObject(actors, record);
      return {
        catalogNumber: record.catalogNumber,
        internationalDesignator: record.internationalDesignator,
        name: record.name,
        objectType: record.objectType,
        ownerCode: record.ownerCode,
        actorCode: derived.actorCode,
        orbitRegime: derived.orbitRegime,
        launchDate: record.launchDate,
        decayDate: record.decayDate,
        operationalStatus: record.operationalStatus,
        perigeeKm: record.perigeeKm,
        apogeeKm: record.apogeeKm,
        inclinationDeg: record.inclinationDeg,
      };
    });
  const latest = new Map(validation.elements.map((el) => [el.catalogNumber, el]));
  const orbits = new Map([...latest].map(([n, el]) => [n, orbitOfElements(el)]));
  const analysisMs = validation.defaultAnalysisMs;
  return { validation, analysisMs, objects, latest, orbits, activeSet: maintainedAtAnalysis(validation, analysisMs)?.members ?? null };
}
