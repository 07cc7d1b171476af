import { SourceFormatError } from "../core/concord-error.ts";
import { parseCsvRecords } from "../core/csv.ts";
import type { Rejection } from "../core/rejection.ts";
import { ACT_KINDS, VOTES, actSlot, kindsFor } from "./act.ts";
import type { Act, ActKind, ActTargetType, Vote } from "./act.ts";
import type { Instrument } from "./instrument.ts";
import { isIsoDay, isOnOrBefore, isPartialDate } from "./partial-date.ts";
import type { UnState } from "./un-state.ts";

/**
 * Reads and validates act rows: the curated `data/diplomacy/acts-*.csv` files and the files given to
 * `concord acts import` share this format and these rules. Columns: `party, instrument, act, date, vote, source, as_of,
 * note` (`date`, `vote` and `note` may be left out). `instrument` names an instrument or, for memberships, a forum.
 * A bad row becomes a rejection with its line and reason; the good rows come back as acts. Pure: the reference day
 * (for "not in the future") is a parameter.
 */

/** What act rows may refer to. */
export interface ActReferences {
  readonly states: ReadonlyMap<string, Pick<UnState, "iso3" | "unStatus">>;
  readonly organisationCodes: ReadonlySet<string>;
  readonly instruments: ReadonlyMap<string, Pick<Instrument, "id" | "kind" | "scope">>;
  readonly forumIds: ReadonlySet<string>;
}

/** An accepted act with the 1-based line it came from. */
export interface LocatedAct extends Act {
  readonly line: number;
}

export interface ActRowsRead {
  readonly rowsTotal: number;
  readonly acts: LocatedAct[];
  readonly rejections: Rejection[];
}

export const ACT_COLUMNS = ["party", "instrument", "act", "date", "vote", "source", "as_of", "note"] as const;
const REQUIRED_COLUMNS = ["party", "instrument", "act", "source", "as_of"] as const;
type Column = (typeof ACT_COLUMNS)[number];

/** Reads every row; throws SourceFormatError only when the file as a whole is unusable (empty, bad header). */
export function readActRows(text: string, source: string, references: ActReferences, referenceDay: string): ActRowsRead {
  const records = parseCsvRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const header = records[0];
  if (header === undefined) throw new SourceFormatError(source, "empty file: expected a header line");
  const columns = header.fields.map((field) => field.trim());
  for (const column of columns) {
    if (!(ACT_COLUMNS as readonly string[]).includes(column)) {
      throw new SourceFormatError(source, `unknown column ${JSON.stringify(column)} in the header (expected ${ACT_COLUMNS.join(", ")})`);
    }
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.includes(column)) throw new SourceFormatError(source, `missing column ${JSON.stringify(column)} in the header`);
  }
  const acts: LocatedAct[] = [];
  const rejections: Rejection[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, index) => {
    const reject = (field: string | null, reason: string) =>
      rejections.push({ source, line: record.line, recordIndex: index, field, reason, raw: record.raw.slice(0, 300) });
    if (record.error !== null) return reject(null, record.error);
    if (record.fields.length !== columns.length) return reject(null, `expected ${columns.length} fields, found ${record.fields.length}`);
    const cell = (column: Column) => (record.fields[columns.indexOf(column)] ?? "").trim();
    const checked = checkActRow(cell, references, referenceDay);
    if ("reason" in checked) return reject(checked.field, checked.reason);
    const key = `${checked.target}\u0000${checked.party}\u0000${actSlot(checked.kind)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return reject("act", `duplicate: line ${earlier} already gives ${checked.party}'s ${actSlot(checked.kind)} act under ${checked.target}`);
    }
    seen.set(key, record.line);
    acts.push({ ...checked, line: record.line });
  });
  return { rowsTotal: records.length - 1, acts, rejections };
}

type Checked = Act | { field: string; reason: string };

function checkActRow(cell: (column: Column) => string, references: ActReferences, referenceDay: string): Checked {
  const fail = (field: string, reason: string) => ({ field, reason });
  const party = cell("party");
  const targetId = cell("instrument");
  const kindText = cell("act");
  if (party === "") return fail("party", "missing party (state ISO alpha-3 or organisation code)");
  const state = references.states.get(party);
  const isOrganisation = references.organisationCodes.has(party);
  if (state === undefined && !isOrganisation) return fail("party", `unknown state or organisation code ${JSON.stringify(party)}`);
  if (targetId === "") return fail("instrument", "missing instrument");
  const instrument = references.instruments.get(targetId);
  const isForum = references.forumIds.has(targetId);
  if (instrument === undefined && !isForum) return fail("instrument", `unknown instrument or forum ${JSON.stringify(targetId)}`);
  if (!(ACT_KINDS as readonly string[]).includes(kindText)) return fail("act", `bad act kind ${JSON.stringify(kindText)} (expected one of ${ACT_KINDS.join(", ")})`);
  const kind = kindText as ActKind;
  const allowed = kindsFor(instrument === undefined ? { type: "forum" } : { type: "instrument", kind: instrument.kind });
  if (allowed.length === 0) return fail("act", `no state acts apply to ${instrument?.kind ?? "forum"} ${targetId}`);
  if (!allowed.includes(kind)) return fail("act", `act ${kind} does not apply to ${instrument?.kind ?? "forum"} ${targetId} (expected ${allowed.join(", ")})`);
  if (isOrganisation && instrument !== undefined) return fail("party", `organisation ${party} can only hold forum memberships, not acts under ${targetId}`);
  if (instrument?.scope === "un-members" && state?.unStatus !== "member") {
    return fail("party", `${party} is not a UN Member State, so it has no vote on ${targetId}`);
  }
  const voteText = cell("vote");
  if (kind === "vote" && !(VOTES as readonly string[]).includes(voteText)) {
    return fail("vote", voteText === "" ? "missing vote for a vote act" : `bad vote ${JSON.stringify(voteText)} (expected one of ${VOTES.join(", ")})`);
  }
  if (kind !== "vote" && voteText !== "") return fail("vote", `a vote is given for a ${kind} act`);
  const source = cell("source");
  if (source === "") return fail("source", "missing source");
  const asOf = cell("as_of");
  if (asOf === "") return fail("as_of", "missing as_of date");
  if (!isIsoDay(asOf)) return fail("as_of", `bad as_of date ${JSON.stringify(asOf)} (expected YYYY-MM-DD)`);
  if (asOf > referenceDay) return fail("as_of", `future as_of date ${asOf} (after ${referenceDay})`);
  const dateText = cell("date");
  if (dateText !== "") {
    if (!isPartialDate(dateText)) return fail("date", `bad date ${JSON.stringify(dateText)} (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
    if (!isOnOrBefore(dateText, referenceDay)) return fail("date", `future date ${dateText} (after ${referenceDay})`);
    if (!isOnOrBefore(dateText, asOf)) return fail("date", `date ${dateText} is after the row's as_of ${asOf}`);
  }
  const note = cell("note");
  const targetType: ActTargetType = instrument === undefined ? "forum" : "instrument";
  return {
    party,
    target: targetId,
    targetType,
    kind,
    date: dateText === "" ? null : dateText,
    vote: kind === "vote" ? (voteText as Vote) : null,
    source,
    asOf,
    note: note === "" ? null : note,
  };
}
