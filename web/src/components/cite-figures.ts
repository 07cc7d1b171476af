import type { components } from "../api/openapi-types.ts";

/**
 * The figures the evidence pages offer to cite, each fixed by the page that shows it: the public GET path the page read
 * (with its query), a JSON pointer (RFC 6901) to the one value the page shows, and where the page's as-of date is when
 * the server's default rule (src/positions/figure-as-of.ts) would date it otherwise. The analyst never types a pointer.
 * Pure: no DOM, no fetch (test/web/cite-figures.test.ts checks every pointer against the real API's answers).
 */
export interface CitableFigure {
  /** The citation's label, as the position will list it. */
  readonly label: string;
  /** The evidence path the page read, e.g. `/api/instruments/artemis-accords`. */
  readonly apiPath: string;
  /** The value in that answer, e.g. `/growth/years/6/cumulative`. */
  readonly pointer: string;
  /** Where the date the page shows is; absent where the default rule finds that date. */
  readonly asOfPointer?: string;
  /** The value as the page shows it ("62", "in", "70.5 %"), for the dialog. */
  readonly shown: string;
}

type Schemas = components["schemas"];
type InstrumentView = Schemas["InstrumentView"];
type StateProfile = Schemas["StateProfile"];
type Stats = Schemas["Stats"];
type ComplianceResult = Schemas["ComplianceResult"];
type ComplianceRow = Schemas["ComplianceRow"];

/** A JSON pointer from its tokens: `~` and `/` inside a token escaped as `~0` and `~1`. */
export function jsonPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${String(t).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/** An API path with its query in the given order (undefined values left out), each part URI-encoded. */
export function evidencePath(path: string, query: Readonly<Record<string, string | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, value);
  const search = params.toString();
  return search === "" ? path : `${path}?${search}`;
}

/**
 * The instrument's latest cumulative number of participants (the growth curve's last step, as its subtitle states it),
 * dated like the page: by the coverage date where there is one, else the registry's as-of date. Null without a dated act.
 */
export function instrumentParticipantsFigure(view: InstrumentView): CitableFigure | null {
  const years = view.growth.years;
  const last = years.at(-1);
  if (last === undefined) return null;
  const { instrument } = view;
  return {
    label: `${instrument.shortName}: participants`,
    apiPath: `/api/instruments/${encodeURIComponent(instrument.id)}`,
    pointer: jsonPointer(["growth", "years", years.length - 1, "cumulative"]),
    asOfPointer: instrument.coverageAsOf === null ? "/instrument/asOf" : "/instrument/coverageAsOf",
    shown: String(last.cumulative),
  };
}

/** A state's standing under one instrument (its commitments' `index`th), when it is known; null otherwise. */
export function commitmentStandingFigure(profile: StateProfile, index: number, shown: (value: string) => string = (v) => v): CitableFigure | null {
  const commitment = profile.commitments[index];
  if (commitment === undefined || commitment.answer.status !== "known" || commitment.answer.value === null) return null;
  return {
    label: `${profile.state.name}: standing under the ${commitment.instrument.shortName}`,
    apiPath: `/api/states/${encodeURIComponent(profile.state.iso3)}`,
    pointer: jsonPointer(["commitments", index, "answer", "value"]),
    shown: shown(commitment.answer.value),
  };
}

export type CatalogTotal = keyof Stats["totals"];

const CATALOG_TOTAL_LABELS: Readonly<Record<CatalogTotal, string>> = { onOrbit: "objects on orbit", decayed: "objects re-entered", total: "objects catalogued" };

/**
 * One of the catalog's totals in a GET /api/stats answer (`by` and `status` as the page asked), dated by the SATCAT's
 * data date as the page's note shows it. Null before a SATCAT is ingested (the totals are then 0 of nothing).
 */
export function catalogTotalFigure(stats: Stats, total: CatalogTotal, shown: (value: number) => string = String): CitableFigure | null {
  if (stats.asOf.satcat === null) return null;
  return {
    label: `Catalog: ${CATALOG_TOTAL_LABELS[total]}`,
    apiPath: evidencePath("/api/stats", { by: stats.by, status: stats.status }),
    pointer: jsonPointer(["totals", total]),
    asOfPointer: "/asOf/satcat/dataAsOf",
    shown: shown(stats.totals[total]),
  };
}

/** Which compliant share of a compliance answer: the totals, or an object type's row among the LEO ones. */
export type ComplianceShare = { readonly place: "totals" } | { readonly place: "all" | "launchedLastDecade"; readonly type: string };

/**
 * A compliant share of GET /api/compliance, read at the page's own analysis date (`at` pinned to it, so the cited value
 * is the one on the screen and a re-read gives the same unless the data changed), dated by that analysis date. Null
 * where the share is unknown (nothing assessed).
 */
export function complianceShareFigure(report: ComplianceResult, share: ComplianceShare, what: string, shown: (value: number) => string = String): CitableFigure | null {
  let row: ComplianceRow | undefined;
  let tokens: (string | number)[];
  if (share.place === "totals") {
    row = report.totals;
    tokens = ["totals", "compliantShare"];
  } else {
    const list = report.leo[share.place];
    const index = list.findIndex((r) => r.key === share.type);
    row = list[index];
    tokens = ["leo", share.place, index, "compliantShare"];
  }
  if (row === undefined || row.compliantShare === null || !Number.isFinite(row.compliantShare)) return null;
  const rule = report.rule.code === "25y" ? "25-year" : report.rule.code === "5y" ? "5-year" : report.rule.code;
  return {
    label: `Post-mission disposal (${rule} rule): compliant share of ${what}`,
    apiPath: evidencePath("/api/compliance", { rule: report.rule.code, by: report.by, at: report.analysisDate }),
    pointer: jsonPointer(tokens),
    shown: shown(row.compliantShare),
  };
}
