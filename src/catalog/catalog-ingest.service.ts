import type { Kysely } from "kysely";
import { ConcordError } from "../core/concord-error.ts";
import { describeRejection } from "../core/rejection.ts";
import type { Rejection } from "../core/rejection.ts";
import type { MeanElements } from "../orbit/mean-elements.ts";
import type { SourcePayload } from "../sources/source-payload.ts";
import { markActiveSetIngest } from "../store/active-set.repository.ts";
import { insertElementSets } from "../store/element-set.repository.ts";
import { createIngest, finishIngest, insertRejections } from "../store/ingest.repository.ts";
import type { IngestFormat, IngestOutcome } from "../store/ingest.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { insertElementSetObjects, upsertSatcatObjects } from "../store/space-object.repository.ts";
import type { ActorTable } from "./actor-table.ts";
import { deriveElementSetObjects, deriveSatcatObject } from "./derive-object-rows.ts";
import { parsePayload } from "./parse-payload.ts";
import type { ParsedPayload } from "./parse-payload.ts";
import type { SatcatRecord } from "./satcat-record.ts";

/** `--strict` and at least one record was rejected: nothing was stored. */
export class StrictIngestError extends ConcordError {
  readonly code = "STRICT_REJECTED";
  constructor(readonly rejections: readonly Rejection[]) {
    const shown = rejections.slice(0, 5).map(describeRejection).join("\n  ");
    const more = rejections.length > 5 ? `\n  … and ${rejections.length - 5} more` : "";
    super(`--strict: ${rejections.length} record(s) rejected, nothing stored:\n  ${shown}${more}`);
    this.name = "StrictIngestError";
  }
}

export interface IngestProgress {
  readonly phase: "parse" | "write";
  readonly source: string;
  readonly done: number;
  readonly total: number;
}

export interface IngestOptions {
  /** Any rejected record fails the whole run, before anything is written. */
  readonly strict: boolean;
  readonly now?: () => Date;
  readonly onProgress?: (progress: IngestProgress) => void;
  /** Rows written per step between progress reports (default 10,000). */
  readonly writeChunkRows?: number;
  /** Whether a payload is an *active set* (CelesTrak's `active` group, `--active-set`); only element-set payloads count. */
  readonly isActiveSet?: (payload: SourcePayload) => boolean;
}

/** What one source of an ingest run did; `rejections` holds every rejected record of the source. */
export interface IngestSourceReport extends Omit<IngestOutcome, "status" | "finishedAt" | "note"> {
  readonly ingestId: number;
  readonly source: string;
  readonly sourceKind: SourcePayload["sourceKind"];
  readonly format: IngestFormat;
  readonly sha256: string;
  readonly bytes: number;
  readonly retrievedAt: string;
  readonly rejections: readonly Rejection[];
  /** The ingest was stored as an active set (its catalog numbers count as active payloads). */
  readonly activeSet: boolean;
}

/**
 * Ingests payloads (already read from files or fetched) as ONE transaction: every source's objects, element sets,
 * rejected records and provenance are written together or not at all, so a crash or kill mid-way leaves the store
 * as it was. Re-ingesting the same data adds no duplicates (element sets are unique by catalog number and epoch;
 * SATCAT rows are upserted). Bad records are rejected with their location and kept; good records are stored.
 */
