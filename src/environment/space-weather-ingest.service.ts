import type { Kysely } from "kysely";
import { StrictIngestError } from "../catalog/catalog-ingest.service.ts";
import { detectFormat } from "../sources/detect-format.ts";
import type { SourcePayload } from "../sources/source-payload.ts";
import type { StoreSchema } from "../store/schema.ts";
import { SPACE_WEATHER_FORMAT, insertSpaceWeatherDays } from "../store/space-weather.repository.ts";
import { parseSpaceWeatherCsv } from "./space-weather-csv-parse.ts";
import { describeSpaceWeatherCoverage } from "./space-weather-record.ts";
import { recordTableIngest } from "./table-ingest.ts";
import type { TableIngestRecord } from "./table-ingest.ts";
import type { SpaceWeatherCoverage } from "./space-weather-record.ts";

/** What one space-weather source did: its provenance, its coverage, and every rejected row. */
export interface SpaceWeatherIngestReport extends TableIngestRecord<typeof SPACE_WEATHER_FORMAT> {
  readonly coverage: SpaceWeatherCoverage;
  /** The last observed day: the date the indices describe. */
  readonly dataAsOf: string | null;
}

export interface SpaceWeatherIngestOptions {
  /** Any rejected row fails the whole run, before anything is written. */
  readonly strict: boolean;
  readonly now?: () => Date;
}

/** True when a payload is a CelesTrak space-weather CSV (by content, as every source). */
export function isSpaceWeatherPayload(payload: Pick<SourcePayload, "text" | "source">): boolean {
  try {
    return detectFormat(payload.text, payload.source) === SPACE_WEATHER_FORMAT;
  } catch {
    return false;
  }
}

/** `--strict` with space-weather files: throws StrictIngestError (nothing written) when any row would be rejected. */
export function assertSpaceWeatherStrict(payloads: readonly SourcePayload[]): void {
  const rejections = payloads.flatMap((payload) => parseSpaceWeatherCsv(payload.text, payload.source).rejections);
  if (rejections.length > 0) throw new StrictIngestError(rejections);
}

/**
 * Ingests CelesTrak space-weather files (SW-All.csv) in one transaction: for each, an `ingests` row (source, SHA-256,
 * bytes, retrieved-at, row counts, data as of the last observed day), its coverage (first and last observed day,
 * rows of each kind), every accepted day and every rejected row with its line and field. Re-ingesting the same file
 * stores it again as a new ingest; lifetime estimates use the ingest whose observations reach furthest.
 */
export async function ingestSpaceWeather(
  db: Kysely<StoreSchema>,
  payloads: readonly SourcePayload[],
  options: SpaceWeatherIngestOptions,
): Promise<SpaceWeatherIngestReport[]> {
  const now = options.now ?? (() => new Date());
  const parsed = payloads.map((payload) => ({ payload, result: parseSpaceWeatherCsv(payload.text, payload.source) }));
  const allRejections = parsed.flatMap((p) => p.result.rejections);
  if (options.strict && allRejections.length > 0) throw new StrictIngestError(allRejections);
  return db.transaction().execute(async (trx) => {
    const reports: SpaceWeatherIngestReport[] = [];
    for (const { payload, result } of parsed) {
      const coverage = describeSpaceWeatherCoverage(result.records);
      const { rejections, ...recorded } = await recordTableIngest(
        trx,
        payload,
        { format: SPACE_WEATHER_FORMAT, note: describeCoverage(coverage), dataAsOf: coverage.lastObserved, now },
        { accepted: result.records.length, rejections: result.rejections },
        (ingestId) => insertSpaceWeatherDays(trx, ingestId, coverage, result.records),
      );
      reports.push({ ...recorded, coverage, dataAsOf: coverage.lastObserved, rejections });
    }
    return reports;
  });
}

/** One line for the ingest's note: observed span and forecast span. */
export function describeCoverage(coverage: SpaceWeatherCoverage): string {
  const predicted = coverage.dailyPredictedRows + coverage.monthlyPredictedRows;
  return (
    `space weather: observed ${coverage.firstObserved ?? "?"} to ${coverage.lastObserved ?? "?"} ` +
    `(${coverage.observedRows} observed, ${coverage.interpolatedRows} interpolated rows); ` +
    (predicted > 0 ? `predicted to ${coverage.lastDate ?? "?"} (${coverage.dailyPredictedRows} daily, ${coverage.monthlyPredictedRows} monthly rows)` : "no predicted rows")
  );
}
