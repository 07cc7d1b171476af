import type { Kysely } from "kysely";
import { ACTIVE_STATUS_CODES } from "../catalog/active-payload.ts";
import type { ActorTable } from "../catalog/actor-table.ts";
import { loadRunExposure } from "../screening/run-exposure.service.ts";
import { listCurrentActs } from "../store/diplomacy-act.repository.ts";
import { loadDiplomacyReference } from "../store/diplomacy-reference.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { loadLaunchPrincipals } from "../store/screening-objects.queries.ts";
import { newestScreeningRun } from "../store/screening-run.repository.ts";
import { countObjects } from "../store/space-object.repository.ts";
import { countActiveByActor, countDebrisByLaunch, countLaunchesByYear, countObjectsByTypeAndRegime } from "../store/state-conduct.queries.ts";
import { activeSatellitesKnowledge, loadCatalogEvidence } from "./catalog-evidence.service.ts";
import { conjunctionShareOf } from "./conjunction-share.ts";
import { consistencyView } from "./consistency-view.ts";
import type { DestructiveAsatTest } from "./destructive-asat-test.ts";
import { disposalComplianceOf } from "./disposal-compliance.ts";
import type { DisposalComplianceProvider } from "./disposal-compliance.ts";
import { known, unknown } from "./knowledge.ts";
import type { Knowledge } from "./knowledge.ts";
import { resolveState } from "./resolve-reference.ts";
import { forumStatement, instrumentStatement } from "./standing-statement.ts";
import { buildActorConduct, split } from "./state-conduct.ts";
import type { ActorConduct, ActorRelation, CountSplit } from "./state-conduct.ts";
import type { ConjunctionProfile, SharedActorObjects, StateProfile } from "./state-profile.ts";
import { stateStandings } from "./state-standings.ts";
import type { InstrumentEntry } from "./state-standings.ts";
import { INSTRUMENT_KINDS } from "./instrument.ts";
import { comparePartialDates } from "./partial-date.ts";
import { REGIONAL_GROUP_NAMES } from "./un-state.ts";

export interface StateProfileOptions {
  /** Debris parent launches listed per actor (default 10; launches of destructive ASAT tests are always listed). */
  readonly maxDebrisParents?: number;
  /** The environment analytics' compliance lookup, once it exists. */
  readonly disposalCompliance?: DisposalComplianceProvider;
}

/**
 * A state's profile from the store: its acts (current beliefs), the catalog's figures for it and its predecessor, the
 * newest screening run, and the curated destructive ASAT tests. `stateText`: ISO alpha-3 code or English name.
 */
