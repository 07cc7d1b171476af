import type { Kysely, Selectable, Transaction } from "kysely";
import type { Proposal, ProposalKind, ProposalStatus } from "../fora/proposal.ts";
import type { StoreSchema } from "./schema.ts";
import type { ProposalTable } from "./schema-fora.ts";

/** Proposals under negotiation in the fora. */

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

export interface ProposalValues {
  readonly forumId: string;
  readonly title: string;
  readonly kind: ProposalKind;
  readonly documentSymbol: string | null;
  readonly descriptionMarkdown: string;
  readonly status: ProposalStatus;
}

export interface ProposalFilter {
  readonly forumId?: string;
  readonly status?: ProposalStatus;
  readonly kind?: ProposalKind;
}

export function toProposal(row: Selectable<ProposalTable>): Proposal {
  return {
    id: row.id,
    forumId: row.forum_id,
    title: row.title,
    kind: row.kind as ProposalKind,
    documentSymbol: row.document_symbol,
    descriptionMarkdown: row.description_markdown,
    status: row.status as ProposalStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertProposal(db: Db, values: ProposalValues, meta: { readonly createdBy: number | null; readonly atIso: string }): Promise<Proposal> {
  const row = await db
    .insertInto("proposals")
    .values({
      forum_id: values.forumId,
      title: values.title,
      kind: values.kind,
      document_symbol: values.documentSymbol,
      description_markdown: values.descriptionMarkdown,
      status: values.status,
      created_by: meta.createdBy,
      created_at: meta.atIso,
      updated_at: meta.atIso,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProposal(row);
}

/** Rewrites a proposal's fields; who created it and when stay. */
export async function updateProposal(db: Db, id: number, values: ProposalValues, updatedAtIso: string): Promise<Proposal> {
  const row = await db
    .updateTable("proposals")
    .set({
      forum_id: values.forumId,
      title: values.title,
      kind: values.kind,
      document_symbol: values.documentSymbol,
      description_markdown: values.descriptionMarkdown,
      status: values.status,
      updated_at: updatedAtIso,
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProposal(row);
}

export async function findProposal(db: Db, id: number): Promise<Proposal | null> {
  const row = await db.selectFrom("proposals").selectAll().where("id", "=", id).executeTakeFirst();
  return row === undefined ? null : toProposal(row);
}

/** Proposals by id, filtered. */
export async function listProposals(db: Db, filter: ProposalFilter = {}): Promise<Proposal[]> {
  let select = db.selectFrom("proposals").selectAll().orderBy("id", "asc");
  if (filter.forumId !== undefined) select = select.where("forum_id", "=", filter.forumId);
  if (filter.status !== undefined) select = select.where("status", "=", filter.status);
  if (filter.kind !== undefined) select = select.where("kind", "=", filter.kind);
  return (await select.execute()).map(toProposal);
}

/** Stances recorded per proposal (for lists). */
export async function countStancesByProposal(db: Db, proposalIds: readonly number[]): Promise<Map<number, number>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("statement_stances")
    .select(["proposal_id"])
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("proposal_id", "in", proposalIds)
    .groupBy("proposal_id")
    .execute();
  return new Map(rows.map((r) => [r.proposal_id, Number(r.n)]));
}
