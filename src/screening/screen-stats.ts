/** Work counters of one block, summed over a run. */
export interface ScreeningCounters {
  /** SGP4 evaluations for nodes (WASM), central-difference neighbours included. */
  propagations: number;
  /** Grid slices processed. */
  slices: number;
  /** Object × slice boxes entered in the grid. */
  boxes: number;
  /** Box-cell entries (a box spans one or more cells). */
  gridEntries: number;
  /** Box pairs sharing a cell, tested for overlap. */
  boxPairTests: number;
  /** Overlapping box pairs with a primary (step c of the guarantee). */
  overlappingPairs: number;
  /** Pairs whose interpolated distance may come under threshold + error bounds in a slice (step d). */
  interpolantCandidates: number;
  /** Candidates whose interpolant minimum is a slice end where the range still falls towards the neighbour slice (refined there). */
  handedToNeighbour: number;
  /** Candidates refined with the full SGP4. */
  refinements: number;
  /** SGP4 evaluations made by refinements (JS). */
  refinementPropagations: number;
  refinedAboveThreshold: number;
  noBracket: number;
  refineSgp4Failures: number;
  /** Refined closest approaches outside the window or after an object's failure. */
  outsideWindow: number;
  /** Events kept by blocks before the run's de-duplication. */
  blockEvents: number;
  nodesMs: number;
  gridMs: number;
  refineMs: number;
}

export function emptyCounters(): ScreeningCounters {
  return {
    propagations: 0,
    slices: 0,
    boxes: 0,
    gridEntries: 0,
    boxPairTests: 0,
    overlappingPairs: 0,
    interpolantCandidates: 0,
    handedToNeighbour: 0,
    refinements: 0,
    refinementPropagations: 0,
    refinedAboveThreshold: 0,
    noBracket: 0,
    refineSgp4Failures: 0,
    outsideWindow: 0,
    blockEvents: 0,
    nodesMs: 0,
    gridMs: 0,
    refineMs: 0,
  };
}

export function addCounters(into: ScreeningCounters, from: ScreeningCounters): void {
  for (const key of Object.keys(into) as (keyof ScreeningCounters)[]) into[key] += from[key];
}

/** An object left out of the run from `fromMs` on: SGP4 error code 1-6, or 7 for a state beyond its plausible radius. */
export interface ScreeningFailure {
  readonly catalogNumber: number;
  readonly fromMs: number;
  readonly code: number;
}

/** What a run reports besides its events. */
export interface ScreeningStats {
  readonly objects: number;
  readonly primaries: number;
  /** Objects per node class (near, near-low, deep, far). */
  readonly objectsByClass: Readonly<Record<string, number>>;
  readonly failures: readonly ScreeningFailure[];
  readonly blocks: number;
  readonly threads: number;
  readonly events: number;
  /** Largest interpolation error bound used, per node class, km. */
  readonly maxErrorBoundKm: Readonly<Record<string, number>>;
  readonly counters: ScreeningCounters;
  readonly settings: Readonly<Record<string, number>>;
  readonly wallMs: number;
  readonly peakRssBytes: number;
}
