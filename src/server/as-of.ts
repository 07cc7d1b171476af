import type { IngestRecord } from "../store/ingest.repository.ts";

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
