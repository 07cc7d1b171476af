import type { Kysely } from "kysely";
import { isActivePayload } from "../catalog/active-payload.ts";
import { launchDesignatorOf } from "../catalog/fragmentation-parent.ts";
import { activeSetMembers } from "../store/active-set.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { loadLaunchPrincipals } from "../store/screening-objects.queries.ts";
import { allRunEvents } from "../store/screening-run.repository.ts";
import type { EventObject, ScreeningRunRecord } from "../store/screening-run.repository.ts";
import { computeExposureMatrix } from "./exposure-matrix.ts";
import type { ExposureMatrix, ExposureObject, FragmentationParent } from "./exposure-matrix.ts";

/** Who endangers whom in a stored run: its events joined with attribution, activity (per the run's active set) and debris parents. */
export async function loadRunExposure(db: Kysely<StoreSchema>, run: ScreeningRunRecord): Promise<ExposureMatrix> {
  const [events, members] = await Promise.all([
    allRunEvents(db, run.id),
    run.activeSet === null ? Promise.resolve(new Set<number>()) : activeSetMembers(db, run.activeSet.ingestId),
  ]);
  const toExposureObject = (o: EventObject): ExposureObject => ({
    catalogNumber: o.catalogNumber,
    actorCode: o.actorCode,
    objectType: o.objectType,
    internationalDesignator: o.internationalDesignator,
    active: isActivePayload(o, members.has(o.catalogNumber)),
  });
  const launches = events
    .flatMap((e) => [e.primaryObject, e.secondaryObject])
    .filter((o) => o.objectType === "DEBRIS")
    .map((o) => launchDesignatorOf(o.internationalDesignator))
    .filter((d): d is string => d !== null);
  const principals = await loadLaunchPrincipals(db, launches);
  const parents = new Map<string, FragmentationParent>(
    [...principals.values()].map((p) => [p.launchDesignator, { launchDesignator: p.launchDesignator, name: p.name, catalogNumber: p.catalogNumber, actorCode: p.actorCode }]),
  );
  return computeExposureMatrix(
    events.map((e) => ({
      eventId: e.id,
      missDistanceKm: e.missDistanceKm,
      pc: e.pc,
      primary: toExposureObject(e.primaryObject),
      secondary: toExposureObject(e.secondaryObject),
    })),
    parents,
  );
}
