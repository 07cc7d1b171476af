import { use } from "react";
import { Link, useParams } from "react-router";
import type { Schemas } from "../../api/api-client.ts";
import { loadRejections } from "../../api/catalog-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { Pager, pageNumber } from "../../components/pager.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { baseName, formatCount, formatUtc } from "../../format/figures.ts";
import { INGEST_COLUMNS } from "./ingest-columns.tsx";

const PAGE_SIZE = 100;

type Rejection = Schemas["Rejection"];

const REJECTION_COLUMNS: readonly TableColumn<Rejection>[] = [
  { header: "File", value: (r) => r.source, cell: (r) => <span title={r.source}>{baseName(r.source)}</span> },
  { header: "Line", value: (r) => r.line, numeric: true },
  { header: "Record", value: (r) => r.recordIndex, numeric: true },
  { header: "Field", value: (r) => r.field },
  { header: "Reason", value: (r) => r.reason },
  { header: "Raw", value: (r) => r.raw, cell: (r) => (r.raw === null ? "—" : <code className="raw">{r.raw}</code>) },
];

function Ingest({ id, page }: { readonly id: number; readonly page: number }) {
  const result = use(loadRejections(id, PAGE_SIZE, (page - 1) * PAGE_SIZE));
  const ingest = result.ingest;
  if (ingest === null) return null;
  return (
    <>
      <PageHeader
        title={`Ingest #${ingest.id}: ${baseName(ingest.source)}`}
        kicker={<Link to="/sources">Sources</Link>}
        lead={
          <p>
            <code>{ingest.source}</code> ({ingest.sourceKind}, {ingest.format}), retrieved {formatUtc(ingest.retrievedAt)}, status {ingest.status}
            {ingest.note === null ? "" : `: ${ingest.note}`}.
          </p>
        }
      />
      <DataTable caption="The ingest" columns={INGEST_COLUMNS} rows={[ingest]} rowKey={(i) => i.id} csvName={`concord-ingest-${ingest.id}`} empty={null} />
      <section className="section" aria-labelledby="rejections-heading">
        <h2 id="rejections-heading">Rejected records</h2>
        <DataTable
          caption={`${formatCount(result.total)} rejected record${result.total === 1 ? "" : "s"}`}
          columns={REJECTION_COLUMNS}
          rows={result.items}
          rowKey={(r) => r.id}
          csvName={`concord-ingest-${ingest.id}-rejections`}
          loadAllRows={async () => {
            const rows: Rejection[] = [];
            for (let offset = 0; offset < result.total; offset += 1000) rows.push(...(await loadRejections(id, 1000, offset)).items);
            return rows;
          }}
          empty={<EmptyState title={`Every one of the ${formatCount(ingest.recordsTotal)} records of this ingest was accepted.`} />}
          footer={
            <>
              <Pager total={result.total} limit={PAGE_SIZE} offset={(page - 1) * PAGE_SIZE} />
              <SourceNote>the store's rejects table, written by ingest #{ingest.id}.</SourceNote>
            </>
          }
        />
      </section>
    </>
  );
}

/** One ingest and its rejected records (file, line, field, reason, raw text), paged. */
export default function IngestPage() {
  const { ingestId } = useParams();
  const filters = useUrlFilters();
  const id = Number(ingestId);
  const page = pageNumber(filters.params.get("page"));
  return (
    <section className="page">
      {Number.isInteger(id) && id > 0 ? (
        <AsyncBoundary what={`ingest #${ingestId}`} minHeight={500} resetKey={`${ingestId}:${page}`} header={<PageHeader title={`Ingest #${ingestId}`} />}>
          <Ingest id={id} page={page} />
        </AsyncBoundary>
      ) : (
        <>
          <PageHeader title="Ingest not found" />
          <EmptyState title={`“${ingestId ?? ""}” is not an ingest number.`}>
            <p>
              The <Link to="/sources">sources</Link> page lists every ingest.
            </p>
          </EmptyState>
        </>
      )}
    </section>
  );
}