export async function loadStateProfile(
  db: Kysely<StoreSchema>,
  actors: ActorTable,
  asatTests: readonly DestructiveAsatTest[],
  stateText: string,
  options: StateProfileOptions = {},
): Promise<StateProfile> {
  const reference = await loadDiplomacyReference(db);
  const state = resolveState(reference.states, stateText);
  const iso3 = state.iso3;
  const agencies = reference.organisations.filter((o) => o.stateIso3 === iso3);
  const acts = await listCurrentActs(db, { parties: [iso3, ...agencies.map((a) => a.code)] });
  const standings = stateStandings(state, reference.instruments, reference.fora, reference.organisations, acts);

  const ownActors: { code: string; name: string; relation: ActorRelation; validTo: string | null }[] = [
    { code: iso3, name: actors.actors.get(iso3)?.name ?? state.name, relation: "self", validTo: null },
    ...[...actors.actors.values()]
      .filter((a) => a.kind === "historic-state" && a.successors.includes(iso3))
      .map((a) => ({ code: a.code, name: a.name, relation: "predecessor" as const, validTo: a.validTo })),
  ];
  const codes = ownActors.map((a) => a.code);
  const stateTests = asatTests.filter((t) => t.stateIso3 === iso3);
  const [catalog, typeRegime, launches, debris, testDebris] = await Promise.all([
    loadCatalogEvidence(db),
    countObjectsByTypeAndRegime(db, codes),
    countLaunchesByYear(db, codes),
    countDebrisByLaunch(db, { actorCodes: codes }),
    countDebrisByLaunch(db, { launches: stateTests.flatMap((t) => t.debrisLaunches) }),
  ]);
  const active = await countActiveByActor(db, { activeStatusCodes: ACTIVE_STATUS_CODES, activeSetIngestId: catalog.activeSet?.ingestId ?? null, actorCodes: codes });
  const asatTestLaunches = new Map(asatTests.flatMap((t) => t.debrisLaunches.map((l) => [l, t.date] as const)));
  const maxParents = options.maxDebrisParents ?? 10;
  const topLaunches = ownActors.flatMap((a) => {
    const own = debris.filter((d) => d.actorCode === a.code).sort((x, y) => y.onOrbit - x.onOrbit || y.total - x.total);
    return [...own.slice(0, maxParents), ...own.filter((d) => asatTestLaunches.has(d.launchDesignator))].map((d) => d.launchDesignator);
  });
  const principals = await loadLaunchPrincipals(db, topLaunches);

  const conduct: ActorConduct[] = ownActors.map((actor) =>
    buildActorConduct(
      actor,
      {
        typeRegime: typeRegime.filter((r) => r.actorCode === actor.code),
        launches: launches.filter((r) => r.actorCode === actor.code),
        debris: debris.filter((r) => r.actorCode === actor.code),
        active: activeSatellitesKnowledge(catalog, active.find((a) => a.actorCode === actor.code)?.count ?? 0),
      },
      { principals, asatTestLaunches, maxParents },
    ),
  );
  const disposalCompliance = await disposalComplianceOf(iso3, options.disposalCompliance);
  const debrisByLaunch = new Map<string, CountSplit>();
  for (const row of testDebris) {
    const before = debrisByLaunch.get(row.launchDesignator) ?? split(0, 0);
    debrisByLaunch.set(row.launchDesignator, split(before.total + row.total, before.onOrbit + row.onOrbit));
  }
  const [self, ...predecessors] = conduct;

  return {
    state: { ...state, regionalGroupName: REGIONAL_GROUP_NAMES[state.regionalGroup] },
    agencies: agencies.map((a) => ({ code: a.code, name: a.name })),
    commitments: [...standings.instruments].sort(byKind).map((entry) => ({
      instrument: {
        id: entry.instrument.id,
        kind: entry.instrument.kind,
        shortName: entry.instrument.shortName,
        coverage: entry.instrument.coverage,
        coverageAsOf: entry.instrument.coverageAsOf,
      },
      answer: instrumentStatement(entry),
      acts: entry.acts,
    })),
    fora: standings.fora.map(forumStatement),
    conduct: {
      catalog,
      actors: catalog.ingested ? conduct : [],
      shared: await sharedObjects(db, actors, iso3),
      conjunctions: await conjunctionProfile(db, codes),
      disposalCompliance,
    },
    consistency: consistencyView({
      standings,
      asatTests: stateTests,
      debrisByLaunch,
      ownDebris: self?.debris ?? split(0, 0),
      predecessorDebris: predecessors.map((p) => ({ actorCode: p.actorCode, total: p.debris.total, onOrbit: p.debris.onOrbit, decayed: p.debris.decayed })),
      disposalCompliance,
      catalogIngested: catalog.ingested,
      catalogSource: catalog.source,
      catalogAsOf: catalog.asOf,
    }),
  };
}

/** Treaties first, then the Accords, commitments, votes and guidelines; by date of adoption within a kind. */
function byKind(a: InstrumentEntry, b: InstrumentEntry): number {
  return (
    INSTRUMENT_KINDS.indexOf(a.instrument.kind) - INSTRUMENT_KINDS.indexOf(b.instrument.kind) ||
    comparePartialDates(a.instrument.adoptedDate, b.instrument.adoptedDate) ||
    a.instrument.id.localeCompare(b.instrument.id)
  );
}

async function sharedObjects(db: Kysely<StoreSchema>, actors: ActorTable, iso3: string): Promise<SharedActorObjects[]> {
  const shared = [...actors.actors.values()].filter((a) => (a.kind === "organisation" || a.kind === "company") && a.memberStates.includes(iso3));
  if (shared.length === 0) return [];
  const counts = new Map((await countObjects(db, "actor")).map((g) => [g.key, g]));
  return shared
    .map((a) => ({ actorCode: a.code, actorName: a.name, kind: a.kind, memberStates: a.memberStates.length, ...split(counts.get(a.code)?.count ?? 0, counts.get(a.code)?.onOrbit ?? 0) }))
    .filter((a) => a.total > 0)
    .sort((a, b) => b.onOrbit - a.onOrbit || b.total - a.total || a.actorCode.localeCompare(b.actorCode));
}

async function conjunctionProfile(db: Kysely<StoreSchema>, codes: readonly string[]): Promise<Knowledge<ConjunctionProfile>> {
  const run = await newestScreeningRun(db);
  if (run === null) return unknown("no screening run is stored (run `concord screen`)");
  const matrix = await loadRunExposure(db, run);
  const from = new Date(run.fromMs).toISOString();
  return known({
    run: { id: run.id, from, to: new Date(run.toMs).toISOString(), thresholdKm: run.thresholdKm, finishedAt: run.finishedAt },
    shares: codes.map((code) => conjunctionShareOf(matrix, code)),
    source: `screening run #${run.id} (${from} to ${new Date(run.toMs).toISOString()}, ${run.thresholdKm} km threshold, finished ${run.finishedAt})`,
    asOf: from.slice(0, 10),
  });
}
