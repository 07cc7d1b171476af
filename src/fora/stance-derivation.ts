/**
 * Each speaker's stance on a proposal, derived from the statements that recorded one, and the tally over the
 * registry's states. Pure: records in, a view out.
 *
 * Rules:
 * - a speaker's latest statement wins (latest delivery date; on the same day the later-recorded statement), and it is
 *   kept as the evidence, with the earlier ones after it;
 * - a state with no statement of its own is `silent`;
 * - a group's statement (G77, EU …) is the group's stance. Only when `expandGroups` is asked for does it fill in the
 *   stance of a silent member State, labelled `basis: "group"` with the group named in `via`; a State's own statement
 *   always prevails over a group's, whatever their dates. Groups whose members are not recorded never expand.
 */
import type { SpeakerKind, Stance } from "./statement.ts";

export type DerivedStance = Stance | "silent";

/** One stance recorded on one statement, with what identifies the statement. */
export interface StanceEvidence {
  readonly statementId: number;
  readonly sessionId: number;
  readonly agendaItemId: number | null;
  readonly speakerKind: SpeakerKind;
  readonly speakerCode: string;
  /** `YYYY-MM-DD`. */
  readonly deliveredOn: string;
  readonly stance: Stance;
  readonly note: string | null;
  readonly sourceUrl: string | null;
  readonly sourceReference: string | null;
}

export interface RegistryStateRef {
  readonly iso3: string;
  readonly name: string;
}

export interface GroupRef {
  readonly id: string;
  readonly name: string;
  /** Member States (ISO alpha-3), or null where not recorded. */
  readonly memberStates: readonly string[] | null;
}

export interface StateStance {
  readonly iso3: string;
  readonly name: string;
  readonly stance: DerivedStance;
  /** `statement`: the State's own; `group`: a group's statement, expanded on request; `none`: silent. */
  readonly basis: "statement" | "group" | "none";
  /** For `group`: the group whose statement gave the stance. */
  readonly via: string | null;
  /** The deciding statement first, then earlier ones (the State's own; for `group`, the group's). */
  readonly evidence: readonly StanceEvidence[];
}

export interface SpeakerStance {
  readonly code: string;
  readonly name: string;
  readonly kind: SpeakerKind;
  readonly stance: Stance;
  readonly evidence: readonly StanceEvidence[];
  /** Groups only: the member States, or null where not recorded. */
  readonly memberStates: readonly string[] | null;
}

export interface TallyBucket {
  readonly count: number;
  readonly states: readonly { readonly iso3: string; readonly name: string; readonly basis: StateStance["basis"]; readonly via: string | null }[];
}

export interface StanceTally {
  readonly supports: TallyBucket;
  readonly opposes: TallyBucket;
  readonly reserves: TallyBucket;
  readonly silent: TallyBucket;
}

export interface ProposalStanceView {
  readonly expandGroups: boolean;
  readonly states: readonly StateStance[];
  readonly groups: readonly SpeakerStance[];
  readonly organisations: readonly SpeakerStance[];
  readonly tally: StanceTally;
  /** Groups that spoke but could not be expanded (members not recorded); empty when expansion was not asked for. */
  readonly unexpandedGroups: readonly string[];
}

export interface DeriveStancesInput {
  readonly states: readonly RegistryStateRef[];
  readonly groups: ReadonlyMap<string, GroupRef>;
  /** Organisation names by code (for display). */
  readonly organisationNames: ReadonlyMap<string, string>;
  readonly evidence: readonly StanceEvidence[];
  readonly expandGroups: boolean;
}

/** Newest first: later delivery date, then the higher statement id (recorded later). */
function newestFirst(a: StanceEvidence, b: StanceEvidence): number {
  if (a.deliveredOn !== b.deliveredOn) return a.deliveredOn < b.deliveredOn ? 1 : -1;
  return b.statementId - a.statementId;
}

function bySpeaker(evidence: readonly StanceEvidence[], kind: SpeakerKind): Map<string, StanceEvidence[]> {
  const out = new Map<string, StanceEvidence[]>();
  for (const e of evidence) {
    if (e.speakerKind !== kind) continue;
    const list = out.get(e.speakerCode) ?? [];
    list.push(e);
    out.set(e.speakerCode, list);
  }
  for (const list of out.values()) list.sort(newestFirst);
  return out;
}

export function deriveProposalStances(input: DeriveStancesInput): ProposalStanceView {
  const stateEvidence = bySpeaker(input.evidence, "state");
  const groupEvidence = bySpeaker(input.evidence, "group");
  const organisationEvidence = bySpeaker(input.evidence, "organisation");

  const groups: SpeakerStance[] = [...groupEvidence]
    .map(([code, list]) => {
      const ref = input.groups.get(code);
      return { code, name: ref?.name ?? code, kind: "group" as const, stance: deciding(list).stance, evidence: list, memberStates: ref?.memberStates ?? null };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const organisations: SpeakerStance[] = [...organisationEvidence]
    .map(([code, list]) => ({ code, name: input.organisationNames.get(code) ?? code, kind: "organisation" as const, stance: deciding(list).stance, evidence: list, memberStates: null }))
    .sort((a, b) => a.code.localeCompare(b.code));

  // For expansion: each member State's candidate group statements, newest first.
  const groupByMember = new Map<string, { group: SpeakerStance; latest: StanceEvidence }[]>();
  const unexpandedGroups: string[] = [];
  if (input.expandGroups) {
    for (const group of groups) {
      if (group.memberStates === null) {
        unexpandedGroups.push(group.code);
        continue;
      }
      for (const iso3 of group.memberStates) {
        const list = groupByMember.get(iso3) ?? [];
        list.push({ group, latest: deciding(group.evidence) });
        groupByMember.set(iso3, list);
      }
    }
  }

  const states: StateStance[] = input.states.map((state) => {
    const own = stateEvidence.get(state.iso3);
    if (own !== undefined) return { iso3: state.iso3, name: state.name, stance: deciding(own).stance, basis: "statement", via: null, evidence: own };
    const viaGroups = groupByMember.get(state.iso3);
    if (viaGroups !== undefined && viaGroups.length > 0) {
      const chosen = [...viaGroups].sort((a, b) => newestFirst(a.latest, b.latest))[0];
      if (chosen !== undefined) {
        return { iso3: state.iso3, name: state.name, stance: chosen.latest.stance, basis: "group", via: chosen.group.code, evidence: chosen.group.evidence };
      }
    }
    return { iso3: state.iso3, name: state.name, stance: "silent", basis: "none", via: null, evidence: [] };
  });

  return { expandGroups: input.expandGroups, states, groups, organisations, tally: tallyOf(states), unexpandedGroups };
}

function deciding(list: readonly StanceEvidence[]): StanceEvidence {
  const first = list[0];
  if (first === undefined) throw new Error("a speaker with no evidence has no stance");
  return first;
}

/** Counts and lists (registry order) per stance. */
export function tallyOf(states: readonly StateStance[]): StanceTally {
  const bucket = (stance: DerivedStance): TallyBucket => {
    const members = states.filter((s) => s.stance === stance).map((s) => ({ iso3: s.iso3, name: s.name, basis: s.basis, via: s.via }));
    return { count: members.length, states: members };
  };
  return { supports: bucket("supports"), opposes: bucket("opposes"), reserves: bucket("reserves"), silent: bucket("silent") };
}
