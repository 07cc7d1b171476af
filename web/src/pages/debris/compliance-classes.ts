import { CATEGORY } from "../../components/palette.ts";
import type { ComplianceReport } from "../../api/environment-queries.ts";

export type ComplianceRow = ComplianceReport["rows"][number];

/** The classes of ESA's environment report, in stacking order, with Okabe & Ito colours (always labelled too). */
export const COMPLIANCE_CLASSES = [
  { field: "naturallyCompliant", label: "Naturally compliant", color: CATEGORY.green },
  { field: "compliantAfterManoeuvre", label: "Compliant after manoeuvre", color: CATEGORY.sky },
  { field: "notCompliant", label: "Not compliant", color: CATEGORY.vermillion },
  { field: "notAssessable", label: "Not assessable", color: CATEGORY.grey },
] as const;

export type ComplianceClassField = (typeof COMPLIANCE_CLASSES)[number]["field"];

/** Objects in the bar: assessed plus not assessable (out of scope is not drawn). */
export function barTotal(row: ComplianceRow): number {
  return row.assessed + row.notAssessable;
}

/** "73.1 %" of a share in 0..1, or "—". */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? "—" : `${(share * 100).toFixed(1)} %`;
}

export const GROUPING_LABELS = { state: "State or organisation", owner: "SATCAT owner code", regime: "Orbit regime", year: "Launch year", type: "Object type" } as const;
