import type { Kysely } from "kysely";
import { ACTIVE_PAYLOAD_DEFINITION } from "../catalog/active-payload.ts";
import { loadAsOf } from "../catalog/data-as-of.ts";
import type { IngestRef } from "../catalog/data-as-of.ts";
import { newestActiveSetIngest } from "../store/active-set.repository.ts";
import type { ActiveSetRef } from "../store/active-set.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { countPayloadsWithOperationalStatus } from "../store/state-conduct.queries.ts";
import { known, unknown } from "./knowledge.ts";
import type { Knowledge } from "./knowledge.ts";

/**
 * Where a state's conduct figures come from: the newest SATCAT and element-set ingests, the newest active set, and the
 * curated attribution table; and whether active satellites can be counted at all (a Space-Track SATCAT carries no
 * operational status, so without an active set the count is unknown, not zero).
 */
export interface CatalogEvidence {
  readonly satcat: IngestRef | null;
  readonly elementSets: IngestRef | null;
  readonly activeSet: ActiveSetRef | null;
  /** False on a store with no SATCAT and no element sets: every catalog figure is then unknown, not zero. */
  readonly ingested: boolean;
  /** Null when active satellites can be counted; otherwise why not. */
  readonly activeUnknownReason: string | null;
  readonly activeDefinition: string;
  readonly attribution: string;
  /** The sources in one line, and the SATCAT's as-of date: cited by every catalog figure. */
  readonly source: string;
  readonly asOf: string | null;
}

export const ATTRIBUTION_SOURCE = "attribution by Concord's curated tables data/actors.csv and data/owner-codes.csv (owner code and launch date)";

export async function loadCatalogEvidence(db: Kysely<StoreSchema>): Promise<CatalogEvidence> {
  const [asOf, activeSet, withStatus] = await Promise.all([loadAsOf(db), newestActiveSetIngest(db), countPayloadsWithOperationalStatus(db)]);
  const satcat = asOf.satcat === null ? "no SATCAT ingested" : `SATCAT ingest #${asOf.satcat.ingestId} (${asOf.satcat.source}, as of ${asOf.satcat.dataAsOf ?? "?"})`;
  const sets = asOf.elementSets === null ? "" : `; element sets ingest #${asOf.elementSets.ingestId} (${asOf.elementSets.source}, as of ${asOf.elementSets.dataAsOf ?? "?"})`;
  const active = activeSet === null ? "" : `; active set ingest #${activeSet.ingestId} (${activeSet.source}, as of ${activeSet.dataAsOf ?? "?"})`;
  return {
    satcat: asOf.satcat,
    elementSets: asOf.elementSets,
    activeSet,
    ingested: asOf.satcat !== null || asOf.elementSets !== null,
    activeUnknownReason:
      activeSet === null && withStatus === 0
        ? "no active set is ingested and the stored SATCAT carries no operational status (Space-Track's does not): ingest CelesTrak's `active` group"
        : null,
    activeDefinition: ACTIVE_PAYLOAD_DEFINITION,
    attribution: ATTRIBUTION_SOURCE,
    source: `${satcat}${sets}${active}; ${ATTRIBUTION_SOURCE}`,
    asOf: asOf.satcat?.dataAsOf ?? null,
  };
}

/** An active-satellite count as knowledge: unknown where the store cannot tell active from inactive. */
export function activeSatellitesKnowledge(evidence: CatalogEvidence, count: number): Knowledge<number> {
  return evidence.activeUnknownReason === null ? known(count) : unknown(evidence.activeUnknownReason);
}
