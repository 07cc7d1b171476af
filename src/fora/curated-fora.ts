import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { CuratedFileError, readCuratedCsvRows } from "../core/curated-csv.ts";
import { isIsoDay } from "../diplomacy/partial-date.ts";
import { REGIONAL_GROUPS } from "../diplomacy/un-state.ts";
import type { RegionalGroup } from "../diplomacy/un-state.ts";
import { AGENDA_ITEM_NUMBER, DOCUMENT_SYMBOL, SESSION_STATUSES } from "./forum-session.ts";
import type { SessionStatus } from "./forum-session.ts";
import { SPEAKER_GROUP_KINDS } from "./speaker-group.ts";
import type { SpeakerGroup, SpeakerGroupMembers } from "./speaker-group.ts";

/** A curated file in `data/fora/` is invalid: names the file, the 1-based line and the field. */
export class ForaDataError extends CuratedFileError {
  readonly code = "FORA_DATA";
  override readonly name = "ForaDataError";
}

/** A curated session (`data/fora/sessions.csv`); `key` becomes the store row's curated_key. */
export interface CuratedSession {
  readonly key: string;
  readonly forumId: string;
  readonly title: string;
  readonly sessionNumber: number | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly venue: string | null;
  readonly status: SessionStatus;
  readonly sourceUrl: string;
  readonly asOf: string;
  readonly note: string | null;
}

export interface CuratedAgendaItem {
  readonly sessionKey: string;
  readonly itemNumber: string;
  readonly title: string;
  /** Document symbol and URL the wording was taken from. */
  readonly source: string;
  readonly asOf: string;
  /** Whether the wording was read in the source itself (`yes`) or could not be checked word for word (`no`). */
  readonly wordingVerified: boolean;
  readonly note: string | null;
}

export interface CuratedDocument {
  readonly sessionKey: string;
  readonly itemNumber: string | null;
  readonly symbol: string;
  readonly title: string;
  readonly documentDate: string | null;
  readonly url: string;
  readonly asOf: string;
  readonly note: string | null;
}

export interface CuratedFora {
  readonly speakerGroups: ReadonlyMap<string, SpeakerGroup>;
  readonly sessions: readonly CuratedSession[];
  readonly agendaItems: readonly CuratedAgendaItem[];
  readonly documents: readonly CuratedDocument[];
}

export const DEFAULT_FORA_DIR = fileURLToPath(new URL("../../data/fora/", import.meta.url));

const FILES = ["speaker-groups.csv", "sessions.csv", "agenda-items.csv", "documents.csv"] as const;

const required = z.string().trim().min(1, "must not be empty");
const optional = z.string().transform((s) => (s.trim() === "" ? null : s.trim()));
const day = z.string().refine(isIsoDay, "must be a date YYYY-MM-DD");
const optionalDay = z
  .string()
  .refine((s) => s === "" || isIsoDay(s), "must be empty or a date YYYY-MM-DD")
  .transform((s) => (s === "" ? null : s));
const httpUrl = z.string().regex(/^https?:\/\/\S+$/, "must be an http(s) URL");

const groupRow = z.object({
  id: z.string().regex(/^[A-Z][A-Z0-9]{1,11}$/, "must be an upper-case id"),
  name: required,
  kind: z.enum(SPEAKER_GROUP_KINDS),
  members: z.string().regex(/^(regional-group:[a-z-]+|organisation:[A-Z][A-Z0-9-]*|not-recorded)$/, "must be regional-group:GROUP, organisation:CODE or not-recorded"),
  source: required,
  as_of: day,
  note: optional,
});

const sessionRow = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be a lower-case id"),
  forum: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be a forum id"),
  title: required,
  session_number: z
    .string()
    .refine((s) => s === "" || /^[1-9]\d{0,3}$/.test(s), "must be empty or a positive whole number")
    .transform((s) => (s === "" ? null : Number(s))),
  start_date: day,
  end_date: day,
  venue: optional,
  status: z.enum(SESSION_STATUSES),
  source_url: httpUrl,
  as_of: day,
  note: optional,
});

const agendaRow = z.object({
  session: required,
  item: z.string().regex(AGENDA_ITEM_NUMBER, "must be an agenda item number such as 4 or 7(b)"),
  title: required,
  source: required,
  as_of: day,
  wording_verified: z.enum(["yes", "no"]),
  note: optional,
});

const documentRow = z.object({
  session: required,
  item: z.string().refine((s) => s === "" || AGENDA_ITEM_NUMBER.test(s), "must be empty or an agenda item number"),
  symbol: z.string().regex(DOCUMENT_SYMBOL, "must be a UN document symbol such as A/AC.105/C.1/L.400"),
  title: required,
  date: optionalDay,
  url: httpUrl,
  as_of: day,
  note: optional,
});

/** What the curated fora may refer to in the diplomacy registry. */
export interface ForaReferences {
  readonly forumIds: ReadonlySet<string>;
  readonly organisationCodes: ReadonlySet<string>;
}

/** What the curated fora may refer to, from the curated diplomacy registry. */
export function foraReferencesOf(registry: { readonly fora: ReadonlyMap<string, unknown>; readonly organisations: ReadonlyMap<string, unknown> }): ForaReferences {
  return { forumIds: new Set(registry.fora.keys()), organisationCodes: new Set(registry.organisations.keys()) };
}

