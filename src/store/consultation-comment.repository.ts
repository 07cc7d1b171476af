import type { Kysely, Transaction } from "kysely";
import type { CommentVisibility, StakeholderSector } from "../consultations/consultation-vocabulary.ts";
import { isStakeholderSector } from "../consultations/consultation-vocabulary.ts";
import type { StoreSchema } from "./schema.ts";

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** Who wrote a comment: the account, and the organisation and sector it was invited as (null: no invitation). */
export interface CommentAuthor {
  readonly userId: number;
  readonly displayName: string;
  readonly email: string;
  readonly organisation: string | null;
  readonly sector: StakeholderSector | null;
}

export interface CommentRecord {
  readonly id: number;
  readonly consultationId: number;
  readonly paragraphNumber: number;
  readonly visibility: CommentVisibility;
  readonly bodyMarkdown: string;
  readonly createdAt: string;
  readonly author: CommentAuthor;
}

export interface NewComment {
  readonly consultationId: number;
  readonly paragraphNumber: number;
  readonly authorUserId: number;
  readonly visibility: CommentVisibility;
  readonly bodyMarkdown: string;
  readonly createdAt: string;
}

export interface CommentQuery {
  /**
   * Which comments the reader may see: `all` (organisers), `public` (viewers), or a user id: the public ones and that
   * user's own (a stakeholder). Enforced in the SQL, so a hidden comment never leaves the store.
   */
  readonly visibleTo: "all" | "public" | { readonly userId: number };
  readonly paragraphNumber?: number;
  readonly commentId?: number;
}

export async function insertComment(db: Db, comment: NewComment): Promise<number> {
  const { id } = await db
    .insertInto("consultation_comments")
    .values({
      consultation_id: comment.consultationId,
      paragraph_number: comment.paragraphNumber,
      author_user_id: comment.authorUserId,
      visibility: comment.visibility,
      body_markdown: comment.bodyMarkdown,
      created_at: comment.createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A consultation's comments the query allows, by paragraph then in the order they were written. */
export async function listComments(db: Db, consultationId: number, query: CommentQuery): Promise<CommentRecord[]> {
  let select = db
    .selectFrom("consultation_comments")
    .innerJoin("users as author", "author.id", "consultation_comments.author_user_id")
    .leftJoin("consultation_invitations as invitation", (join) =>
      join
        .onRef("invitation.consultation_id", "=", "consultation_comments.consultation_id")
        .onRef("invitation.invitee_user_id", "=", "consultation_comments.author_user_id"),
    )
    .selectAll("consultation_comments")
    .select(["author.display_name as author_name", "author.email as author_email", "invitation.organisation as author_organisation", "invitation.sector as author_sector"])
    .where("consultation_comments.consultation_id", "=", consultationId)
    .orderBy("consultation_comments.paragraph_number", "asc")
    .orderBy("consultation_comments.id", "asc");
  const { visibleTo } = query;
  if (visibleTo === "public") {
    select = select.where("consultation_comments.visibility", "=", "public");
  } else if (visibleTo !== "all") {
    select = select.where((eb) => eb.or([eb("consultation_comments.visibility", "=", "public"), eb("consultation_comments.author_user_id", "=", visibleTo.userId)]));
  }
  if (query.paragraphNumber !== undefined) select = select.where("consultation_comments.paragraph_number", "=", query.paragraphNumber);
  if (query.commentId !== undefined) select = select.where("consultation_comments.id", "=", query.commentId);
  const rows = await select.execute();
  return rows.map((row) => ({
    id: row.id,
    consultationId: row.consultation_id,
    paragraphNumber: row.paragraph_number,
    visibility: row.visibility as CommentVisibility,
    bodyMarkdown: row.body_markdown,
    createdAt: row.created_at,
    author: {
      userId: row.author_user_id,
      displayName: row.author_name,
      email: row.author_email,
      organisation: row.author_organisation,
      sector: row.author_sector !== null && isStakeholderSector(row.author_sector) ? row.author_sector : null,
    },
  }));
}
