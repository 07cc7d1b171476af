import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import { Link } from "react-router";
import type { StateProfile } from "../../api/diplomacy-queries.ts";
import { CiteButton } from "../../components/cite-button.tsx";
import { commitmentStandingFigure } from "../../components/cite-figures.ts";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { LinkedText } from "../../components/linked-text.tsx";
import { CATEGORY } from "../../components/palette.ts";
import { PlotFigure } from "../../components/plot-figure.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { standingLabel } from "../instruments/standing-classes.ts";

type Commitment = StateProfile["commitments"][number];

/** One line of the timeline table: an act, or a commitment without any act (its standing, often unknown). */
export interface CommitmentRow {
  readonly key: string;
  readonly instrumentId: string;
  readonly instrument: string;
  readonly kind: string;
  readonly standing: string;
  readonly standingStatus: string;
  readonly act: string;
  readonly date: string | null;
  readonly vote: string | null;
  readonly source: string | null;
  readonly asOf: string | null;
  /** The commitment's place in the profile's list (its standing's JSON pointer uses it). */
  readonly commitmentIndex: number;
  /** The first row of its commitment: the one that offers to cite the standing. */
  readonly firstOfCommitment: boolean;
}

export function commitmentRows(commitments: readonly Commitment[]): CommitmentRow[] {
  return commitments.flatMap((c, commitmentIndex): CommitmentRow[] => {
    const base = {
      commitmentIndex,
      instrumentId: c.instrument.id,
      instrument: c.instrument.shortName,
      kind: c.instrument.kind,
      standing: c.answer.status === "known" ? standingLabel(c.answer.value ?? "") : c.answer.status,
      standingStatus: c.answer.status,
    };
    if (c.acts.length === 0) {
      return [{ ...base, key: c.instrument.id, firstOfCommitment: true, act: c.answer.statement, date: c.answer.date, vote: null, source: c.answer.source, asOf: c.answer.asOf }];
    }
    return c.acts.map((a, i) => ({ ...base, key: `${c.instrument.id}-${i}`, firstOfCommitment: i === 0, act: a.kind, date: a.date, vote: a.vote, source: a.source, asOf: a.asOf }));
  });
}

/** The table's columns; a known standing offers "Cite" (for analysts) on its commitment's first row. */
function commitmentColumns(profile: StateProfile): TableColumn<CommitmentRow>[] {
  return [
    { header: "Instrument", value: (r) => r.instrument, cell: (r) => <Link to={`/instruments/${r.instrumentId}`}>{r.instrument}</Link> },
    { header: "Kind", value: (r) => r.kind },
    {
      header: "Standing",
      value: (r) => r.standing,
      cell: (r) => (
        <>
          <span className={`standing standing-${r.standingStatus === "known" ? "known" : r.standingStatus}`}>{r.standing}</span>
          {r.firstOfCommitment ? <CiteButton figure={commitmentStandingFigure(profile, r.commitmentIndex, standingLabel)} /> : null}
        </>
      ),
    },
    { header: "Act", value: (r) => (r.vote === null ? r.act : `${r.act}: ${r.vote}`), wrap: true },
    { header: "Date", value: (r) => r.date ?? "unknown", cell: (r) => (r.date === null ? <span className="muted">unknown</span> : r.date) },
    { header: "Source", value: (r) => r.source, cell: (r) => (r.source === null ? <span className="muted">—</span> : <LinkedText text={r.source} />), wrap: true },
    { header: "As of", value: (r) => r.asOf },
  ];
}

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as the first day it can mean. */
function partialDate(date: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** Every act of a state under the treaties, accords, commitments and votes, on a time line and as a table with sources. */
export function CommitmentsTimeline({ profile }: { readonly profile: StateProfile }) {
  const rows = useMemo(() => commitmentRows(profile.commitments), [profile]);
  const columns = useMemo(() => commitmentColumns(profile), [profile]);
  const dated = useMemo(() => rows.filter((r) => r.date !== null && r.standingStatus === "known").map((r) => ({ ...r, when: partialDate(r.date as string) })), [rows]);
  const undated = rows.filter((r) => r.date === null && r.standingStatus === "known");
  const unknown = rows.filter((r) => r.standingStatus === "unknown");
  const lanes = useMemo(() => [...new Set(dated.map((r) => r.instrument))], [dated]);
  const height = Math.max(80, lanes.length * 30 + 50);
  const render = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height,
        marginLeft: 200,
        marginRight: 40,
        marginBottom: 36,
        style: { fontSize: "12px" },
        x: { type: "utc", label: "Date of the act", labelAnchor: "center", labelOffset: 32, grid: true, inset: 24 },
        y: { label: null, domain: lanes, tickFormat: (s: string) => (s.length > 30 ? `${s.slice(0, 29)}…` : s) },
        symbol: { legend: true },
        marks: [
          Plot.ruleY(lanes, { stroke: "#e0e0e0" }),
          Plot.dot(dated, { x: "when", y: "instrument", symbol: "act", stroke: CATEGORY.blue, fill: CATEGORY.blue, r: 5, title: (r: CommitmentRow) => `${r.instrument}: ${r.act} ${r.date ?? ""}` }),
          Plot.text(dated, { x: "when", y: "instrument", text: "date", dy: -11, fontSize: 10, fill: "#333" }),
        ],
      }),
    [dated, lanes, height],
  );
  return (
    <>
      <FigureFrame
        title="Commitments over time"
        subtitle={
          <>
            {dated.length} dated act{dated.length === 1 ? "" : "s"}.
            {undated.length === 0 ? "" : ` Date unknown: ${undated.map((r) => `${r.instrument} (${r.act})`).join(", ")}.`}
            {unknown.length === 0 ? "" : ` Standing unknown (no act stored, stored acts not complete): ${unknown.map((r) => r.instrument).join(", ")}.`}
          </>
        }
        source={<SourceNote>each act's own source and as-of date, in the table below (Concord's diplomacy registry, data/diplomacy).</SourceNote>}
      >
        {dated.length === 0 ? <p className="muted">No dated act is stored for this state.</p> : <PlotFigure render={render} height={height + 40} label={`Acts on a time line: ${dated.map((r) => `${r.instrument} ${r.act} ${r.date}`).join("; ")}`} />}
      </FigureFrame>
      <DataTable
        caption={`Acts and standings under ${profile.commitments.length} instruments`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        csvName={`concord-${profile.state.iso3}-commitments`}
        empty={<p className="muted">No instrument in the registry.</p>}
      />
    </>
  );
}
