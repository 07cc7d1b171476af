import { use, useMemo } from "react";
import { loadStats } from "../../api/catalog-queries.ts";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { BLUES_6 } from "../../components/palette.ts";
import { AsOfNote } from "../../components/source-note.tsx";
import { formatCount } from "../../format/figures.ts";
import type { MapClass } from "../../map/world-map.tsx";
import { WorldMap } from "../../map/world-map.tsx";

const CLASSES: readonly MapClass[] = [
  { label: "1–9", color: BLUES_6[1], contains: (v) => v >= 1 && v < 10 },
  { label: "10–99", color: BLUES_6[2], contains: (v) => v >= 10 && v < 100 },
  { label: "100–999", color: BLUES_6[3], contains: (v) => v >= 100 && v < 1000 },
  { label: "1,000–9,999", color: BLUES_6[4], contains: (v) => v >= 1000 && v < 10_000 },
  { label: "10,000 or more", color: BLUES_6[5], contains: (v) => v >= 10_000 },
];

const NOT_SHOWN_LISTED = 6;

/** Objects on orbit attributed to each state, on a world map; organisations and historic states are listed beside it. */
export function PopulationMap() {
  const stats = use(loadStats("state", "all"));
  const { values, elsewhere } = useMemo(() => {
    const onOrbit = stats.groups.filter((g) => g.key !== null && g.onOrbit > 0);
    return {
      values: new Map(onOrbit.filter((g) => g.kind === "state").map((g) => [g.key as string, g.onOrbit])),
      elsewhere: onOrbit.filter((g) => g.kind !== "state").sort((a, b) => b.onOrbit - a.onOrbit),
    };
  }, [stats]);
  const listed = elsewhere.slice(0, NOT_SHOWN_LISTED);
  return (
    <FigureFrame
      title="Objects on orbit attributed to each state"
      subtitle={
        <>
          {formatCount(values.size)} states with objects on orbit.{" "}
          {elsewhere.length === 0 ? null : (
            <>
              Not on the map (organisations, historic states, the unknown):{" "}
              {listed.map((g) => `${g.label ?? g.key} ${formatCount(g.onOrbit)}`).join(", ")}
              {elsewhere.length > listed.length ? ` and ${elsewhere.length - listed.length} more` : ""}.
            </>
          )}
        </>
      }
      source={<AsOfNote asOf={stats.asOf} prefix="Natural Earth 1:110m outlines (world-atlas); attribution by Concord's curated table; " />}
      csv={{
        name: "concord-objects-on-orbit-by-actor",
        columns: [
          { header: "code", value: (g: (typeof stats.groups)[number]) => g.key },
          { header: "name", value: (g: (typeof stats.groups)[number]) => g.label },
          { header: "kind", value: (g: (typeof stats.groups)[number]) => g.kind },
          { header: "on_orbit", value: (g: (typeof stats.groups)[number]) => g.onOrbit },
        ],
        rows: stats.groups.filter((g) => g.onOrbit > 0),
      }}
    >
      <WorldMap
        values={values}
        classes={CLASSES}
        noDataLabel="none on orbit"
        describe={(value) => `${formatCount(value)} objects on orbit`}
        label={`World map of objects on orbit by state: ${[...values].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([code, n]) => `${code} ${formatCount(n)}`).join(", ")}`}
      />
    </FigureFrame>
  );
}
