import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import type { FragmentationsReport } from "../../api/environment-queries.ts";
import { CATEGORY } from "../../components/palette.ts";
import { PlotFigure } from "../../components/plot-figure.tsx";
import { formatCount } from "../../format/figures.ts";

export type Fragmentation = FragmentationsReport["events"][number];

export interface DecayPoint {
  readonly event: string;
  readonly years: number;
  readonly pieces: number;
  readonly share: number;
}

const SMALL_HEIGHT = 150;

/** An event's pieces with element sets now and after 5, 10 and 25 years (the model's four points). */
export function decayPoints(event: Fragmentation): DecayPoint[] {
  const now = event.piecesWithElements;
  const p = event.projectedRemaining;
  return [
    [0, now],
    [5, p.after5Years],
    [10, p.after10Years],
    [25, p.after25Years],
  ].map(([years, pieces]) => ({ event: event.name, years: years!, pieces: pieces!, share: now === 0 ? 0 : pieces! / now }));
}

/** One small multiple: the share of today's tracked pieces still in orbit, labelled with counts (y from 0 to 100 % in all, so they compare). */
function DecayCurve({ event }: { readonly event: Fragmentation }) {
  const points = useMemo(() => decayPoints(event), [event]);
  const render = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height: SMALL_HEIGHT,
        marginLeft: 46,
        marginRight: 20,
        marginTop: 18,
        marginBottom: 30,
        style: { fontSize: "11px" },
        x: { domain: [0, 25], ticks: [0, 5, 10, 25], label: "years from the analysis date", labelAnchor: "center", labelOffset: 26 },
        y: { domain: [0, 100], percent: true, ticks: [0, 50, 100], grid: true, label: null, tickFormat: (d: number) => `${d} %` },
        marks: [
          Plot.areaY(points, { x: "years", y: "share", fill: CATEGORY.blue, fillOpacity: 0.15 }),
          Plot.line(points, { x: "years", y: "share", stroke: CATEGORY.blue, strokeWidth: 2 }),
          Plot.dot(points, { x: "years", y: "share", fill: CATEGORY.blue, r: 3, title: (d: DecayPoint) => `${d.event}: ${formatCount(d.pieces)} pieces after ${d.years} years` }),
          // Counts above the points; the first starts right of its point (clear of the "100 %" tick), the last ends left of it.
          ...(["start", "middle", "end"] as const).map((anchor) =>
            Plot.text(
              points.filter((d) => (anchor === "start" ? d.years === 0 : anchor === "end" ? d.years === 25 : d.years !== 0 && d.years !== 25)),
              { x: "years", y: "share", text: (d: DecayPoint) => formatCount(d.pieces), dy: -9, dx: anchor === "start" ? 2 : anchor === "end" ? -2 : 0, textAnchor: anchor, fill: "#1a1a1a", fontSize: 10.5 },
            ),
          ),
          Plot.ruleY([0]),
        ],
      }),
    [points],
  );
  const label = `${event.name}: ${points.map((d) => `${formatCount(d.pieces)} after ${d.years} years`).join(", ")}`;
  return (
    <div className="decay-curve">
      <h4 className="decay-curve-title" title={event.name}>
        {event.name}
      </h4>
      <p className="decay-curve-meta">
        <span>
          {event.asatTest === null ? null : <span className="asat-flag">ASAT test</span>}
          {event.date ?? "date unknown"}
        </span>
        <span>
          {formatCount(event.piecesInOrbit)} in orbit
          {event.piecesInOrbit > event.piecesWithElements ? `, ${formatCount(event.piecesInOrbit - event.piecesWithElements)} without elements` : ""}
        </span>
      </p>
      {event.piecesWithElements === 0 ? <p className="muted decay-curve-empty">Nothing left in orbit with an element set.</p> : <PlotFigure render={render} height={SMALL_HEIGHT} label={label} />}
    </div>
  );
}

/** Small multiples of the largest events' decay curves. */
export function DecayCurves({ events }: { readonly events: readonly Fragmentation[] }) {
  return (
    <div className="decay-curves">
      {events.map((event) => (
        <DecayCurve key={event.id} event={event} />
      ))}
    </div>
  );
}
