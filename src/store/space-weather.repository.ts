import type { Kysely, Selectable } from "kysely";
import type { SpaceWeatherCoverage, SpaceWeatherRecord } from "../environment/space-weather-record.ts";
import type { SolarIndexKind } from "../orbit/lifetime/solar-indices.ts";
import { insertInChunks } from "./chunked-insert.ts";
import { getIngest } from "./ingest.repository.ts";
import type { IngestRecord } from "./ingest.repository.ts";
import type { SpaceWeatherDayTable, StoreSchema } from "./schema.ts";

/** The ingests table's format for CelesTrak's space-weather file. */
export const SPACE_WEATHER_FORMAT = "space-weather-csv";

/** A space-weather ingest: its provenance (the ingests row) and what it covers. */
export interface SpaceWeatherIngest {
  readonly ingest: IngestRecord;
  readonly coverage: SpaceWeatherCoverage;
}

/** Stores the coverage and every day of one space-weather ingest (whose `ingests` row exists). */
export async function insertSpaceWeatherDays(
  trx: Kysely<StoreSchema>,
  ingestId: number,
  coverage: SpaceWeatherCoverage,
  records: readonly SpaceWeatherRecord[],
): Promise<number> {
  await trx
    .insertInto("space_weather_ingests")
    .values({
      ingest_id: ingestId,
      first_date: coverage.firstDate,
      last_date: coverage.lastDate,
      first_observed: coverage.firstObserved,
      last_observed: coverage.lastObserved,
      observed_rows: coverage.observedRows,
      interpolated_rows: coverage.interpolatedRows,
      daily_predicted_rows: coverage.dailyPredictedRows,
      monthly_predicted_rows: coverage.monthlyPredictedRows,
    })
    .execute();
  const rows: SpaceWeatherDayTable[] = records.map((r) => ({
    ingest_id: ingestId,
    date: r.date,
    kind: r.kind,
    f107_obs: r.f107ObsSfu,
    f107_adj: r.f107AdjSfu,
    f107_obs_center81: r.f107ObsCenter81Sfu,
    f107_obs_last81: r.f107ObsLast81Sfu,
    f107_adj_center81: r.f107AdjCenter81Sfu,
    f107_adj_last81: r.f107AdjLast81Sfu,
    ap_daily: r.apDaily,
    ap_3hourly: r.ap3Hourly === null ? null : r.ap3Hourly.join(","),
    kp_3hourly: r.kp3Hourly === null ? null : r.kp3Hourly.join(","),
    kp_sum: r.kpSum,
    cp: r.cp,
    c9: r.c9,
    sunspot_number: r.sunspotNumber,
    bartels_rotation: r.bartelsRotation,
    day_in_rotation: r.dayInRotation,
  }));
  return insertInChunks(trx, "space_weather_days", rows);
}

/**
 * The succeeded space-weather ingest whose observations reach furthest (latest last observed day, then latest id),
 * or null when none was ingested.
 */
export async function newestSpaceWeatherIngest(db: Kysely<StoreSchema>): Promise<SpaceWeatherIngest | null> {
  const row = await db
    .selectFrom("space_weather_ingests as w")
    .innerJoin("ingests as i", "i.id", "w.ingest_id")
    .selectAll("w")
    .where("i.status", "=", "succeeded")
    .where("i.format", "=", SPACE_WEATHER_FORMAT)
    .orderBy("w.last_observed", "desc")
    .orderBy("w.ingest_id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (row === undefined) return null;
  const ingest = await getIngest(db, Number(row.ingest_id));
  if (ingest === null) return null;
  return {
    ingest,
    coverage: {
      rows: row.observed_rows + row.interpolated_rows + row.daily_predicted_rows + row.monthly_predicted_rows,
      firstDate: row.first_date,
      lastDate: row.last_date,
      firstObserved: row.first_observed,
      lastObserved: row.last_observed,
      observedRows: row.observed_rows,
      interpolatedRows: row.interpolated_rows,
      dailyPredictedRows: row.daily_predicted_rows,
      monthlyPredictedRows: row.monthly_predicted_rows,
    },
  };
}

/** Every day of one space-weather ingest, by date. */
export async function listSpaceWeatherDays(db: Kysely<StoreSchema>, ingestId: number): Promise<SpaceWeatherRecord[]> {
  const rows = await db.selectFrom("space_weather_days").selectAll().where("ingest_id", "=", ingestId).orderBy("date").execute();
  return rows.map(toRecord);
}

function numbers(text: string | null): number[] | null {
  return text === null || text === "" ? null : text.split(",").map(Number);
}

function toRecord(row: Selectable<SpaceWeatherDayTable>): SpaceWeatherRecord {
  return {
    date: row.date,
    kind: row.kind as SolarIndexKind,
    f107ObsSfu: row.f107_obs,
    f107AdjSfu: row.f107_adj,
    f107ObsCenter81Sfu: row.f107_obs_center81,
    apDaily: row.ap_daily,
    ap3Hourly: numbers(row.ap_3hourly),
    bartelsRotation: row.bartels_rotation,
    dayInRotation: row.day_in_rotation,
    kp3Hourly: numbers(row.kp_3hourly),
    kpSum: row.kp_sum,
    cp: row.cp,
    c9: row.c9,
    sunspotNumber: row.sunspot_number,
    f107ObsLast81Sfu: row.f107_obs_last81,
    f107AdjCenter81Sfu: row.f107_adj_center81,
    f107AdjLast81Sfu: row.f107_adj_last81,
  };
}
