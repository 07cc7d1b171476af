import type { Generated } from "kysely";

/**
 * Kysely table interfaces: the database's column names (snake_case) and SQL-level types.
 * Repositories map these rows to camelCase domain records; nothing outside `store/` sees them.
 * Dates are ISO text (`YYYY-MM-DD`, or full ISO timestamps), so both dialects store and sort them alike.
 */
export interface StoreSchema {
  space_objects: SpaceObjectTable;
  element_sets: ElementSetTable;
  actors: ActorTable;
  owner_codes: OwnerCodeTable;
  ingests: IngestTable;
  rejected_records: RejectedRecordTable;
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
