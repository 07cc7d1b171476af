import { use, useMemo } from "react";
import { Link } from "react-router";
import { isSpaceWeatherMissing, loadFragmentations } from "../../api/environment-queries.ts";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import { formatCount } from "../../format/figures.ts";
import { useGroupNames } from "./actor-names.ts";
import { StaleElementsWarning } from "./analysis-date.tsx";
import { DecayCurves, decayPoints } from "./decay-curves-figure.tsx";
import type { DecayPoint, Fragmentation } from "./decay-curves-figure.tsx";
import { EnvironmentSourceNote } from "./environment-source-note.tsx";
import { SpaceWeatherNeeded } from "./space-weather-needed.tsx";

/** Events drawn as small multiples (the table lists them all). */
const CURVES = 12;

function columnsFor(nameOf: (key: string) => string): TableColumn<Fragmentation>[] {
  return [
    { header: "Event", value: (e) => e.name, cell: (e) => <span title={e.source ?? "SATCAT grouping (a launch with 100+ debris pieces)"}>{e.name}</span>, wrap: true },
    { header: "Date", value: (e) => e.date, cell: (e) => <span title={e.dateBasis === "curated-event" ? "date of the event" : "the parent's launch date (no curated event)"}>{e.date ?? "—"}{e.dateBasis === "parent-launch" ? "*" : ""}</span> },
    { header: "Date basis", csvOnly: true, value: (e) => e.dateBasis },
    { header: "Responsible", value: (e) => e.responsible.join(" "), cell: (e) => e.responsible.map((code, i) => <span key={code}>{i > 0 ? ", " : ""}<span title={nameOf(code)}>{code}</span></span>) },
    {
      header: "ASAT test",
      value: (e) => (e.asatTest === null ? "" : `${e.asatTest.state} ${e.asatTest.date} (${e.asatTest.certainty})`),
      cell: (e) => (e.asatTest === null ? "" : <strong className="asat-flag" title={`destructive ASAT test (${e.asatTest.certainty}): ${e.asatTest.source}`}>{e.asatTest.state}, {e.asatTest.date}</strong>),
    },
    { header: "Launches", description: "parent launches (international designators) of the debris", value: (e) => e.debrisLaunches.join(" "), cell: (e) => e.debrisLaunches.map((l, i) => <span key={l}>{i > 0 ? ", " : ""}<Link to={`/objects?search=${encodeURIComponent(l)}&type=DEBRIS`}>{l}</Link></span>) },
    { header: "Catalogued", numeric: true, value: (e) => e.piecesCatalogued },
    { header: "Published", numeric: true, description: "pieces catalogued as published by the event's source", value: (e) => e.publishedCatalogued },
    { header: "In orbit", numeric: true, value: (e) => e.piecesInOrbit },
    { header: "With sets", numeric: true, description: "in orbit with an element set at or before the analysis date (the projections count only these)", value: (e) => e.piecesWithElements },
    { header: "In 5 y", numeric: true, description: "pieces still in orbit 5 years after the analysis date (lifetime model)", value: (e) => e.projectedRemaining.after5Years },
    { header: "In 10 y", numeric: true, description: "pieces still in orbit 10 years after the analysis date (lifetime model)", value: (e) => e.projectedRemaining.after10Years },
    { header: "In 25 y", numeric: true, description: "pieces still in orbit 25 years after the analysis date (lifetime model)", value: (e) => e.projectedRemaining.after25Years },
    { header: "Source", csvOnly: true, value: (e) => e.source ?? "SATCAT grouping (a launch with 100+ debris pieces)" },
  ];
}

const CURVE_CSV = [
  { header: "event", value: (d: DecayPoint) => d.event },
  { header: "years_after_analysis", value: (d: DecayPoint) => d.years },
  { header: "pieces_in_orbit", value: (d: DecayPoint) => d.pieces },
  { header: "share_of_today", value: (d: DecayPoint) => d.share },
];

/** Fragmentation events: the table of every event and the decay curves of the largest in orbit. */
export function FragmentationResults({ at }: { readonly at: string | undefined }) {
  const result = use(loadFragmentations(at));
  const nameOf = useGroupNames("state");
  const columns = useMemo(() => columnsFor(nameOf), [nameOf]);
  const largest = useMemo(() => (isSpaceWeatherMissing(result) ? [] : [...result.events].sort((a, b) => b.piecesInOrbit - a.piecesInOrbit).filter((e) => e.piecesInOrbit > 0).slice(0, CURVES)), [result]);
  if (isSpaceWeatherMissing(result)) return <SpaceWeatherNeeded message={result.message} />;
  const report = result;
  const day = report.analysisDate.slice(0, 10);
  const asat = report.events.filter((e) => e.asatTest !== null);
  const curated = report.events.filter((e) => e.source !== null);
  const source = <EnvironmentSourceNote sources={report.sources} model={report.lifetimeModel} prefix="curated events from Concord's data/fragmentation-events.csv and destructive ASAT tests from data/diplomacy/destructive-asat-tests.csv (each row with its source); " />;
  return (
    <>
      <StaleElementsWarning sources={report.sources} />
      <div className="key-figures" aria-label="Key figures">
        <div className="key-figure">
          <span className="key-figure-label">Debris in orbit</span>
          <span className="key-figure-value">{formatCount(report.debrisInOrbit)}</span>
          <span className="key-figure-note">{formatCount(report.debrisInOrbitWithoutElements)} without an element set</span>
        </div>
        <div className="key-figure">
          <span className="key-figure-label">Events listed</span>
          <span className="key-figure-value">{formatCount(report.events.length)}</span>
          <span className="key-figure-note">curated, and every launch with 100+ pieces</span>
        </div>
        <div className="key-figure">
          <span className="key-figure-label">Destructive ASAT tests</span>
          <span className="key-figure-value">{formatCount(asat.length)}</span>
          <span className="key-figure-note">{formatCount(asat.reduce((s, e) => s + e.piecesInOrbit, 0))} of their pieces in orbit</span>
        </div>
      </div>
      <FigureFrame
        title="Decay curves: pieces still in orbit after 5, 10 and 25 years"
        subtitle={`The ${largest.length} events with most pieces in orbit on ${day}. Each panel: the share of today's pieces with an element set still in orbit by the lifetime model (${report.lifetimeModel.name.split(" (")[0]}); the figures are pieces. Straight lines join the model's four points.`}
        source={source}
        csv={{ name: `concord-fragmentation-decay-${day}`, columns: CURVE_CSV, rows: largest.flatMap(decayPoints) }}
      >
        {largest.length === 0 ? <p className="muted">No fragmentation debris in orbit on {day}.</p> : <DecayCurves events={largest} />}
      </FigureFrame>
      <DataTable
        caption={`${report.events.length} fragmentation events, most pieces catalogued first (as of ${day}; * the parent's launch date, no curated event)`}
        columns={columns}
        rows={report.events}
        rowKey={(e) => e.id}
        csvName={`concord-fragmentations-${day}`}
        rowClassName={(e) => (e.asatTest === null ? undefined : "row-asat")}
        empty={<p className="state state-empty">No fragmentation debris catalogued as of {day}.</p>}
      />
      <details className="event-sources">
        <summary>Sources of the {curated.length} curated events</summary>
        <ul className="basis-list">
          {curated.map((e) => (
            <li key={e.id}>
              <strong>{e.name}</strong>: <LinkedText text={e.source ?? ""} />
            </li>
          ))}
        </ul>
      </details>
      {source}
    </>
  );
}
