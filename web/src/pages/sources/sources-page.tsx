import { use } from "react";
import { present } from "../../api/api-client.ts";
import { loadSources } from "../../api/catalog-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AsOfNote, SourceNote } from "../../components/source-note.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { formatCount } from "../../format/figures.ts";
import { INGEST_COLUMNS } from "./ingest-columns.tsx";

function Sources() {
  const sources = use(loadSources());
  const ingests = sources.items.filter(present);
  const rejected = ingests.reduce((sum, i) => sum + i.rejected, 0);
  return (
    <>
      <p className="section-lead">
        {formatCount(ingests.length)} ingests in the store <code>{sources.store}</code>; {formatCount(rejected)} records rejected in all (each with its file, line or
        record, field and reason: follow the ingest).
      </p>
      <AsOfNote asOf={sources.asOf} parts={["satcat", "elementSets"]} prefix="figures across the app use the newest ingests: " />
      <DataTable
        caption={`Every ingest (${ingests.length}), newest first`}
        columns={INGEST_COLUMNS}
        rows={ingests}
        rowKey={(i) => i.id}
        csvName="concord-ingests"
        empty={
          <EmptyState title="Nothing has been ingested into this store yet." minHeight={200}>
            <p>
              Start the server online (it downloads CelesTrak's SATCAT and active element sets on first start) or ingest files:{" "}
              <code>npx concord ingest satcat.json.gz catalog.tle</code>.
            </p>
          </EmptyState>
        }
        footer={<SourceNote>the store's ingest log: source path or URL, retrieval time, SHA-256 and counts recorded by each ingest.</SourceNote>}
      />
    </>
  );
}

/** Every source ingested: when, what it held (epochs), what was accepted and rejected. */
export default function SourcesPage() {
  return (
    <section className="page">
      <PageHeader title="Sources" lead={<p>Where every figure comes from: each ingest with its source, retrieval time, checksum, epochs and rejected records.</p>} />
      <AsyncBoundary what="the ingest log" minHeight={400}>
        <Sources />
      </AsyncBoundary>
    </section>
  );
}
