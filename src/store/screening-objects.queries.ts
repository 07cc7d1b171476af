import type { Kysely } from "kysely";
import type { StoreSchema } from "./schema.ts";

/** What screening and attribution need to know of an object. */
export interface ScreeningObjectFacts {
  readonly catalogNumber: number;
  readonly name: string | null;
  readonly internationalDesignator: string | null;
  readonly objectType: string;
  readonly ownerCode: string | null;
  readonly actorCode: string;
  readonly orbitRegime: string;
  readonly rcsSize: string | null;
  readonly operationalStatus: string | null;
  readonly decayDate: string | null;
}

/** Every stored object's screening facts, by catalog number. */
export async function loadScreeningObjectFacts(db: Kysely<StoreSchema>): Promise<Map<number, ScreeningObjectFacts>> {
  const rows = await db
    .selectFrom("space_objects")
    .select([
      "catalog_number",
      "name",
      "international_designator",
      "object_type",
      "owner_code",
      "actor_code",
      "orbit_regime",
      "rcs_size",
      "operational_status",
      "decay_date",
    ])
    .execute();
  return new Map(
    rows.map((r) => [
      r.catalog_number,
      {
        catalogNumber: r.catalog_number,
        name: r.name,
        internationalDesignator: r.international_designator,
        objectType: r.object_type,
        ownerCode: r.owner_code,
        actorCode: r.actor_code,
        orbitRegime: r.orbit_regime,
        rcsSize: r.rcs_size,
        operationalStatus: r.operational_status,
        decayDate: r.decay_date,
      },
    ]),
  );
}

/** A launch's principal object: piece A of the launch designator (e.g. `1999-025A` FENGYUN 1C). */
export interface LaunchPrincipal {
  readonly launchDesignator: string;
  readonly catalogNumber: number;
  readonly name: string | null;
  readonly actorCode: string;
}

const IN_LIST_CHUNK = 500;

/** The principal object (piece A) of each launch designator (`YYYY-NNN`) that the store holds, by launch designator. */
export async function loadLaunchPrincipals(db: Kysely<StoreSchema>, launchDesignators: readonly string[]): Promise<Map<string, LaunchPrincipal>> {
  const result = new Map<string, LaunchPrincipal>();
  const pieces = [...new Set(launchDesignators)].map((d) => `${d}A`);
  for (let start = 0; start < pieces.length; start += IN_LIST_CHUNK) {
    const rows = await db
      .selectFrom("space_objects")
      .select(["catalog_number", "name", "international_designator", "actor_code"])
      .where("international_designator", "in", pieces.slice(start, start + IN_LIST_CHUNK))
      .execute();
    for (const r of rows) {
      const launch = (r.international_designator ?? "").slice(0, -1);
      result.set(launch, { launchDesignator: launch, catalogNumber: r.catalog_number, name: r.name, actorCode: r.actor_code });
    }
  }
  return result;
}
