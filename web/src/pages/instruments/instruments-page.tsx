import { use } from "react";
import { Link } from "react-router";
import { loadInstruments } from "../../api/diplomacy-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";

type Instrument = Awaited<ReturnType<typeof loadInstruments>>["items"][number];

const KIND_ORDER = ["accords", "commitment", "treaty", "resolution", "draft-resolution", "decision", "guidelines"];

function InstrumentList() {
  const items = use(loadInstruments()).items;
  const filters = useUrlFilters();
  const kind = filters.get("kind");
  const kinds = [...new Set(items.map((i) => i.kind))].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
  const rows = items.filter((i) => kind === "" || i.kind === kind).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.shortName.localeCompare(b.shortName));
  return (
    <>
      <form className="filters no-print" aria-label="Filter the instruments" onSubmit={(e) => e.preventDefault()}>
        <label className="field field-narrow">
          <span>Kind</span>
          <select value={kind} onChange={(e) => filters.update({ kind: e.currentTarget.value })}>
            <option value="">every kind</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      </form>
      <DataTable
        caption={`${rows.length} instruments`}
        columns={[
          { header: "Instrument", value: (i: Instrument) => i.shortName, cell: (i: Instrument) => <Link to={`/instruments/${i.id}`}>{i.shortName}</Link> },
          { header: "Kind", value: (i: Instrument) => i.kind },
          { header: "Title", value: (i: Instrument) => i.title, wrap: true },
          { header: "Adopted or opened", value: (i: Instrument) => i.openedDate ?? i.adoptedDate ?? "unknown" },
          { header: "Stored acts", value: (i: Instrument) => i.coverage, description: "complete: a state without an act is known not to be in; partial: it is unknown; none: no state acts" },
          { header: "As of", value: (i: Instrument) => i.coverageAsOf ?? i.asOf },
          { header: "Source", value: (i: Instrument) => i.source, cell: (i: Instrument) => <LinkedText text={i.source} />, wrap: true, csvOnly: true },
        ]}
        rows={rows}
        rowKey={(i) => i.id}
        csvName="concord-instruments"
        empty={<p className="state state-empty">No instrument of that kind.</p>}
      />
      <SourceNote>Concord's diplomacy registry (data/diplomacy/instruments.csv), each instrument with its source (in the CSV).</SourceNote>
    </>
  );
}

/** The instruments: treaties, the Artemis Accords, the DA-ASAT test commitment, recorded votes, guidelines. */
export default function InstrumentsPage() {
  return (
    <section className="page">
      <PageHeader
        title="Instruments"
        lead={
          <p>
            Treaties, accords, commitments and recorded votes: open one for its membership map and growth curve, or its vote map. Start with the{" "}
            <Link to="/instruments/artemis-accords">Artemis Accords</Link>, the <Link to="/instruments/da-asat-test-commitment">DA-ASAT test commitment</Link>, the{" "}
            <Link to="/instruments/ost">Outer Space Treaty</Link> or <Link to="/instruments/unga-res-77-41">resolution 77/41</Link>.
          </p>
        }
      />
      <AsyncBoundary what="the instruments" minHeight={500}>
        <InstrumentList />
      </AsyncBoundary>
    </section>
  );
}
