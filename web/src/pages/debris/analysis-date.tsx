import { Link, useLocation } from "react-router";
import type { EnvironmentSources } from "../../api/environment-queries.ts";
import { formatCount, formatDay } from "../../format/figures.ts";

const DAY_MS = 86_400_000;
/** Element sets older than this before the analysis date make lifetimes start from stale orbits. */
const STALE_WARNING_DAYS = 30;

/** The API's `at` for a `YYYY-MM-DD` URL parameter (start of that UTC day), or undefined (now). */
export function analysisAt(day: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day)) ? `${day}T00:00:00Z` : undefined;
}

/**
 * A warning when the newest element sets are much older than the analysis date (a store with an old catalog analysed
 * "now"), with a link that analyses as of the day after the newest epoch instead.
 */
export function StaleElementsWarning({ sources }: { readonly sources: EnvironmentSources }) {
  const location = useLocation();
  const epochMax = sources.elementSets.epochMax;
  if (epochMax === null) return <p className="warning">No element sets in the store: orbits come from the SATCAT's perigee and apogee only; nothing can be projected.</p>;
  const lagDays = Math.floor((Date.parse(sources.analysisDate) - Date.parse(epochMax)) / DAY_MS);
  if (lagDays <= STALE_WARNING_DAYS) return null;
  const day = formatDay(new Date(Date.parse(epochMax) + DAY_MS).toISOString());
  const params = new URLSearchParams(location.search);
  params.set("at", day);
  return (
    <p className="warning" role="note">
      The newest element sets are of {formatDay(epochMax)}, {formatCount(lagDays)} days before the analysis date {formatDay(sources.analysisDate)}:
      lifetimes start from orbits that old ({formatCount(sources.elementSets.staleSets)} sets over 30 days old).{" "}
      <Link to={`${location.pathname}?${params.toString()}`}>Analyse as of {day}</Link> instead, the day after the newest epoch.
    </p>
  );
}
