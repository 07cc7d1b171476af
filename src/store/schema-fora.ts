import type { Generated } from "kysely";

/** Kysely table interfaces of the fora tables (issue 7); see schema.ts for the conventions. */
export interface ForaSchema {
  forum_sessions: ForumSessionTable;
  agenda_items: AgendaItemTable;
  session_documents: SessionDocumentTable;
  statements: StatementTable;
  proposals: ProposalTable;
  statement_stances: StatementStanceTable;
}

/** A session of a forum of the diplomacy registry (`diplomacy_fora.id`). */
export interface ForumSessionTable {
  id: Generated<number>;
  forum_id: string;
  title: string;
  /** The forum's own numbering (68 for the sixty-eighth session of COPUOS); null where the forum numbers none. */
  session_number: number | null;
  /** `YYYY-MM-DD`. */
  start_date: string;
  end_date: string;
  venue: string | null;
  /** planned | ongoing | concluded, as recorded (the calendar derives its own phase from the dates). */
  status: string;
  source_url: string | null;
  /** `YYYY-MM-DD`: when the facts of the row were last checked. */
  as_of: string;
  note: string | null;
  /** The curated row's key (`data/fora/sessions.csv` id) for seeded rows; null for rows made by users. */
  curated_key: string | null;
  /** The user who created the session; null for curated rows. */
  created_by: number | null;
  /** ISO timestamps. */
  created_at: string;
  updated_at: string;
}

export interface AgendaItemTable {
  id: Generated<number>;
  session_id: number;
  /** The official number as text: `4`, `7(b)`. Unique within its session. */
  item_number: string;
  title: string;
  /** Where the wording comes from (a document symbol and URL). */
  source: string | null;
  as_of: string | null;
  note: string | null;
  /** 1 for a row seeded from `data/fora/agenda-items.csv`. */
  curated: number;
  created_by: number | null;
  created_at: string;
}

export interface SessionDocumentTable {
  id: Generated<number>;
  session_id: number;
  agenda_item_id: number | null;
  /** UN document symbol (`A/AC.105/C.1/L.400`). Unique within its session. */
  symbol: string;
  title: string;
  /** `YYYY-MM-DD`, null where not known. */
  document_date: string | null;
  url: string | null;
  note: string | null;
  curated: number;
  created_by: number | null;
  created_at: string;
}

export interface StatementTable {
  id: Generated<number>;
  session_id: number;
  agenda_item_id: number | null;
  /** state | group | organisation. */
  speaker_kind: string;
  /** ISO alpha-3 for a state, a group id (`G77`, `EU`, `GRULAC`) or an organisation code. */
  speaker_code: string;
  /** `YYYY-MM-DD`. */
  delivered_on: string;
  summary_markdown: string;
  source_url: string | null;
  source_reference: string | null;
  recorded_by: number | null;
  /** ISO timestamp. */
  recorded_at: string;
}

export interface ProposalTable {
  id: Generated<number>;
  forum_id: string;
  title: string;
  /** draft-norm | guideline | practice | resolution | other. */
  kind: string;
  document_symbol: string | null;
  description_markdown: string;
  /** proposed | under-negotiation | adopted | rejected | withdrawn. */
  status: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** What one statement said about one proposal. One row per statement and proposal. */
export interface StatementStanceTable {
  id: Generated<number>;
  statement_id: number;
  proposal_id: number;
  /** supports | opposes | reserves. */
  stance: string;
  note: string | null;
  recorded_by: number | null;
  recorded_at: string;
}
