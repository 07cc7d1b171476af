import { use, useMemo } from "react";
import { Link, useParams } from "react-router";
import { loadInstrumentView } from "../../api/diplomacy-queries.ts";
import type { InstrumentView } from "../../api/diplomacy-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useUrlFilters } from "../../components/url-filters.ts";
import { GrowthCurve, MembershipMap, VoteMap, instrumentAsOf } from "./instrument-figures.tsx";
import { standingLabel } from "./standing-classes.ts";

interface StandingTableRow {
  readonly iso3: string;
  readonly name: string;
  readonly standing: string;
  readonly act: string | null;
  readonly date: string | null;
  readonly source: string | null;
  readonly asOf: string | null;
}

function standingRows(view: InstrumentView): StandingTableRow[] {
  const rows = [...view.participants, ...view.signatories, ...view.withdrawn, ...view.knownOut].map((r) => ({
    iso3: r.party,
    name: r.name,
    standing: r.participation.standing,
    act: r.participation.act?.kind ?? null,
    date: r.participation.act?.date ?? null,
    source: r.participation.source,
    asOf: r.participation.asOf,
  }));
  return [...rows, ...view.unknown.map((s) => ({ iso3: s.iso3, name: s.name, standing: "unknown", act: null, date: null, source: null, asOf: null }))];
}

type VoteRow = { readonly iso3: string; readonly name: string; readonly vote: string; readonly date: string | null; readonly source: string | null; readonly asOf: string | null };

const STANDING_COLUMNS: TableColumn<StandingTableRow>[] = [
  { header: "State", value: (r) => r.name, cell: (r) => <Link to={`/states/${r.iso3}`}>{r.name}</Link>, wrap: true },
  { header: "ISO", value: (r) => r.iso3 },
  { header: "Standing", value: (r) => standingLabel(r.standing), cell: (r) => <span className={`standing standing-${r.standing}`}>{standingLabel(r.standing)}</span> },
  { header: "Act", value: (r) => r.act },
  { header: "Date", value: (r) => r.date ?? (r.act === null ? null : "unknown") },
  { header: "Source", value: (r) => r.source, cell: (r) => (r.source === null ? <span className="muted">—</span> : <LinkedText text={r.source} />), wrap: true },
  { header: "As of", value: (r) => r.asOf },
];

const VOTE_COLUMNS: TableColumn<VoteRow>[] = [
  { header: "State", value: (r) => r.name, cell: (r) => <Link to={`/states/${r.iso3}`}>{r.name}</Link>, wrap: true },
  { header: "ISO", value: (r) => r.iso3 },
  { header: "Vote", value: (r) => r.vote, cell: (r) => <span className={`standing standing-${r.vote === "unknown (not stored)" ? "unknown" : r.vote}`}>{r.vote}</span> },
  { header: "Date", value: (r) => r.date },
  { header: "Source", value: (r) => r.source, cell: (r) => (r.source === null ? <span className="muted">—</span> : <LinkedText text={r.source} />), wrap: true },
  { header: "As of", value: (r) => r.asOf },
];

const FILTERS = ["participant", "signatory", "withdrawn", "not-participant", "unknown"] as const;

function Instrument({ id }: { readonly id: string }) {
  const view = use(loadInstrumentView(id));
  const filters = useUrlFilters();
  const shown = filters.get("standing");
  const rows = useMemo(() => standingRows(view), [view]);
  const filtered = shown === "" ? rows : rows.filter((r) => r.standing === shown);
  const { instrument } = view;
  const voted = view.votes;
  const voteRows: VoteRow[] =
    voted === null
      ? []
      : [
          ...voted.votes.flatMap((g) => g.states.map((s) => ({ iso3: s.iso3, name: s.name, vote: g.vote as string, date: s.date, source: s.source, asOf: s.asOf }))),
          ...voted.unknownStates.map((s) => ({ iso3: s.iso3, name: s.name, vote: "unknown (not stored)", date: null, source: null, asOf: null })),
        ];
  const voteShown = shown === "" ? voteRows : voteRows.filter((r) => r.vote === shown || (shown === "unknown" && r.vote.startsWith("unknown")));
  return (
    <>
      <PageHeader
        title={instrument.shortName}
        kicker={
          <>
            <Link to="/instruments">Instruments</Link> · {instrument.kind}
          </>
        }
        lead={
          <>
            <p>{instrument.title}.</p>
            <p className="muted">
              {[instrument.adoptedDate === null ? null : `adopted ${instrument.adoptedDate}`, instrument.openedDate === null ? null : `opened ${instrument.openedDate}`, instrument.inForceDate === null ? null : `in force ${instrument.inForceDate}`]
                .filter((p) => p !== null)
                .join("; ")}
              {instrument.note === null ? "" : ` — ${instrument.note}.`} Data as of {instrumentAsOf(view)}.
            </p>
          </>
        }
      />
      {voted !== null ? (
        <>
          <VoteMap votes={voted} />
          <form className="filters no-print" aria-label="Filter the votes" onSubmit={(e) => e.preventDefault()}>
            <label className="field field-narrow">
              <span>Show</span>
              <select value={shown} onChange={(e) => filters.update({ standing: e.currentTarget.value })}>
                <option value="">every state</option>
                {["yes", "no", "abstain", "absent", "non-voting", "unknown"].map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          </form>
          <DataTable caption={`${voteShown.length} states${shown === "" ? "" : `: ${shown}`}`} columns={VOTE_COLUMNS} rows={voteShown} rowKey={(r) => r.iso3} csvName={`concord-${instrument.id}-votes-table`} empty={<p className="state state-empty">No state with that vote is stored.</p>} />
        </>
      ) : view.notApplicable > 0 && rows.length === 0 ? (
        <p className="state state-empty">No state acts apply to the {instrument.shortName} ({instrument.note ?? "adopted by consensus"}).</p>
      ) : (
        <>
          <div className="grid-wide-left">
            <MembershipMap view={view} />
            <GrowthCurve view={view} />
          </div>
          <form className="filters no-print" aria-label="Filter the states" onSubmit={(e) => e.preventDefault()}>
            <label className="field field-narrow">
              <span>Show</span>
              <select value={shown} onChange={(e) => filters.update({ standing: e.currentTarget.value })}>
                <option value="">every state</option>
                {FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {standingLabel(f)}
                  </option>
                ))}
              </select>
            </label>
          </form>
          <DataTable
            caption={`${filtered.length} states${shown === "" ? "" : `: ${standingLabel(shown)}`}, in date order`}
            columns={STANDING_COLUMNS}
            rows={filtered}
            rowKey={(r) => r.iso3}
            csvName={`concord-${instrument.id}-standings`}
            empty={<p className="state state-empty">No state has that standing.</p>}
          />
        </>
      )}
    </>
  );
}

/** One instrument: membership map and growth curve, or for a recorded vote the map of yes / no / abstain / unknown. */
export default function InstrumentPage() {
  const { id = "" } = useParams();
  return (
    <section className="page">
      <AsyncBoundary what={`the instrument ${id}`} minHeight={600} resetKey={id} header={<PageHeader title={id} kicker={<Link to="/instruments">Instruments</Link>} />}>
        <Instrument id={id} />
      </AsyncBoundary>
    </section>
  );
}
