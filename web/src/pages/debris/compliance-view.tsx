import { use, useMemo } from "react";
import { isSpaceWeatherMissing, loadCompliance } from "../../api/environment-queries.ts";
import type { ComplianceGrouping, ComplianceReport, ComplianceRule } from "../../api/environment-queries.ts";
import { CiteButton } from "../../components/cite-button.tsx";
import { complianceShareFigure } from "../../components/cite-figures.ts";
import type { ComplianceShare } from "../../components/cite-figures.ts";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { formatCount } from "../../format/figures.ts";
import { useGroupNames } from "./actor-names.ts";
import { StaleElementsWarning } from "./analysis-date.tsx";
import { COMPLIANCE_CLASSES, GROUPING_LABELS, barTotal, formatShare } from "./compliance-classes.ts";
import type { ComplianceRow } from "./compliance-classes.ts";
import { ComplianceBars, TOP_GROUPS } from "./compliance-figure.tsx";
import { MassSourceNote, massColumns, massCoverage } from "./compliance-mass.tsx";
import { EnvironmentSourceNote } from "./environment-source-note.tsx";
import { SpaceWeatherNeeded } from "./space-weather-needed.tsx";

const BASIS_LABELS: Readonly<Record<string, string>> = {
  "rocket-body": "rocket bodies (their mission ends at launch)",
  decayed: "re-entered before the analysis date",
  "operational-status": "payloads the SATCAT marks as no longer operational",
  "active-set": "payloads absent from the newest active set",
  "assumed-no-status-no-active-set": "payloads taken as ended: no status and no active set (assumption)",
};

function columnsFor(by: ComplianceGrouping, nameOf: (key: string) => string, withMass: boolean): TableColumn<ComplianceRow>[] {
  return [
    { header: GROUPING_LABELS[by], value: (r) => nameOf(r.key), wrap: by === "state" || by === "owner" },
    ...(by === "state" || by === "owner" ? [{ header: "Code", value: (r: ComplianceRow) => r.key }] : []),
    ...COMPLIANCE_CLASSES.map((c) => ({ header: c.label, numeric: true, value: (r: ComplianceRow) => r[c.field] })),
    { header: "Assessed", numeric: true, description: "naturally compliant + after manoeuvre + not compliant", value: (r) => r.assessed },
    { header: "Compliant share", numeric: true, description: "(naturally compliant + after manoeuvre) / assessed", value: (r) => r.compliantShare, cell: (r) => <strong>{formatShare(r.compliantShare)}</strong> },
    { header: "Not-assessable share", csvOnly: true, numeric: true, description: "not assessable / (assessed + not assessable)", value: (r) => (barTotal(r) === 0 ? null : r.notAssessable / barTotal(r)), cell: (r) => formatShare(barTotal(r) === 0 ? null : r.notAssessable / barTotal(r)) },
    { header: "Out of scope", csvOnly: true, numeric: true, description: "orbits crossing neither the LEO nor the GEO protected region", value: (r) => r.outOfScope },
    ...(withMass ? massColumns() : []),
  ];
}

function KeyFigures({ report }: { readonly report: ComplianceReport }) {
  const t = report.totals;
  const leo = (type: string, list: readonly ComplianceRow[]) => list.find((r) => r.key === type);
  const byMass = (row: ComplianceRow | undefined) =>
    report.massSource === null || row === undefined ? null : (
      <span className="key-figure-note" title={massCoverage(row)}>
        by mass {formatShare(row.mass.compliantShareByMass)} (mass known for {formatCount(row.mass.massKnownObjects)})
      </span>
    );
  const figure = (label: string, row: ComplianceRow | undefined, share: ComplianceShare) => (
    <div className="key-figure">
      <span className="key-figure-label">{label}</span>
      <span className="key-figure-value">{formatShare(row?.compliantShare)}</span>
      <span className="key-figure-note">of {formatCount(row?.assessed ?? 0)} assessed</span>
      {byMass(row)}
      <CiteButton figure={complianceShareFigure(report, share, share.place === "totals" ? "all ended payloads and rocket bodies" : label, formatShare)} />
    </div>
  );
  return (
    <div className="key-figures" aria-label="Key figures">
      {figure("All ended objects comply", t, { place: "totals" })}
      {figure("LEO payloads", leo("PAYLOAD", report.leo.all), { place: "all", type: "PAYLOAD" })}
      {figure("LEO rocket bodies", leo("ROCKET BODY", report.leo.all), { place: "all", type: "ROCKET BODY" })}
      {figure("LEO payloads, last 10 years", leo("PAYLOAD", report.leo.launchedLastDecade), { place: "launchedLastDecade", type: "PAYLOAD" })}
      {figure("LEO rocket bodies, last 10 years", leo("ROCKET BODY", report.leo.launchedLastDecade), { place: "launchedLastDecade", type: "ROCKET BODY" })}
      <div className="key-figure">
        <span className="key-figure-label">Not assessable</span>
        <span className="key-figure-value">{formatCount(t.notAssessable)}</span>
        <span className="key-figure-note">no usable orbit; {formatCount(t.outOfScope)} out of scope</span>
      </div>
    </div>
  );
}

