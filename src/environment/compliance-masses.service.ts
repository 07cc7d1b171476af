import type { Kysely } from "kysely";
import { countObjectMassEstimates, listObjectMassEstimates, newestMassEstimateIngest } from "../store/object-mass-estimate.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import type { ComplianceMassEntry } from "./compliance-mass.ts";
import type { ComplianceMassSource } from "./compliance-report.ts";
import { usableMassKg } from "./object-mass-estimate.ts";

/**
 * The masses compliance figures use: every object of the newest mass-estimate ingest (of some catalog numbers only,
 * with `catalogNumbers`), a withheld or unusable mass as null, and the ingest to cite; an empty map and a null source
 * when none was ingested.
 */
export async function loadComplianceMasses(
  db: Kysely<StoreSchema>,
  catalogNumbers?: ReadonlySet<number>,
): Promise<{ masses: Map<number, ComplianceMassEntry>; source: ComplianceMassSource | null }> {
  const ingest = await newestMassEstimateIngest(db);
  if (ingest === null) return { masses: new Map(), source: null };
  const [estimates, counts] = await Promise.all([listObjectMassEstimates(db, ingest.id, catalogNumbers), countObjectMassEstimates(db, ingest.id)]);
  const masses = new Map(estimates.map((e) => [e.catalogNumber, { massKg: usableMassKg(e), massSource: e.massSource }]));
  return {
    masses,
    source: {
      ingestId: ingest.id,
      source: ingest.source,
      sha256: ingest.sha256,
      dataAsOf: ingest.dataAsOf,
      objectsListed: counts.listed,
      objectsWithMass: counts.withMass,
    },
  };
}
