import { use, useMemo } from "react";
import { Link } from "react-router";
import { loadExposure, loadRuns } from "../../api/screening-queries.ts";
import type { ExposureReport } from "../../api/screening-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { numberParam, useUrlFilters } from "../../components/url-filters.ts";
import { formatCount, formatFixed, formatPc } from "../../format/figures.ts";
import { leadingActors, matrixCells } from "./exposure-cells.ts";
import type { ExposureMeasure, ExposureView, MatrixCell } from "./exposure-cells.ts";
import { ExposureHeatmap, heatmapHeight } from "./exposure-heatmap.tsx";
import { RunSourceNote } from "./run-source-note.tsx";

const MAX_ACTORS = 20;

const VIEWS: readonly { value: ExposureView; label: string }[] = [
  { value: "all", label: "All close approaches between two actors' objects" },
  { value: "debris", label: "Active payloads approached by debris and rocket bodies" },
];
const MEASURES: readonly { value: ExposureMeasure; label: string }[] = [
  { value: "events", label: "Number of events" },
  { value: "closest", label: "Closest miss distance" },
  { value: "pc", label: "Summed probability of collision" },
];

const CELL_COLUMNS: readonly TableColumn<MatrixCell>[] = [
  { header: "Row actor", value: (c) => c.row },
  { header: "Column actor", value: (c) => c.column },
  { header: "Events", value: (c) => c.events, numeric: true },
  { header: "Closest miss km", value: (c) => c.closestMissKm, cell: (c) => formatFixed(c.closestMissKm, 3), numeric: true },
  { header: "Summed Pc", value: (c) => c.sumPc, cell: (c) => (c.eventsWithPc === 0 ? "—" : formatPc(c.sumPc)), numeric: true },
  { header: "Events with Pc", value: (c) => c.eventsWithPc, numeric: true },
];

type DebrisRow = ExposureReport["debrisExposure"][number];

const DEBRIS_COLUMNS: readonly TableColumn<DebrisRow>[] = [
  { header: "Actor", value: (d) => d.actor },
  { header: "Approaches to its active payloads", value: (d) => d.activeApproaches, numeric: true },
  { header: "By other actors' debris", value: (d) => d.byOtherActorsDebris, numeric: true },
  { header: "Share", value: (d) => d.share, cell: (d) => `${formatFixed(d.share * 100, 1)} %`, numeric: true },
  {
    header: "Fragmentation events (parent launch: approaches)",
    value: (d) => d.parents.map((p) => `${p.launchDesignator} ${p.name ?? ""} (${p.actorCode ?? "?"}): ${p.approaches}`).join("; "),
  },
];

function choice<T extends string>(options: readonly { value: T }[], text: string, fallback: T): T {
  return options.find((o) => o.value === text)?.value ?? fallback;
}

