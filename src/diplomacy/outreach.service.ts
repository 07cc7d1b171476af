import type { Kysely } from "kysely";
import { ACTIVE_STATUS_CODES } from "../catalog/active-payload.ts";
import { InvalidInputError } from "../core/concord-error.ts";
import { listCurrentActs } from "../store/diplomacy-act.repository.ts";
import { loadDiplomacyReference } from "../store/diplomacy-reference.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { countObjects } from "../store/space-object.repository.ts";
import { countActiveByActor, countLaunchesByYear } from "../store/state-conduct.queries.ts";
import { loadCatalogEvidence } from "./catalog-evidence.service.ts";
import type { CatalogEvidence } from "./catalog-evidence.service.ts";
import { isVotedInstrument } from "./instrument.ts";
import type { Instrument } from "./instrument.ts";
import { outreachCandidates } from "./outreach-candidates.ts";
import type { CatalogActivity } from "./outreach-candidates.ts";
import { scoreOutreach } from "./outreach-score.ts";
import type { OutreachRanking } from "./outreach-score.ts";
import { outreachSettingsFor } from "./outreach-weights.ts";
import type { OutreachConfig, OutreachFactor, OutreachSettings } from "./outreach-weights.ts";
import { resolveInstrument } from "./resolve-reference.ts";

export interface OutreachReport extends OutreachRanking {
  readonly instrument: Pick<Instrument, "id" | "kind" | "shortName" | "coverage" | "coverageAsOf" | "source">;
  readonly settings: OutreachSettings;
  /** The configuration file the settings come from. */
  readonly settingsSource: string;
  readonly catalog: CatalogEvidence;
  /** The calendar years whose launches count as recent. */
  readonly recentYears: { readonly from: number; readonly to: number };
  readonly committedCount: number;
  readonly candidateCount: number;
}

/** Instruments a state joins (and so can be asked to join): treaties, the Accords, commitments. */
export function isJoinableInstrument(instrument: Instrument): boolean {
  return instrument.kind === "treaty" || instrument.kind === "accords" || instrument.kind === "commitment";
}

/**
 * The outreach ranking for an instrument from the store: candidates and their evidence, scored with the settings the
 * configuration gives for the instrument; the top `top` (default all). The recent-launch window ends with the year
 * of the SATCAT's as-of date (or of `referenceDay` where no SATCAT is stored).
 */
export async function loadOutreachRanking(
  db: Kysely<StoreSchema>,
  instrumentText: string,
  config: OutreachConfig,
  options: { readonly top?: number; readonly referenceDay: string; readonly weights?: Partial<Record<OutreachFactor, number>> | undefined },
): Promise<OutreachReport> {
  const reference = await loadDiplomacyReference(db);
  const instrument = resolveInstrument(reference.instruments, instrumentText, { accepts: isJoinableInstrument, kindLabel: "joinable instrument (treaty, accords or commitment)" });
  const configured = outreachSettingsFor(config, instrument.id);
  // Weights given with the request (the web app's sliders) override the configured ones, factor by factor.
  const settings = options.weights === undefined ? configured : { ...configured, weights: { ...configured.weights, ...options.weights } };
  checkRelated(settings, reference.instruments, config.source);
  const [acts, catalog, onOrbit, launches] = await Promise.all([
    listCurrentActs(db),
    loadCatalogEvidence(db),
    countObjects(db, "actor", { status: "on-orbit" }),
    countLaunchesByYear(db),
  ]);
  const active = await countActiveByActor(db, { activeStatusCodes: ACTIVE_STATUS_CODES, activeSetIngestId: catalog.activeSet?.ingestId ?? null });
  const to = Number((catalog.asOf ?? options.referenceDay).slice(0, 4));
  const from = to - settings.recentLaunchYears + 1;
  const activity = new Map<string, CatalogActivity>();
  const entry = (code: string) => {
    const existing = activity.get(code) ?? { onOrbitObjects: 0, activeSatellites: 0, recentLaunches: 0 };
    activity.set(code, existing);
    return existing as { onOrbitObjects: number; activeSatellites: number; recentLaunches: number };
  };
  for (const group of onOrbit) if (group.key !== null) entry(group.key).onOrbitObjects = group.onOrbit;
  for (const row of active) entry(row.actorCode).activeSatellites = row.count;
  for (const row of launches) if (row.year >= from && row.year <= to) entry(row.actorCode).recentLaunches += row.launches;

  const { candidates, committed } = outreachCandidates({
    instrument,
    states: reference.states,
    instruments: reference.instruments,
    fora: reference.fora,
    organisations: reference.organisations,
    acts,
    activity,
    catalogKnown: catalog.ingested,
    activeKnown: catalog.activeUnknownReason === null,
    settings,
  });
  const ranking = scoreOutreach(candidates, settings);
  return {
    instrument: { id: instrument.id, kind: instrument.kind, shortName: instrument.shortName, coverage: instrument.coverage, coverageAsOf: instrument.coverageAsOf, source: instrument.source },
    settings,
    settingsSource: config.source,
    catalog,
    recentYears: { from, to },
    committedCount: committed.length,
    candidateCount: candidates.length,
    ...ranking,
    ranked: options.top === undefined ? ranking.ranked : ranking.ranked.slice(0, options.top),
  };
}

function checkRelated(settings: OutreachSettings, instruments: readonly Instrument[], source: string): void {
  const byId = new Map(instruments.map((i) => [i.id, i]));
  for (const id of settings.relatedCommitments) {
    const instrument = byId.get(id);
    if (instrument === undefined || !isJoinableInstrument(instrument)) {
      throw new InvalidInputError(source, `relatedCommitments: ${JSON.stringify(id)} is not an instrument states join (treaty, accords, commitment)`);
    }
  }
  for (const id of settings.relatedVotes) {
    const instrument = byId.get(id);
    if (instrument === undefined || !isVotedInstrument(instrument.kind)) throw new InvalidInputError(source, `relatedVotes: ${JSON.stringify(id)} is not a recorded vote`);
  }
}
