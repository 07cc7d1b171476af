import * as Plot from "@observablehq/plot";
import { useCallback, useMemo } from "react";
import { Link } from "react-router";
import type { StateProfile } from "../../api/diplomacy-queries.ts";
import { DataTable } from "../../components/data-table.tsx";
import type { TableColumn } from "../../components/data-table.tsx";
import { FigureFrame } from "../../components/figure-frame.tsx";
import { BAR, CATEGORY } from "../../components/palette.ts";
import { PlotFigure } from "../../components/plot-figure.tsx";
import { SourceNote } from "../../components/source-note.tsx";
import { formatCount } from "../../format/figures.ts";

type ActorConduct = StateProfile["conduct"]["actors"][number];
type TypeRegime = ActorConduct["byTypeAndRegime"][number];
type DebrisParent = ActorConduct["debris"]["byParent"][number];

/** Regimes in altitude order; the rest (UNDEFINED, rare ones) are "other". */
const REGIMES = ["LEO", "MEO", "GEO", "HEO", "GTO"] as const;
const REGIME_COLORS = [CATEGORY.blue, CATEGORY.orange, CATEGORY.green, CATEGORY.purple, CATEGORY.sky, CATEGORY.grey];

function regimeGroup(regime: string): string {
  return (REGIMES as readonly string[]).includes(regime) ? regime : "other";
}

const DEBRIS_COLUMNS: TableColumn<DebrisParent>[] = [
  { header: "Launch", value: (d) => d.launchDesignator, cell: (d) => <Link to={`/objects?search=${encodeURIComponent(d.launchDesignator)}`}>{d.launchDesignator}</Link> },
  {
    header: "Parent (principal object)",
    value: (d) => d.principalName,
    cell: (d) => (d.principalCatalogNumber === null ? (d.principalName ?? "unknown") : <Link to={`/objects/${d.principalCatalogNumber}`}>{d.principalName ?? d.principalCatalogNumber}</Link>),
    wrap: true,
  },
  { header: "ASAT test", value: (d) => d.asatTestDate, cell: (d) => (d.asatTestDate === null ? "" : <strong>destructive test {d.asatTestDate}</strong>) },
  { header: "Debris catalogued", numeric: true, value: (d) => d.total },
  { header: "On orbit", numeric: true, value: (d) => d.onOrbit },
  { header: "Re-entered", numeric: true, value: (d) => d.decayed },
];

