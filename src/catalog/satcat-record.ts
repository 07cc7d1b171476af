/** Object types as Space-Track names them; CelesTrak's PAY, R/B, DEB, UNK map onto these. */
export const OBJECT_TYPES = ["PAYLOAD", "ROCKET BODY", "DEBRIS", "UNKNOWN"] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export const RCS_SIZES = ["SMALL", "MEDIUM", "LARGE"] as const;
export type RcsSize = (typeof RCS_SIZES)[number];

/**
 * One catalogued space object as a SATCAT gives it (Space-Track JSON or CelesTrak CSV).
 * Dates are `YYYY-MM-DD`. Altitudes are above the Earth's surface.
 */
export interface SatcatRecord {
  readonly catalogNumber: number;
  readonly internationalDesignator: string | null;
  readonly name: string | null;
  readonly objectType: ObjectType;
  /** Space-Track / CelesTrak owner code (`US`, `CIS`, `PRC`, `ESA`, `TBD` …), not an ISO code. */
  readonly ownerCode: string | null;
  readonly launchDate: string | null;
  readonly launchSite: string | null;
  /** Null while the object is on orbit. */
  readonly decayDate: string | null;
  readonly periodMin: number | null;
  readonly inclinationDeg: number | null;
  readonly apogeeKm: number | null;
  readonly perigeeKm: number | null;
  readonly rcsSize: RcsSize | null;
  /** CelesTrak OPS_STATUS_CODE (`+` operational, `-` nonoperational, `P`, `B`, `S`, `X`, `D`, `?`) where the source gives it. */
  readonly operationalStatus: string | null;
}

export type SatcatFormat = "satcat-spacetrack-json" | "satcat-celestrak-csv";
