import type { Generated } from "kysely";
import type { AccountsSchema } from "./schema-accounts.ts";
import type { ConsultationsSchema } from "./schema-consultations.ts";
import type { ForaSchema } from "./schema-fora.ts";
import type { PositionsSchema } from "./schema-positions.ts";

/**
 * Kysely table interfaces: the database's column names (snake_case) and SQL-level types.
 * Repositories map these rows to camelCase domain records; nothing outside `store/` sees them.
 * Dates are ISO text (`YYYY-MM-DD`, or full ISO timestamps), so both dialects store and sort them alike.
 */
/** The workspace's tables (issue 7) are declared per domain in schema-<domain>.ts. */
export interface StoreSchema extends AccountsSchema, ForaSchema, PositionsSchema, ConsultationsSchema {
  space_objects: SpaceObjectTable;
  element_sets: ElementSetTable;
  actors: ActorTable;
  owner_codes: OwnerCodeTable;
  ingests: IngestTable;
  rejected_records: RejectedRecordTable;
  active_set_members: ActiveSetMemberTable;
  screening_runs: ScreeningRunTable;
  conjunction_events: ConjunctionEventTable;
  diplomacy_states: DiplomacyStateTable;
  diplomacy_organisations: DiplomacyOrganisationTable;
  diplomacy_instruments: DiplomacyInstrumentTable;
  diplomacy_instrument_items: DiplomacyInstrumentItemTable;
  diplomacy_fora: DiplomacyForumTable;
  diplomacy_reference_history: DiplomacyReferenceHistoryTable;
  diplomacy_acts: DiplomacyActTable;
  space_weather_ingests: SpaceWeatherIngestTable;
  space_weather_days: SpaceWeatherDayTable;
  object_mass_estimates: ObjectMassEstimateTable;
}

/** Where an object's row came from: the SATCAT, or only an element set (launched after the SATCAT snapshot, analyst objects). */
export type RecordOrigin = "satcat" | "element-set";

export interface SpaceObjectTable {
  /** NORAD catalog number, up to 9 digits. */
  catalog_number: number;
  international_designator: string | null;
  name: string | null;
  /** PAYLOAD, ROCKET BODY, DEBRIS or UNKNOWN. */
  object_type: string;
  owner_code: string | null;
  launch_date: string | null;
  launch_site: string | null;
  decay_date: string | null;
  period_min: number | null;
  inclination_deg: number | null;
  apogee_km: number | null;
  perigee_km: number | null;
  rcs_size: string | null;
  operational_status: string | null;
  /** Attributed actor (derived from owner_code by the curated attribution table). */
  actor_code: string;
  /** Orbit regime (derived from the orbit). */
  orbit_regime: string;
  record_origin: RecordOrigin;
  first_ingest_id: number;
  last_ingest_id: number;
}

export interface ElementSetTable {
  id: Generated<number>;
  catalog_number: number;
  /** ISO 8601 UTC with microseconds; identity of the set together with catalog_number. */
  epoch: string;
  epoch_ms: number;
  mean_motion_rev_per_day: number;
  eccentricity: number;
  inclination_deg: number;
  ra_of_asc_node_deg: number;
  arg_of_pericenter_deg: number;
  mean_anomaly_deg: number;
  bstar_per_earth_radii: number;
  mean_motion_dot_rev_per_day2: number;
  mean_motion_ddot_rev_per_day3: number;
  ephemeris_type: number;
  classification_type: string;
  element_set_number: number;
  rev_at_epoch: number;
  object_name: string | null;
  object_id: string | null;
  /** ElementSetFormat the set arrived in. */
  format: string;
  ingest_id: number;
}

export interface ActorTable {
  code: string;
  kind: string;
  name: string;
  /** ISO 3166 alpha-3 codes of member or host states, `;`-separated as in `data/actors.csv`; empty for a state. */
  member_states: string;
  /** `members`, `host`, `headquarters` … : what member_states means for this actor. */
  membership_basis: string | null;
  /** Successor actor code(s), `;`-separated (Czechoslovakia: `CZE;SVK`). */
  successor: string | null;
  /** Last day the actor existed (historic states, dissolved organisations). */
  valid_to: string | null;
  source: string;
  as_of: string;
  note: string | null;
}

export interface OwnerCodeTable {
  owner_code: string;
  owner_name: string;
  actor_code: string;
  /** Actor for objects launched before the current actor existed (CIS: the USSR, SUN). */
  historic_actor_code: string | null;
  note: string | null;
  source: string;
  as_of: string;
}