/** Reads `data/fora/` (or another directory) and validates it against the registry. */
export function loadCuratedFora(references: ForaReferences, referenceDay: string, dir: string = DEFAULT_FORA_DIR): CuratedFora {
  const files = new Map<string, string>();
  for (const name of FILES) files.set(name, readFileSync(join(dir, name), "utf8"));
  return parseCuratedFora(files, references, referenceDay);
}

/** Pure: validates the files (by name); `referenceDay` is the day no as-of date may lie after. */
export function parseCuratedFora(files: ReadonlyMap<string, string>, references: ForaReferences, referenceDay: string): CuratedFora {
  const { forumIds } = references;
  const text = (name: string): string => {
    const content = files.get(name);
    if (content === undefined) throw new ForaDataError(name, null, null, "file missing");
    return content;
  };
  const notAfter = (file: string, line: number, field: string, value: string) => {
    if (value > referenceDay) throw new ForaDataError(file, line, field, `${value} lies after ${referenceDay}`);
  };

  const speakerGroups = new Map<string, SpeakerGroup>();
  for (const { line, row } of readCuratedCsvRows(text("speaker-groups.csv"), "speaker-groups.csv", groupRow, ForaDataError)) {
    if (speakerGroups.has(row.id)) throw new ForaDataError("speaker-groups.csv", line, "id", `duplicate group ${row.id}`);
    notAfter("speaker-groups.csv", line, "as_of", row.as_of);
    const members = membersOf(row.members, line);
    if (members.basis === "organisation" && !references.organisationCodes.has(members.organisationCode)) {
      throw new ForaDataError("speaker-groups.csv", line, "members", `unknown organisation ${members.organisationCode} (not in data/diplomacy/organisations.csv)`);
    }
    speakerGroups.set(row.id, { id: row.id, name: row.name, kind: row.kind, members, source: row.source, asOf: row.as_of, note: row.note });
  }

  const sessions: CuratedSession[] = [];
  const sessionKeys = new Set<string>();
  for (const { line, row } of readCuratedCsvRows(text("sessions.csv"), "sessions.csv", sessionRow, ForaDataError)) {
    if (sessionKeys.has(row.id)) throw new ForaDataError("sessions.csv", line, "id", `duplicate session ${row.id}`);
    if (!forumIds.has(row.forum)) throw new ForaDataError("sessions.csv", line, "forum", `unknown forum ${row.forum} (not in data/diplomacy/fora.csv)`);
    if (row.end_date < row.start_date) throw new ForaDataError("sessions.csv", line, "end_date", `${row.end_date} is before the start ${row.start_date}`);
    notAfter("sessions.csv", line, "as_of", row.as_of);
    sessionKeys.add(row.id);
    sessions.push({
      key: row.id,
      forumId: row.forum,
      title: row.title,
      sessionNumber: row.session_number,
      startDate: row.start_date,
      endDate: row.end_date,
      venue: row.venue,
      status: row.status,
      sourceUrl: row.source_url,
      asOf: row.as_of,
      note: row.note,
    });
  }

  const agendaItems: CuratedAgendaItem[] = [];
  const itemKeys = new Set<string>();
  for (const { line, row } of readCuratedCsvRows(text("agenda-items.csv"), "agenda-items.csv", agendaRow, ForaDataError)) {
    if (!sessionKeys.has(row.session)) throw new ForaDataError("agenda-items.csv", line, "session", `unknown session ${row.session}`);
    const key = `${row.session}\u0000${row.item}`;
    if (itemKeys.has(key)) throw new ForaDataError("agenda-items.csv", line, "item", `duplicate item ${row.item} in ${row.session}`);
    notAfter("agenda-items.csv", line, "as_of", row.as_of);
    itemKeys.add(key);
    agendaItems.push({ sessionKey: row.session, itemNumber: row.item, title: row.title, source: row.source, asOf: row.as_of, wordingVerified: row.wording_verified === "yes", note: row.note });
  }

  const documents: CuratedDocument[] = [];
  const documentKeys = new Set<string>();
  for (const { line, row } of readCuratedCsvRows(text("documents.csv"), "documents.csv", documentRow, ForaDataError)) {
    if (!sessionKeys.has(row.session)) throw new ForaDataError("documents.csv", line, "session", `unknown session ${row.session}`);
    const itemNumber = row.item === "" ? null : row.item;
    if (itemNumber !== null && !itemKeys.has(`${row.session}\u0000${itemNumber}`)) {
      throw new ForaDataError("documents.csv", line, "item", `item ${itemNumber} is not on the agenda of ${row.session}`);
    }
    const key = `${row.session}\u0000${row.symbol}`;
    if (documentKeys.has(key)) throw new ForaDataError("documents.csv", line, "symbol", `duplicate document ${row.symbol} in ${row.session}`);
    notAfter("documents.csv", line, "as_of", row.as_of);
    documentKeys.add(key);
    documents.push({ sessionKey: row.session, itemNumber, symbol: row.symbol, title: row.title, documentDate: row.date, url: row.url, asOf: row.as_of, note: row.note });
  }
  return { speakerGroups, sessions, agendaItems, documents };
}

function membersOf(text: string, line: number): SpeakerGroupMembers {
  if (text === "not-recorded") return { basis: "not-recorded" };
  const [basis, value = ""] = text.split(":");
  if (basis === "organisation") return { basis: "organisation", organisationCode: value };
  if (!(REGIONAL_GROUPS as readonly string[]).includes(value) || value === "none") {
    throw new ForaDataError("speaker-groups.csv", line, "members", `unknown regional group ${value}`);
  }
  return { basis: "regional-group", regionalGroup: value as RegionalGroup };
}
