import * as Plot from "@observablehq/plot";
import { use, useCallback, useMemo } from "react";
import { loadEnvironment } from "../../api/environment-queries.ts";
import type { EnvironmentReport, TrendGrouping } from "../../api/environment-queries.ts";
import { DataTable } from "../../components/data-table.tsx";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { BAR, CATEGORY } from "../../components/palette.ts";
import { PlotFigure } from "../../components/plot-figure.tsx";
import { formatCount } from "../../format/figures.ts";
import { useGroupNames } from "./actor-names.ts";
import { formatShare } from "./compliance-classes.ts";
import { EnvironmentSourceNote } from "./environment-source-note.tsx";
import { spreadLabels } from "./label-spread.ts";

const LINES = 7;
const LINE_COLORS = [CATEGORY.blue, CATEGORY.orange, CATEGORY.green, CATEGORY.vermillion, CATEGORY.purple, CATEGORY.sky, "#8c6d1f", CATEGORY.grey];
const TREND_HEIGHT = 380;
const LEO_TOP = 15;

/** Axis ticks: 0, 500, 2k, 16k (one prefix per tick, not a shared one that writes "0k"). */
const thousands = (value: number) => (Math.abs(value) >= 1000 ? `${value / 1000}k` : String(value));

interface YearValue {
  readonly group: string;
  readonly year: number;
  readonly inOrbit: number;
}

type LeoRow = EnvironmentReport["leoShare"][number];

function trendRows(report: EnvironmentReport, nameOf: (key: string) => string): { rows: YearValue[]; groups: string[] } {
  const top = report.series.slice(0, LINES);
  const groups = top.map((s) => nameOf(s.key));
  const rows: YearValue[] = top.flatMap((s) => s.inOrbit.map((n, i) => ({ group: nameOf(s.key), year: report.firstYear + i, inOrbit: n })));
  const others = report.totals.map((total, i) => ({ group: "All others", year: report.firstYear + i, inOrbit: total - top.reduce((sum, s) => sum + (s.inOrbit[i] ?? 0), 0) }));
  if (others.some((r) => r.inOrbit > 0)) {
    groups.push("All others");
    rows.push(...others);
  }
  return { rows, groups };
}

function TrendFigure({ report, nameOf }: { readonly report: EnvironmentReport; readonly nameOf: (key: string) => string }) {
  const { rows, groups } = useMemo(() => trendRows(report, nameOf), [report, nameOf]);
  const render = useCallback(
    (width: number) => {
      const last = groups.map((group) => rows.filter((r) => r.group === group).at(-1)).filter((r): r is YearValue => r !== undefined);
      const maxY = Math.max(1, ...rows.map((r) => r.inOrbit));
      const labelY = spreadLabels(last.map((r) => r.inOrbit), maxY, TREND_HEIGHT - 70, 14);
      const labels = last.map((r, i) => ({ ...r, labelY: labelY[i] ?? r.inOrbit, text: `${r.group} ${formatCount(r.inOrbit)}` }));
      return Plot.plot({
        width,
        height: TREND_HEIGHT,
        marginLeft: 56,
        marginRight: 210,
        marginTop: 20,
        style: { fontSize: "12px" },
        x: { label: "Year end", tickFormat: "d", ticks: 12 },
        y: { label: "Objects in orbit", grid: true, tickFormat: thousands, domain: [0, maxY] },
        color: { domain: groups, range: LINE_COLORS, legend: true },
        marks: [
          Plot.line(rows, { x: "year", y: "inOrbit", stroke: "group", strokeWidth: 2, title: (r: YearValue) => `${r.group}, ${r.year}: ${formatCount(r.inOrbit)}` }),
          Plot.text(labels, { x: "year", y: "labelY", text: "text", fill: "group", dx: 8, textAnchor: "start", fontWeight: 600 }),
          Plot.ruleY([0]),
        ],
      });
    },
    [rows, groups],
  );
  const grouping = report.by === "state" ? "state or organisation" : report.by === "type" ? "object type" : "orbit regime (today's)";
  return (
    <FigureFrame
      title={`Objects in orbit at each year end, by ${grouping}`}
      subtitle={`${formatCount(report.totals.at(-1) ?? 0)} objects in orbit on ${report.analysisDate.slice(0, 10)} (every catalogued object, debris included); the ${Math.min(LINES, report.series.length)} largest groups${report.series.length > LINES ? " and the rest together" : ""}. From launch and decay dates; the last point is the analysis date${report.by === "regime" ? "; each object counted in its current regime" : ""}.`}
      source={<EnvironmentSourceNote sources={report.sources} prefix="launch and decay dates from the SATCAT; " />}
      csv={{
        name: `concord-in-orbit-by-${report.by}-${report.analysisDate.slice(0, 10)}`,
        columns: [
          { header: report.by, value: (r: YearValue) => r.group },
          { header: "year", value: (r: YearValue) => r.year },
          { header: "in_orbit_at_year_end", value: (r: YearValue) => r.inOrbit },
        ],
        rows,
      }}
    >
      <PlotFigure render={render} height={TREND_HEIGHT + 40} label={`Lines of objects in orbit per year for ${groups.join(", ")}`} />
    </FigureFrame>
  );
}

