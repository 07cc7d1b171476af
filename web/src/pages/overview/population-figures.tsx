import * as Plot from "@observablehq/plot";
import { use, useCallback, useMemo } from "react";
import { loadStats } from "../../api/catalog-queries.ts";
import { CiteButton } from "../../components/cite-button.tsx";
import { catalogTotalFigure } from "../../components/cite-figures.ts";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { BAR, CATEGORY } from "../../components/palette.ts";
import { PlotFigure } from "../../components/plot-figure.tsx";
import { AsOfNote } from "../../components/source-note.tsx";
import { formatCount } from "../../format/figures.ts";

const TOP_STATES = 15;
const ROW_HEIGHT = 24;

interface Bar {
  readonly key: string;
  readonly name: string;
  readonly onOrbit: number;
  readonly total: number;
}

const LABEL_CHARS = 26;

/** A bar's label: long names (United Kingdom of Great Britain and Northern Ireland) shortened, the full name kept in the CSV. */
function shortLabel(name: string): string {
  return name.length <= LABEL_CHARS ? name : `${name.slice(0, LABEL_CHARS - 1).trimEnd()}…`;
}

function barChart(rows: readonly Bar[], width: number, height: number): Element {
  const longest = Math.max(...rows.map((r) => shortLabel(r.name).length), 4);
  return Plot.plot({
    width,
    height,
    marginLeft: Math.min(width * 0.45, longest * 7.2 + 12),
    marginRight: 64,
    marginTop: 8,
    marginBottom: 8,
    style: { fontSize: "13px" },
    x: { axis: null, domain: [0, Math.max(1, ...rows.map((r) => r.onOrbit))] },
    y: { label: null, domain: rows.map((r) => r.name), tickSize: 0, tickFormat: shortLabel },
    marks: [
      Plot.barX(rows, { x: "onOrbit", y: "name", fill: BAR }),
      Plot.text(rows, { x: "onOrbit", y: "name", text: (r: Bar) => formatCount(r.onOrbit), dx: 4, textAnchor: "start", fill: "#1a1a1a" }),
      Plot.ruleX([0], { stroke: "#1a1a1a" }),
    ],
  });
}

type StatsGroup = Awaited<ReturnType<typeof loadStats>>["groups"][number];

function onOrbitBars(groups: readonly StatsGroup[]): Bar[] {
  return groups
    .filter((g) => g.onOrbit > 0)
    .map((g) => ({ key: g.key ?? "UNKNOWN", name: g.label ?? g.key ?? "Unknown", onOrbit: g.onOrbit, total: g.total }))
    .sort((a, b) => b.onOrbit - a.onOrbit);
}

const BAR_CSV = [
  { header: "code", value: (r: Bar) => r.key },
  { header: "name", value: (r: Bar) => r.name },
  { header: "on_orbit", value: (r: Bar) => r.onOrbit },
  { header: "catalogued_total", value: (r: Bar) => r.total },
];

/** Objects on orbit per attributed state or organisation: the largest fifteen. */
export function PopulationByStateFigure() {
  const stats = use(loadStats("state", "all"));
  const all = useMemo(() => onOrbitBars(stats.groups), [stats]);
  const rows = useMemo(() => all.slice(0, TOP_STATES), [all]);
  const height = rows.length * ROW_HEIGHT + 16;
  const render = useCallback((width: number) => barChart(rows, width, height), [rows, height]);
  return (
    <FigureFrame
      title="Objects on orbit by state or organisation"
      subtitle={
        <>
          The {rows.length} largest of {all.length}; {formatCount(stats.totals.onOrbit)} objects on orbit in all
          <CiteButton figure={catalogTotalFigure(stats, "onOrbit", formatCount)} /> (payloads, rocket bodies and debris).
        </>
      }
      source={<AsOfNote asOf={stats.asOf} prefix="attribution of each SATCAT owner code to a state or organisation (Concord's curated table); " />}
      csv={{ name: "concord-objects-on-orbit-by-state", columns: BAR_CSV, rows: all }}
    >
      <PlotFigure render={render} height={height} label={rows.map((r) => `${r.name}: ${formatCount(r.onOrbit)}`).join("; ")} />
    </FigureFrame>
  );
}

