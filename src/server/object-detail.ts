import type { Kysely } from "kysely";
import type { ActorTable } from "../catalog/actor-table.ts";
import { ORBIT_REGIMES, ORBIT_REGIME_SOURCE } from "../catalog/orbit-regime-definitions.ts";
import type { OrbitRegimeCode } from "../catalog/orbit-regime-definitions.ts";
import { listElementHistory } from "../store/element-set.repository.ts";
import { getIngest } from "../store/ingest.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { getObject } from "../store/space-object.repository.ts";
import type { SpaceObjectRecord } from "../store/space-object.repository.ts";
import { loadAsOf, toIngestRef } from "../catalog/data-as-of.ts";

/** A stored object as the API lists it: its record plus the attributed actor's name. */
export function toObjectJson(object: SpaceObjectRecord, actors: ActorTable) {
  return { ...object, actorName: actors.actors.get(object.actorCode)?.name ?? null };
}

/** `Orbit regimes: ESA's Annual Space Environment Report (GEN-DB-LOG-00288-OPS-SD, Issue 10.0), 1.1 Definitions …` */
export const ORBIT_REGIME_CITATION = `${ORBIT_REGIME_SOURCE.title} (${ORBIT_REGIME_SOURCE.reference}, ${ORBIT_REGIME_SOURCE.dateOfIssue}), ${ORBIT_REGIME_SOURCE.section}, ${ORBIT_REGIME_SOURCE.url}`;

/** The label of a regime code, or the code itself when it is not one of ESA's. */
export function regimeLabel(code: string): string {
  return ORBIT_REGIMES[code as OrbitRegimeCode]?.label ?? code;
}

/**
 * One object with everything the detail view needs: owner and attributed actor (with member states), regime with its
 * label and published definition, provenance (first and last ingest), the newest `historyLimit` element sets, and the
 * as-of block. Null when the store has no such object.
 */
export async function loadObjectDetail(db: Kysely<StoreSchema>, actors: ActorTable, catalogNumber: number, historyLimit: number) {
  const object = await getObject(db, catalogNumber);
  if (object === null) return null;
  const [history, firstIngest, lastIngest, asOf] = await Promise.all([
    historyLimit === 0 ? Promise.resolve([]) : listElementHistory(db, catalogNumber, historyLimit),
    getIngest(db, object.firstIngestId),
    object.lastIngestId === object.firstIngestId ? Promise.resolve(null) : getIngest(db, object.lastIngestId),
    loadAsOf(db),
  ]);
  const actor = actors.actors.get(object.actorCode);
  const owner = object.ownerCode === null ? undefined : actors.ownerCodes.get(object.ownerCode);
  const regime = ORBIT_REGIMES[object.orbitRegime as OrbitRegimeCode];
  const first = firstIngest === null ? null : toIngestRef(firstIngest);
  return {
    ...toObjectJson(object, actors),
    owner: object.ownerCode === null ? null : { code: object.ownerCode, name: owner?.ownerName ?? object.ownerCode },
    actor:
      actor === undefined
        ? null
        : {
            code: actor.code,
            name: actor.name,
            kind: actor.kind,
            memberStates: [...actor.memberStates],
            membershipBasis: actor.membershipBasis,
            source: actor.source,
          },
    regime: {
      code: object.orbitRegime,
      label: regime?.label ?? object.orbitRegime,
      definition: regime?.definition ?? "not one of ESA's regimes",
      source: ORBIT_REGIME_CITATION,
    },
    provenance: {
      recordOrigin: object.recordOrigin,
      firstIngest: first,
      lastIngest: lastIngest === null ? first : toIngestRef(lastIngest),
    },
    elementHistory: { limit: historyLimit, items: history },
    asOf,
  };
}
