import { use } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { loadAllRunEvents, loadExposure, loadRunEvents, loadRuns } from "../../api/screening-queries.ts";
import type { EventFilter, ScreeningRun } from "../../api/screening-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { Pager, pageNumber } from "../../components/pager.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { numberParam, useUrlFilters } from "../../components/url-filters.ts";
import { formatCount, formatPc } from "../../format/figures.ts";
import { EVENT_COLUMNS } from "./event-columns.tsx";
import { RunSourceNote } from "./run-source-note.tsx";
import { RunSummary } from "./run-summary.tsx";
import { RunsTable } from "./runs-table.tsx";

const PAGE_SIZE = 50;

type Filters = ReturnType<typeof useUrlFilters>;

function eventFilter(filters: Filters): EventFilter {
  const minPc = numberParam(filters.get("minPc"));
  const maxMissKm = numberParam(filters.get("maxMissKm"));
  return {
    ...(filters.get("actor") === "" ? {} : { actor: filters.get("actor").toUpperCase() }),
    ...(minPc === undefined ? {} : { minPc }),
    ...(maxMissKm === undefined ? {} : { maxMissKm }),
  };
}

function ActorOptions({ runId }: { readonly runId: number }) {
  const exposure = use(loadExposure(runId));
  return (
    <datalist id="run-actors">
      {exposure.actors.map((actor) => (
        <option key={actor} value={actor} />
      ))}
    </datalist>
  );
}

function EventFilters({ filters, runId }: { readonly filters: Filters; readonly runId: number }) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    filters.update({ actor: text("actor"), minPc: text("minPc"), maxMissKm: text("maxMissKm") });
  };
  return (
    <form className="filters no-print" aria-label="Filter the events" onSubmit={submit} key={filters.params.toString()}>
      <label className="field field-narrow">
        <span>Actor (either object)</span>
        <input name="actor" list="run-actors" defaultValue={filters.get("actor")} placeholder="USA, CHN, UNKNOWN" autoComplete="off" />
      </label>
      <label className="field field-narrow">
        <span>Minimum Pc</span>
        <input name="minPc" inputMode="decimal" defaultValue={filters.get("minPc")} placeholder="e.g. 1e-5" pattern="^(0|1|0?\.\d+|\d(\.\d+)?[eE]-?\d+)$" title="A probability from 0 to 1, e.g. 1e-5 or 0.0001" />
      </label>
      <label className="field field-narrow">
        <span>Maximum miss km</span>
        <input name="maxMissKm" inputMode="decimal" defaultValue={filters.get("maxMissKm")} placeholder="e.g. 1" pattern="^\d+(\.\d+)?$" title="A distance in km, e.g. 0.5" />
      </label>
      <div className="field-actions">
        <button type="submit">Filter</button>
        <Link to={`/conjunctions?run=${runId}`} className="button-link">
          Clear
        </Link>
      </div>
      <AsyncBoundary what="the run's actors" minHeight={0}>
        <ActorOptions runId={runId} />
      </AsyncBoundary>
    </form>
  );
}

function describeFilter(filter: EventFilter): string {
  const parts = [
    filter.actor === undefined ? null : `involving ${filter.actor}`,
    filter.minPc === undefined ? null : `Pc ≥ ${formatPc(filter.minPc)}`,
    filter.maxMissKm === undefined ? null : `miss ≤ ${filter.maxMissKm} km`,
  ].filter((part) => part !== null);
  return parts.length === 0 ? "" : ` ${parts.join(", ")}`;
}

function RunEventsTable({ run, filters }: { readonly run: ScreeningRun; readonly filters: Filters }) {
  const page = pageNumber(filters.params.get("page"));
  const filter = eventFilter(filters);
  const events = use(loadRunEvents(run.id, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE));
  const filtered = Object.keys(filter).length > 0;
  return (
    <DataTable
      caption={`${formatCount(events.total)} event${events.total === 1 ? "" : "s"}${describeFilter(filter)}, closest first`}
      columns={EVENT_COLUMNS}
      rows={events.items}
      rowKey={(e) => e.id}
      csvName={`concord-run-${run.id}-events`}
      loadAllRows={() => loadAllRunEvents(run.id, filter)}
      empty={
        <EmptyState title={filtered ? `No event of run #${run.id} matches these filters.` : `Run #${run.id} found no approach within ${run.thresholdKm} km.`} minHeight={200}>
          {filtered ? (
            <p>
              Loosen a filter (a larger miss distance, a smaller Pc, another actor) or <Link to={`/conjunctions?run=${run.id}`}>clear them</Link>. Actor codes are
              attributed actors: ISO alpha-3 states (USA, CHN, RUS), organisations (ESA) or UNKNOWN.
            </p>
          ) : (
            <p>A longer window, a larger threshold or more primaries finds more (<code>npx concord screen --help</code>).</p>
          )}
        </EmptyState>
      }
      footer={
        <>
          <Pager total={events.total} limit={PAGE_SIZE} offset={(page - 1) * PAGE_SIZE} />
          <RunSourceNote run={run} />
        </>
      }
    />
  );
}

function Conjunctions({ filters }: { readonly filters: Filters }) {
  const runs = use(loadRuns()).items;
  if (runs.length === 0) {
    return (
      <EmptyState title="No conjunction screening has been run on this store yet." minHeight={240}>
        <p>
          Screen the catalog from a terminal: <code>npx concord screen --days 1 --threshold-km 5</code> screens every object against every other for a day (a few
          minutes for the whole catalog); <code>--primaries active</code> or <code>--primaries actor:USA</code> screens a selection against everything. Its runs
          and events then appear here.
        </p>
      </EmptyState>
    );
  }
  const requested = numberParam(filters.get("run"));
  const run = runs.find((r) => r.id === requested) ?? runs[0];
  if (run === undefined) return null;
  return (
    <>
      {requested !== undefined && requested !== run.id ? (
        <p className="warning" role="status">
          There is no run #{requested}; showing the newest run, #{run.id}.
        </p>
      ) : null}
      <RunsTable runs={runs} selectedId={run.id} />
      <section className="section" aria-labelledby="run-heading">
        <h2 id="run-heading">Run #{run.id}</h2>
        <RunSummary run={run} />
        <p className="section-links no-print">
          <Link to={`/conjunctions/exposure?run=${run.id}`}>Who endangers whom: the exposure matrix of run #{run.id} →</Link>
        </p>
        <h3>Events</h3>
        <EventFilters filters={filters} runId={run.id} />
        <AsyncBoundary what="the run's events" minHeight={640} resetKey={filters.params.toString()}>
          <RunEventsTable run={run} filters={filters} />
        </AsyncBoundary>
      </section>
    </>
  );
}

/** Screening runs, one run's events with filters in the URL (actor, minimum Pc, maximum miss), and links onwards. */
export default function ConjunctionsPage() {
  const filters = useUrlFilters();
  return (
    <section className="page">
      <PageHeader
        title="Conjunctions"
        lead={<p>Close approaches found by screening the catalog: each run's window, threshold and element-set snapshot, and its events, closest first.</p>}
      />
      <AsyncBoundary what="the screening runs" minHeight={400}>
        <Conjunctions filters={filters} />
      </AsyncBoundary>
    </section>
  );
}