/** How "mission ended" was decided, and the method's notes: the basis a reader needs before quoting a share. */
function Basis({ report }: { readonly report: ComplianceReport }) {
  const basis = Object.entries(report.endOfMissionBasis).filter(([, n]) => n > 0);
  return (
    <div className="card debris-basis">
      <h3 className="card-title">When a mission counts as ended</h3>
      <p className="card-meta">{report.sources.endOfMission}.</p>
      <ul className="basis-list">
        {basis.map(([key, n]) => (
          <li key={key}>
            <strong>{formatCount(n)}</strong> {BASIS_LABELS[key] ?? key}
          </li>
        ))}
      </ul>
      <details>
        <summary>Method notes ({report.notes.length})</summary>
        <ul className="basis-list">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </details>
      <p className="card-meta">
        Rule: {report.rule.name}. Source: {report.rule.source}. {formatCount(report.lifetimesComputed)} lifetimes computed.
      </p>
    </div>
  );
}

/** The compliance view's body: key figures, the stacked bars, the basis, the table. */
export function ComplianceResults({ rule, by, at, scale }: { readonly rule: ComplianceRule; readonly by: ComplianceGrouping; readonly at: string | undefined; readonly scale: "count" | "share" }) {
  const result = use(loadCompliance(rule, by, at));
  const nameOf = useGroupNames(by);
  const withMass = !isSpaceWeatherMissing(result) && result.massSource !== null;
  const columns = useMemo(() => columnsFor(by, nameOf, withMass), [by, nameOf, withMass]);
  if (isSpaceWeatherMissing(result)) return <SpaceWeatherNeeded message={result.message} />;
  const report = result;
  const drawn = by === "year" ? report.rows.filter((r) => /^\d{4}$/.test(r.key)).length : Math.min(TOP_GROUPS, report.rows.filter((r) => barTotal(r) > 0).length);
  const source = <EnvironmentSourceNote sources={report.sources} model={report.lifetimeModel} prefix={`Concord's compliance analysis (${report.rule.code} rule); `} />;
  return (
    <>
      <StaleElementsWarning sources={report.sources} />
      <KeyFigures report={report} />
      <div className="grid-wide-left grid-2">
        <FigureFrame
          title={`Post-mission disposal by ${GROUPING_LABELS[by].toLowerCase()}: ${report.rule.code === "25y" ? "25-year" : "5-year"} rule`}
          subtitle={
            <>
              {formatShare(report.totals.compliantShare)} of {formatCount(report.totals.assessed)} assessed ended payloads and rocket bodies comply (as of {report.analysisDate.slice(0, 10)}).{" "}
              {by === "year" ? "Each bar is a launch year." : `The ${drawn} largest of ${report.rows.length} groups; the figure at each bar's end is the compliant share of the assessed.`}
            </>
          }
          source={source}
        >
          <ComplianceBars rows={report.rows} by={by} scale={scale} nameOf={nameOf} />
        </FigureFrame>
        <Basis report={report} />
      </div>
      <DataTable
        caption={`Compliance by ${GROUPING_LABELS[by].toLowerCase()}: ${report.rows.length} groups, ${formatCount(report.totals.assessed)} assessed`}
        columns={columns}
        rows={report.rows}
        rowKey={(r) => r.key}
        csvName={`concord-compliance-${report.rule.code}-by-${by}-${report.analysisDate.slice(0, 10)}`}
        empty={<p className="state state-empty">No ended payload or rocket body as of {report.analysisDate.slice(0, 10)}: nothing to assess.</p>}
      />
      {source}
      <MassSourceNote source={report.massSource} totals={report.totals} />
    </>
  );
}
