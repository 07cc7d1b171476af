/**
 * The calendar of sessions seen from a given day (a parameter: no clock here). Upcoming: starts on or after the day,
 * soonest first; ongoing: started before the day and ends on or after it; concluded: ended before the day, most
 * recent first. The phase comes from the dates; the recorded status is shown beside it and may lag. Pure.
 */

export type CalendarPhase = "upcoming" | "ongoing" | "concluded";

export interface CalendarEntry<S> {
  readonly session: S;
  readonly phase: CalendarPhase;
}

export interface SessionCalendar<S> {
  /** `YYYY-MM-DD`. */
  readonly from: string;
  readonly upcoming: readonly S[];
  readonly ongoing: readonly S[];
  readonly concluded: readonly S[];
}

export interface DatedSession {
  readonly id: number;
  readonly startDate: string;
  readonly endDate: string;
}

export function calendarPhase(session: DatedSession, day: string): CalendarPhase {
  if (session.startDate >= day) return "upcoming";
  return session.endDate >= day ? "ongoing" : "concluded";
}

export function sessionCalendar<S extends DatedSession>(sessions: readonly S[], from: string): SessionCalendar<S> {
  const upcoming = sessions.filter((s) => calendarPhase(s, from) === "upcoming");
  const ongoing = sessions.filter((s) => calendarPhase(s, from) === "ongoing");
  const concluded = sessions.filter((s) => calendarPhase(s, from) === "concluded");
  const byStart = (a: S, b: S) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id - b.id);
  return {
    from,
    upcoming: [...upcoming].sort(byStart),
    ongoing: [...ongoing].sort(byStart),
    concluded: [...concluded].sort((a, b) => (a.endDate > b.endDate ? -1 : a.endDate < b.endDate ? 1 : b.id - a.id)),
  };
}
