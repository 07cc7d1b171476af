import type { Kysely } from "kysely";
import type { EnvironmentObject } from "../environment/environment-object.ts";
import type { StoreSchema } from "./schema.ts";

/**
 * Every stored object with the fields the environment analytics use (compliance, fragmentations, trends), by catalog
 * number; only the given actors' when `actorCodes` is given. Portable SQL.
 */
export async function listEnvironmentObjects(db: Kysely<StoreSchema>, actorCodes?: readonly string[]): Promise<EnvironmentObject[]> {
  let query = db
    .selectFrom("space_objects")
    .select([
      "catalog_number",
      "international_designator",
      "name",
      "object_type",
      "owner_code",
      "actor_code",
      "orbit_regime",
      "launch_date",
      "decay_date",
      "operational_status",
      "perigee_km",
      "apogee_km",
      "inclination_deg",
    ])
    .orderBy("catalog_number");
  if (actorCodes !== undefined) query = query.where("actor_code", "in", actorCodes.length === 0 ? [""] : [...actorCodes]);
  const rows = await query.execute();
  return rows.map((r) => ({
    catalogNumber: Number(r.catalog_number),
    internationalDesignator: r.international_designator,
    name: r.name,
    objectType: r.object_type,
    ownerCode: r.owner_code,
    actorCode: r.actor_code,
    orbitRegime: r.orbit_regime,
    launchDate: r.launch_date,
    decayDate: r.decay_date,
    operationalStatus: r.operational_status,
    perigeeKm: r.perigee_km === null ? null : Number(r.perigee_km),
    apogeeKm: r.apogee_km === null ? null : Number(r.apogee_km),
    inclinationDeg: r.inclination_deg === null ? null : Number(r.inclination_deg),
  }));
}
