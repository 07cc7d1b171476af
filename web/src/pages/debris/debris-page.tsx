import { NavLink, useLocation, useParams } from "react-router";
import type { ComplianceGrouping, ComplianceRule, TrendGrouping } from "../../api/environment-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { analysisAt } from "./analysis-date.tsx";
import { GROUPING_LABELS } from "./compliance-classes.ts";
import { ComplianceResults } from "./compliance-view.tsx";
import { EnvironmentResults } from "./environment-view.tsx";
import { FragmentationResults } from "./fragmentations-view.tsx";
import "./debris-page.css";

type Filters = ReturnType<typeof useUrlFilters>;

const VIEWS = [
  { id: "", label: "Disposal compliance" },
  { id: "fragmentations", label: "Fragmentation events" },
  { id: "trends", label: "Environment trends" },
] as const;

const COMPLIANCE_GROUPINGS: readonly ComplianceGrouping[] = ["state", "owner", "regime", "year", "type"];
const TREND_GROUPINGS: readonly TrendGrouping[] = ["state", "type", "regime"];

function oneOf<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The views as tabs: each is its own link (deep links, back button), keeping the analysis date. */
function ViewTabs() {
  const location = useLocation();
  const at = new URLSearchParams(location.search).get("at");
  const query = at === null ? "" : `?at=${encodeURIComponent(at)}`;
  return (
    <nav className="view-tabs no-print" aria-label="Debris and compliance views">
      {VIEWS.map((view) => (
        <NavLink key={view.id} to={`/debris${view.id === "" ? "" : `/${view.id}`}${query}`} end>
          {view.label}
        </NavLink>
      ))}
    </nav>
  );
}

function AnalysisDateField({ filters }: { readonly filters: Filters }) {
  return (
    <label className="field field-narrow">
      <span>Analysis date (UTC)</span>
      <input type="date" value={filters.get("at")} onChange={(e) => filters.update({ at: e.currentTarget.value })} aria-describedby="analysis-date-help" />
      <span id="analysis-date-help" className="visually-hidden">Empty: today</span>
    </label>
  );
}

function ComplianceView({ filters }: { readonly filters: Filters }) {
  const rule = oneOf<ComplianceRule>(filters.get("rule"), ["25y", "5y"], "25y");
  const by = oneOf(filters.get("by"), COMPLIANCE_GROUPINGS, "state");
  const scale = filters.get("scale") === "share" ? "share" : "count";
  const at = analysisAt(filters.get("at"));
  return (
    <>
      <form className="filters no-print" aria-label="Compliance options" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="segmented">
          <legend>Disposal rule</legend>
          {(["25y", "5y"] as const).map((code) => (
            <label key={code}>
              <input type="radio" name="rule" value={code} checked={rule === code} onChange={() => filters.update({ rule: code === "25y" ? "" : code })} />
              {code === "25y" ? "25 years (IADC, UN)" : "5 years (FCC, ESA)"}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Group by</span>
          <select value={by} onChange={(e) => filters.update({ by: e.currentTarget.value === "state" ? "" : e.currentTarget.value })}>
            {COMPLIANCE_GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {GROUPING_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="segmented">
          <legend>Bars show</legend>
          {(["count", "share"] as const).map((s) => (
            <label key={s}>
              <input type="radio" name="scale" value={s} checked={scale === s} onChange={() => filters.update({ scale: s === "count" ? "" : s })} />
              {s === "count" ? "counts" : "shares"}
            </label>
          ))}
        </fieldset>
        <AnalysisDateField filters={filters} />
      </form>
      <AsyncBoundary what="the compliance analysis (lifetimes of every ended object: a few seconds the first time)" minHeight={900} resetKey={`${rule}:${by}:${at ?? ""}`}>
        <ComplianceResults rule={rule} by={by} at={at} scale={scale} />
      </AsyncBoundary>
    </>
  );
}

function FragmentationsView({ filters }: { readonly filters: Filters }) {
  const at = analysisAt(filters.get("at"));
  return (
    <>
      <form className="filters no-print" aria-label="Fragmentation options" onSubmit={(e) => e.preventDefault()}>
        <AnalysisDateField filters={filters} />
      </form>
      <AsyncBoundary what="the fragmentation events (lifetimes of every debris piece: a few seconds the first time)" minHeight={900} resetKey={at ?? ""}>
        <FragmentationResults at={at} />
      </AsyncBoundary>
    </>
  );
}

function TrendsView({ filters }: { readonly filters: Filters }) {
  const by = oneOf(filters.get("by"), TREND_GROUPINGS, "state");
  const at = analysisAt(filters.get("at"));
  return (
    <>
      <form className="filters no-print" aria-label="Trend options" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Lines by</span>
          <select value={by} onChange={(e) => filters.update({ by: e.currentTarget.value === "state" ? "" : e.currentTarget.value })}>
            {TREND_GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {GROUPING_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
        <AnalysisDateField filters={filters} />
      </form>
      <AsyncBoundary what="the environment trends" minHeight={900} resetKey={`${by}:${at ?? ""}`}>
        <EnvironmentResults by={by} at={at} />
      </AsyncBoundary>
    </>
  );
}

/** Debris and compliance: post-mission-disposal compliance, fragmentation events with their decay, environment trends. */
export default function DebrisPage() {
  const view = useParams()["*"] ?? "";
  const filters = useUrlFilters();
  const current = VIEWS.find((v) => v.id === view);
  return (
    <section className="page">
      <PageHeader
        title="Debris & compliance"
        kicker={current?.label}
        lead={
          <p>
            Who leaves what in orbit: whether ended payloads and rocket bodies leave the protected regions within the 25- or 5-year rule, the fragmentation events
            and how long their debris stays, and the growth of the population. Every figure names its analysis date and sources; change the date to see the
            situation on another day.
          </p>
        }
      />
      <ViewTabs />
      {view === "fragmentations" ? (
        <FragmentationsView filters={filters} />
      ) : view === "trends" ? (
        <TrendsView filters={filters} />
      ) : current === undefined ? (
        <p className="state state-empty">
          No view “{view}” here: choose one of the views above.
        </p>
      ) : (
        <ComplianceView filters={filters} />
      )}
    </section>
  );
}
