import type { ForumEntry, InstrumentEntry } from "./state-standings.ts";

/**
 * One answer about a state in words, with what it rests on: "ratification 1976-09-15", "not party (complete list as of
 * 2024-01-05)", "voted no", "unknown: …". Unknown stays unknown and not applicable stays not applicable. Pure.
 */
export interface StandingStatement {
  /** The instrument or forum id. */
  readonly subject: string;
  readonly label: string;
  readonly status: "known" | "unknown" | "not-applicable";
  /** `participant`, `signatory`, `not-participant`, `withdrawn`, a vote (`yes` …), `member` / `not-member`; null unless known. */
  readonly value: string | null;
  readonly statement: string;
  readonly date: string | null;
  readonly source: string | null;
  readonly asOf: string | null;
}

export function instrumentStatement(entry: InstrumentEntry): StandingStatement {
  const base = { subject: entry.instrument.id, label: entry.instrument.shortName };
  const knowledge = entry.vote ?? entry.participation;
  if (knowledge === null) return { ...base, status: "unknown", value: null, statement: "unknown: no answer recorded", date: null, source: null, asOf: null };
  if (knowledge.status !== "known") return { ...base, status: knowledge.status, value: null, statement: `${knowledge.status}: ${knowledge.reason}`, date: null, source: null, asOf: null };
  if ("vote" in knowledge.value) {
    const { vote, act } = knowledge.value;
    return { ...base, status: "known", value: vote, statement: vote === "yes" || vote === "no" ? `voted ${vote}` : vote, date: act.date, source: act.source, asOf: act.asOf };
  }
  const { standing, act, asOf, source } = knowledge.value;
  const dated = (kind: string) => `${kind}${act?.date == null ? " (date unknown)" : ` ${act.date}`}`;
  const statement =
    standing === "participant"
      ? dated(act?.kind ?? "participant")
      : standing === "signatory"
        ? `${dated("signature")}, not bound`
        : standing === "withdrawn"
          ? dated("withdrawal")
          : act === null
            ? `not a participant (complete list as of ${asOf})`
            : "not a party (the source says so)";
  return { ...base, status: "known", value: standing, statement, date: act?.date ?? null, source, asOf };
}

export function forumStatement(entry: ForumEntry): StandingStatement {
  const base = { subject: entry.forum.id, label: entry.forum.name };
  const knowledge = entry.membership;
  if (knowledge.status !== "known") return { ...base, status: knowledge.status, value: null, statement: `${knowledge.status}: ${knowledge.reason}`, date: null, source: null, asOf: null };
  const { member, act, via, asOf, source } = knowledge.value;
  const how = act === null ? "member (as a UN Member State)" : act.kind;
  const statement = !member
    ? `not a member (as of ${asOf})`
    : `${how}${act?.date == null ? "" : ` since ${act.date}`}${via === null ? "" : ` (through ${via})`}`;
  return { ...base, status: "known", value: member ? "member" : "not-member", statement, date: act?.date ?? null, source, asOf };
}
