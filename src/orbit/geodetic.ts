import { eciToGeodetic, gstime } from "satellite.js";
import type { Vector3 } from "./propagate.ts";

export interface Geodetic {
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
  readonly altitudeKm: number;
}

/** Pure: geodetic latitude, longitude (−180..180) and altitude (WGS-84) of a TEME position at a time. */
export function geodeticFromTeme(positionKm: Vector3, epochMs: number): Geodetic {
  const g = eciToGeodetic({ x: positionKm[0], y: positionKm[1], z: positionKm[2] }, gstime(new Date(epochMs)));
  const toDeg = 180 / Math.PI;
  return { latitudeDeg: g.latitude * toDeg, longitudeDeg: g.longitude * toDeg, altitudeKm: g.height };
}