export interface IngestTable {
  id: Generated<number>;
  source: string;
  source_kind: string;
  format: string;
  retrieved_at: string;
  sha256: string | null;
  bytes: number | null;
  records_total: number;
  accepted: number;
  rejected: number;
  objects_inserted: number;
  objects_updated: number;
  element_sets_inserted: number;
  element_sets_duplicate: number;
  epoch_min: string | null;
  epoch_max: string | null;
  epoch_median: string | null;
  data_as_of: string | null;
  status: string;
  started_at: string;
  finished_at: string | null;
  note: string | null;
  /** 1 when this ingest is an *active set* (CelesTrak's `active` GP group, or `--active-set`); 0 otherwise. */
  active_set: Generated<number>;
}

export interface RejectedRecordTable {
  id: Generated<number>;
  ingest_id: number;
  source: string;
  line: number | null;
  record_index: number | null;
  field: string | null;
  reason: string;
  raw: string | null;
}

/** The catalog numbers an active-set ingest listed (kept even where its element sets were already stored). */
export interface ActiveSetMemberTable {
  ingest_id: number;
  catalog_number: number;
}

/** One finished screening run: its parameters, the element-set snapshot it used, its timing and its algorithm. */
export interface ScreeningRunTable {
  id: Generated<number>;
  /** Window start and end, ISO 8601 UTC with milliseconds, and the same in ms since 1970. */
  from_time: string;
  to_time: string;
  from_ms: number;
  to_ms: number;
  threshold_km: number;
  /** The `--primaries` selector as given (`all` when every pair was screened). */
  primaries_selector: string;
  /** JSON array of the primaries' catalog numbers, or null when every pair was screened. */
  primaries: string | null;
  primaries_count: number;
  /** Element-set snapshot: how many objects, their epochs, the oldest set's age at window start, ingests used. */
  object_count: number;
  epoch_min: string | null;
  epoch_median: string | null;
  epoch_max: string | null;
  max_age_days: number | null;
  stale_count: number;
  /** JSON array of the ingest ids whose element sets the snapshot used. */
  element_ingest_ids: string;
  active_set_ingest_id: number | null;
  active_set_as_of: string | null;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  status: string;
  events_count: number;
  threads: number;
  algorithm: string;
  guarantee: string;
  software_version: string;
  /** How Pc was computed (method, HBR source, covariance model), or why it was not. */
  pc_note: string | null;
}

/** One close approach of a run. TEME states at TCA; RTN in the primary's frame. */
export interface ConjunctionEventTable {
  id: Generated<number>;
  run_id: number;
  primary_catalog_number: number;
  secondary_catalog_number: number;
  /** ISO 8601 UTC with milliseconds. */
  tca: string;
  tca_ms: number;
  miss_distance_km: number;
  relative_speed_km_s: number;
  miss_r_km: number;
  miss_t_km: number;
  miss_n_km: number;
  relative_velocity_r_km_s: number;
  relative_velocity_t_km_s: number;
  relative_velocity_n_km_s: number;
  primary_x_km: number;
  primary_y_km: number;
  primary_z_km: number;
  primary_vx_km_s: number;
  primary_vy_km_s: number;
  primary_vz_km_s: number;
  secondary_x_km: number;
  secondary_y_km: number;
  secondary_z_km: number;
  secondary_vx_km_s: number;
  secondary_vy_km_s: number;
  secondary_vz_km_s: number;
  primary_element_age_days: number;
  secondary_element_age_days: number;
  primary_element_set_id: number | null;
  secondary_element_set_id: number | null;
  pc: number | null;
  pc_method: string | null;
  hbr_m: number | null;
  covariance_source: string | null;
  /** CelesTrak SOCRATES's maximum Pc (null for events stored before migration 0006). */
  pc_max: number | null;
  dilution_threshold_km: number | null;
}

/** A UN member or observer State (synced from `data/diplomacy/states.csv`; name from the ISO package). */
export interface DiplomacyStateTable {
  iso3: string;
  name: string;
  un_status: string;
  regional_group: string;
  group_status: string;
  source: string;
  as_of: string;
  note: string | null;
  /** When this version of the row was written (ISO timestamp); earlier versions are in diplomacy_reference_history. */
  recorded_at: string;
}

export interface DiplomacyOrganisationTable {
  code: string;
  name: string;
  kind: string;
  state_iso3: string | null;
  /** ISO alpha-3 codes, `;`-separated; empty where the linked actor lists them. */
  member_states: string;
  actor_code: string | null;
  source: string;
  as_of: string;
  note: string | null;
  recorded_at: string;
}

