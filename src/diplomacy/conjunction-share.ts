import type { ExposureMatrix } from "../screening/exposure-matrix.ts";

/**
 * One actor's part in a screening run's conjunctions, read off the run's exposure matrix
 * (screening/exposure-matrix.ts): how many of the run's events involve its objects, how many of those are with other
 * actors' objects (and whose), how often its active satellites meet other actors' debris, and how often other actors'
 * active satellites meet its debris. Pure.
 */
export interface ConjunctionShare {
  readonly actorCode: string;
  /** All events of the run. */
  readonly runEvents: number;
  /** Events with at least one object of this actor. */
  readonly events: number;
  /** Of those, events between one of its objects and another actor's object. */
  readonly withOtherActors: number;
  /** `withOtherActors / runEvents` (0 for a run without events). */
  readonly shareOfRun: number;
  /** The other actors met most often, most events first (at most 10). */
  readonly counterparts: readonly { readonly actorCode: string; readonly events: number }[];
  /** Close approaches to its active satellites, and of those by other actors' debris. */
  readonly activeApproaches: number;
  readonly byOtherActorsDebris: number;
  /** Other actors' active satellites approached by its debris. */
  readonly othersActiveApproachedByItsDebris: number;
}

const MAX_COUNTERPARTS = 10;

export function conjunctionShareOf(matrix: ExposureMatrix, actorCode: string): ConjunctionShare {
  const row = matrix.cells.filter((c) => c.rowActor === actorCode);
  const events = row.reduce((s, c) => s + c.events, 0);
  const others = row.filter((c) => c.columnActor !== actorCode);
  const withOtherActors = others.reduce((s, c) => s + c.events, 0);
  const debris = matrix.debrisExposure.find((d) => d.actor === actorCode);
  const othersActiveApproachedByItsDebris = matrix.cells
    .filter((c) => c.columnActor === actorCode && c.rowActor !== actorCode)
    .flatMap((c) => c.byClass)
    .filter((k) => k.rowClass === "active-payload" && k.columnClass === "debris")
    .reduce((s, k) => s + k.events, 0);
  return {
    actorCode,
    runEvents: matrix.totals.events,
    events,
    withOtherActors,
    shareOfRun: matrix.totals.events === 0 ? 0 : withOtherActors / matrix.totals.events,
    counterparts: others
      .map((c) => ({ actorCode: c.columnActor, events: c.events }))
      .sort((a, b) => b.events - a.events || a.actorCode.localeCompare(b.actorCode))
      .slice(0, MAX_COUNTERPARTS),
    activeApproaches: debris?.activeApproaches ?? 0,
    byOtherActorsDebris: debris?.byOtherActorsDebris ?? 0,
    othersActiveApproachedByItsDebris,
  };
}
