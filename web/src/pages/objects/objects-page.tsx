import { use } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { loadObjects } from "../../api/catalog-queries.ts";
import type { ObjectQuery } from "../../api/catalog-queries.ts";
import { listedValue, OBJECT_TYPE_OPTIONS, REGIME_OPTIONS, STATUS_OPTIONS } from "../../api/object-filters.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { Pager, pageNumber } from "../../components/pager.tsx";
import { AsOfNote } from "../../components/source-note.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { formatCount } from "../../format/figures.ts";
import { OBJECT_COLUMNS } from "./object-columns.tsx";

const PAGE_SIZE = 50;
const CSV_MAX_ROWS = 10_000;

type Filters = ReturnType<typeof useUrlFilters>;

function queryFrom(filters: Filters, limit: number, offset: number): ObjectQuery {
  return {
    search: filters.get("search"),
    type: listedValue(OBJECT_TYPE_OPTIONS, filters.get("type")),
    regime: listedValue(REGIME_OPTIONS, filters.get("regime")),
    status: listedValue(STATUS_OPTIONS, filters.get("status")),
    actor: filters.get("actor").toUpperCase(),
    owner: filters.get("owner").toUpperCase(),
    limit,
    offset,
  };
}

function FilterForm({ filters }: { readonly filters: Filters }) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    filters.update({ search: text("search"), type: text("type"), regime: text("regime"), status: text("status"), actor: text("actor"), owner: text("owner") });
  };
  // Keyed by the URL: back/forward and links refill the form.
  return (
    <form className="filters no-print" role="search" aria-label="Search the catalog" onSubmit={submit} key={filters.params.toString()}>
      <label className="field field-wide">
        <span>Name, catalog number or designator</span>
        <input name="search" type="search" defaultValue={filters.get("search")} placeholder="e.g. ISS, 25544, 1998-067A" autoComplete="off" />
      </label>
      <label className="field">
        <span>Type</span>
        <select name="type" defaultValue={listedValue(OBJECT_TYPE_OPTIONS, filters.get("type")) ?? ""}>
          <option value="">All types</option>
          {OBJECT_TYPE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Orbit regime</span>
        <select name="regime" defaultValue={listedValue(REGIME_OPTIONS, filters.get("regime")) ?? ""}>
          <option value="">All regimes</option>
          {REGIME_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Status</span>
        <select name="status" defaultValue={listedValue(STATUS_OPTIONS, filters.get("status")) ?? "all"}>
          {STATUS_OPTIONS.map((o) => (
            <option key={o.value} value={o.value === "all" ? "" : o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-narrow">
        <span>Actor</span>
        <input name="actor" defaultValue={filters.get("actor")} placeholder="USA, CHN, ESA" title="Attributed actor code: ISO alpha-3 state, historic state (SUN), organisation (ESA) or UNKNOWN" />
      </label>
      <label className="field field-narrow">
        <span>Owner code</span>
        <input name="owner" defaultValue={filters.get("owner")} placeholder="US, PRC, CIS" title="The SATCAT's owner code" />
      </label>
      <div className="field-actions">
        <button type="submit">Search</button>
        <Link to="/objects" className="button-link">
          Clear
        </Link>
      </div>
    </form>
  );
}

function Results({ filters }: { readonly filters: Filters }) {
  const page = pageNumber(filters.params.get("page"));
  const query = queryFrom(filters, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const list = use(loadObjects(query));
  const loadAllRows = async () => {
    const rows = [];
    for (let offset = 0; offset < Math.min(list.total, CSV_MAX_ROWS); offset += 1000) {
      rows.push(...(await loadObjects({ ...query, limit: 1000, offset })).items);
    }
    return rows;
  };
  const filtered = filters.params.size > (filters.params.has("page") ? 1 : 0);
  return (
    <DataTable
      caption={`${formatCount(list.total)} object${list.total === 1 ? "" : "s"}${filtered ? " matching" : " in the catalog"}${list.total > CSV_MAX_ROWS ? ` (CSV: the first ${formatCount(CSV_MAX_ROWS)})` : ""}`}
      columns={OBJECT_COLUMNS}
      rows={list.items}
      rowKey={(o) => o.catalogNumber}
      csvName="concord-objects"
      loadAllRows={loadAllRows}
      empty={
        <EmptyState title={filters.get("search") === "" ? "No object matches these filters." : `No object matches “${filters.get("search")}”.`} minHeight={200}>
          <p>
            Search by part of the name (<Link to="/objects?search=ISS">ISS</Link>), an international designator (
            <Link to="/objects?search=1998-067A">1998-067A</Link>) or an exact catalog number (<Link to="/objects?search=25544">25544</Link>), or{" "}
            <Link to="/objects">clear the filters</Link>. Objects launched after the newest SATCAT ingest are known only from their element sets.
          </p>
        </EmptyState>
      }
      footer={
        <>
          <Pager total={list.total} limit={PAGE_SIZE} offset={(page - 1) * PAGE_SIZE} />
          <AsOfNote asOf={list.asOf} parts={["satcat", "elementSets"]} prefix="orbit data from the SATCAT; attribution by Concord's curated table; " />
        </>
      }
    />
  );
}

/** Catalog search: name, catalog number or designator, with type, regime, status and actor filters, all in the URL. */
export default function ObjectsPage() {
  const filters = useUrlFilters();
  return (
    <section className="page">
      <PageHeader title="Objects" lead={<p>Every catalogued object: payloads, rocket bodies and debris, attributed to a state, an organisation or the explicit unknown.</p>} />
      <FilterForm filters={filters} />
      <AsyncBoundary what="the object list" minHeight={640} resetKey={filters.params.toString()}>
        <Results filters={filters} />
      </AsyncBoundary>
    </section>
  );
}
