import { geoEqualEarth, geoPath } from "d3-geo";
import type { GeoPermissibleObjects } from "d3-geo";
import { use, useMemo } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countriesUrl from "world-atlas/countries-110m.json?url";
import { cachedQuery } from "../api/query-cache.ts";
import { ALPHA3_BY_NUMERIC } from "./country-codes.ts";

/** One class of the map's legend: its colour, label and test for a value. */
export interface MapClass {
  readonly label: string;
  readonly color: string;
  readonly contains: (value: number) => boolean;
  /** A texture over the colour, so that classes differ without colour too (print, colour blindness). */
  readonly pattern?: "hatch" | "dots";
}

/** The SVG fill of a class: its colour, or its pattern (drawn over its colour) where it has one. */
function classFill(c: MapClass | undefined): string {
  if (c === undefined) return NO_DATA;
  return c.pattern === undefined ? c.color : `url(#map-${c.pattern}-${c.color.slice(1)})`;
}

/** The patterns of the classes that have one: diagonal hatching or dots in dark grey over the class's colour. */
function Patterns({ classes }: { readonly classes: readonly MapClass[] }) {
  return (
    <defs>
      {classes
        .filter((c) => c.pattern !== undefined)
        .map((c) => (
          <pattern key={c.label} id={`map-${c.pattern}-${c.color.slice(1)}`} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform={c.pattern === "hatch" ? "rotate(45)" : undefined}>
            <rect width={6} height={6} fill={c.color} />
            {c.pattern === "hatch" ? <line x1={0} y1={0} x2={0} y2={6} stroke="#444" strokeWidth={1.2} /> : <circle cx={3} cy={3} r={1.1} fill="#444" />}
          </pattern>
        ))}
    </defs>
  );
}

function Swatch({ c }: { readonly c: MapClass }) {
  if (c.pattern === undefined) return <span className="swatch" style={{ background: c.color }} aria-hidden="true" />;
  return (
    <svg className="swatch" width={14} height={14} aria-hidden="true">
      <Patterns classes={[c]} />
      <rect width={14} height={14} fill={classFill(c)} />
    </svg>
  );
}

interface Country {
  readonly alpha3: string | null;
  readonly name: string;
  readonly path: string;
}

const WIDTH = 960;
const HEIGHT = 470;
const NO_DATA = "#e8e8e8";

/** Natural Earth 1:110m country outlines (world-atlas, public domain), shipped with the app: no tiles, works offline. */
function loadCountries(): Promise<readonly Country[]> {
  return cachedQuery("world-atlas-110m", async () => {
    const response = await fetch(countriesUrl);
    if (!response.ok) throw new Error(`the world map (${countriesUrl}) could not be loaded: HTTP ${response.status}`);
    const topology = (await response.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const collection = feature(topology, topology.objects.countries);
    const projection = geoEqualEarth().fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      collection as GeoPermissibleObjects,
    );
    const path = geoPath(projection);
    return collection.features
      .filter((country) => country.properties.name !== "Antarctica")
      .map((country) => ({
        alpha3: country.id === undefined ? null : (ALPHA3_BY_NUMERIC.get(String(country.id)) ?? null),
        name: country.properties.name,
        path: path(country) ?? "",
      }));
  });
}

interface Props {
  /** Value per ISO alpha-3 code; states absent from the map get the no-data colour. */
  readonly values: ReadonlyMap<string, number>;
  readonly classes: readonly MapClass[];
  /** Legend label of states without a value. */
  readonly noDataLabel: string;
  /** "1,234 objects" for a country's tooltip. */
  readonly describe: (value: number) => string;
  readonly label: string;
}

/** A choropleth of states (Equal Earth projection) with a labelled legend: classes are named, not colour alone. */
export function WorldMap({ values, classes, noDataLabel, describe, label }: Props) {
  const countries = use(loadCountries());
  const shapes = useMemo(
    () =>
      countries.map((country) => {
        const value = country.alpha3 === null ? undefined : values.get(country.alpha3);
        const color = value === undefined ? NO_DATA : classFill(classes.find((c) => c.contains(value)));
        return { ...country, value, color };
      }),
    [countries, values, classes],
  );
  return (
    <div className="world-map">
      <ul className="map-legend" aria-label="Legend">
        {classes.map((c) => (
          <li key={c.label}>
            <Swatch c={c} />
            {c.label}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NO_DATA }} aria-hidden="true" />
          {noDataLabel}
        </li>
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="map-svg">
        <Patterns classes={classes} />
        {shapes.map((shape, index) => (
          <path key={`${shape.alpha3 ?? shape.name}-${index}`} d={shape.path} fill={shape.color} stroke="#ffffff" strokeWidth={0.5}>
            <title>{`${shape.name}${shape.alpha3 === null ? "" : ` (${shape.alpha3})`}: ${shape.value === undefined ? noDataLabel : describe(shape.value)}`}</title>
          </path>
        ))}
      </svg>
    </div>
  );
}
