/** What each benchmark phase prints (one JSON line, the last line of its stdout) and bench/run.ts collects. */

export interface IngestFileFigures {
  readonly source: string;
  readonly format: string;
  readonly records: number;
  readonly accepted: number;
  readonly rejected: number;
}

export interface IngestPhaseResult {
  readonly phase: "ingest";
  readonly store: "sqlite" | "postgres";
  /** `bulk`: the ingest service (ingestPayloads); `naive`: one Kysely INSERT per row (bench/naive-insert.ts). */
  readonly writer: "bulk" | "naive";
  readonly storeDescription: string;
  readonly files: readonly IngestFileFigures[];
  /** Records in the three files (accepted + rejected): the rows/s numerator. */
  readonly totalRecords: number;
  /** `bulk`: rows inserted or updated (objects, element sets, rejects); `naive`: INSERT statements run (one per row, conflicts included). */
  readonly rowsWritten: number;
  /** naive only: 1 = every row; n = rows of catalog numbers divisible by n, write time scaled by rows. */
  readonly subsetEvery: number;
  readonly readMs: number;
  readonly parseMs: number;
  /** For `naive` with a subset: the measured time scaled to all rows. */
  readonly writeMs: number;
  readonly measuredWriteMs: number;
  readonly wallMs: number;
  readonly recordsPerS: number;
  readonly objectsStored: number;
  readonly elementSetsStored: number;
  readonly maxRssKb: number;
}

export type PropagationMode = "js" | "wasm" | "pool";

export interface PropagationPhaseResult {
  readonly phase: "propagation";
  readonly mode: PropagationMode;
  readonly threads: number;
  readonly catalogObjects: number;
  /** Objects propagated: all, or every `subsetEvery`-th of them (the rate is then scaled to the whole catalog). */
  readonly objectsPropagated: number;
  readonly subsetEvery: number;
  readonly timeCount: number;
  readonly chunkSatellites: number;
  /** Parse of the catalog file (before the timed part). */
  readonly parseMs: number;
  /** Element sets → satrecs → states for objectsPropagated × timeCount. */
  readonly measuredMs: number;
  /** measuredMs scaled to the whole catalog. */
  readonly wholeCatalogMs: number;
  readonly propagationsPerS: number;
  readonly failedStates: number;
  readonly maxRssKb: number;
}

export type PhaseResult = IngestPhaseResult | PropagationPhaseResult;

/** Prints a phase's result as the last line of stdout, for bench/run.ts. */
export function printPhaseResult(result: PhaseResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
