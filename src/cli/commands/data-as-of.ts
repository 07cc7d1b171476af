import type { Kysely } from "kysely";
import { listIngests } from "../../store/ingest.repository.ts";
import type { StoreSchema } from "../../store/schema.ts";

/** Where the figures come from: the newest SATCAT and element-set ingests, with what date their data describes. */
export interface DataAsOf {
  readonly satcat: { ingestId: number; source: string; retrievedAt: string; dataAsOf: string | null } | null;
  readonly elementSets: { ingestId: number; source: string; retrievedAt: string; dataAsOf: string | null; epochMax: string | null } | null;
}

export async function loadDataAsOf(db: Kysely<StoreSchema>): Promise<DataAsOf> {
  const ingests = await listIngests(db);
  const newest = (isSatcat: boolean) =>
    ingests
      .filter((i) => i.status === "succeeded" && i.format.startsWith("satcat") === isSatcat)
      .sort((a, b) => (b.dataAsOf ?? "").localeCompare(a.dataAsOf ?? "") || b.id - a.id)[0];
  const satcat = newest(true);
  const sets = newest(false);
  return {
    satcat: satcat ? { ingestId: satcat.id, source: satcat.source, retrievedAt: satcat.retrievedAt, dataAsOf: satcat.dataAsOf } : null,
    elementSets: sets
      ? { ingestId: sets.id, source: sets.source, retrievedAt: sets.retrievedAt, dataAsOf: sets.dataAsOf, epochMax: sets.epochMax }
      : null,
  };
}

export function describeDataAsOf(asOf: DataAsOf): string {
  const satcat = asOf.satcat ? `SATCAT as of ${asOf.satcat.dataAsOf ?? "?"} (ingest #${asOf.satcat.ingestId}, ${asOf.satcat.source})` : "no SATCAT ingested";
  const sets = asOf.elementSets
    ? `element sets as of ${asOf.elementSets.dataAsOf ?? "?"} (ingest #${asOf.elementSets.ingestId}, ${asOf.elementSets.source})`
    : "no element sets ingested";
  return `Source: ${satcat}; ${sets}.`;
}
