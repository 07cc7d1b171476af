/**
 * A session of a forum (COPUOS, its subcommittees, the Conference on Disarmament, the First Committee, a working
 * group …), its agenda items (official numbering) and its documents (UN symbols). Curated sessions come from
 * `data/fora/` (createdBy null, sourced); analysts add the others.
 */

export const SESSION_STATUSES = ["planned", "ongoing", "concluded"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface ForumSession {
  readonly id: number;
  /** A `diplomacy_fora` id (`copuos`, `copuos-stsc`). */
  readonly forumId: string;
  readonly title: string;
  readonly sessionNumber: number | null;
  /** `YYYY-MM-DD`. */
  readonly startDate: string;
  readonly endDate: string;
  readonly venue: string | null;
  readonly status: SessionStatus;
  readonly sourceUrl: string | null;
  readonly asOf: string;
  readonly note: string | null;
  /** The curated row's id in `data/fora/sessions.csv`, or null for a session made by a user. */
  readonly curatedKey: string | null;
  readonly createdBy: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AgendaItem {
  readonly id: number;
  readonly sessionId: number;
  /** Official number as text: `4`, `7(b)`. */
  readonly itemNumber: string;
  readonly title: string;
  readonly source: string | null;
  readonly asOf: string | null;
  readonly note: string | null;
  readonly curated: boolean;
  readonly createdBy: number | null;
  readonly createdAt: string;
}

export interface SessionDocument {
  readonly id: number;
  readonly sessionId: number;
  readonly agendaItemId: number | null;
  /** UN document symbol, e.g. `A/AC.105/C.1/L.400`. */
  readonly symbol: string;
  readonly title: string;
  readonly documentDate: string | null;
  readonly url: string | null;
  readonly note: string | null;
  readonly curated: boolean;
  readonly createdBy: number | null;
  readonly createdAt: string;
}

/** An official agenda item number: `4`, `12`, `7(b)`, `5(a)(ii)`. */
export const AGENDA_ITEM_NUMBER = /^\d{1,3}(\([a-z]{1,3}\))*$/;

/** The longest agenda item title stored (characters), whether typed or imported. */
export const AGENDA_ITEM_TITLE_MAX_LENGTH = 1000;

/** A UN document symbol: upper-case segments separated by `/` (`A/AC.105/C.1/L.400`, `A/80/20`, `CD/2345`). */
export const DOCUMENT_SYMBOL = /^[A-Z][A-Za-z0-9.()-]*(\/[A-Za-z0-9.()-]+)+$/;

/**
 * Sorting key of an agenda item number: `2` before `10`, `7` before `7(a)` before `7(b)`. Pure.
 */
export function compareItemNumbers(a: string, b: string): number {
  const lead = (s: string) => Number(/^\d+/.exec(s)?.[0] ?? "0");
  const difference = lead(a) - lead(b);
  if (difference !== 0) return difference;
  return a < b ? -1 : a > b ? 1 : 0;
}
