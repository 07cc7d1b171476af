import type { Kysely } from "kysely";
import { ACTIVE_STATUS_CODES } from "../catalog/active-payload.ts";
import { isActiveSetMember, newestActiveSetIngest } from "../store/active-set.repository.ts";
import type { StoreSchema } from "../store/schema.ts";

/**
 * Whether an object is maintained (an operating payload: station-keeping holds its orbit, and its operator may
 * de-orbit it at will), and on what basis. A drag model gives a maintained object's natural decay "if operations
 * ended at the analysis date", not a re-entry forecast; the lifetime results say so.
 */
export interface ObjectMaintenance {
  /** true: operating; false: not operating (or not a payload); null: unknown. */
  readonly operating: boolean | null;
  readonly basis: string;
}

export interface MaintenanceSubject {
  readonly catalogNumber: number;
  readonly objectType: string;
  readonly operationalStatus: string | null;
}

/** The object's maintenance from its own operational status, else from the newest active set (its date stated). */
export async function objectMaintenance(db: Kysely<StoreSchema>, object: MaintenanceSubject | null): Promise<ObjectMaintenance> {
  if (object === null) return { operating: null, basis: "the object is not in the stored catalog" };
  if (object.objectType === "DEBRIS" || object.objectType === "ROCKET BODY") {
    return { operating: false, basis: `a ${object.objectType.toLowerCase()} object is not maintained` };
  }
  const status = object.operationalStatus?.trim() ?? "";
  if (status !== "") {
    return { operating: ACTIVE_STATUS_CODES.includes(status), basis: `the SATCAT's operational status code "${status}"` };
  }
  // Payloads, and objects of unknown type (known only from an element set): the active set lists operating payloads.
  const activeSet = await newestActiveSetIngest(db);
  if (activeSet === null) return { operating: null, basis: "no operational status and no active set in the store" };
  const member = await isActiveSetMember(db, activeSet.ingestId, object.catalogNumber);
  return {
    operating: member,
    basis: `${member ? "listed in" : "absent from"} the active set of ingest #${activeSet.ingestId} (${activeSet.source}, as of ${activeSet.dataAsOf ?? "?"})`,
  };
}

/** The sentence the lifetime results carry for an operating payload. */
export const MAINTAINED_LIFETIME_NOTE =
  "operating, so maintained: the re-entry below is its natural decay if operations ended at the analysis date, not a forecast of when it will re-enter";
