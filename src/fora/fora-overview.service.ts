import type { Kysely } from "kysely";
import { loadForaRegistry } from "../store/fora-registry.queries.ts";
import type { StoreSchema } from "../store/schema.ts";
import { isoDay } from "./fora-input.ts";
import { listForumSessionSummaries } from "./forum-session.service.ts";
import type { ForumSessionSummary } from "./forum-session.service.ts";
import { calendarPhase, sessionCalendar } from "./session-calendar.ts";
import type { CalendarPhase, SessionCalendar } from "./session-calendar.ts";

/** The fora of the registry with their sessions, and the calendar of sessions from a given day. */

export interface ForumWithSessions {
  readonly id: string;
  readonly name: string;
  readonly parentBody: string;
  readonly meetingSeason: string;
  readonly sessions: readonly ForumSessionSummary[];
}

export async function listForaWithSessions(db: Kysely<StoreSchema>): Promise<ForumWithSessions[]> {
  const [registry, sessions] = await Promise.all([loadForaRegistry(db), listForumSessionSummaries(db)]);
  return [...registry.fora.values()].map((forum) => ({
    id: forum.id,
    name: forum.name,
    parentBody: forum.parentBody,
    meetingSeason: forum.meetingSeason,
    sessions: sessions.filter((s) => s.forumId === forum.id),
  }));
}

export type CalendarSession = ForumSessionSummary & { readonly phase: CalendarPhase };

/** `from` (`YYYY-MM-DD`) is the day the calendar is seen from; there is no hidden clock. */
export async function loadSessionCalendar(db: Kysely<StoreSchema>, from: string, filter: { readonly forumId?: string } = {}): Promise<SessionCalendar<CalendarSession>> {
  const day = isoDay("from", from);
  const sessions = await listForumSessionSummaries(db, filter.forumId === undefined ? {} : { forumId: filter.forumId });
  return sessionCalendar(
    sessions.map((s) => ({ ...s, phase: calendarPhase(s, day) })),
    day,
  );
}
