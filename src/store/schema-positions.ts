import type { Generated } from "kysely";

/** Kysely table interfaces of the positions tables (issue 7); see schema.ts for the conventions. */
export interface PositionsSchema {
  positions: PositionTable;
  position_versions: PositionVersionTable;
  position_status_changes: PositionStatusChangeTable;
  position_citations: PositionCitationTable;
}

/** A position paper or talking points: the current state; the text lives in position_versions. */
export interface PositionTable {
  id: Generated<number>;
  title: string;
  /** `position-paper` or `talking-points`. */
  kind: string;
  forum_session_id: number | null;
  agenda_item_id: number | null;
  /** `draft`, `under-review`, `cleared` or `delivered`. */
  status: string;
  /** The number of the newest row of position_versions (1 for a new position). */
  current_version: number;
  /** Who last changed the content (a version, or a cited figure): the clearance rule's "last editor". */
  last_edited_by: number | null;
  last_edited_by_label: string;
  created_by: number | null;
  created_by_label: string;
  /** ISO timestamps. */
  created_at: string;
  updated_at: string;
}

/** One version of a position's text; never updated, never deleted. */
export interface PositionVersionTable {
  id: Generated<number>;
  position_id: number;
  /** 1, 2, 3 … per position (unique with position_id). */
  version_number: number;
  title: string;
  /** The Markdown as written. */
  body_markdown: string;
  changed_by: number | null;
  changed_by_label: string;
  changed_at: string;
  change_note: string | null;
  /** The status this edit sent back to draft, or null. */
  status_reset_from: string | null;
}

/** One clearance step (submit, return, clear, deliver, reopen) or automatic return to draft; never updated. */
export interface PositionStatusChangeTable {
  id: Generated<number>;
  position_id: number;
  from_status: string;
  to_status: string;
  /** The version the step applied to. */
  version_number: number;
  changed_by: number | null;
  changed_by_label: string;
  changed_at: string;
  /** The step (`submit` …), or `edit` / `citation` for an automatic return to draft. */
  reason: string;
}

/** A figure of the evidence API cited by a position, with the value and as-of it had when cited. */
export interface PositionCitationTable {
  id: Generated<number>;
  position_id: number;
  label: string;
  /** The evidence API path it came from, e.g. `/api/states/CHN` (with its query, if any). */
  api_path: string;
  /** JSON pointer (RFC 6901) to the value in that answer. */
  pointer: string;
  /** The value as cited: JSON (keeps its type), text, and number (null unless a number). */
  value_json: string;
  value_text: string;
  value_number: number | null;
  /** The as-of date and source as the API gave them at citation time; where they were found; the dated value (JSON). */
  as_of: string | null;
  source: string | null;
  as_of_pointer: string | null;
  as_of_json: string | null;
  cited_by: number | null;
  cited_by_label: string;
  cited_at: string;
  /** The position's version when the figure was cited. */
  cited_in_version: number;
  /** Removal keeps the row (the history of what a version cited): who, when, at which version. */
  removed_at: string | null;
  removed_by: number | null;
  removed_by_label: string | null;
  removed_in_version: number | null;
}
