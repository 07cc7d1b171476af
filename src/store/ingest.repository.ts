import type { Kysely, Selectable } from "kysely";
import type { SatcatFormat } from "../catalog/satcat-record.ts";
import type { Rejection } from "../core/rejection.ts";
import type { ElementSetFormat } from "../orbit/mean-elements.ts";
import { insertInChunks } from "./chunked-insert.ts";
import type { Page, PageOf } from "./page.ts";
import type { IngestTable, RejectedRecordTable, StoreSchema } from "./schema.ts";

export type IngestSourceKind = "file" | "celestrak" | "spacetrack" | "url";
/**
 * `space-weather-csv`: CelesTrak's space-weather file (src/environment/space-weather-ingest.service.ts);
 * `cara-hbr-mass-csv`: NASA CARA's HBR and mass estimates (src/environment/mass-estimate-ingest.service.ts).
 */
export type IngestFormat = ElementSetFormat | SatcatFormat | "space-weather-csv" | "cara-hbr-mass-csv";
export type IngestStatus = "running" | "succeeded" | "failed";

/** What is known when an ingest starts: where the data came from and what it was. */
export interface IngestStart {
  /** File path or URL. */
  readonly source: string;
  readonly sourceKind: IngestSourceKind;
  readonly format: IngestFormat;
  /** When the bytes were read or fetched (ISO 8601). */
  readonly retrievedAt: string;
  readonly sha256: string | null;
  readonly bytes: number | null;
  /** ISO 8601; defaults to retrievedAt. */
  readonly startedAt?: string;
  readonly note?: string | null;
}

/** What an ingest did; written when it finishes. */
export interface IngestOutcome {
  readonly recordsTotal: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly objectsInserted: number;
  readonly objectsUpdated: number;
  readonly elementSetsInserted: number;
  readonly elementSetsDuplicate: number;
  /** Oldest, newest and median element-set epoch (ISO), null for a SATCAT. */
  readonly epochMin: string | null;
  readonly epochMax: string | null;
  readonly epochMedian: string | null;
  /** The date the data describes (median epoch day, or the SATCAT's latest launch/decay). */
  readonly dataAsOf: string | null;
  readonly status: IngestStatus;
  readonly finishedAt: string;
  readonly note?: string | null;
}

export interface IngestRecord extends Omit<IngestStart, "startedAt" | "note">, Omit<IngestOutcome, "finishedAt" | "note" | "status"> {
  readonly id: number;
  readonly status: IngestStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly note: string | null;
}

export interface StoredRejection extends Rejection {
  readonly id: number;
  readonly ingestId: number;
}

/** Records the start of an ingest (status `running`, counts zero); returns its id. */
export async function createIngest(trx: Kysely<StoreSchema>, start: IngestStart): Promise<number> {
  const row = await trx
    .insertInto("ingests")
    .values({
      source: start.source,
      source_kind: start.sourceKind,
      format: start.format,
      retrieved_at: start.retrievedAt,
      sha256: start.sha256,
      bytes: start.bytes,
      records_total: 0,
      accepted: 0,
      rejected: 0,
      objects_inserted: 0,
      objects_updated: 0,
      element_sets_inserted: 0,
      element_sets_duplicate: 0,
      epoch_min: null,
      epoch_max: null,
      epoch_median: null,
      data_as_of: null,
      status: "running",
      started_at: start.startedAt ?? start.retrievedAt,
      finished_at: null,
      note: start.note ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Writes an ingest's counts, epochs and final status. */
export async function finishIngest(trx: Kysely<StoreSchema>, id: number, outcome: IngestOutcome): Promise<void> {
  await trx
    .updateTable("ingests")
    .set({
      records_total: outcome.recordsTotal,
      accepted: outcome.accepted,
      rejected: outcome.rejected,
      objects_inserted: outcome.objectsInserted,
      objects_updated: outcome.objectsUpdated,
      element_sets_inserted: outcome.elementSetsInserted,
      element_sets_duplicate: outcome.elementSetsDuplicate,
      epoch_min: outcome.epochMin,
      epoch_max: outcome.epochMax,
      epoch_median: outcome.epochMedian,
      data_as_of: outcome.dataAsOf,
      status: outcome.status,
      finished_at: outcome.finishedAt,
      ...(outcome.note === undefined ? {} : { note: outcome.note }),
    })
    .where("id", "=", id)
    .execute();
}

/** Stores an ingest's rejected records (batched); returns how many were stored. */
export async function insertRejections(trx: Kysely<StoreSchema>, ingestId: number, rejections: readonly Rejection[]): Promise<number> {
  const rows: Omit<RejectedRecordTable, "id">[] = rejections.map((r) => ({
    ingest_id: ingestId,
    source: r.source,
    line: r.line,
    record_index: r.recordIndex,
    field: r.field,
    reason: r.reason,
    raw: r.raw,
  }));
  return insertInChunks(trx, "rejected_records", rows);
}

/** Every ingest, newest first. */
export async function listIngests(db: Kysely<StoreSchema>): Promise<IngestRecord[]> {
  const rows = await db.selectFrom("ingests").selectAll().orderBy("id", "desc").execute();
  return rows.map(toIngestRecord);
}

export async function getIngest(db: Kysely<StoreSchema>, id: number): Promise<IngestRecord | null> {
  const row = await db.selectFrom("ingests").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : toIngestRecord(row);
}

/** One ingest's rejected records in the order they were stored, one page of them, with the total. */
export async function listRejections(db: Kysely<StoreSchema>, ingestId: number, page: Page): Promise<PageOf<StoredRejection>> {
  const totalRow = await db
    .selectFrom("rejected_records")
    .where("ingest_id", "=", ingestId)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom("rejected_records")
    .selectAll()
    .where("ingest_id", "=", ingestId)
    .orderBy("id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(totalRow.total),
    items: rows.map((row) => ({
      id: row.id,
      ingestId: row.ingest_id,
      source: row.source,
      line: row.line,
      recordIndex: row.record_index,
      field: row.field,
      reason: row.reason,
      raw: row.raw,
    })),
  };
}

function toIngestRecord(row: Selectable<IngestTable>): IngestRecord {
  return {
    id: row.id,
    source: row.source,
    sourceKind: row.source_kind as IngestSourceKind,
    format: row.format as IngestFormat,
    retrievedAt: row.retrieved_at,
    sha256: row.sha256,
    bytes: row.bytes === null ? null : Number(row.bytes),
    recordsTotal: row.records_total,
    accepted: row.accepted,
    rejected: row.rejected,
    objectsInserted: row.objects_inserted,
    objectsUpdated: row.objects_updated,
    elementSetsInserted: row.element_sets_inserted,
    elementSetsDuplicate: row.element_sets_duplicate,
    epochMin: row.epoch_min,
    epochMax: row.epoch_max,
    epochMedian: row.epoch_median,
    dataAsOf: row.data_as_of,
    status: row.status as IngestStatus,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    note: row.note,
  };
}
