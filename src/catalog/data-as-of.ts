import type { Kysely } from "kysely";
import type { IngestRecord } from "../store/ingest.repository.ts";
import { newestSucceededIngest } from "../store/latest-ingest.queries.ts";
import type { StoreSchema } from "../store/schema.ts";

/** One ingest as a figure cites it. */
export interface IngestRef {
  readonly ingestId: number;
  readonly source: string;
  readonly sourceKind: string;
  readonly format: string;
  readonly retrievedAt: string;
  readonly dataAsOf: string | null;
  readonly epochMin: string | null;
  readonly epochMedian: string | null;
  readonly epochMax: string | null;
}

/** Where a response's figures come from: the newest SATCAT and element-set ingests (null where none). */
export interface AsOf {
  readonly satcat: IngestRef | null;
  readonly elementSets: IngestRef | null;
}

export function toIngestRef(ingest: IngestRecord): IngestRef {
  return {
    ingestId: ingest.id,
    source: ingest.source,
    sourceKind: ingest.sourceKind,
    format: ingest.format,
    retrievedAt: ingest.retrievedAt,
    dataAsOf: ingest.dataAsOf,
    epochMin: ingest.epochMin,
    epochMedian: ingest.epochMedian,
    epochMax: ingest.epochMax,
  };
}

export async function loadAsOf(db: Kysely<StoreSchema>): Promise<AsOf> {
  const [satcat, elementSets] = await Promise.all([newestSucceededIngest(db, "satcat"), newestSucceededIngest(db, "element-set")]);
  return { satcat: satcat === null ? null : toIngestRef(satcat), elementSets: elementSets === null ? null : toIngestRef(elementSets) };
}

/** One line for a terminal: which SATCAT and element-set ingests the figures come from, and as of when. */
export function describeAsOf(asOf: AsOf): string {
  const satcat = asOf.satcat ? `SATCAT as of ${asOf.satcat.dataAsOf ?? "?"} (ingest #${asOf.satcat.ingestId}, ${asOf.satcat.source})` : "no SATCAT ingested";
  const sets = asOf.elementSets
    ? `element sets as of ${asOf.elementSets.dataAsOf ?? "?"} (ingest #${asOf.elementSets.ingestId}, ${asOf.elementSets.source})`
    : "no element sets ingested";
  return `Source: ${satcat}; ${sets}.`;
}