function LeoShareFigure({ report, nameOf }: { readonly report: EnvironmentReport; readonly nameOf: (key: string) => string }) {
  const top = useMemo(() => report.leoShare.slice(0, LEO_TOP), [report]);
  const parts = useMemo(
    () => top.flatMap((r) => [
      { name: nameOf(r.key), part: "Payloads and rocket bodies", objects: r.objects - r.debris },
      { name: nameOf(r.key), part: "Debris", objects: r.debris },
    ]),
    [top, nameOf],
  );
  const height = top.length * 24 + 60;
  const render = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height,
        marginLeft: Math.min(width * 0.4, Math.max(4, ...top.map((r) => Math.min(28, nameOf(r.key).length))) * 7 + 12),
        marginRight: 110,
        marginBottom: 36,
        style: { fontSize: "12px" },
        x: { label: "Objects in LEO", labelAnchor: "center", labelOffset: 32, grid: true, tickFormat: thousands },
        y: { label: null, domain: top.map((r) => nameOf(r.key)), tickSize: 0, tickFormat: (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s) },
        color: { domain: ["Payloads and rocket bodies", "Debris"], range: [BAR, CATEGORY.orange], legend: true },
        marks: [
          Plot.barX(parts, Plot.stackX({ x: "objects", y: "name", fill: "part", title: (p: (typeof parts)[number]) => `${p.name}, ${p.part.toLowerCase()}: ${formatCount(p.objects)}` })),
          Plot.text(top, { x: "objects", y: (r: LeoRow) => nameOf(r.key), text: (r: LeoRow) => `${formatShare(r.share)}`, dx: 6, textAnchor: "start", fill: "#1a1a1a" }),
          Plot.ruleX([0]),
        ],
      }),
    [parts, top, height, nameOf],
  );
  return (
    <FigureFrame
      title="Share of the LEO population by state or organisation"
      subtitle={`${formatCount(report.leoTotal)} objects in LEO on ${report.analysisDate.slice(0, 10)}, debris included; the ${top.length} largest. The figure at each bar's end is its share of all LEO objects.`}
      source={<EnvironmentSourceNote sources={report.sources} prefix="SATCAT orbit regimes (ESA's LEO definition) and Concord's attribution of owner codes; " />}
    >
      <PlotFigure render={render} height={height + 40} label={top.map((r) => `${nameOf(r.key)}: ${formatShare(r.share)}`).join("; ")} />
    </FigureFrame>
  );
}

/** Environment trends: objects in orbit over time by group, and who holds the LEO population. */
export function EnvironmentResults({ by, at }: { readonly by: TrendGrouping; readonly at: string | undefined }) {
  const report = use(loadEnvironment(by, at));
  const nameOf = useGroupNames("state");
  const groupName = useGroupNames(by);
  return (
    <>
      <TrendFigure report={report} nameOf={groupName} />
      <LeoShareFigure report={report} nameOf={nameOf} />
      <DataTable
        caption={`LEO population by state or organisation: ${report.leoShare.length} holders of ${formatCount(report.leoTotal)} objects`}
        columns={[
          { header: "State or organisation", value: (r: LeoRow) => nameOf(r.key), wrap: true },
          { header: "Code", value: (r: LeoRow) => r.key },
          { header: "Objects in LEO", numeric: true, value: (r: LeoRow) => r.objects },
          { header: "Of which debris", numeric: true, value: (r: LeoRow) => r.debris },
          { header: "Share of LEO", numeric: true, value: (r: LeoRow) => r.share, cell: (r: LeoRow) => formatShare(r.share) },
        ]}
        rows={report.leoShare}
        rowKey={(r) => r.key}
        csvName={`concord-leo-share-${report.analysisDate.slice(0, 10)}`}
        empty={<p className="state state-empty">No object in LEO on {report.analysisDate.slice(0, 10)}: is a SATCAT ingested?</p>}
      />
    </>
  );
}
