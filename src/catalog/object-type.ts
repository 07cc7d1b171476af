import { OBJECT_TYPES, type ObjectType } from "./satcat-record.ts";

/** CelesTrak's SATCAT `OBJECT_TYPE` codes (https://celestrak.org/satcat/satcat-format.php). */
export const CELESTRAK_OBJECT_TYPE_CODES = ["PAY", "R/B", "DEB", "UNK"] as const;
export type CelestrakObjectTypeCode = (typeof CELESTRAK_OBJECT_TYPE_CODES)[number];

export interface ObjectTypeInfo {
  readonly objectType: ObjectType;
  readonly celestrakCode: CelestrakObjectTypeCode;
  readonly label: string;
  readonly description: string;
}

/** One entry per object type, keyed by the Space-Track name Concord stores. */
export const OBJECT_TYPE_INFO: Readonly<Record<ObjectType, ObjectTypeInfo>> = {
  PAYLOAD: {
    objectType: "PAYLOAD",
    celestrakCode: "PAY",
    label: "Payload",
    description: "A spacecraft the launch was for (satellite, probe, crewed vehicle), working or not.",
  },
  "ROCKET BODY": {
    objectType: "ROCKET BODY",
    celestrakCode: "R/B",
    label: "Rocket body",
    description: "A launch-vehicle stage left in orbit.",
  },
  DEBRIS: {
    objectType: "DEBRIS",
    celestrakCode: "DEB",
    label: "Debris",
    description: "A fragment or mission-related object: breakup pieces, shrouds, adapters, released parts.",
  },
  UNKNOWN: {
    objectType: "UNKNOWN",
    celestrakCode: "UNK",
    label: "Unknown",
    description: "An object the catalog has not identified as payload, rocket body or debris.",
  },
};

const BY_CODE = new Map<string, ObjectType>();
for (const type of OBJECT_TYPES) {
  BY_CODE.set(type, type);
  BY_CODE.set(OBJECT_TYPE_INFO[type].celestrakCode, type);
}

/**
 * The object type for a Space-Track name (`PAYLOAD`, `ROCKET BODY`, `DEBRIS`, `UNKNOWN`) or a CelesTrak
 * code (`PAY`, `R/B`, `DEB`, `UNK`), case and surrounding blanks ignored; null for anything else.
 */
export function normaliseObjectType(code: string): ObjectType | null {
  const exact = BY_CODE.get(code);
  if (exact !== undefined) return exact;
  return BY_CODE.get(code.trim().toUpperCase()) ?? null;
}

export function toCelestrakObjectType(type: ObjectType): CelestrakObjectTypeCode {
  return OBJECT_TYPE_INFO[type].celestrakCode;
}

export function objectTypeLabel(type: ObjectType): string {
  return OBJECT_TYPE_INFO[type].label;
}
