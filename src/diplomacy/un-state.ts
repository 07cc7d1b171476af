/**
 * A state in the diplomacy registry: every UN member State and the two non-member observer States (Holy See, State of
 * Palestine). Codes and names come from ISO 3166-1 (the `i18n-iso-countries` package); UN status and regional group
 * come from the curated table `data/diplomacy/states.csv`, each row with its source and as-of date.
 */

export const UN_STATUSES = ["member", "observer"] as const;
/** `member`: UN Member State; `observer`: non-member observer State. */
export type UnStatus = (typeof UN_STATUSES)[number];

/** The five UN regional groups, and `none` for a state in no group (Kiribati, the Holy See). */
export const REGIONAL_GROUPS = ["african", "asia-pacific", "eastern-european", "latin-american-caribbean", "weog", "none"] as const;
export type RegionalGroup = (typeof REGIONAL_GROUPS)[number];

export const REGIONAL_GROUP_NAMES: Readonly<Record<RegionalGroup, string>> = {
  african: "African Group",
  "asia-pacific": "Asia-Pacific Group",
  "eastern-european": "Eastern European Group",
  "latin-american-caribbean": "Latin American and Caribbean Group",
  weog: "Western European and Others Group",
  none: "no regional group",
};

/** How a state belongs to its regional group: the United States attends WEOG as an observer. */
export const GROUP_STATUSES = ["member", "observer", "none"] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export interface UnState {
  /** ISO 3166-1 alpha-3. */
  readonly iso3: string;
  /** English name from the ISO package (`United States of America`). */
  readonly name: string;
  readonly unStatus: UnStatus;
  readonly regionalGroup: RegionalGroup;
  readonly groupStatus: GroupStatus;
  readonly source: string;
  readonly asOf: string;
  readonly note: string | null;
}
