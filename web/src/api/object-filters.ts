import type { paths } from "./openapi-types.ts";

type ObjectsQuery = NonNullable<paths["/api/objects"]["get"]["parameters"]["query"]>;
export type ObjectTypeCode = NonNullable<ObjectsQuery["type"]>;
export type RegimeCode = NonNullable<ObjectsQuery["regime"]>;
export type StatusCode = NonNullable<ObjectsQuery["status"]>;

/** The object types the API accepts, with labels; the compile-time checks below keep the lists complete. */
export const OBJECT_TYPE_OPTIONS = [
  { value: "PAYLOAD", label: "Payload" },
  { value: "ROCKET BODY", label: "Rocket body" },
  { value: "DEBRIS", label: "Debris" },
  { value: "UNKNOWN", label: "Unknown type" },
] as const satisfies readonly { value: ObjectTypeCode; label: string }[];

/** ESA's orbit classes (Annual Space Environment Report). */
export const REGIME_OPTIONS = [
  { value: "LEO", label: "LEO: low Earth orbit" },
  { value: "MEO", label: "MEO: medium Earth orbit" },
  { value: "GEO", label: "GEO: geostationary" },
  { value: "IGO", label: "IGO: inclined geosynchronous" },
  { value: "EGO", label: "EGO: extended geostationary" },
  { value: "NSO", label: "NSO: navigation satellites" },
  { value: "GTO", label: "GTO: geostationary transfer" },
  { value: "GHO", label: "GHO: GEO-crossing highly eccentric" },
  { value: "HEO", label: "HEO: highly eccentric" },
  { value: "LMO", label: "LMO: LEO-MEO crossing" },
  { value: "MGO", label: "MGO: MEO-GEO crossing" },
  { value: "HAO", label: "HAO: high altitude" },
  { value: "ESO", label: "ESO: Earth escape" },
  { value: "UNDEFINED", label: "Undefined (no orbit data)" },
] as const satisfies readonly { value: RegimeCode; label: string }[];

export const STATUS_OPTIONS = [
  { value: "all", label: "On orbit and re-entered" },
  { value: "on-orbit", label: "On orbit" },
  { value: "decayed", label: "Re-entered" },
] as const satisfies readonly { value: StatusCode; label: string }[];

type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const complete: [
  Missing<ObjectTypeCode, (typeof OBJECT_TYPE_OPTIONS)[number]["value"]>,
  Missing<RegimeCode, (typeof REGIME_OPTIONS)[number]["value"]>,
  Missing<StatusCode, (typeof STATUS_OPTIONS)[number]["value"]>,
] = [true, true, true];
void complete;

/** A URL parameter as one of the listed values, or undefined. */
export function listedValue<T extends string>(options: readonly { readonly value: T }[], text: string): T | undefined {
  const upper = text.trim();
  return options.find((option) => option.value.toLowerCase() === upper.toLowerCase())?.value;
}
