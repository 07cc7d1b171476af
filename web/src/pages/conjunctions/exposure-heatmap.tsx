import * as Plot from "@observablehq/plot";
import { useCallback } from "react";
import { PlotFigure } from "../../components/plot-figure.tsx";
import { formatCount, formatFixed, formatPc } from "../../format/figures.ts";
import { measureValue } from "./exposure-cells.ts";
import type { ExposureMeasure, ExposureView, MatrixCell } from "./exposure-cells.ts";

const MEASURE_LABEL: Readonly<Record<ExposureMeasure, string>> = {
  events: "Close approaches (events)",
  closest: "Closest miss distance (km; darker is closer)",
  pc: "Summed probability of collision",
};

export function formatMeasure(value: number, measure: ExposureMeasure): string {
  if (measure === "events") return formatCount(value);
  if (measure === "closest") return formatFixed(value, value < 10 ? 2 : 0);
  return formatPc(value);
}

/** Black or white, whichever reads better on a background colour "rgb(r, g, b)" or "#rrggbb". */
function labelColour(background: string): string {
  const rgb = background.startsWith("#")
    ? [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16))
    : (background.match(/\d+(\.\d+)?/g) ?? ["0", "0", "0"]).slice(0, 3).map(Number);
  const [r = 0, g = 0, b = 0] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.3 ? "#111111" : "#ffffff";
}

interface Props {
  readonly cells: readonly MatrixCell[];
  readonly actors: readonly string[];
  readonly measure: ExposureMeasure;
  readonly view: ExposureView;
}

const CELL_MAX = 46;
const MARGIN_LEFT = 90;
const MARGIN_TOP = 70;

/** Height of the heat map for a number of actors (reserved before drawing). */
export function heatmapHeight(actorCount: number): number {
  return MARGIN_TOP + actorCount * CELL_MAX + 60;
}

/** Actor × actor heat map: ColorBrewer Blues (colour-blind safe), every cell labelled with its value. */
export function ExposureHeatmap({ cells, actors, measure, view }: Props) {
  const render = useCallback(
    (width: number) => {
      const shown = cells.filter((c) => actors.includes(c.row) && actors.includes(c.column) && measureValue(c, measure) !== null);
      const values = shown.map((c) => measureValue(c, measure) as number);
      const cell = Math.max(22, Math.min(CELL_MAX, (width - MARGIN_LEFT - 20) / Math.max(1, actors.length)));
      // Column labels turn when the longest would not fit its cell.
      const rotate = Math.max(...actors.map((a) => a.length)) * 7.5 > cell;
      const colourOptions = {
        type: measure === "events" ? "sqrt" : measure === "pc" ? "log" : "linear",
        scheme: "blues",
        domain: measure === "pc" ? [Math.min(...values), Math.max(...values)] : measure === "closest" ? [Math.max(...values), 0] : [0, Math.max(1, ...values)],
      } satisfies Plot.ScaleOptions;
      const colour = Plot.scale({ color: colourOptions });
      const fill = (c: MatrixCell) => String(colour.apply(measureValue(c, measure)));
      const chart = Plot.plot({
        width: MARGIN_LEFT + cell * actors.length + 20,
        height: MARGIN_TOP + cell * actors.length + 60,
        marginLeft: MARGIN_LEFT,
        marginTop: MARGIN_TOP,
        marginBottom: 60,
        style: { fontSize: cell < 30 ? "10px" : "12px" },
        x: { domain: [...actors], axis: "top", label: view === "debris" ? "Whose debris and rocket bodies →" : "Other party's objects →", tickRotate: rotate ? -45 : 0 },
        y: { domain: [...actors], label: view === "debris" ? "↓ Whose active payloads" : "↓ Actor's objects" },
        marks: [
          Plot.frame({ stroke: "#d0d0d0" }),
          // Colours computed here (scale: null) so that each label's colour can be chosen for contrast with its cell.
          Plot.cell(shown, { x: "column", y: "row", fill: { value: fill, scale: null }, inset: 0.5 }),
          Plot.text(shown, {
            x: "column",
            y: "row",
            text: (c: MatrixCell) => formatMeasure(measureValue(c, measure) as number, measure),
            fill: { value: (c: MatrixCell) => labelColour(fill(c)), scale: null },
          }),
        ],
      });
      const legend = Plot.legend({ color: { ...colourOptions, label: MEASURE_LABEL[measure] }, width: 340, marginLeft: 12, marginRight: 12 });
      const wrapper = document.createElement("div");
      wrapper.append(legend, chart);
      return wrapper;
    },
    [cells, actors, measure, view],
  );
  return (
    <PlotFigure
      render={render}
      height={heatmapHeight(actors.length)}
      label={`Heat map of ${MEASURE_LABEL[measure].toLowerCase()} between ${actors.length} actors; the same figures are in the table below`}
    />
  );
}
