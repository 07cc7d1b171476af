/**
 * CelesTrak SATCAT operational status codes counted as active: operational, partially operational, backup/standby,
 * spare, extended mission (https://celestrak.org/satcat/status.php). Space-Track's SATCAT carries no status.
 */
export const ACTIVE_STATUS_CODES: readonly string[] = ["+", "P", "B", "S", "X"];

/** How Concord defines "active", stated in every output that uses it. */
export const ACTIVE_PAYLOAD_DEFINITION =
  "active = a PAYLOAD whose CelesTrak OPS_STATUS_CODE is +, P, B, S or X, or any object listed in the newest active-set ingest " +
  "(CelesTrak's `active` GP group or an ingest marked --active-set; it lists operating satellites, some of them catalogued as UNKNOWN or not yet in the SATCAT)";

/**
 * Whether an object counts as an active payload: a PAYLOAD whose status code says so, or an object the active set
 * lists (CelesTrak's active group holds operating satellites only, whatever type the SATCAT gives them). Pure.
 */
export function isActivePayload(object: { readonly objectType: string | null; readonly operationalStatus: string | null }, inActiveSet: boolean): boolean {
  if (inActiveSet) return true;
  return object.objectType === "PAYLOAD" && ACTIVE_STATUS_CODES.includes(object.operationalStatus?.trim() ?? "");
}
