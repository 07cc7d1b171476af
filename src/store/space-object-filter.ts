import { sql } from "kysely";
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { ObjectType } from "../catalog/satcat-record.ts";
import type { RecordOrigin, StoreSchema } from "./schema.ts";

/** On orbit: no decay date. Decayed: a decay date. */
export type ObjectStatusFilter = "on-orbit" | "decayed" | "all";

/** Filters for listing and counting space objects; every given field must match (AND). */
export interface ObjectFilter {
  readonly ownerCode?: string;
  readonly actorCode?: string;
  readonly objectType?: ObjectType;
  readonly orbitRegime?: string;
  readonly status?: ObjectStatusFilter;
  /** Case-insensitive substring of the name or international designator, or an exact catalog number. */
  readonly search?: string;
  readonly recordOrigin?: RecordOrigin;
}

/** The WHERE condition for `filter`, portable between SQLite and PostgreSQL. */
export function objectFilterCondition(
  eb: ExpressionBuilder<StoreSchema, "space_objects">,
  filter: ObjectFilter,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.ownerCode !== undefined) conditions.push(eb("owner_code", "=", filter.ownerCode));
  if (filter.actorCode !== undefined) conditions.push(eb("actor_code", "=", filter.actorCode));
  if (filter.objectType !== undefined) conditions.push(eb("object_type", "=", filter.objectType));
  if (filter.orbitRegime !== undefined) conditions.push(eb("orbit_regime", "=", filter.orbitRegime));
  if (filter.recordOrigin !== undefined) conditions.push(eb("record_origin", "=", filter.recordOrigin));
  if (filter.status === "on-orbit") conditions.push(eb("decay_date", "is", null));
  if (filter.status === "decayed") conditions.push(eb("decay_date", "is not", null));
  const search = filter.search?.trim() ?? "";
  if (search !== "") {
    const pattern = `%${escapeLike(search.toLowerCase())}%`;
    const matches: Expression<SqlBool>[] = [
      sql<SqlBool>`lower(${eb.ref("name")}) like ${pattern} escape '\\'`,
      sql<SqlBool>`lower(${eb.ref("international_designator")}) like ${pattern} escape '\\'`,
    ];
    if (/^\d{1,9}$/.test(search)) matches.push(eb("catalog_number", "=", Number(search)));
    conditions.push(eb.or(matches));
  }
  return eb.and(conditions);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
