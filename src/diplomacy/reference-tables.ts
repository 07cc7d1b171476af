import { z } from "zod";
import { DiplomacyDataError, cells, readCuratedRows } from "./curated-table.ts";
import { FORUM_MEMBERSHIP_BASES } from "./forum.ts";
import type { Forum, ForumMembershipBasis } from "./forum.ts";
import { COVERAGES, INSTRUMENT_KINDS, INSTRUMENT_SCOPES, isVotedInstrument } from "./instrument.ts";
import type { Instrument, InstrumentItem } from "./instrument.ts";
import { isIsoAlpha3, isoCountryName } from "./iso-country-names.ts";
import { ORGANISATION_KINDS } from "./organisation.ts";
import type { Organisation } from "./organisation.ts";
import { GROUP_STATUSES, REGIONAL_GROUPS, UN_STATUSES } from "./un-state.ts";
import type { UnState } from "./un-state.ts";

/** Parsers of the curated reference tables in `data/diplomacy/`: states, organisations, instruments and their items, fora. */

const ID = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be a lower-case id");

const stateRow = z.object({
  iso3: z.string().refine(isIsoAlpha3, "must be an ISO 3166-1 alpha-3 code"),
  un_status: z.enum(UN_STATUSES),
  regional_group: z.enum(REGIONAL_GROUPS),
  group_status: z.enum(GROUP_STATUSES),
  source: cells.required,
  as_of: cells.day,
  note: cells.optional,
});

export function parseStates(text: string, file = "states.csv"): Map<string, UnState> {
  const states = new Map<string, UnState>();
  for (const { line, row } of readCuratedRows(text, file, stateRow)) {
    if (states.has(row.iso3)) throw new DiplomacyDataError(file, line, "iso3", `duplicate state ${row.iso3}`);
    if ((row.regional_group === "none") !== (row.group_status === "none")) {
      throw new DiplomacyDataError(file, line, "group_status", "must be none exactly when regional_group is none");
    }
    states.set(row.iso3, {
      iso3: row.iso3,
      name: isoCountryName(row.iso3) ?? row.iso3,
      unStatus: row.un_status,
      regionalGroup: row.regional_group,
      groupStatus: row.group_status,
      source: row.source,
      asOf: row.as_of,
      note: row.note,
    });
  }
  return states;
}

const organisationRow = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9-]{1,15}$/, "must be an upper-case code"),
  name: cells.required,
  kind: z.enum(ORGANISATION_KINDS),
  state: z.string().refine((s) => s === "" || isIsoAlpha3(s), "must be empty or an ISO alpha-3 code"),
  member_states: cells.codeList,
  actor_code: cells.optional,
  source: cells.required,
  as_of: cells.day,
  note: cells.optional,
});

export function parseOrganisations(text: string, file = "organisations.csv"): Map<string, Organisation> {
  const organisations = new Map<string, Organisation>();
  for (const { line, row } of readCuratedRows(text, file, organisationRow)) {
    if (organisations.has(row.code)) throw new DiplomacyDataError(file, line, "code", `duplicate organisation ${row.code}`);
    if (isIsoAlpha3(row.code)) throw new DiplomacyDataError(file, line, "code", `${row.code} is an ISO alpha-3 code: party codes would be ambiguous`);
    if ((row.kind === "space-agency") !== (row.state !== "")) throw new DiplomacyDataError(file, line, "state", "a space agency, and only one, names its state");
    organisations.set(row.code, {
      code: row.code,
      name: row.name,
      kind: row.kind,
      stateIso3: row.state === "" ? null : row.state,
      memberStates: row.member_states,
      actorCode: row.actor_code,
      source: row.source,
      asOf: row.as_of,
      note: row.note,
    });
  }
  return organisations;
}

const instrumentRow = z.object({
  id: ID,
  kind: z.enum(INSTRUMENT_KINDS),
  short_name: cells.required,
  title: cells.required,
  forum: z.string().transform((s) => (s.trim() === "" ? null : s.trim())),
  document: cells.optional,
  adopted_date: cells.optionalPartialDate,
  opened_date: cells.optionalPartialDate,
  in_force_date: cells.optionalPartialDate,
  scope: z.enum(INSTRUMENT_SCOPES),
  coverage: z.enum(COVERAGES),
  coverage_as_of: cells.optionalDay,
  yes: cells.optionalCount,
  no: cells.optionalCount,
  abstain: cells.optionalCount,
  non_voting: cells.optionalCount,
  source: cells.required,
  as_of: cells.day,
  note: cells.optional,
});