/** Objects on orbit per object type. */
export function PopulationByTypeFigure() {
  const stats = use(loadStats("type", "all"));
  const rows = useMemo(() => onOrbitBars(stats.groups), [stats]);
  const height = rows.length * 40 + 16;
  const render = useCallback((width: number) => barChart(rows, width, height), [rows, height]);
  return (
    <FigureFrame
      title="Objects on orbit by type"
      subtitle={
        <>
          {formatCount(stats.totals.onOrbit)} on orbit; {formatCount(stats.totals.decayed)} more have re-entered
          <CiteButton figure={catalogTotalFigure(stats, "decayed", formatCount)} />.
        </>
      }
      source={<AsOfNote asOf={stats.asOf} prefix="object types as given by the SATCAT; " />}
      csv={{ name: "concord-objects-on-orbit-by-type", columns: BAR_CSV, rows }}
    >
      <PlotFigure render={render} height={height} label={rows.map((r) => `${r.name}: ${formatCount(r.onOrbit)}`).join("; ")} />
    </FigureFrame>
  );
}

interface YearCount {
  readonly year: number;
  readonly status: "Still on orbit" | "Re-entered";
  readonly count: number;
}

const GROWTH_HEIGHT = 320;

/** Objects catalogued per launch year, split by whether they are still on orbit: the growth of the population. */
export function GrowthFigure() {
  const stats = use(loadStats("launch-year", "all"));
  const years = useMemo(() => stats.groups.filter((g) => g.key !== null && /^\d{4}$/.test(g.key)).sort((a, b) => Number(a.key) - Number(b.key)), [stats]);
  const rows = useMemo<YearCount[]>(
    () =>
      years.flatMap((g) => [
        { year: Number(g.key), status: "Still on orbit" as const, count: g.onOrbit },
        { year: Number(g.key), status: "Re-entered" as const, count: g.decayed },
      ]),
    [years],
  );
  const unknownYear = stats.groups.find((g) => g.key === null);
  const render = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height: GROWTH_HEIGHT,
        marginLeft: 56,
        style: { fontSize: "12px" },
        x: { label: "Launch year", tickFormat: "d", interval: 1, ticks: 12 },
        y: { label: "Objects catalogued", grid: true, tickFormat: "s" },
        color: { domain: ["Still on orbit", "Re-entered"], range: [CATEGORY.blue, CATEGORY.orange], legend: true },
        marks: [Plot.rectY(rows, { x: "year", y: "count", fill: "status", interval: 1, insetLeft: 0.5, insetRight: 0.5 }), Plot.ruleY([0])],
      }),
    [rows],
  );
  const peak = years.reduce<(typeof years)[number] | undefined>((best, g) => (best === undefined || g.total > best.total ? g : best), undefined);
  return (
    <FigureFrame
      title="Growth: objects catalogued by launch year"
      subtitle={
        <>
          Each object counted in the year of its launch; blue: still on orbit, orange: re-entered.
          {peak === undefined ? "" : ` Most in ${peak.key}: ${formatCount(peak.total)} (${formatCount(peak.onOrbit)} still on orbit).`}
          {unknownYear === undefined ? "" : ` ${formatCount(unknownYear.total)} objects without a launch date are not shown.`}
        </>
      }
      source={<AsOfNote asOf={stats.asOf} prefix="launch and decay dates from the SATCAT; " />}
      csv={{
        name: "concord-objects-by-launch-year",
        columns: [
          { header: "launch_year", value: (g: (typeof years)[number]) => g.key },
          { header: "on_orbit", value: (g: (typeof years)[number]) => g.onOrbit },
          { header: "decayed", value: (g: (typeof years)[number]) => g.decayed },
          { header: "total", value: (g: (typeof years)[number]) => g.total },
        ],
        rows: years,
      }}
    >
      <PlotFigure render={render} height={GROWTH_HEIGHT + 28} label="Stacked bars of objects catalogued per launch year, still on orbit and re-entered" />
    </FigureFrame>
  );
}
