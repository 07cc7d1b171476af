import * as Plot from "@observablehq/plot";
import { startTransition, use, useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import { loadInstruments, loadOutreach } from "../../api/diplomacy-queries.ts";
import type { OutreachReport } from "../../api/diplomacy-queries.ts";
import { AsyncBoundary } from "../../components/async-boundary.tsx";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { CATEGORY } from "../../components/palette.ts";
import { PlotFigure } from "../../components/plot-figure.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { numberParam, useUrlFilters } from "../../components/url-filters.ts";
import { formatFixed } from "../../format/figures.ts";
import { standingLabel } from "../instruments/standing-classes.ts";
import { FACTORS, factorLabel, formatWeights, parseWeights } from "./outreach-weights.ts";

type Filters = ReturnType<typeof useUrlFilters>;
type Candidate = OutreachReport["ranked"][number];

const FACTOR_COLORS = [CATEGORY.blue, CATEGORY.sky, CATEGORY.green, CATEGORY.orange, CATEGORY.purple, CATEGORY.vermillion, CATEGORY.yellow];
const DEFAULT_INSTRUMENT = "artemis-accords";
const DEFAULT_TOP = 25;

function InstrumentChoice({ filters }: { readonly filters: Filters }) {
  const instruments = use(loadInstruments()).items.filter((i) => i.kind === "treaty" || i.kind === "accords" || i.kind === "commitment");
  return (
    <label className="field">
      <span>Instrument</span>
      <select value={filters.get("instrument") || DEFAULT_INSTRUMENT} onChange={(e) => filters.update({ instrument: e.currentTarget.value === DEFAULT_INSTRUMENT ? "" : e.currentTarget.value, weights: "" })}>
        {instruments.map((i) => (
          <option key={i.id} value={i.id}>
            {i.shortName}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One slider per factor; moving one re-ranks through the API (the one scoring formula), the weights kept in the URL. */
function WeightSliders({ report, filters }: { readonly report: OutreachReport; readonly filters: Filters }) {
  const configured = report.settings.weights;
  const fromUrl = filters.get("weights");
  const [weights, setWeights] = useState<Record<string, number>>(() => ({ ...configured, ...parseWeights(fromUrl) }));
  // The URL changed under the sliders (back button, reset link): they follow it (React's "adjust state on a prop change").
  const [shownUrl, setShownUrl] = useState(fromUrl);
  if (shownUrl !== fromUrl) {
    setShownUrl(fromUrl);
    setWeights({ ...configured, ...parseWeights(fromUrl) });
  }
  useEffect(() => {
    const text = formatWeights(weights, configured);
    if (text === formatWeights({ ...configured, ...parseWeights(fromUrl) }, configured)) return undefined;
    const timer = setTimeout(() => startTransition(() => filters.update({ weights: text })), 250);
    return () => clearTimeout(timer);
  }, [weights, configured, fromUrl, filters]);
  return (
    <fieldset className="weights no-print">
      <legend>Weights (0 to 5; configured values from {report.settingsSource})</legend>
      {FACTORS.map((f, index) => (
        <label key={f.id} className="weight">
          <span>
            <span className="swatch" style={{ background: FACTOR_COLORS[index] }} aria-hidden="true" /> {f.label}
          </span>
          <input
            type="range"
            min={0}
            max={5}
            step={0.5}
            value={weights[f.id] ?? 0}
            aria-valuetext={`${weights[f.id] ?? 0}${weights[f.id] === configured[f.id] ? " (configured)" : ""}`}
            onChange={(e) => setWeights((w) => ({ ...w, [f.id]: Number(e.currentTarget.value) }))}
          />
          <output>{formatFixed(weights[f.id] ?? 0, 1)}</output>
        </label>
      ))}
      <Link className="button-link" to={`/outreach${filters.get("instrument") === "" ? "" : `?instrument=${filters.get("instrument")}`}`}>
        Reset to the configured weights
      </Link>
    </fieldset>
  );
}

function contributionRows(ranked: readonly Candidate[]) {
  return ranked.flatMap((c) => c.factors.map((f) => ({ state: `${c.rank}. ${c.name}`, factor: factorLabel(f.factor), contribution: f.contribution, rawText: f.rawText, unknown: f.unknown })));
}

function columnsFor(report: OutreachReport): TableColumn<Candidate>[] {
  const factorColumns: TableColumn<Candidate>[] = FACTORS.flatMap((f) => [
    {
      header: f.label,
      numeric: true,
      description: `weight × normalised value; ${report.settings.weights[f.id] ?? 0} at most`,
      value: (c: Candidate) => c.factors.find((x) => x.factor === f.id)?.contribution ?? null,
      cell: (c: Candidate) => {
        const factor = c.factors.find((x) => x.factor === f.id);
        if (factor === undefined) return "—";
        return (
          <span title={factor.rawText}>
            {formatFixed(factor.contribution, 2)}
            {factor.unknown ? <abbr title={`partly unknown: ${factor.rawText}`}> ?</abbr> : null}
          </span>
        );
      },
    },
    { header: `${f.label} (evidence)`, csvOnly: true, value: (c: Candidate) => c.factors.find((x) => x.factor === f.id)?.rawText ?? null },
  ]);
  return [
    { header: "Rank", numeric: true, value: (c) => c.rank },
    { header: "State", value: (c) => c.name, cell: (c) => <Link to={`/states/${c.iso3}`}>{c.name}</Link>, wrap: true },
    { header: "ISO", value: (c) => c.iso3 },
    { header: "Standing", value: (c) => standingLabel(c.standing), cell: (c) => <span className={`standing standing-${c.standing}`}>{standingLabel(c.standing)}</span> },
    { header: "Score", numeric: true, value: (c) => c.score, cell: (c) => <strong>{formatFixed(c.score, 2)}</strong> },
    ...factorColumns,
  ];
}

function Ranking({ filters }: { readonly filters: Filters }) {
  const instrument = filters.get("instrument") || DEFAULT_INSTRUMENT;
  const top = Math.min(200, Math.max(5, Math.round(numberParam(filters.get("top")) ?? DEFAULT_TOP)));
  const report = use(loadOutreach(instrument, top, filters.get("weights")));
  const rows = useMemo(() => contributionRows(report.ranked), [report]);
  const order = useMemo(() => report.ranked.map((c) => `${c.rank}. ${c.name}`), [report]);
  const height = report.ranked.length * 22 + 70;
  const render = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height,
        marginLeft: 190,
        marginRight: 24,
        marginBottom: 40,
        style: { fontSize: "12px" },
        x: { label: `Score: the sum of the contributions (at most ${formatFixed(report.maxScore, 1)})`, labelAnchor: "center", labelOffset: 34, grid: true, nice: true },
        y: { label: null, domain: order, tickFormat: (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s) },
        color: { domain: FACTORS.map((f) => f.label), range: FACTOR_COLORS, legend: true },
        marks: [
          Plot.barX(rows, Plot.stackX({ x: "contribution", y: "state", fill: "factor", order: FACTORS.map((f) => f.label), title: (r: (typeof rows)[number]) => `${r.state}: ${r.factor} ${formatFixed(r.contribution, 2)} (${r.rawText})` })),
          Plot.ruleX([0]),
        ],
      }),
    [rows, order, height, report.maxScore],
  );
  const columns = useMemo(() => columnsFor(report), [report]);
  return (
    <>
      <WeightSliders report={report} filters={filters} />
      <FigureFrame
        title={`Outreach priorities for the ${report.instrument.shortName}`}
        subtitle={`The ${report.ranked.length} highest of ${report.candidateCount} states not yet committed (${report.committedCount} are). Each bar is the score, split into its factors' contributions (weight × value normalised to 0–1); recent launches: ${report.recentYears.from}–${report.recentYears.to}.`}
        source={
          <SourceNote>
            weights {filters.get("weights") === "" ? `from ${report.settingsSource}` : `set on this page (${filters.get("weights")}) over ${report.settingsSource}`}; standings from Concord's diplomacy
            registry ({report.instrument.coverage} coverage{report.instrument.coverageAsOf === null ? "" : ` as of ${report.instrument.coverageAsOf}`}); catalog: {report.catalog.source}.
          </SourceNote>
        }
        csv={{
          name: `concord-outreach-${report.instrument.id}-contributions`,
          columns: [
            { header: "state", value: (r: (typeof rows)[number]) => r.state },
            { header: "factor", value: (r: (typeof rows)[number]) => r.factor },
            { header: "contribution", value: (r: (typeof rows)[number]) => r.contribution },
            { header: "evidence", value: (r: (typeof rows)[number]) => r.rawText },
          ],
          rows,
        }}
      >
        <PlotFigure render={render} height={height + 40} label={`Ranked states: ${report.ranked.slice(0, 10).map((c) => `${c.rank}. ${c.name} ${formatFixed(c.score, 2)}`).join("; ")}`} />
      </FigureFrame>
      <DataTable
        caption={`Ranked states: the ${report.ranked.length} highest scores (hover a figure for its evidence; “?”: partly unknown, counted as nothing)`}
        columns={columns}
        rows={report.ranked}
        rowKey={(c) => c.iso3}
        csvName={`concord-outreach-${report.instrument.id}`}
        empty={<p className="state state-empty">Every state is already committed to the {report.instrument.shortName}: nobody left to ask.</p>}
      />
    </>
  );
}

/** Outreach: the states not yet committed to an instrument, ranked by a transparent score with adjustable weights. */
export default function OutreachPage() {
  const filters = useUrlFilters();
  return (
    <section className="page">
      <PageHeader
        title="Outreach"
        lead={
          <p>
            Which states to approach next for an instrument: those not yet committed, ranked by a transparent score. Each factor's contribution is shown; move a
            weight to re-rank (the weights stay in the link, so a ranking can be shared).
          </p>
        }
      />
      <form className="filters no-print" aria-label="Choose the instrument" onSubmit={(e) => e.preventDefault()}>
        <AsyncBoundary what="the instruments" minHeight={40}>
          <InstrumentChoice filters={filters} />
        </AsyncBoundary>
        <label className="field field-narrow">
          <span>States shown</span>
          <select value={filters.get("top") || String(DEFAULT_TOP)} onChange={(e) => filters.update({ top: e.currentTarget.value === String(DEFAULT_TOP) ? "" : e.currentTarget.value })}>
            {[10, 25, 50, 100, 200].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </form>
      <AsyncBoundary what="the outreach ranking" minHeight={700} resetKey={`${filters.get("instrument")}:${filters.get("top")}`}>
        <Ranking filters={filters} />
      </AsyncBoundary>
    </section>
  );
}