export function parseInstruments(text: string, file = "instruments.csv"): Map<string, Instrument> {
  const instruments = new Map<string, Instrument>();
  for (const { line, row } of readCuratedRows(text, file, instrumentRow)) {
    const fail = (field: string, message: string): never => {
      throw new DiplomacyDataError(file, line, field, message);
    };
    if (instruments.has(row.id)) fail("id", `duplicate instrument ${row.id}`);
    const voted = isVotedInstrument(row.kind);
    if (voted && row.yes === null) fail("yes", "a voted instrument needs its recorded tally");
    if (!voted && [row.yes, row.no, row.abstain, row.non_voting].some((n) => n !== null)) fail("yes", "only voted instruments have a tally");
    if ((row.scope === "no-state-acts") !== (row.coverage === "none")) fail("coverage", "coverage is none exactly when no state acts apply");
    if ((row.coverage === "none") !== (row.coverage_as_of === null)) fail("coverage_as_of", "needed exactly when coverage is not none");
    instruments.set(row.id, {
      id: row.id,
      kind: row.kind,
      shortName: row.short_name,
      title: row.title,
      forumId: row.forum,
      document: row.document,
      adoptedDate: row.adopted_date,
      openedDate: row.opened_date,
      inForceDate: row.in_force_date,
      scope: row.scope,
      coverage: row.coverage,
      coverageAsOf: row.coverage_as_of,
      recordedTally: voted ? { yes: row.yes, no: row.no, abstain: row.abstain, nonVoting: row.non_voting } : null,
      source: row.source,
      asOf: row.as_of,
      note: row.note,
    });
  }
  return instruments;
}

const itemRow = z.object({
  instrument: ID,
  item: cells.required,
  group: cells.optional,
  group_title: cells.optional,
  title: cells.required,
  title_verified: z.enum(["yes", "partial", "no"]),
  source: cells.required,
  as_of: cells.day,
});

export function parseInstrumentItems(text: string, file = "instrument-items.csv"): InstrumentItem[] {
  const seen = new Set<string>();
  return readCuratedRows(text, file, itemRow).map(({ line, row }) => {
    const key = `${row.instrument}/${row.item}`;
    if (seen.has(key)) throw new DiplomacyDataError(file, line, "item", `duplicate item ${key}`);
    seen.add(key);
    return {
      instrumentId: row.instrument,
      itemId: row.item,
      group: row.group,
      groupTitle: row.group_title,
      title: row.title,
      titleVerified: row.title_verified,
      source: row.source,
      asOf: row.as_of,
    };
  });
}

const forumRow = z.object({
  id: ID,
  name: cells.required,
  parent_body: cells.required,
  description: cells.required,
  meeting_season: cells.required,
  decision_rule: cells.required,
  membership_basis: z.string().regex(/^(listed|un-members|not-recorded|same-as:[a-z0-9-]+)$/, `must be one of ${FORUM_MEMBERSHIP_BASES.join(", ")} (same-as:FORUM)`),
  membership_note: cells.optional,
  source: cells.required,
  as_of: cells.day,
  note: cells.optional,
});

export function parseFora(text: string, file = "fora.csv"): Map<string, Forum> {
  const fora = new Map<string, Forum>();
  for (const { line, row } of readCuratedRows(text, file, forumRow)) {
    if (fora.has(row.id)) throw new DiplomacyDataError(file, line, "id", `duplicate forum ${row.id}`);
    const [basis, of] = row.membership_basis.split(":");
    fora.set(row.id, {
      id: row.id,
      name: row.name,
      parentBody: row.parent_body,
      description: row.description,
      meetingSeason: row.meeting_season,
      decisionRule: row.decision_rule,
      membershipBasis: basis as ForumMembershipBasis,
      membershipOf: of ?? null,
      membershipNote: row.membership_note,
      source: row.source,
      asOf: row.as_of,
      note: row.note,
    });
  }
  return fora;
}
