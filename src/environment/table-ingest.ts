import type { Kysely } from "kysely";
import type { Rejection } from "../core/rejection.ts";
import type { SourcePayload } from "../sources/source-payload.ts";
import { createIngest, finishIngest, insertRejections } from "../store/ingest.repository.ts";
import type { IngestFormat } from "../store/ingest.repository.ts";
import type { StoreSchema } from "../store/schema.ts";

/** What a table ingest reports about its file (the part every table's report shares). */
export interface TableIngestRecord<F extends IngestFormat> {
  readonly ingestId: number;
  readonly source: string;
  readonly sourceKind: SourcePayload["sourceKind"];
  readonly format: F;
  readonly sha256: string;
  readonly bytes: number;
  readonly retrievedAt: string;
  readonly recordsTotal: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly rejections: readonly Rejection[];
}

/**
 * Records one parsed file of a non-catalog table (space weather, mass estimates) as an ingest, inside the caller's
 * transaction: the ingest row with its provenance and note, the table's rows (`insertRows`), the rejected records, and
 * the outcome (a table ingest adds no objects or element sets; `dataAsOf` dates it).
 */
export async function recordTableIngest<F extends IngestFormat>(
  trx: Kysely<StoreSchema>,
  payload: SourcePayload,
  entry: { readonly format: F; readonly note: string; readonly dataAsOf: string | null; readonly now: () => Date },
  parsed: { readonly accepted: number; readonly rejections: readonly Rejection[] },
  insertRows: (ingestId: number) => Promise<unknown>,
): Promise<TableIngestRecord<F>> {
  const ingestId = await createIngest(trx, {
    source: payload.source,
    sourceKind: payload.sourceKind,
    format: entry.format,
    retrievedAt: payload.retrievedAt,
    sha256: payload.sha256,
    bytes: payload.bytes,
    startedAt: entry.now().toISOString(),
    note: entry.note,
  });
  await insertRows(ingestId);
  await insertRejections(trx, ingestId, parsed.rejections);
  const counts = { recordsTotal: parsed.accepted + parsed.rejections.length, accepted: parsed.accepted, rejected: parsed.rejections.length };
  await finishIngest(trx, ingestId, {
    ...counts,
    objectsInserted: 0,
    objectsUpdated: 0,
    elementSetsInserted: 0,
    elementSetsDuplicate: 0,
    epochMin: null,
    epochMax: null,
    epochMedian: null,
    dataAsOf: entry.dataAsOf,
    status: "succeeded",
    finishedAt: entry.now().toISOString(),
  });
  return {
    ingestId,
    source: payload.source,
    sourceKind: payload.sourceKind,
    format: entry.format,
    sha256: payload.sha256,
    bytes: payload.bytes,
    retrievedAt: payload.retrievedAt,
    ...counts,
    rejections: parsed.rejections,
  };
}