export async function ingestPayloads(
  db: Kysely<StoreSchema>,
  table: ActorTable,
  payloads: readonly SourcePayload[],
  options: IngestOptions,
): Promise<IngestSourceReport[]> {
  const now = options.now ?? (() => new Date());
  const parsed = payloads.map((payload, index) => {
    options.onProgress?.({ phase: "parse", source: payload.source, done: index, total: payloads.length });
    return { payload, result: parsePayload(payload) };
  });
  const allRejections = parsed.flatMap((p) => p.result.rejections);
  if (options.strict && allRejections.length > 0) throw new StrictIngestError(allRejections);

  return db.transaction().execute(async (trx) => {
    const reports: IngestSourceReport[] = [];
    for (const { payload, result } of parsed) {
      const startedAt = now().toISOString();
      const ingestId = await createIngest(trx, {
        source: payload.source,
        sourceKind: payload.sourceKind,
        format: result.format,
        retrievedAt: payload.retrievedAt,
        sha256: payload.sha256,
        bytes: payload.bytes,
        startedAt,
      });
      const written = await writeRecords(trx, table, payload.source, result, ingestId, options);
      await insertRejections(trx, ingestId, result.rejections);
      const activeSet = result.kind !== "satcat" && (options.isActiveSet?.(payload) ?? false);
      if (activeSet) await markActiveSetIngest(trx, ingestId, result.records.map((r) => r.catalogNumber));
      const outcome: IngestOutcome = {
        recordsTotal: result.records.length + result.rejections.length,
        accepted: result.records.length,
        rejected: result.rejections.length,
        ...written,
        ...(result.kind === "satcat" ? satcatAsOf(result.records) : epochStatistics(result.records)),
        status: "succeeded",
        finishedAt: now().toISOString(),
      };
      await finishIngest(trx, ingestId, outcome);
      const { status: _status, finishedAt: _finishedAt, ...counts } = outcome;
      reports.push({
        ingestId,
        source: payload.source,
        sourceKind: payload.sourceKind,
        format: result.format,
        sha256: payload.sha256,
        bytes: payload.bytes,
        retrievedAt: payload.retrievedAt,
        ...counts,
        rejections: result.rejections,
        activeSet,
      });
    }
    return reports;
  });
}

type WriteCounts = Pick<IngestOutcome, "objectsInserted" | "objectsUpdated" | "elementSetsInserted" | "elementSetsDuplicate">;

async function writeRecords(
  trx: Kysely<StoreSchema>,
  table: ActorTable,
  source: string,
  result: ParsedPayload,
  ingestId: number,
  options: IngestOptions,
): Promise<WriteCounts> {
  const chunkRows = options.writeChunkRows ?? 10_000;
  const counts = { objectsInserted: 0, objectsUpdated: 0, elementSetsInserted: 0, elementSetsDuplicate: 0 };
  const total = result.records.length;
  const report = (done: number) => options.onProgress?.({ phase: "write", source, done, total });
  report(0);
  if (result.kind === "satcat") {
    for (let start = 0; start < total; start += chunkRows) {
      const rows = result.records.slice(start, start + chunkRows).map((record) => deriveSatcatObject(table, record));
      const { inserted, updated } = await upsertSatcatObjects(trx, rows, ingestId);
      counts.objectsInserted += inserted;
      counts.objectsUpdated += updated;
      report(Math.min(total, start + chunkRows));
    }
    return counts;
  }
  counts.objectsInserted = await insertElementSetObjects(trx, deriveElementSetObjects(table, result.records), ingestId);
  for (let start = 0; start < total; start += chunkRows) {
    const { inserted, duplicates } = await insertElementSets(trx, result.records.slice(start, start + chunkRows), result.format, ingestId);
    counts.elementSetsInserted += inserted;
    counts.elementSetsDuplicate += duplicates;
    report(Math.min(total, start + chunkRows));
  }
  return counts;
}

type AsOf = Pick<IngestOutcome, "epochMin" | "epochMax" | "epochMedian" | "dataAsOf">;

/** A SATCAT describes the catalog as of its latest launch or decay date. */
function satcatAsOf(records: readonly SatcatRecord[]): AsOf {
  let latest: string | null = null;
  for (const r of records) {
    if (r.launchDate !== null && (latest === null || r.launchDate > latest)) latest = r.launchDate;
    if (r.decayDate !== null && (latest === null || r.decayDate > latest)) latest = r.decayDate;
  }
  return { epochMin: null, epochMax: null, epochMedian: null, dataAsOf: latest };
}

/** Oldest, newest and median epoch; the data is as of the median epoch's day (robust to a few stale or early sets). */
function epochStatistics(sets: readonly MeanElements[]): AsOf {
  if (sets.length === 0) return { epochMin: null, epochMax: null, epochMedian: null, dataAsOf: null };
  const sorted = [...sets].sort((a, b) => a.epochMs - b.epochMs);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!.epoch;
  return { epochMin: sorted[0]!.epoch, epochMax: sorted[sorted.length - 1]!.epoch, epochMedian: median, dataAsOf: median.slice(0, 10) };
}
