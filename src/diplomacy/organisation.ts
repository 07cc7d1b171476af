/**
 * An organisation that acts in the diplomacy registry: an intergovernmental body (ESA, EUMETSAT), the EU, or a national
 * space agency (the IADC members are agencies: NASA, CNSA, ISRO …). It links to the catalog's actor table
 * (`data/actors.csv`) where an actor exists, so conduct in orbit can be joined to it.
 */

export const ORGANISATION_KINDS = ["intergovernmental", "supranational", "space-agency"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  /** Short upper-case code (`ESA`, `NASA`); never an ISO 3166-1 alpha-3 code, so a party code is unambiguous. */
  readonly code: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  /** For a national agency: the state it acts for (ISO alpha-3). */
  readonly stateIso3: string | null;
  /** Member states where the actor table does not list them (the EU); empty otherwise. */
  readonly memberStates: readonly string[];
  /** The actor in `data/actors.csv` whose objects are this organisation's (ESA → ESA, NASA → USA), or null. */
  readonly actorCode: string | null;
  readonly source: string;
  readonly asOf: string;
  readonly note: string | null;
}
