import { api } from "../../api/api-client.ts";
import type { Schemas } from "../../api/api-client.ts";
import { unwrap } from "../../api/api-error.ts";
import { cachedQuery } from "../../api/query-cache.ts";

/** Reads of the fora API (sessions, statements, proposals), keyed by the page's workspace revision. */

export type ForumList = Schemas["ForumList"];
export type Forum = ForumList["items"][number];
export type SessionCalendar = Schemas["SessionCalendar"];
export type CalendarSession = Schemas["CalendarSession"];
export type SessionDetail = Schemas["ForumSessionDetail"];
export type AgendaItem = Schemas["AgendaItem"];
export type SessionDocument = Schemas["SessionDocument"];
export type Statement = Schemas["Statement"];
export type ProposalSummary = Schemas["ProposalSummary"];
export type ProposalDetail = Schemas["ProposalDetail"];
export type SpeakerGroup = Schemas["SpeakerGroupList"]["items"][number];

export const STANCES = ["supports", "opposes", "reserves"] as const;
export type Stance = (typeof STANCES)[number];
export type DerivedStance = Stance | "silent";
export const SPEAKER_KINDS = ["state", "group", "organisation"] as const;
export const SESSION_STATUSES = ["planned", "ongoing", "concluded"] as const;
export const PROPOSAL_KINDS = ["draft-norm", "guideline", "practice", "resolution", "other"] as const;
export const PROPOSAL_STATUSES = ["proposed", "under-negotiation", "adopted", "rejected", "withdrawn"] as const;

export function loadFora(revision: number) {
  return cachedQuery(`ws:fora:${revision}`, () => unwrap(api.GET("/api/fora")));
}

export function loadCalendar(from: string, forum: string, revision: number) {
  const query = { from, ...(forum === "" ? {} : { forum }) };
  return cachedQuery(`ws:calendar:${from}:${forum}:${revision}`, () => unwrap(api.GET("/api/calendar", { params: { query } })));
}

export function loadSession(id: number, revision: number) {
  return cachedQuery(`ws:session:${id}:${revision}`, () => unwrap(api.GET("/api/forum-sessions/{id}", { params: { path: { id } } })));
}

export function loadSessionStatements(id: number, revision: number) {
  return cachedQuery(`ws:statements:${id}:${revision}`, () => unwrap(api.GET("/api/forum-sessions/{id}/statements", { params: { path: { id } } })));
}

export function loadProposals(forum: string, revision: number) {
  const query = forum === "" ? {} : { forum };
  return cachedQuery(`ws:proposals:${forum}:${revision}`, () => unwrap(api.GET("/api/proposals", { params: { query } })));
}

export function loadProposal(id: number, expandGroups: boolean, revision: number) {
  const query = { expandGroups: expandGroups ? ("true" as const) : ("false" as const) };
  return cachedQuery(`ws:proposal:${id}:${expandGroups}:${revision}`, () => unwrap(api.GET("/api/proposals/{id}", { params: { path: { id }, query } })));
}

/** The curated speaker groups: they change only with data/fora, so one read per page load. */
export function loadSpeakerGroups() {
  return cachedQuery("ws:speaker-groups", () => unwrap(api.GET("/api/speaker-groups")));
}

/** A numeric route parameter, or null when it is not a positive whole number (the page's not-found state). */
export function idParam(value: string | undefined): number | null {
  if (value === undefined || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

/** "2 June 2025 to 13 June 2025" style dates: ISO days, as the sources give them. */
export function sessionDates(session: { readonly startDate: string; readonly endDate: string }): string {
  return session.startDate === session.endDate ? session.startDate : `${session.startDate} to ${session.endDate}`;
}

/** The link of a UN document symbol: its own URL, else the UN's document-symbol resolver. */
export function documentHref(document: { readonly symbol: string; readonly url: string | null }): string {
  return document.url ?? `https://undocs.org/${document.symbol}`;
}

/** "1 document", "3 documents" (or the plural given). */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : plural}`;
}
