import type { Kysely, Selectable, Transaction } from "kysely";
import type { FigureValue } from "../positions/evidence-figure.ts";
import type { NewPositionCitation, PositionCitation } from "../positions/position-citation.ts";
import type { StoreSchema } from "./schema.ts";
import type { PositionCitationTable } from "./schema-positions.ts";

/** The figures positions cite. A removed citation keeps its row (removed_at set): what a version cited stays known. */
type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

export async function insertPositionCitation(db: Db, citation: NewPositionCitation): Promise<number> {
  const row = await db
    .insertInto("position_citations")
    .values({
      position_id: citation.positionId,
      label: citation.label,
      api_path: citation.apiPath,
      pointer: citation.pointer,
      value_json: JSON.stringify(citation.value),
      value_text: citation.valueText,
      value_number: citation.valueNumber,
      as_of: citation.asOf,
      source: citation.source,
      as_of_pointer: citation.asOfPointer,
      as_of_json: citation.asOfDetail === null || citation.asOfDetail === undefined ? null : JSON.stringify(citation.asOfDetail),
      cited_by: citation.citedBy,
      cited_by_label: citation.citedByLabel,
      cited_at: citation.citedAt,
      cited_in_version: citation.citedInVersion,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findPositionCitation(db: Db, positionId: number, citationId: number): Promise<PositionCitation | null> {
  const row = await db.selectFrom("position_citations").selectAll().where("position_id", "=", positionId).where("id", "=", citationId).executeTakeFirst();
  return row === undefined ? null : toCitation(row);
}

/** A position's citations in citation order; removed ones only with `includeRemoved`. */
export async function listPositionCitations(db: Db, positionId: number, options: { readonly includeRemoved?: boolean } = {}): Promise<PositionCitation[]> {
  let select = db.selectFrom("position_citations").selectAll().where("position_id", "=", positionId).orderBy("id", "asc");
  if (options.includeRemoved !== true) select = select.where("removed_at", "is", null);
  return (await select.execute()).map(toCitation);
}

/** How many current (not removed) citations each position has. */
export async function countPositionCitations(db: Db, positionIds: readonly number[]): Promise<Map<number, number>> {
  if (positionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("position_citations")
    .select(["position_id", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("removed_at", "is", null)
    .where("position_id", "in", [...positionIds])
    .groupBy("position_id")
    .execute();
  return new Map(rows.map((r) => [r.position_id, Number(r.count)]));
}

export interface CitationRemoval {
  readonly removedBy: number | null;
  readonly removedByLabel: string;
  readonly removedAt: string;
  readonly removedInVersion: number;
}

/** Marks a current citation removed; false when it already was. */
export async function markPositionCitationRemoved(db: Db, citationId: number, removal: CitationRemoval): Promise<boolean> {
  const result = await db
    .updateTable("position_citations")
    .set({ removed_at: removal.removedAt, removed_by: removal.removedBy, removed_by_label: removal.removedByLabel, removed_in_version: removal.removedInVersion })
    .where("id", "=", citationId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function toCitation(row: Selectable<PositionCitationTable>): PositionCitation {
  return {
    id: row.id,
    positionId: row.position_id,
    label: row.label,
    apiPath: row.api_path,
    pointer: row.pointer,
    value: JSON.parse(row.value_json) as FigureValue,
    valueText: row.value_text,
    valueNumber: row.value_number === null ? null : Number(row.value_number),
    asOf: row.as_of,
    source: row.source,
    asOfPointer: row.as_of_pointer,
    asOfDetail: row.as_of_json === null ? null : (JSON.parse(row.as_of_json) as unknown),
    citedBy: row.cited_by,
    citedByLabel: row.cited_by_label,
    citedAt: row.cited_at,
    citedInVersion: row.cited_in_version,
    removedAt: row.removed_at,
    removedBy: row.removed_by,
    removedByLabel: row.removed_by_label,
    removedInVersion: row.removed_in_version,
  };
}