function Exposure({ runId, view, measure }: { readonly runId: number; readonly view: ExposureView; readonly measure: ExposureMeasure }) {
  const report = use(loadExposure(runId));
  const cells = useMemo(() => matrixCells(report, view), [report, view]);
  const actors = useMemo(() => leadingActors(cells, MAX_ACTORS), [cells]);
  const allActors = useMemo(() => leadingActors(cells, Number.MAX_SAFE_INTEGER).length, [cells]);
  const title = view === "debris" ? "Whose debris endangers whose active satellites" : "Who approaches whom";
  return (
    <>
      {cells.length === 0 ? (
        <EmptyState title={view === "debris" ? "In this run, no debris or rocket body approached an active payload." : "This run has no events."} minHeight={240}>
          <p>
            {view === "debris" ? (
              <>
                Active payloads are known from an active-set ingest (CelesTrak's <code>active</code> group); without one, no payload counts as active.{" "}
                <Link to={`/conjunctions/exposure?run=${runId}&view=all`}>Show all approaches</Link>.
              </>
            ) : (
              "Screen a longer window or with a larger threshold to find approaches."
            )}
          </p>
        </EmptyState>
      ) : (
        <FigureFrame
          title={title}
          subtitle={
            <>
              {view === "debris"
                ? "Rows: the actor whose active payloads were approached; columns: the actor whose debris or rocket bodies approached them."
                : "Events between an object of the row actor and one of the column actor (symmetric; an actor's own objects on the diagonal)."}{" "}
              {allActors > actors.length ? `The ${actors.length} actors with most events of ${allActors}; all are in the table and CSV.` : ""}
              {view === "debris" ? ` Active payloads: ${report.activeDefinition}` : ""}
            </>
          }
          source={<RunSourceNote run={report.run} />}
          csv={{ name: `concord-run-${runId}-exposure-${view}`, columns: CELL_COLUMNS, rows: cells }}
        >
          <ExposureHeatmap cells={cells} actors={actors} measure={measure} view={view} />
        </FigureFrame>
      )}
      <section className="section" aria-labelledby="matrix-table-heading">
        <h2 id="matrix-table-heading">The matrix as a table</h2>
        <DataTable
          caption={`${formatCount(cells.length)} actor pairs with events`}
          columns={CELL_COLUMNS}
          rows={[...cells].sort((a, b) => b.events - a.events)}
          rowKey={(c) => `${c.row}→${c.column}`}
          csvName={`concord-run-${runId}-exposure-${view}-table`}
          empty={<EmptyState title="No actor pair has events in this view." />}
        />
      </section>
      <section className="section" aria-labelledby="debris-heading">
        <h2 id="debris-heading">Exposure of each actor's active satellites to other actors' debris</h2>
        <DataTable
          caption={`${report.debrisExposure.length} actors with active payloads in events`}
          columns={DEBRIS_COLUMNS}
          rows={report.debrisExposure}
          rowKey={(d) => d.actor}
          csvName={`concord-run-${runId}-debris-exposure`}
          empty={
            <EmptyState title="No active payload took part in an event of this run.">
              <p>Active payloads come from an active-set ingest (<code>npx concord ingest --celestrak active</code>, or a file with <code>--active-set</code>).</p>
            </EmptyState>
          }
          footer={<RunSourceNote run={report.run} />}
        />
      </section>
    </>
  );
}

function ExposureForRun({ filters }: { readonly filters: ReturnType<typeof useUrlFilters> }) {
  const runs = use(loadRuns()).items;
  const requested = numberParam(filters.get("run"));
  const run = runs.find((r) => r.id === requested) ?? runs[0];
  if (run === undefined) {
    return (
      <EmptyState title="No conjunction screening has been run on this store yet." minHeight={300}>
        <p>
          Run one (<code>npx concord screen --days 1</code>); its exposure matrix then appears here.
        </p>
      </EmptyState>
    );
  }
  const view = choice(VIEWS, filters.get("view"), "all");
  const measure = choice(MEASURES, filters.get("measure"), "events");
  return (
    <>
      <form className="filters no-print" aria-label="Matrix options" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Run</span>
          <select value={run.id} onChange={(e) => filters.update({ run: e.target.value })}>
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                #{r.id}: {r.window.from.slice(0, 16).replace("T", " ")}, {formatCount(r.eventsCount)} events
              </option>
            ))}
          </select>
        </label>
        <label className="field field-wide">
          <span>View</span>
          <select value={view} onChange={(e) => filters.update({ view: e.target.value === "all" ? "" : e.target.value })}>
            {VIEWS.map((v) => (
              <option key={v.value} value={v.value}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Measure</span>
          <select value={measure} onChange={(e) => filters.update({ measure: e.target.value === "events" ? "" : e.target.value })}>
            {MEASURES.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </form>
      <AsyncBoundary what={`the exposure matrix of run #${run.id}`} minHeight={heatmapHeight(12)} resetKey={filters.params.toString()}>
        <Exposure runId={run.id} view={view} measure={measure} />
      </AsyncBoundary>
    </>
  );
}

/** Who endangers whom: the actor × actor matrix of a run's events, and each actor's exposure to others' debris. */
export default function ExposurePage() {
  const filters = useUrlFilters();
  return (
    <section className="page">
      <PageHeader
        title="Who endangers whom"
        kicker={<Link to={`/conjunctions${filters.get("run") === "" ? "" : `?run=${filters.get("run")}`}`}>Conjunctions</Link>}
        lead={<p>The close approaches of a screening run by the actors responsible for the two objects, with each actor's exposure to other actors' debris.</p>}
      />
      <AsyncBoundary what="the screening runs" minHeight={400}>
        <ExposureForRun filters={filters} />
      </AsyncBoundary>
    </section>
  );
}
