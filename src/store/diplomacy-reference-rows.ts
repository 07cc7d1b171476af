import type { Selectable } from "kysely";
import type { Forum, ForumMembershipBasis } from "../diplomacy/forum.ts";
import type { Coverage, Instrument, InstrumentItem, InstrumentKind, InstrumentScope } from "../diplomacy/instrument.ts";
import type { Organisation, OrganisationKind } from "../diplomacy/organisation.ts";
import type { GroupStatus, RegionalGroup, UnState, UnStatus } from "../diplomacy/un-state.ts";
import type { DiplomacyForumTable, DiplomacyInstrumentItemTable, DiplomacyInstrumentTable, DiplomacyOrganisationTable, DiplomacyStateTable } from "./schema.ts";

/** The mapping between the diplomacy reference records and their table rows, both ways. Pure. */

/** The reference records: states, organisations, instruments, guideline items, fora. */
export interface DiplomacyReference {
  readonly states: readonly UnState[];
  readonly organisations: readonly Organisation[];
  readonly instruments: readonly Instrument[];
  readonly instrumentItems: readonly InstrumentItem[];
  readonly fora: readonly Forum[];
}

/** The reference tables' rows as read from the store. */
export interface ReferenceTableRows {
  readonly states: readonly Selectable<DiplomacyStateTable>[];
  readonly organisations: readonly Selectable<DiplomacyOrganisationTable>[];
  readonly instruments: readonly Selectable<DiplomacyInstrumentTable>[];
  readonly items: readonly Selectable<DiplomacyInstrumentItemTable>[];
  readonly fora: readonly Selectable<DiplomacyForumTable>[];
}

export type ReferenceTableName = "diplomacy_states" | "diplomacy_organisations" | "diplomacy_instruments" | "diplomacy_instrument_items" | "diplomacy_fora";

/** A reference row without its recorded_at (which the sync sets). */
export type ReferenceRow = Readonly<Record<string, string | number | null>>;

const SEPARATOR = ";";

export function toReferenceRows(reference: DiplomacyReference): [ReferenceTableName, ReferenceRow[]][] {
  return [
    [
      "diplomacy_states",
      reference.states.map((s) => ({
        iso3: s.iso3,
        name: s.name,
        un_status: s.unStatus,
        regional_group: s.regionalGroup,
        group_status: s.groupStatus,
        source: s.source,
        as_of: s.asOf,
        note: s.note,
      })),
    ],
    [
      "diplomacy_organisations",
      reference.organisations.map((o) => ({
        code: o.code,
        name: o.name,
        kind: o.kind,
        state_iso3: o.stateIso3,
        member_states: o.memberStates.join(SEPARATOR),
        actor_code: o.actorCode,
        source: o.source,
        as_of: o.asOf,
        note: o.note,
      })),
    ],
    [
      "diplomacy_instruments",
      reference.instruments.map((i) => ({
        id: i.id,
        kind: i.kind,
        short_name: i.shortName,
        title: i.title,
        forum_id: i.forumId,
        document: i.document,
        adopted_date: i.adoptedDate,
        opened_date: i.openedDate,
        in_force_date: i.inForceDate,
        scope: i.scope,
        coverage: i.coverage,
        coverage_as_of: i.coverageAsOf,
        recorded_yes: i.recordedTally?.yes ?? null,
        recorded_no: i.recordedTally?.no ?? null,
        recorded_abstain: i.recordedTally?.abstain ?? null,
        recorded_non_voting: i.recordedTally?.nonVoting ?? null,
        source: i.source,
        as_of: i.asOf,
        note: i.note,
      })),
    ],
    [
      "diplomacy_instrument_items",
      reference.instrumentItems.map((item) => ({
        instrument_id: item.instrumentId,
        item_id: item.itemId,
        item_group: item.group,
        group_title: item.groupTitle,
        title: item.title,
        title_verified: item.titleVerified,
        source: item.source,
        as_of: item.asOf,
      })),
    ],
    [
      "diplomacy_fora",
      reference.fora.map((f) => ({
        id: f.id,
        name: f.name,
        parent_body: f.parentBody,
        description: f.description,
        meeting_season: f.meetingSeason,
        decision_rule: f.decisionRule,
        membership_basis: f.membershipBasis,
        membership_of: f.membershipOf,
        membership_note: f.membershipNote,
        source: f.source,
        as_of: f.asOf,
        note: f.note,
      })),
    ],
  ];
}

/** The records of the reference tables' rows. */
export function fromReferenceRows({ states, organisations, instruments, items, fora }: ReferenceTableRows): DiplomacyReference {
  return {
    states: states.map(
      (s): UnState => ({
        iso3: s.iso3,
        name: s.name,
        unStatus: s.un_status as UnStatus,
        regionalGroup: s.regional_group as RegionalGroup,
        groupStatus: s.group_status as GroupStatus,
        source: s.source,
        asOf: s.as_of,
        note: s.note,
      }),
    ),
    organisations: organisations.map(
      (o): Organisation => ({
        code: o.code,
        name: o.name,
        kind: o.kind as OrganisationKind,
        stateIso3: o.state_iso3,
        memberStates: o.member_states === "" ? [] : o.member_states.split(SEPARATOR),
        actorCode: o.actor_code,
        source: o.source,
        asOf: o.as_of,
        note: o.note,
      }),
    ),
    instruments: instruments.map(
      (i): Instrument => ({
        id: i.id,
        kind: i.kind as InstrumentKind,
        shortName: i.short_name,
        title: i.title,
        forumId: i.forum_id,
        document: i.document,
        adoptedDate: i.adopted_date,
        openedDate: i.opened_date,
        inForceDate: i.in_force_date,
        scope: i.scope as InstrumentScope,
        coverage: i.coverage as Coverage,
        coverageAsOf: i.coverage_as_of,
        recordedTally:
          i.recorded_yes === null && i.recorded_no === null && i.recorded_abstain === null
            ? null
            : { yes: i.recorded_yes, no: i.recorded_no, abstain: i.recorded_abstain, nonVoting: i.recorded_non_voting },
        source: i.source,
        asOf: i.as_of,
        note: i.note,
      }),
    ),
    instrumentItems: items.map(
      (item): InstrumentItem => ({
        instrumentId: item.instrument_id,
        itemId: item.item_id,
        group: item.item_group,
        groupTitle: item.group_title,
        title: item.title,
        titleVerified: item.title_verified as InstrumentItem["titleVerified"],
        source: item.source,
        asOf: item.as_of,
      }),
    ),
    fora: fora.map(
      (f): Forum => ({
        id: f.id,
        name: f.name,
        parentBody: f.parent_body,
        description: f.description,
        meetingSeason: f.meeting_season,
        decisionRule: f.decision_rule,
        membershipBasis: f.membership_basis as ForumMembershipBasis,
        membershipOf: f.membership_of,
        membershipNote: f.membership_note,
        source: f.source,
        asOf: f.as_of,
        note: f.note,
      }),
    ),
  };
}
