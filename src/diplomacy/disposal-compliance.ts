import { unknown } from "./knowledge.ts";
import type { Knowledge } from "./knowledge.ts";

/**
 * The slot for a state's post-mission-disposal compliance, to be filled by the environment analytics (src/environment)
 * once they exist. Until a provider is given, every profile says "not yet analysed" (unknown, never a rate of zero).
 */
export interface DisposalComplianceSummary {
  /** The rule assessed against, e.g. "25-year rule (IADC guideline 5.3.2)". */
  readonly rule: string;
  /** Objects assessed (ended missions in the regime the rule covers) and how many of them comply. */
  readonly assessed: number;
  readonly compliant: number;
  /** `compliant / assessed`. */
  readonly compliantShare: number;
  readonly source: string;
  readonly asOf: string;
}

/** Looks up a state's compliance, or null where no analysis covers it. */
export type DisposalComplianceProvider = (iso3: string) => Promise<DisposalComplianceSummary | null>;

export const DISPOSAL_NOT_ANALYSED = "post-mission-disposal compliance not yet analysed: no analysis is stored for this state";

export async function disposalComplianceOf(iso3: string, provider: DisposalComplianceProvider | undefined): Promise<Knowledge<DisposalComplianceSummary>> {
  const summary = provider === undefined ? null : await provider(iso3);
  return summary === null ? unknown(DISPOSAL_NOT_ANALYSED) : { status: "known", value: summary };
}
