import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import type { ConjunctionEvent } from "../../api/screening-queries.ts";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { CATEGORY } from "../../components/palette.ts";
import { PlotFigure } from "../../components/plot-figure.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { formatFixed, formatUtc } from "../../format/figures.ts";

interface Component {
  readonly axis: string;
  readonly missKm: number;
  readonly relativeVelocityKmS: number;
}

const AXES = ["Radial", "In-track", "Cross-track"] as const;
const HEIGHT = 150;

/** The miss vector at TCA in the primary's radial / in-track / cross-track frame, as signed bars with their values. */
export function EncounterGeometryFigure({ event }: { readonly event: ConjunctionEvent }) {
  const rows = useMemo<Component[]>(
    () => AXES.map((axis, i) => ({ axis, missKm: event.missRtnKm[i] ?? 0, relativeVelocityKmS: event.relativeVelocityRtnKmS[i] ?? 0 })),
    [event],
  );
  const render = useCallback(
    (width: number) => {
      const extent = Math.max(0.001, ...rows.map((r) => Math.abs(r.missKm))) * 1.35;
      return Plot.plot({
        width,
        height: HEIGHT,
        marginLeft: 96,
        marginRight: 24,
        marginBottom: 36,
        style: { fontSize: "13px" },
        x: { domain: [-extent, extent], label: "Secondary's position relative to the primary (km)", grid: true },
        y: { domain: [...AXES], label: null, tickSize: 0 },
        marks: [
          Plot.barX(rows, { x: "missKm", y: "axis", fill: (r: Component) => (r.missKm >= 0 ? CATEGORY.blue : CATEGORY.vermillion) }),
          Plot.text(rows, {
            x: "missKm",
            y: "axis",
            text: (r: Component) => `${r.missKm >= 0 ? "+" : "−"}${formatFixed(Math.abs(r.missKm), 3)} km`,
            dx: 6,
            textAnchor: "start",
            fill: "#1a1a1a",
            filter: (r: Component) => r.missKm >= 0,
          }),
          Plot.text(rows, {
            x: "missKm",
            y: "axis",
            text: (r: Component) => `−${formatFixed(Math.abs(r.missKm), 3)} km`,
            dx: -6,
            textAnchor: "end",
            fill: "#1a1a1a",
            filter: (r: Component) => r.missKm < 0,
          }),
          Plot.ruleX([0], { stroke: "#1a1a1a" }),
        ],
      });
    },
    [rows],
  );
  return (
    <FigureFrame
      title="Encounter geometry at TCA"
      subtitle={`Miss vector ${formatFixed(event.missDistanceKm, 3)} km, secondary minus primary, in the primary's radial / in-track / cross-track frame; positive: blue, negative: orange-red.`}
      source={
        <SourceNote>
          SGP4 states of both objects at TCA {formatUtc(event.tca)} from screening run #{event.runId}; element sets {formatFixed(event.primaryElementAgeDays, 1)} and{" "}
          {formatFixed(event.secondaryElementAgeDays, 1)} days old at TCA.
        </SourceNote>
      }
      csv={{
        name: `concord-event-${event.id}-geometry`,
        columns: [
          { header: "axis", value: (r: Component) => r.axis },
          { header: "miss_km", value: (r: Component) => r.missKm },
          { header: "relative_velocity_km_s", value: (r: Component) => r.relativeVelocityKmS },
        ],
        rows,
      }}
    >
      <PlotFigure render={render} height={HEIGHT} label={rows.map((r) => `${r.axis} ${formatFixed(r.missKm, 3)} km`).join(", ")} />
      <table className="compact-table">
        <caption className="visually-hidden">Miss vector and relative velocity components</caption>
        <thead>
          <tr>
            <th scope="col">Component</th>
            {rows.map((r) => (
              <th key={r.axis} scope="col" className="num">
                {r.axis}
              </th>
            ))}
            <th scope="col" className="num">
              Magnitude
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Miss (km)</th>
            {rows.map((r) => (
              <td key={r.axis} className="num">
                {formatFixed(r.missKm, 4)}
              </td>
            ))}
            <td className="num">{formatFixed(event.missDistanceKm, 4)}</td>
          </tr>
          <tr>
            <th scope="row">Relative velocity (km/s)</th>
            {rows.map((r) => (
              <td key={r.axis} className="num">
                {formatFixed(r.relativeVelocityKmS, 4)}
              </td>
            ))}
            <td className="num">{formatFixed(event.relativeSpeedKmS, 4)}</td>
          </tr>
        </tbody>
      </table>
    </FigureFrame>
  );
}
