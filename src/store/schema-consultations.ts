import type { Generated } from "kysely";

/** Kysely table interfaces of the consultations tables (issue 7); see schema.ts for the conventions. */
export interface ConsultationsSchema {
  consultations: ConsultationTable;
  consultation_paragraphs: ConsultationParagraphTable;
  consultation_invitations: ConsultationInvitationTable;
  consultation_comments: ConsultationCommentTable;
}

/** A consultation of stakeholders on a draft, frozen when it was opened. */
export interface ConsultationTable {
  id: Generated<number>;
  title: string;
  /** position | standard | best-practice. */
  kind: string;
  /** The internal position the draft comes from (positions.id); never shown to stakeholders. */
  position_id: number | null;
  /** The published draft, Markdown, as it was at opening. */
  draft_markdown: string;
  /** The organisers' note (Markdown); never shown to stakeholders. */
  internal_note: string | null;
  /** open | closed. */
  status: string;
  /** ISO timestamp after which no comment is accepted. */
  deadline: string;
  created_by: number | null;
  created_at: string;
  closed_by: number | null;
  closed_at: string | null;
}

/** The published draft split into numbered paragraphs at opening (1, 2, …). */
export interface ConsultationParagraphTable {
  consultation_id: number;
  number: number;
  markdown: string;
}

/** An e-mail invitation: a single-use link whose token only the invitee's mail holds (the store keeps its SHA-256). */
export interface ConsultationInvitationTable {
  id: Generated<number>;
  consultation_id: number;
  /** Lower-case. */
  email: string;
  /** commercial | academic | non-profit | government. */
  sector: string;
  organisation: string;
  /** The stakeholder account the invitation resolves to (null until the link is used, for a new e-mail). */
  invitee_user_id: number | null;
  /** SHA-256 of the link's token, hex. */
  token_hash: string;
  expires_at: string;
  accepted_at: string | null;
  invited_by: number | null;
  invited_at: string;
  /** When the e-mail was last handed to the SMTP server, or null. */
  sent_at: string | null;
  /** Why the last sending failed, or null. */
  send_error: string | null;
}

/** A stakeholder's comment on one paragraph. */
export interface ConsultationCommentTable {
  id: Generated<number>;
  consultation_id: number;
  paragraph_number: number;
  author_user_id: number;
  /** public (every invitee and the organisers) | confidential (the author and the organisers). */
  visibility: string;
  body_markdown: string;
  created_at: string;
}
