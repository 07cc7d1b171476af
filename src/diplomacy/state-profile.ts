import type { Act } from "./act.ts";
import type { CatalogEvidence } from "./catalog-evidence.service.ts";
import type { ConjunctionShare } from "./conjunction-share.ts";
import type { ConsistencyItem } from "./consistency-view.ts";
import type { DisposalComplianceSummary } from "./disposal-compliance.ts";
import type { Instrument } from "./instrument.ts";
import type { Knowledge } from "./knowledge.ts";
import type { StandingStatement } from "./standing-statement.ts";
import type { ActorConduct, CountSplit } from "./state-conduct.ts";
import type { UnState } from "./un-state.ts";

/**
 * Everything Concord knows about one state, each fact with its source and as-of date: its acts under every instrument
 * and its fora memberships (unknown shown as unknown), its conduct in orbit from the catalog (its own objects, and a
 * historic predecessor's apart), its part in the newest screening run's conjunctions, its post-mission-disposal
 * compliance where analysed, and the consistency view that puts commitments beside conduct.
 */
export interface StateProfile {
  readonly state: UnState & { readonly regionalGroupName: string };
  /** National agencies that act for it (IADC members). */
  readonly agencies: readonly { readonly code: string; readonly name: string }[];
  readonly commitments: readonly CommitmentEntry[];
  readonly fora: readonly StandingStatement[];
  readonly conduct: StateConductProfile;
  readonly consistency: readonly ConsistencyItem[];
}

export interface CommitmentEntry {
  readonly instrument: Pick<Instrument, "id" | "kind" | "shortName" | "coverage" | "coverageAsOf">;
  readonly answer: StandingStatement;
  /** The state's current acts under the instrument, each with date, source and as-of. */
  readonly acts: readonly Act[];
}

export interface StateConductProfile {
  readonly catalog: CatalogEvidence;
  /** The state itself first, then any historic predecessor (labelled `predecessor`); empty when no catalog is stored. */
  readonly actors: readonly ActorConduct[];
  /** Organisations and companies it is a member, partner or host of: their objects, not counted as its own. */
  readonly shared: readonly SharedActorObjects[];
  readonly conjunctions: Knowledge<ConjunctionProfile>;
  /** Filled by the environment analytics when they exist; "not yet analysed" until then. */
  readonly disposalCompliance: Knowledge<DisposalComplianceSummary>;
}

export interface SharedActorObjects extends CountSplit {
  readonly actorCode: string;
  readonly actorName: string;
  readonly kind: string;
  readonly memberStates: number;
}

export interface ConjunctionProfile {
  readonly run: { readonly id: number; readonly from: string; readonly to: string; readonly thresholdKm: number; readonly finishedAt: string };
  /** One per actor of the state (itself, predecessor). */
  readonly shares: readonly ConjunctionShare[];
  readonly source: string;
  readonly asOf: string;
}
