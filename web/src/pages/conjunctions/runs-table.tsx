import { Link } from "react-router";
import type { ScreeningRun } from "../../api/screening-queries.ts";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { formatCount, formatDay, formatDuration, formatUtc } from "../../format/figures.ts";

const RUN_COLUMNS: readonly TableColumn<ScreeningRun>[] = [
  { header: "Run", value: (r) => r.id, cell: (r) => <Link to={`/conjunctions?run=${r.id}`} aria-label={`Run ${r.id}: its events`}>#{r.id}</Link> },
  { header: "Window from (UTC)", value: (r) => r.window.from, cell: (r) => formatUtc(r.window.from).replace(" UTC", "") },
  { header: "Hours", value: (r) => r.window.days * 24, cell: (r) => formatCount(Math.round(r.window.days * 24 * 10) / 10), numeric: true },
  { header: "Threshold km", value: (r) => r.thresholdKm, numeric: true },
  { header: "Primaries", value: (r) => r.primaries.selector, cell: (r) => (r.primaries.selector === "all" ? "whole catalog" : `${formatCount(r.primaries.count ?? 0)} (${r.primaries.selector.length > 40 ? `${r.primaries.selector.slice(0, 40)}…` : r.primaries.selector})`), wrap: true },
  { header: "Objects", value: (r) => r.elementSets.objects, numeric: true },
  { header: "Median epoch", value: (r) => r.elementSets.epochMedian, cell: (r) => formatDay(r.elementSets.epochMedian) },
  { header: "Events", value: (r) => r.eventsCount, numeric: true },
  { header: "Finished (UTC)", value: (r) => r.finishedAt, cell: (r) => formatUtc(r.finishedAt).replace(" UTC", "") },
  { header: "Duration", value: (r) => r.durationMs / 1000, cell: (r) => formatDuration(r.durationMs), numeric: true },
  { header: "Status", value: (r) => r.status },
];

/** Every stored screening run; the selected one is marked. */
export function RunsTable({ runs, selectedId }: { readonly runs: readonly ScreeningRun[]; readonly selectedId: number }) {
  return (
    <DataTable
      caption={`Screening runs (${runs.length}), newest first`}
      columns={RUN_COLUMNS}
      rows={runs}
      rowKey={(r) => r.id}
      csvName="concord-screening-runs"
      rowClassName={(r) => (r.id === selectedId ? "row-selected" : undefined)}
      empty={<EmptyState title="No screening run is stored." />}
    />
  );
}
