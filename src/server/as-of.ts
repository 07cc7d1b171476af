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

/** An ingest with every recorded field, for `/api/sources` and `/api/health`. */
export function toIngestJson(ingest: IngestRecord) {
  return {
    id: ingest.id,
    source: ingest.source,
    sourceKind: ingest.sourceKind,
    format: ingest.format,
    status: ingest.status,
    retrievedAt: ingest.retrievedAt,
    startedAt: ingest.startedAt,
    finishedAt: ingest.finishedAt,
    sha256: ingest.sha256,
    bytes: ingest.bytes,
    recordsTotal: ingest.recordsTotal,
    accepted: ingest.accepted,
    rejected: ingest.rejected,
    objectsInserted: ingest.objectsInserted,
    objectsUpdated: ingest.objectsUpdated,
    elementSetsInserted: ingest.elementSetsInserted,
    elementSetsDuplicate: ingest.elementSetsDuplicate,
    epochMin: ingest.epochMin,
    epochMedian: ingest.epochMedian,
    epochMax: ingest.epochMax,
    dataAsOf: ingest.dataAsOf,
    note: ingest.note,
  };
}