export interface DiplomacyInstrumentTable {
  id: string;
  kind: string;
  short_name: string;
  title: string;
  forum_id: string | null;
  document: string | null;
  /** Partial dates `YYYY[-MM[-DD]]`. */
  adopted_date: string | null;
  opened_date: string | null;
  in_force_date: string | null;
  scope: string;
  coverage: string;
  coverage_as_of: string | null;
  recorded_yes: number | null;
  recorded_no: number | null;
  recorded_abstain: number | null;
  recorded_non_voting: number | null;
  source: string;
  as_of: string;
  note: string | null;
  recorded_at: string;
}

export interface DiplomacyInstrumentItemTable {
  instrument_id: string;
  item_id: string;
  item_group: string | null;
  group_title: string | null;
  title: string;
  title_verified: string;
  source: string;
  as_of: string;
  recorded_at: string;
}

export interface DiplomacyForumTable {
  id: string;
  name: string;
  parent_body: string;
  description: string;
  meeting_season: string;
  decision_rule: string;
  membership_basis: string;
  membership_of: string | null;
  membership_note: string | null;
  source: string;
  as_of: string;
  note: string | null;
  recorded_at: string;
}

/** An earlier version of a diplomacy reference row (state, organisation, instrument, item, forum), kept when it changed or left. */
export interface DiplomacyReferenceHistoryTable {
  id: Generated<number>;
  table_name: string;
  row_key: string;
  /** The whole row as it was, JSON. */
  row_json: string;
  recorded_at: string;
  superseded_at: string;
}

/**
 * Every version of every act (signature, ratification, pledge, vote, membership …): a correction never overwrites, it
 * supersedes. The current version of a fact (target, party, slot) is the one with superseded_at null (unique).
 */
export interface DiplomacyActTable {
  id: Generated<number>;
  /** State ISO alpha-3 or organisation code. */
  party_code: string;
  /** Instrument id or forum id. */
  target_id: string;
  /** `instrument` or `forum`. */
  target_type: string;
  /** The question the act answers (`consent`, `signature`, `vote` …); one current act per target, party and slot. */
  slot: string;
  act_kind: string;
  /** Partial date `YYYY[-MM[-DD]]`; null = unknown. */
  act_date: string | null;
  vote: string | null;
  source: string;
  as_of: string;
  note: string | null;
  /** 1 when this version withdraws the belief (the curated data no longer states the act); 0 otherwise. */
  retracted: number;
  /** `curated` (seeded from data/diplomacy) or `import:<file>`. */
  origin: string;
  /** When this version was recorded and, once replaced, when it stopped being the current belief (ISO timestamps). */
  recorded_at: string;
  superseded_at: string | null;
}

/** What one space-weather ingest covers (its provenance row is in `ingests`). Dates are `YYYY-MM-DD`. */
export interface SpaceWeatherIngestTable {
  ingest_id: number;
  first_date: string | null;
  last_date: string | null;
  first_observed: string | null;
  last_observed: string | null;
  observed_rows: number;
  interpolated_rows: number;
  daily_predicted_rows: number;
  monthly_predicted_rows: number;
}

/** One day of a space-weather ingest: every column of CelesTrak's SW-All.csv (3-hourly values as comma lists). */
export interface SpaceWeatherDayTable {
  ingest_id: number;
  date: string;
  /** `observed`, `interpolated`, `daily-predicted` or `monthly-predicted`. */
  kind: string;
  f107_obs: number;
  f107_adj: number;
  f107_obs_center81: number | null;
  f107_obs_last81: number | null;
  f107_adj_center81: number | null;
  f107_adj_last81: number | null;
  ap_daily: number | null;
  ap_3hourly: string | null;
  kp_3hourly: string | null;
  kp_sum: number | null;
  cp: number | null;
  c9: number | null;
  sunspot_number: number | null;
  bartels_rotation: number | null;
  day_in_rotation: number | null;
}

/** One object of a CARA HBR and mass estimates ingest (format `cara-hbr-mass-csv`); blank values are null. */
export interface ObjectMassEstimateTable {
  ingest_id: number;
  catalog_number: number;
  mass_kg: number | null;
  mass_sigma_kg: number | null;
  /** CARA's source name: CARA Protected Primary, CARA Override, DISCOS DB, SFK RCS Estimate or Default. */
  mass_source: string;
  hbr_m: number | null;
  hbr_sigma_m: number | null;
  hbr_source: string;
}
