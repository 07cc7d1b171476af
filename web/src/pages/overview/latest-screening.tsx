import { use, useMemo } from "react";
import { Link } from "react-router";
import { loadRunEvents, loadRuns } from "../../api/screening-queries.ts";
import { DataTable } from "../../components/data-table.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { formatCount, formatDay, formatUtc } from "../../format/figures.ts";
import { EVENT_SUMMARY_COLUMNS } from "../conjunctions/event-columns.tsx";
import { RunSourceNote } from "../conjunctions/run-source-note.tsx";

const LISTED = 10;
const SCANNED = 1000;

/** The newest screening run's closest approaches and its highest probabilities of collision. */
export function LatestScreening() {
  const runs = use(loadRuns());
  const run = runs.items[0];
  if (run === undefined) {
    return (
      <EmptyState title="No conjunction screening has been run on this store yet." minHeight={200}>
        <p>
          Screen the catalog from a terminal, e.g. <code>npx concord screen --days 1 --threshold-km 5</code> (whole catalog) or{" "}
          <code>npx concord screen --primaries active --days 1</code>; its events then appear here and under <Link to="/conjunctions">Conjunctions</Link>.
        </p>
      </EmptyState>
    );
  }
  return <RunEvents runId={run.id} />;
}

function RunEvents({ runId }: { readonly runId: number }) {
  const page = use(loadRunEvents(runId, {}, SCANNED, 0));
  const closest = page.items.slice(0, LISTED);
  const probable = useMemo(
    () =>
      page.items
        // Below 1e-20 a Pc is numerically nil: such events are not "probable" and are left out of this list.
        .filter((e) => e.pc !== null && e.pc >= 1e-20)
        .sort((a, b) => (b.pc ?? 0) - (a.pc ?? 0))
        .slice(0, LISTED),
    [page],
  );
  const run = page.run;
  const scope = page.total > SCANNED ? `among the run's ${formatCount(SCANNED)} closest events` : `of the run's ${formatCount(page.total)} events`;
  return (
    <>
      <p className="section-lead">
        <Link to={`/conjunctions?run=${run.id}`}>Run #{run.id}</Link>: {run.primaries.selector === "all" ? "the whole catalog" : `${formatCount(run.primaries.count ?? 0)} primaries (${run.primaries.selector})`}{" "}
        against {formatCount(run.elementSets.objects)} objects, {formatUtc(run.window.from)} to {formatUtc(run.window.to)}, every approach within {run.thresholdKm} km:{" "}
        <strong>{formatCount(run.eventsCount)} events</strong>. Element sets as of {formatDay(run.elementSets.epochMedian)} (median epoch).
      </p>
      <div className="stack">
        <DataTable
          caption={`Closest approaches (${closest.length} of ${formatCount(page.total)})`}
          columns={EVENT_SUMMARY_COLUMNS}
          rows={closest}
          rowKey={(e) => e.id}
          csvName={`concord-run-${run.id}-closest`}
          empty={<EmptyState title={`Run #${run.id} found no approach within ${run.thresholdKm} km.`} />}
          footer={<RunSourceNote run={run} />}
        />
        <DataTable
          caption={`Highest probability of collision ${scope}`}
          columns={EVENT_SUMMARY_COLUMNS}
          rows={probable}
          rowKey={(e) => e.id}
          csvName={`concord-run-${run.id}-highest-pc`}
          empty={<EmptyState title="No event of this run has a probability of collision of 1e-20 or more." />}
          footer={<SourceNote>Pc by Foster's 2D method with a default covariance for general-perturbations element sets (see each event).</SourceNote>}
        />
      </div>
    </>
  );
}
