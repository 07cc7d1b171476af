import { readFileSync } from "node:fs";
import type { MeanElements } from "../../src/orbit/mean-elements.ts";
import { summariseOrbit } from "../../src/orbit/orbit-summary.ts";
import { parseTle } from "../../src/orbit/tle-parse.ts";

/** The 2023-10-09 catalog's element sets. */
export function readCatalog2023(path: string): MeanElements[] {
  return parseTle(readFileSync(path, "utf8"), path).records;
}

/**
 * A real subset dense enough to have close approaches in a day: the LEO objects whose mean perigee lies in the crowded
 * 540–560 km band (Starlink shells, debris crossing them), up to `leo`, plus every object with a period of about a day
 * (GEO belt and near it, up to `geo`) and a few high-eccentricity orbits crossing both.
 */
export function denseSubset(catalog: readonly MeanElements[], leo = 1500, geo = 400, eccentric = 100): MeanElements[] {
  const pick = (test: (el: MeanElements, perigeeKm: number, periodMin: number) => boolean, limit: number) =>
    catalog
      .filter((el) => {
        const orbit = summariseOrbit(el);
        return test(el, orbit.perigeeKm, orbit.periodMin);
      })
      .slice(0, limit);
  return [
    ...pick((_el, perigee, period) => period < 225 && perigee >= 540 && perigee <= 560, leo),
    ...pick((_el, _perigee, period) => period > 1400 && period < 1480, geo),
    ...pick((el, perigee) => el.eccentricity > 0.5 && perigee < 600, eccentric),
  ];
}
