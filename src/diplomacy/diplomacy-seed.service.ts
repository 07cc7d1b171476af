import type { Kysely } from "kysely";
import type { ActVersionInput, RecordActsOutcome } from "../store/diplomacy-act.repository.ts";
import { syncCuratedActs } from "../store/diplomacy-act.repository.ts";
import { syncDiplomacyReference } from "../store/diplomacy-reference.repository.ts";
import type { ReferenceSyncOutcome } from "../store/diplomacy-reference.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { actSlot } from "./act.ts";
import type { Act } from "./act.ts";
import type { DiplomacyRegistry } from "./diplomacy-registry.ts";

/** An act as the store records it: with its slot. */
export function actVersionOf(act: Act): ActVersionInput {
  return {
    party: act.party,
    target: act.target,
    targetType: act.targetType,
    slot: actSlot(act.kind),
    kind: act.kind,
    date: act.date,
    vote: act.vote,
    source: act.source,
    asOf: act.asOf,
    note: act.note,
  };
}

export interface DiplomacySeedOutcome {
  readonly reference: ReferenceSyncOutcome;
  readonly acts: RecordActsOutcome & { readonly retracted: number };
}

/**
 * Seeds the store from the curated registry in one transaction: reference rows are made equal to the curated ones
 * (earlier versions kept in history) and curated acts are recorded as new versions where the curated data changed.
 * Idempotent: an unchanged registry writes nothing. `recordedAt`: ISO timestamp of this seeding.
 */
export async function seedDiplomacy(db: Kysely<StoreSchema>, registry: DiplomacyRegistry, recordedAt: string): Promise<DiplomacySeedOutcome> {
  return db.transaction().execute(async (trx) => {
    const reference = await syncDiplomacyReference(
      trx,
      {
        states: [...registry.states.values()],
        organisations: [...registry.organisations.values()],
        instruments: [...registry.instruments.values()],
        instrumentItems: registry.instrumentItems,
        fora: [...registry.fora.values()],
      },
      recordedAt,
    );
    const acts = await syncCuratedActs(trx, registry.acts.map(actVersionOf), recordedAt);
    return { reference, acts };
  });
}
