import codes from "i18n-iso-countries/codes.json";

/** ISO 3166-1 numeric (world-atlas feature ids, "840") → alpha-3 ("USA"), from i18n-iso-countries' code table. */
export const ALPHA3_BY_NUMERIC: ReadonlyMap<string, string> = new Map((codes as readonly (readonly string[])[]).map((row) => [row[2] ?? "", row[1] ?? ""]));
