import type { Kysely } from "kysely";
import { ConcordError } from "../core/concord-error.ts";
import { describeRejection } from "../core/rejection.ts";
import type { Rejection } from "../core/rejection.ts";
import { recordActs } from "../store/diplomacy-act.repository.ts";
import { loadDiplomacyReference } from "../store/diplomacy-reference.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { readActRows } from "./act-rows.ts";
import { actVersionOf } from "./diplomacy-seed.service.ts";

/**
 * `concord acts import`: validates every row of an acts CSV against the store's registry (states, organisations,
 * instruments, fora), then records the good rows in one transaction. A row that changes a stored fact supersedes its
 * current version, which stays in the store as history; nothing stored before is lost. With `strict`, one bad row
 * stores nothing.
 */
export interface ActImportReport {
  readonly source: string;
  readonly rowsTotal: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly rejections: readonly Rejection[];
  /** False when nothing was written (strict mode with a rejected row). */
  readonly stored: boolean;
  /** New facts, facts whose current version was superseded, facts already stated alike. */
  readonly inserted: number;
  readonly corrected: number;
  readonly unchanged: number;
  readonly recordedAt: string;
}

export interface ActImportOptions {
  /** File name or path: names rejections and the versions' origin (`import:<source>`). */
  readonly source: string;
  readonly strict: boolean;
  /** `YYYY-MM-DD`: no date or as-of date may lie after it. */
  readonly referenceDay: string;
  /** ISO timestamp recorded on the new versions (and as the superseded time of the ones they replace). */
  readonly recordedAt: string;
}

/** Strict import refused: at least one row was bad, so nothing was stored. */
export class StrictActImportError extends ConcordError {
  readonly code = "STRICT_REJECTED";
  constructor(readonly report: ActImportReport) {
    const shown = report.rejections.slice(0, 10).map((r) => `  ${describeRejection(r)}`);
    const more = report.rejections.length > shown.length ? [`  … and ${report.rejections.length - shown.length} more`] : [];
    super([`--strict: ${report.rejected} of ${report.rowsTotal} row(s) rejected, nothing stored:`, ...shown, ...more].join("\n"));
    this.name = "StrictActImportError";
  }
}

export async function importActs(db: Kysely<StoreSchema>, text: string, options: ActImportOptions): Promise<ActImportReport> {
  const reference = await loadDiplomacyReference(db);
  const references = {
    states: new Map(reference.states.map((s) => [s.iso3, s])),
    organisationCodes: new Set(reference.organisations.map((o) => o.code)),
    instruments: new Map(reference.instruments.map((i) => [i.id, i])),
    forumIds: new Set(reference.fora.map((f) => f.id)),
  };
  const read = readActRows(text, options.source, references, options.referenceDay);
  const base = {
    source: options.source,
    rowsTotal: read.rowsTotal,
    accepted: read.acts.length,
    rejected: read.rejections.length,
    rejections: read.rejections,
    recordedAt: options.recordedAt,
  };
  if (options.strict && read.rejections.length > 0) {
    throw new StrictActImportError({ ...base, stored: false, inserted: 0, corrected: 0, unchanged: 0 });
  }
  const outcome = await recordActs(db, read.acts.map(actVersionOf), { origin: `import:${options.source}`, recordedAt: options.recordedAt });
  return { ...base, stored: read.acts.length > 0, ...outcome };
}
