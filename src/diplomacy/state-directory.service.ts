import type { Kysely } from "kysely";
import { listCurrentActs } from "../store/diplomacy-act.repository.ts";
import { loadDiplomacyReference } from "../store/diplomacy-reference.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { countObjects } from "../store/space-object.repository.ts";
import { loadCatalogEvidence } from "./catalog-evidence.service.ts";
import type { Act, Vote } from "./act.ts";
import { isVotedInstrument } from "./instrument.ts";
import type { Instrument } from "./instrument.ts";
import { participationOf, voteOf } from "./participation.ts";
import { REGIONAL_GROUP_NAMES } from "./un-state.ts";
import type { UnState } from "./un-state.ts";

/** A state's standing under one instrument in the directory: a standing, a vote, `unknown` or `not-applicable`. */
export type DirectoryStanding = "participant" | "signatory" | "not-participant" | "withdrawn" | Vote | "unknown" | "not-applicable";

export interface StateDirectoryEntry {
  readonly iso3: string;
  readonly name: string;
  readonly unStatus: UnState["unStatus"];
  readonly regionalGroup: UnState["regionalGroup"];
  readonly regionalGroupName: string;
  /** Objects on orbit attributed to the state itself (not a predecessor); null where no catalog is stored. */
  readonly onOrbitObjects: number | null;
  /** How many of the joinable instruments (treaties, accords, commitments) the state is known to be in. */
  readonly instrumentsJoined: number;
  /** The standing under every instrument listed in `instruments` (same order). */
  readonly standings: readonly DirectoryStanding[];
}

export interface StateDirectory {
  /** The instruments whose standing each entry gives, in column order. */
  readonly instruments: readonly Pick<Instrument, "id" | "kind" | "shortName" | "coverage" | "coverageAsOf">[];
  readonly states: readonly StateDirectoryEntry[];
  /** The catalog's sources and as-of date (for the on-orbit counts). */
  readonly catalogSource: string;
  readonly catalogAsOf: string | null;
  /** The diplomacy registry's sources. */
  readonly source: string;
}

const JOINABLE = new Set(["treaty", "accords", "commitment"]);

function standingOf(instrument: Instrument, state: UnState, acts: readonly Act[]): DirectoryStanding {
  if (isVotedInstrument(instrument.kind)) {
    const vote = voteOf(instrument, state, acts.find((a) => a.kind === "vote"));
    return vote.status === "known" ? vote.value.vote : vote.status;
  }
  const participation = participationOf(instrument, acts);
  return participation.status === "known" ? participation.value.standing : participation.status;
}

/**
 * Every state of the registry with a few headline facts: UN status and regional group, objects on orbit, how many
 * treaties, accords and commitments it is in, and its standing under the joinable instruments and recorded votes.
 */
export async function loadStateDirectory(db: Kysely<StoreSchema>): Promise<StateDirectory> {
  const [reference, acts, catalog, onOrbit] = await Promise.all([loadDiplomacyReference(db), listCurrentActs(db), loadCatalogEvidence(db), countObjects(db, "actor", { status: "on-orbit" })]);
  const columns = reference.instruments.filter((i) => JOINABLE.has(i.kind) || i.kind === "resolution");
  const joinable = reference.instruments.filter((i) => JOINABLE.has(i.kind));
  const onOrbitByActor = new Map(onOrbit.map((g) => [g.key, g.onOrbit]));
  const actsByPartyTarget = new Map<string, Act[]>();
  for (const act of acts) {
    const key = `${act.party}|${act.target}`;
    const list = actsByPartyTarget.get(key) ?? [];
    list.push(act);
    actsByPartyTarget.set(key, list);
  }
  const actsOf = (state: UnState, instrument: Instrument) => actsByPartyTarget.get(`${state.iso3}|${instrument.id}`) ?? [];
  const states = reference.states.map((state) => ({
    iso3: state.iso3,
    name: state.name,
    unStatus: state.unStatus,
    regionalGroup: state.regionalGroup,
    regionalGroupName: REGIONAL_GROUP_NAMES[state.regionalGroup],
    onOrbitObjects: catalog.ingested ? (onOrbitByActor.get(state.iso3) ?? 0) : null,
    instrumentsJoined: joinable.filter((i) => standingOf(i, state, actsOf(state, i)) === "participant").length,
    standings: columns.map((i) => standingOf(i, state, actsOf(state, i))),
  }));
  return {
    instruments: columns.map((i) => ({ id: i.id, kind: i.kind, shortName: i.shortName, coverage: i.coverage, coverageAsOf: i.coverageAsOf })),
    states,
    catalogSource: catalog.source,
    catalogAsOf: catalog.asOf,
    source: "Concord's diplomacy registry (data/diplomacy: states.csv, instruments.csv and the acts files), each row with its source and as-of date",
  };
}
