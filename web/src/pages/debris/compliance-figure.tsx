import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import type { ComplianceGrouping } from "../../api/environment-queries.ts";
import { PlotFigure } from "../../components/plot-figure.tsx";
import { formatCount } from "../../format/figures.ts";
import { COMPLIANCE_CLASSES, barTotal, formatShare } from "./compliance-classes.ts";
import type { ComplianceRow } from "./compliance-classes.ts";

/** Groups drawn as horizontal bars (the table has them all). */
export const TOP_GROUPS = 20;
const ROW_HEIGHT = 24;
const YEAR_HEIGHT = 340;
const LABEL_CHARS = 28;

interface Segment {
  readonly key: string;
  readonly name: string;
  readonly label: string;
  readonly count: number;
  readonly share: number;
}

const shortLabel = (name: string) => (name.length <= LABEL_CHARS ? name : `${name.slice(0, LABEL_CHARS - 1).trimEnd()}…`);

function segments(rows: readonly ComplianceRow[], nameOf: (key: string) => string): Segment[] {
  return rows.flatMap((row) =>
    COMPLIANCE_CLASSES.map((c) => ({ key: row.key, name: nameOf(row.key), label: c.label, count: row[c.field], share: barTotal(row) === 0 ? 0 : row[c.field] / barTotal(row) })),
  );
}

const color = { domain: COMPLIANCE_CLASSES.map((c) => c.label), range: COMPLIANCE_CLASSES.map((c) => c.color), legend: true };
const tip = (s: Segment) => `${s.name}, ${s.label.toLowerCase()}: ${formatCount(s.count)} (${formatShare(s.share)} of the bar)`;

/**
 * Stacked bars of the four classes per group (counts or shares): horizontal per state, owner, regime or type with the
 * compliant share of the assessed written at each bar's end; vertical per launch year.
 */
export function ComplianceBars({ rows, by, scale, nameOf }: { readonly rows: readonly ComplianceRow[]; readonly by: ComplianceGrouping; readonly scale: "count" | "share"; readonly nameOf: (key: string) => string }) {
  const years = by === "year";
  const shown = useMemo(() => (years ? rows.filter((r) => /^\d{4}$/.test(r.key)) : rows.filter((r) => barTotal(r) > 0).slice(0, TOP_GROUPS)), [rows, years]);
  const data = useMemo(() => segments(shown, nameOf), [shown, nameOf]);
  const value = scale === "share" ? "share" : "count";
  const height = years ? YEAR_HEIGHT : shown.length * ROW_HEIGHT + 60;
  const render = useCallback(
    (width: number) => {
      if (years) {
        return Plot.plot({
          width,
          height,
          marginLeft: 56,
          style: { fontSize: "12px" },
          x: { label: "Launch year (a payload's end-of-life date is not public)", tickFormat: "d", interval: 1, ticks: 12 },
          y: { label: scale === "share" ? "Share of the year's ended objects (%)" : "Ended objects", grid: true, ...(scale === "share" ? { percent: true, domain: [0, 100] } : { tickFormat: "s" }) },
          color,
          marks: [
            Plot.rectY(data, Plot.stackY({ x: (s: Segment) => Number(s.key), y: value, fill: "label", order: color.domain, interval: 1, insetLeft: 0.5, insetRight: 0.5, title: tip })),
            Plot.ruleY([0]),
          ],
        });
      }
      const longest = Math.max(4, ...shown.map((r) => shortLabel(nameOf(r.key)).length));
      const ends = shown.map((r) => ({ name: nameOf(r.key), end: scale === "share" ? 1 : barTotal(r), text: `${formatShare(r.compliantShare)} of ${formatCount(r.assessed)}` }));
      return Plot.plot({
        width,
        height,
        marginLeft: Math.min(width * 0.4, longest * 7 + 12),
        marginRight: 120,
        marginBottom: 36,
        style: { fontSize: "12px" },
        x: { label: scale === "share" ? "Share of the group's ended objects (%)" : "Ended payloads and rocket bodies", labelAnchor: "center", labelOffset: 32, grid: true, ...(scale === "share" ? { percent: true } : {}) },
        y: { label: null, domain: shown.map((r) => nameOf(r.key)), tickFormat: shortLabel, tickSize: 0 },
        color,
        marks: [
          Plot.barX(data, Plot.stackX({ x: value, y: "name", fill: "label", order: color.domain, title: tip })),
          Plot.text(ends, { x: "end", y: "name", text: "text", dx: 6, textAnchor: "start", fill: "#1a1a1a" }),
          Plot.ruleX([0]),
        ],
      });
    },
    [data, shown, years, height, scale, value, nameOf],
  );
  const label = years
    ? `Stacked bars per launch year of ended objects by compliance class`
    : shown.map((r) => `${nameOf(r.key)}: ${formatShare(r.compliantShare)} compliant of ${r.assessed} assessed`).join("; ");
  return <PlotFigure render={render} height={height + 40} label={label} />;
}
