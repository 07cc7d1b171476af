import type { Kysely } from "kysely";
import { StrictIngestError } from "../catalog/catalog-ingest.service.ts";
import { InvalidInputError } from "../core/concord-error.ts";
import { detectFormat } from "../sources/detect-format.ts";
import type { SourcePayload } from "../sources/source-payload.ts";
import { MASS_ESTIMATE_FORMAT, insertObjectMassEstimates } from "../store/object-mass-estimate.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { massEstimatesDateFromName, parseCaraMassCsv } from "./cara-mass-csv-parse.ts";
import { describeMassEstimateSummary, summariseMassEstimates } from "./object-mass-estimate.ts";
import type { MassEstimateSummary } from "./object-mass-estimate.ts";
import { recordTableIngest } from "./table-ingest.ts";
import type { TableIngestRecord } from "./table-ingest.ts";

/** What one mass-estimate source did: its provenance, what it gave, and every rejected row. */
export interface MassEstimateIngestReport extends TableIngestRecord<typeof MASS_ESTIMATE_FORMAT> {
  /** The date the estimates describe: `--as-of`, else the `yyyymmdd` of the file name. */
  readonly dataAsOf: string;
  readonly dataAsOfBasis: "flag" | "file-name";
  readonly summary: MassEstimateSummary;
}

export interface MassEstimateIngestOptions {
  /** Any rejected row fails the whole run, before anything is written. */
  readonly strict: boolean;
  /** The date the estimates describe (`YYYY-MM-DD`); default: the `yyyymmdd` in each file's name. */
  readonly asOf?: string | undefined;
  readonly now?: () => Date;
}

/** True when a payload is a CARA HBR and mass estimates CSV (by content, as every source). */
export function isMassEstimatePayload(payload: Pick<SourcePayload, "text" | "source">): boolean {
  try {
    return detectFormat(payload.text, payload.source) === MASS_ESTIMATE_FORMAT;
  } catch {
    return false;
  }
}

/** The as-of date of one file and where it came from; InvalidInputError when neither the flag nor the name gives one. */
export function massEstimatesAsOf(source: string, asOf: string | undefined): { dataAsOf: string; basis: "flag" | "file-name" } {
  if (asOf !== undefined) return { dataAsOf: asOf, basis: "flag" };
  const fromName = massEstimatesDateFromName(source);
  if (fromName === null) {
    throw new InvalidInputError("--as-of", `${source}: the file name carries no yyyymmdd date; give the date the estimates describe with --as-of YYYY-MM-DD`);
  }
  return { dataAsOf: fromName, basis: "file-name" };
}

/** `--strict` with mass-estimate files: throws StrictIngestError (nothing written) when any row would be rejected. */
export function assertMassEstimatesStrict(payloads: readonly SourcePayload[]): void {
  const rejections = payloads.flatMap((payload) => parseCaraMassCsv(payload.text, payload.source).rejections);
  if (rejections.length > 0) throw new StrictIngestError(rejections);
}

/**
 * Ingests CARA HBR and mass estimates files in one transaction: for each, an `ingests` row (source, SHA-256, bytes,
 * retrieved-at, row counts, data as of the file's date, a note with the masses given by source), every accepted row
 * (blank values as null) and every rejected row with its line and field. Nothing stored before is replaced or
 * removed: compliance uses the newest ingest (latest as-of, then latest id). With `strict`, or when a file's as-of
 * date is unknown, nothing is written.
 */
export async function ingestMassEstimates(db: Kysely<StoreSchema>, payloads: readonly SourcePayload[], options: MassEstimateIngestOptions): Promise<MassEstimateIngestReport[]> {
  const now = options.now ?? (() => new Date());
  const parsed = payloads.map((payload) => ({ payload, asOf: massEstimatesAsOf(payload.source, options.asOf), result: parseCaraMassCsv(payload.text, payload.source) }));
  const allRejections = parsed.flatMap((p) => p.result.rejections);
  if (options.strict && allRejections.length > 0) throw new StrictIngestError(allRejections);
  return db.transaction().execute(async (trx) => {
    const reports: MassEstimateIngestReport[] = [];
    for (const { payload, asOf, result } of parsed) {
      const summary = summariseMassEstimates(result.records);
      const note = `${describeMassEstimateSummary(summary)}; as of ${asOf.dataAsOf} (${asOf.basis === "flag" ? "--as-of" : "date in the file name"})`;
      const { rejections, ...recorded } = await recordTableIngest(
        trx,
        payload,
        { format: MASS_ESTIMATE_FORMAT, note, dataAsOf: asOf.dataAsOf, now },
        { accepted: result.records.length, rejections: result.rejections },
        (ingestId) => insertObjectMassEstimates(trx, ingestId, result.records),
      );
      reports.push({ ...recorded, dataAsOf: asOf.dataAsOf, dataAsOfBasis: asOf.basis, summary, rejections });
    }
    return reports;
  });
}
