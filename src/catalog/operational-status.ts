/**
 * CelesTrak SATCAT operational status codes (`OPS_STATUS_CODE`), from CelesTrak's SATCAT
 * documentation (https://celestrak.org/satcat/status.php and satcat-format.php, as of 2026-11-26).
 * CelesTrak counts `+`, `P`, `B`, `S` and `X` as active. Space-Track's SATCAT carries no status.
 */
export const OPERATIONAL_STATUS_CODES = ["+", "-", "P", "B", "S", "X", "D", "?"] as const;
export type OperationalStatusCode = (typeof OPERATIONAL_STATUS_CODES)[number];

/** What Concord concludes about an object: the summary filters use. */
export type OperationalStatus = "active" | "inactive" | "decayed" | "unknown";

export interface OperationalStatusInfo {
  readonly code: OperationalStatusCode;
  readonly label: string;
  readonly status: OperationalStatus;
}

export const OPERATIONAL_STATUS_INFO: Readonly<Record<OperationalStatusCode, OperationalStatusInfo>> = {
  "+": { code: "+", label: "Operational", status: "active" },
  "-": { code: "-", label: "Nonoperational", status: "inactive" },
  P: { code: "P", label: "Partially operational", status: "active" },
  B: { code: "B", label: "Backup/standby", status: "active" },
  S: { code: "S", label: "Spare", status: "active" },
  X: { code: "X", label: "Extended mission", status: "active" },
  D: { code: "D", label: "Decayed", status: "decayed" },
  "?": { code: "?", label: "Unknown", status: "unknown" },
};

export function isOperationalStatusCode(code: string): code is OperationalStatusCode {
  return Object.hasOwn(OPERATIONAL_STATUS_INFO, code);
}

export interface OperationalStatusEvidence {
  /** The object's CelesTrak `OPS_STATUS_CODE`, or null where the source gave none (Space-Track). */
  readonly opsStatusCode: string | null;
  /** Whether the object is in CelesTrak's `active` GP group, where the caller knows; omit when not known. */
  readonly inActiveSet?: boolean;
}

export interface OperationalStatusAssessment {
  readonly status: OperationalStatus;
  /** Which evidence decided it. */
  readonly basis: "ops-status-code" | "active-set" | "none";
  readonly label: string;
}

/**
 * Pure rule: the status code decides where the source gives one; otherwise membership in CelesTrak's
 * active set is evidence of activity; otherwise the status is unknown. Absence from the active set is
 * not taken as proof of inactivity (the set is a snapshot and covers payloads only).
 */
export function assessOperationalStatus(evidence: OperationalStatusEvidence): OperationalStatusAssessment {
  const code = evidence.opsStatusCode?.trim() ?? "";
  if (code !== "" && isOperationalStatusCode(code) && code !== "?") {
    const info = OPERATIONAL_STATUS_INFO[code];
    return { status: info.status, basis: "ops-status-code", label: info.label };
  }
  if (evidence.inActiveSet === true) {
    return { status: "active", basis: "active-set", label: "Active (in CelesTrak's active set)" };
  }
  return { status: "unknown", basis: "none", label: "Unknown" };
}
