/**
 * A statement made at a session: which state, group or organisation said what, on which agenda item, when, and where
 * that is recorded. Its summary is Markdown (rendered and sanitised on read).
 */

export const SPEAKER_KINDS = ["state", "group", "organisation"] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

export interface Statement {
  readonly id: number;
  readonly sessionId: number;
  readonly agendaItemId: number | null;
  readonly speakerKind: SpeakerKind;
  /** ISO alpha-3 for a state, a speaker-group id (`G77`, `EU`, `GRULAC`) or an organisation code (`ESA`). */
  readonly speakerCode: string;
  /** `YYYY-MM-DD`. */
  readonly deliveredOn: string;
  readonly summaryMarkdown: string;
  readonly sourceUrl: string | null;
  /** A citation where there is no URL, or beside it: `A/AC.105/1330, para. 12`, `UN Web TV, 25 June 2025`. */
  readonly sourceReference: string | null;
  readonly recordedBy: number | null;
  readonly recordedAt: string;
}

/** What a statement said about a proposal. A state that said nothing about it is `silent` (derived, never stored). */
export const STANCES = ["supports", "opposes", "reserves"] as const;
export type Stance = (typeof STANCES)[number];

export interface StatementStance {
  readonly id: number;
  readonly statementId: number;
  readonly proposalId: number;
  readonly stance: Stance;
  readonly note: string | null;
  readonly recordedBy: number | null;
  readonly recordedAt: string;
}
