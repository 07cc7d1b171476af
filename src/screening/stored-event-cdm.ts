import type { ScreeningRunRecord, StoredConjunctionEvent } from "../store/screening-run.repository.ts";
import type { Cdm } from "./cdm.ts";
import { cdmFromEvent } from "./cdm-from-event.ts";

export const CDM_ORIGINATOR = "CONCORD";

/**
 * A stored event as a CDM: created at the run's finish time (so the same event always gives the same message), with
 * the objects' names and designators from the store, the event's Pc and HBR where the run computed them, and the
 * GP default covariance model (COVARIANCE_METHOD = DEFAULT). Pure.
 */
export function storedEventCdm(event: StoredConjunctionEvent, run: ScreeningRunRecord): Cdm {
  const info = (o: StoredConjunctionEvent["primaryObject"]) => ({
    catalogNumber: o.catalogNumber,
    name: o.name ?? String(o.catalogNumber),
    internationalDesignator: o.internationalDesignator,
    ...(o.objectType === null ? {} : { objectType: o.objectType }),
  });
  return cdmFromEvent(event, {
    primary: info(event.primaryObject),
    secondary: info(event.secondaryObject),
    creationDateMs: Date.parse(run.finishedAt),
    originator: CDM_ORIGINATOR,
    ...(event.pc === null || event.pcMethod === null ? {} : { pc: { value: event.pc, method: event.pcMethod } }),
    ...(event.hbrM === null ? {} : { hardBodyRadiusM: event.hbrM }),
    comments: [`Concord screening run ${run.id}, event ${event.id}; threshold ${run.thresholdKm} km; ${event.covarianceSource ?? "covariance: GP default model"}`],
  });
}
