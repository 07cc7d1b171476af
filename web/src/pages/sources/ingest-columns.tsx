import { Link } from "react-router";
import type { Schemas } from "../../api/api-client.ts";
import type { TableColumn } from "../../components/data-table.tsx";
import { baseName, formatCount, formatDay, formatUtc } from "../../format/figures.ts";

export type Ingest = NonNullable<Schemas["Ingest"]>;

export const INGEST_COLUMNS: readonly TableColumn<Ingest>[] = [
  { header: "Ingest", value: (i) => i.id, cell: (i) => <Link to={`/sources/${i.id}`}>#{i.id}</Link> },
  {
    header: "Source",
    value: (i) => i.source,
    cell: (i) => (
      <>
        <span title={i.source}>{baseName(i.source)}</span>
        <span className="cell-sub">
          {i.sourceKind} · {i.format}
          {i.status === "succeeded" ? "" : ` · ${i.status}`}
        </span>
      </>
    ),
    wrap: true,
    description: "File or URL, with the kind of source and the format read",
  },
  { header: "Kind", value: (i) => i.sourceKind, csvOnly: true },
  { header: "Format", value: (i) => i.format, csvOnly: true },
  { header: "Status", value: (i) => i.status, csvOnly: true },
  { header: "Retrieved (UTC)", value: (i) => i.retrievedAt, cell: (i) => formatUtc(i.retrievedAt).replace(" UTC", "") },
  { header: "Data as of", value: (i) => i.dataAsOf, cell: (i) => formatDay(i.dataAsOf), description: "The date the data describes" },
  {
    header: "Element-set epochs",
    value: (i) => i.epochMedian,
    cell: (i) =>
      i.epochMin === null ? (
        "—"
      ) : (
        <>
          {formatDay(i.epochMin)} to {formatDay(i.epochMax)}
          <span className="cell-sub">median {formatDay(i.epochMedian)}</span>
        </>
      ),
    description: "Earliest and latest epoch of the element sets the ingest held, and their median",
    screenOnly: true,
  },
  { header: "Epochs from", value: (i) => i.epochMin, csvOnly: true },
  { header: "Median epoch", value: (i) => i.epochMedian, csvOnly: true },
  { header: "Epochs to", value: (i) => i.epochMax, csvOnly: true },
  { header: "Records", value: (i) => i.recordsTotal, numeric: true },
  { header: "Accepted", value: (i) => i.accepted, numeric: true },
  {
    header: "Rejected",
    value: (i) => i.rejected,
    cell: (i) => (i.rejected === 0 ? "0" : <Link to={`/sources/${i.id}`}>{formatCount(i.rejected)}</Link>),
    numeric: true,
  },
  { header: "Objects new / updated", value: (i) => `${i.objectsInserted}/${i.objectsUpdated}`, cell: (i) => `${formatCount(i.objectsInserted)} / ${formatCount(i.objectsUpdated)}`, numeric: true },
  { header: "Element sets new / dup.", value: (i) => `${i.elementSetsInserted}/${i.elementSetsDuplicate}`, cell: (i) => `${formatCount(i.elementSetsInserted)} / ${formatCount(i.elementSetsDuplicate)}`, numeric: true },
  { header: "SHA-256", value: (i) => i.sha256, cell: (i) => (i.sha256 === null ? "—" : <code title={i.sha256}>{i.sha256.slice(0, 12)}…</code>) },
];
