import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import type { Schemas } from "../../api/api-client.ts";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { CATEGORY } from "../../components/palette.ts";
import { PlotFigure } from "../../components/plot-figure.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { formatCount, formatDay } from "../../format/figures.ts";

type ElementSet = Schemas["ElementSet"];

/** WGS-72, the constants of SGP4 and of the element sets themselves. */
const MU_KM3_S2 = 398_600.8;
const EARTH_RADIUS_KM = 6378.135;

interface AltitudePoint {
  readonly epoch: Date;
  readonly series: "Apogee" | "Perigee";
  readonly altitudeKm: number;
}

/** Mean apogee and perigee altitude of an element set (Kepler's third law from the mean motion; indicative, not osculating). */
export function apsisAltitudesKm(set: ElementSet): { readonly apogeeKm: number; readonly perigeeKm: number } {
  const meanMotionRadS = (set.meanMotionRevPerDay * 2 * Math.PI) / 86_400;
  const semiMajorAxisKm = Math.cbrt(MU_KM3_S2 / (meanMotionRadS * meanMotionRadS));
  return {
    apogeeKm: semiMajorAxisKm * (1 + set.eccentricity) - EARTH_RADIUS_KM,
    perigeeKm: semiMajorAxisKm * (1 - set.eccentricity) - EARTH_RADIUS_KM,
  };
}

const HEIGHT = 260;

/** Apogee and perigee altitude over the element history: decay, manoeuvres and re-orbiting show at a glance. */
export function ElementHistoryFigure({ sets, name }: { readonly sets: readonly ElementSet[]; readonly name: string }) {
  const points = useMemo<AltitudePoint[]>(
    () =>
      sets.flatMap((set) => {
        const { apogeeKm, perigeeKm } = apsisAltitudesKm(set);
        return [
          { epoch: new Date(set.epochMs), series: "Apogee" as const, altitudeKm: apogeeKm },
          { epoch: new Date(set.epochMs), series: "Perigee" as const, altitudeKm: perigeeKm },
        ];
      }),
    [sets],
  );
  // One element set: a day either side, so the point sits on a readable time axis.
  const xDomain = useMemo(() => (sets.length === 1 && sets[0] !== undefined ? [new Date(sets[0].epochMs - 86_400_000), new Date(sets[0].epochMs + 86_400_000)] : undefined), [sets]);
  const render = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height: HEIGHT,
        marginLeft: 60,
        marginRight: 70,
        style: { fontSize: "12px" },
        x: { type: "utc", label: "Element-set epoch", ...(xDomain === undefined ? {} : { domain: xDomain, ticks: 3 }) },
        y: { label: "Altitude (km)", grid: true, nice: true },
        color: { domain: ["Apogee", "Perigee"], range: [CATEGORY.blue, CATEGORY.vermillion] },
        marks: [
          Plot.line(points, { x: "epoch", y: "altitudeKm", z: "series", stroke: "series", strokeWidth: 2 }),
          Plot.dot(points, { x: "epoch", y: "altitudeKm", stroke: "series", fill: "white", r: 3 }),
          Plot.text(points, Plot.selectLast({ x: "epoch", y: "altitudeKm", z: "series", text: (p: AltitudePoint) => `${p.series} ${formatCount(Math.round(p.altitudeKm))} km`, dx: 6, textAnchor: "start", fill: "series" })),
        ],
      }),
    [points, xDomain],
  );
  const first = sets[sets.length - 1];
  const last = sets[0];
  return (
    <FigureFrame
      title="Apogee and perigee altitude over the element history"
      subtitle={
        first === undefined || last === undefined
          ? undefined
          : `${formatCount(sets.length)} element set${sets.length === 1 ? "" : "s"} from ${formatDay(first.epoch)} to ${formatDay(last.epoch)}; mean altitudes from the mean motion and eccentricity (WGS-72).`
      }
      source={
        <SourceNote>
          {name}'s stored element sets (ingests {[...new Set(sets.map((s) => `#${s.ingestId}`))].join(", ")}), newest epoch {formatDay(last?.epoch)}.
        </SourceNote>
      }
    >
      <PlotFigure render={render} height={HEIGHT} label={`Apogee and perigee altitude of ${name} over ${sets.length} element sets`} />
    </FigureFrame>
  );
}