/** One actor's footprint (the state itself, or its predecessor): objects by type and regime, launches per year, debris. */
export function ActorConductPanel({ actor, catalogSource, asOf }: { readonly actor: ActorConduct; readonly catalogSource: string; readonly asOf: string | null }) {
  const bars = useMemo(() => {
    // One segment per type and regime group ("other" gathers the rare regimes).
    const sums = new Map<string, { type: string; regime: string; onOrbit: number }>();
    for (const r of actor.byTypeAndRegime) {
      if (r.onOrbit === 0) continue;
      const regime = regimeGroup(r.orbitRegime);
      const key = `${r.objectType}|${regime}`;
      const entry = sums.get(key) ?? { type: r.objectType, regime, onOrbit: 0 };
      entry.onOrbit += r.onOrbit;
      sums.set(key, entry);
    }
    return [...sums.values()];
  }, [actor]);
  const types = useMemo(() => [...new Set(actor.byType.filter((t) => t.onOrbit > 0).sort((a, b) => b.onOrbit - a.onOrbit).map((t) => t.objectType))], [actor]);
  const barHeight = Math.max(60, types.length * 34 + 60);
  const renderBars = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height: barHeight,
        marginLeft: 110,
        marginRight: 24,
        marginBottom: 36,
        style: { fontSize: "12px" },
        x: { label: "Objects on orbit", labelAnchor: "center", labelOffset: 32, grid: true },
        y: { label: null, domain: types },
        color: { domain: [...REGIMES, "other"], range: REGIME_COLORS, legend: true },
        marks: [Plot.barX(bars, Plot.stackX({ x: "onOrbit", y: "type", fill: "regime", order: [...REGIMES, "other"], title: (d: { type: string; regime: string; onOrbit: number }) => `${d.type}, ${d.regime}: ${d.onOrbit}` })), Plot.ruleX([0])],
      }),
    [bars, types, barHeight],
  );
  const launches = actor.launchesPerYear;
  const renderLaunches = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        height: 220,
        marginLeft: 44,
        style: { fontSize: "12px" },
        x: { label: "Year", tickFormat: "d", interval: 1, ticks: 10 },
        y: { label: "Launches", grid: true },
        marks: [Plot.rectY(launches, { x: "year", y: "launches", fill: BAR, interval: 1, insetLeft: 0.5, insetRight: 0.5, title: (d: { year: number; launches: number }) => `${d.year}: ${d.launches} launches` }), Plot.ruleY([0])],
      }),
    [launches],
  );
  const peak = launches.reduce<(typeof launches)[number] | undefined>((best, y) => (best === undefined || y.launches > best.launches ? y : best), undefined);
  const source = <SourceNote>{catalogSource}{asOf === null ? "" : `; data as of ${asOf}`}.</SourceNote>;
  return (
    <div className="stack">
      <div className="key-figures">
        <div className="key-figure">
          <span className="key-figure-label">Objects catalogued</span>
          <span className="key-figure-value">{formatCount(actor.objects.total)}</span>
        </div>
        <div className="key-figure">
          <span className="key-figure-label">On orbit</span>
          <span className="key-figure-value">{formatCount(actor.objects.onOrbit)}</span>
        </div>
        <div className="key-figure">
          <span className="key-figure-label">Debris on orbit</span>
          <span className="key-figure-value">{formatCount(actor.debris.onOrbit)}</span>
          <span className="key-figure-note">from {formatCount(actor.debris.parentLaunches)} launches</span>
        </div>
        <div className="key-figure">
          <span className="key-figure-label">Active satellites</span>
          <span className="key-figure-value">{actor.activeSatellites.status === "known" ? formatCount(actor.activeSatellites.value) : "unknown"}</span>
          {actor.activeSatellites.status === "known" ? null : <span className="key-figure-note">{actor.activeSatellites.reason}</span>}
        </div>
      </div>
      <div className="grid-2">
        <FigureFrame
          title="Objects on orbit by type and orbit regime"
          subtitle={`${formatCount(actor.objects.onOrbit)} on orbit; ${formatCount(actor.objects.decayed)} more have re-entered.`}
          source={source}
          csv={{
            name: `concord-${actor.actorCode}-objects-by-type-and-regime`,
            columns: [
              { header: "object_type", value: (r: TypeRegime) => r.objectType },
              { header: "orbit_regime", value: (r: TypeRegime) => r.orbitRegime },
              { header: "on_orbit", value: (r: TypeRegime) => r.onOrbit },
              { header: "decayed", value: (r: TypeRegime) => r.decayed },
              { header: "total", value: (r: TypeRegime) => r.total },
            ],
            rows: actor.byTypeAndRegime,
          }}
        >
          {bars.length === 0 ? <p className="muted">Nothing on orbit.</p> : <PlotFigure render={renderBars} height={barHeight + 30} label={bars.map((b) => `${b.type} ${b.regime}: ${b.onOrbit}`).join("; ")} />}
        </FigureFrame>
        <FigureFrame
          title="Launches per year"
          subtitle={peak === undefined ? "No launch catalogued." : `Launches with at least one object attributed; most in ${peak.year}: ${peak.launches}.`}
          source={source}
          csv={{
            name: `concord-${actor.actorCode}-launches-per-year`,
            columns: [
              { header: "year", value: (r: (typeof launches)[number]) => r.year },
              { header: "launches", value: (r: (typeof launches)[number]) => r.launches },
              { header: "payloads", value: (r: (typeof launches)[number]) => r.payloads },
            ],
            rows: launches,
          }}
        >
          {launches.length === 0 ? <p className="muted">No launch.</p> : <PlotFigure render={renderLaunches} height={250} label={`Launches per year, ${launches[0]?.year}–${launches.at(-1)?.year}`} />}
        </FigureFrame>
      </div>
      <DataTable
        caption={`Debris by fragmentation parent: the largest ${actor.debris.byParent.length} of ${formatCount(actor.debris.parentLaunches)} launches with debris (ASAT tests always listed)`}
        columns={DEBRIS_COLUMNS}
        rows={actor.debris.byParent}
        rowKey={(d) => d.launchDesignator}
        csvName={`concord-${actor.actorCode}-debris-by-parent`}
        empty={<p className="muted">No debris attributed to {actor.actorName}.</p>}
      />
    </div>
  );
}
