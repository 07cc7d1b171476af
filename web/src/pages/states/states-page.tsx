import { use, useMemo } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { loadStateDirectory } from "../../api/diplomacy-queries.ts";
import type { StateDirectory } from "../../api/diplomacy-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { EmptyState } from "../../components/status-states.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { formatCount } from "../../format/figures.ts";
import { standingLabel } from "../instruments/standing-classes.ts";

type Filters = ReturnType<typeof useUrlFilters>;
type StateRow = StateDirectory["states"][number];

/** The instruments shown as columns (the rest are in the CSV). */
const SHOWN_INSTRUMENTS = ["ost", "artemis-accords", "da-asat-test-commitment", "unga-res-77-41"];

const SORTS = { name: "name", objects: "objects on orbit", joined: "instruments joined" } as const;

function columnsFor(directory: StateDirectory): TableColumn<StateRow>[] {
  const standingColumns: TableColumn<StateRow>[] = directory.instruments.map((instrument, index) => ({
    header: instrument.shortName,
    description: `${instrument.shortName}: standing (or vote); stored acts ${instrument.coverage === "complete" ? "complete" : "partial: a state without an act is unknown"}`,
    value: (row: StateRow) => standingLabel(row.standings[index] ?? "unknown"),
    cell: (row: StateRow) => {
      const standing = row.standings[index] ?? "unknown";
      return <span className={`standing standing-${standing}`}>{standingLabel(standing)}</span>;
    },
    csvOnly: !SHOWN_INSTRUMENTS.includes(instrument.id),
  }));
  return [
    { header: "State", value: (r) => r.name, cell: (r) => <Link to={`/states/${r.iso3}`}>{r.name}</Link>, wrap: true },
    { header: "ISO", value: (r) => r.iso3 },
    { header: "UN status", value: (r) => r.unStatus },
    { header: "Regional group", value: (r) => r.regionalGroupName, wrap: true },
    { header: "On orbit", numeric: true, value: (r) => r.onOrbitObjects, description: "Objects on orbit attributed to the state itself (SATCAT)" },
    { header: "Joined", numeric: true, value: (r) => r.instrumentsJoined, description: "Treaties, accords and commitments the state is known to be in" },
    ...standingColumns,
  ];
}

function matches(row: StateRow, search: string, group: string): boolean {
  const text = search.trim().toLowerCase();
  return (text === "" || row.name.toLowerCase().includes(text) || row.iso3.toLowerCase() === text) && (group === "" || row.regionalGroup === group);
}

function StateFilters({ filters, directory }: { readonly filters: Filters; readonly directory: StateDirectory }) {
  const groups = [...new Map(directory.states.map((s) => [s.regionalGroup, s.regionalGroupName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    filters.update({ q: String(data.get("q") ?? ""), group: String(data.get("group") ?? ""), sort: String(data.get("sort") ?? "") === "name" ? "" : String(data.get("sort") ?? "") });
  };
  return (
    <form className="filters no-print" aria-label="Filter the states" onSubmit={submit} key={filters.params.toString()}>
      <label className="field">
        <span>Name or ISO code</span>
        <input name="q" type="search" defaultValue={filters.get("q")} placeholder="e.g. New Zealand, NZL" autoComplete="off" />
      </label>
      <label className="field">
        <span>Regional group</span>
        <select name="group" defaultValue={filters.get("group")}>
          <option value="">all</option>
          {groups.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-narrow">
        <span>Sort by</span>
        <select name="sort" defaultValue={filters.get("sort") || "name"}>
          {Object.entries(SORTS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className="field-actions">
        <button type="submit">Show</button>
        <Link to="/states" className="button-link">
          Clear
        </Link>
      </div>
    </form>
  );
}

function StateList({ filters }: { readonly filters: Filters }) {
  const directory = use(loadStateDirectory());
  const columns = useMemo(() => columnsFor(directory), [directory]);
  const search = filters.get("q");
  const group = filters.get("group");
  const sort = filters.get("sort");
  const rows = useMemo(() => {
    const shown = directory.states.filter((s) => matches(s, search, group));
    if (sort === "objects") return [...shown].sort((a, b) => (b.onOrbitObjects ?? -1) - (a.onOrbitObjects ?? -1) || a.name.localeCompare(b.name));
    if (sort === "joined") return [...shown].sort((a, b) => b.instrumentsJoined - a.instrumentsJoined || a.name.localeCompare(b.name));
    return shown;
  }, [directory, search, group, sort]);
  const filtered = search !== "" || group !== "";
  return (
    <>
      <StateFilters filters={filters} directory={directory} />
      <DataTable
        caption={`${formatCount(rows.length)} of ${formatCount(directory.states.length)} states${filtered ? " match" : ""}, by ${SORTS[(sort || "name") as keyof typeof SORTS] ?? "name"}`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.iso3}
        csvName="concord-states"
        empty={
          <EmptyState title={`No state matches “${search}”${group === "" ? "" : " in that group"}.`} minHeight={200}>
            <p>
              Search by English name (part of it: “Korea”) or ISO alpha-3 code (“KOR”), or <Link to="/states">clear the filters</Link>.
            </p>
          </EmptyState>
        }
      />
      <SourceNote>
        {directory.source}; objects on orbit: {directory.catalogSource}
        {directory.catalogAsOf === null ? "" : `, data as of ${directory.catalogAsOf}`}. “Unknown”: no act is stored and the stored acts are not complete; it is not a
        “no”.
      </SourceNote>
    </>
  );
}

/** Every state: search by name or code, filter by regional group, sort; each links to its profile. */
export default function StatesPage() {
  const filters = useUrlFilters();
  return (
    <section className="page">
      <PageHeader
        title="States"
        lead={
          <p>
            Every UN Member State and observer State, with its regional group, its objects on orbit and where it stands under the space treaties, the Artemis
            Accords, the destructive ASAT test commitment and resolution 77/41. Open a state for its commitments beside its conduct in orbit.
          </p>
        }
      />
      <AsyncBoundary what="the states" minHeight={600}>
        <StateList filters={filters} />
      </AsyncBoundary>
    </section>
  );
}
