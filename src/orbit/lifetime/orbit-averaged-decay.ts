import type { DensityLookup } from "./orbit-averaged-density.ts";

/** Earth constants of the lifetime model (WGS-84 / IERS): μ, equatorial radius, rotation rate. */
export const EARTH_MU_KM3_S2 = 398600.4418;
export const EARTH_RADIUS_KM = 6378.137;
export const EARTH_ROTATION_RAD_S = 7.292115e-5;

/** Rates of one orbit under drag, per unit ballistic coefficient B = C_D·A/m (m²/kg). */
export interface DecayRates {
  /** da/dt (km/day) per m²/kg. */
  semiMajorAxisKmPerDay: number;
  /** de/dt (1/day) per m²/kg. */
  eccentricityPerDay: number;
}

/**
 * Orbit-averaged decay of semi-major axis and eccentricity by drag (King-Hele, "Satellite Orbits in an
 * Atmosphere", 1987, eqs. for Δa and Δe per revolution):
 *   Δa = −δ a² ∫₀^2π ρ (1 + e cos E)^{3/2} (1 − e cos E)^{−1/2} dE
 *   Δe = −δ a (1 − e²) ∫₀^2π ρ [(1 + e cos E)/(1 − e cos E)]^{1/2} cos E dE
 * with δ = F·B, F = (1 − r_p ω cos i / v_p)² the factor for the rotating atmosphere, divided by the period.
 * The integrals are evaluated numerically over the eccentric anomaly with the density `lookup` gives (the
 * trapezoidal rule, exponentially accurate for these periodic integrands; the number of nodes grows with
 * √(ae/H) so that the perigee peak of an eccentric orbit is resolved). Writes into `out`; no allocation.
 */
export function orbitAveragedDecayRates(
  semiMajorAxisKm: number,
  eccentricity: number,
  inclinationRad: number,
  lookup: DensityLookup,
  out: DecayRates,
): DecayRates {
  const a = semiMajorAxisKm;
  const e = eccentricity < 0 ? 0 : eccentricity;
  const perigeeKm = a * (1 - e) - EARTH_RADIUS_KM;
  let intervals = 1;
  if (e > 1e-5) {
    const lnAtPerigee = lookup.lnDensity(perigeeKm);
    const scaleHeightKm = Math.max(5, 10 / Math.max(1e-3, lnAtPerigee - lookup.lnDensity(perigeeKm + 10)));
    intervals = Math.max(2, 1 + Math.ceil(2 * Math.sqrt((a * e) / scaleHeightKm)));
  }
  let integralA = 0;
  let integralE = 0;
  if (intervals === 1) {
    const rho = lookup.density(a - EARTH_RADIUS_KM);
    integralA = 2 * Math.PI * rho;
  } else {
    const step = Math.PI / intervals;
    for (let j = 0; j <= intervals; j++) {
      const cosE = Math.cos(j * step);
      const x = e * cosE;
      const rho = lookup.density(a * (1 - x) - EARTH_RADIUS_KM);
      const q = Math.sqrt((1 + x) / (1 - x));
      const weight = j === 0 || j === intervals ? 0.5 : 1;
      integralA += weight * rho * (1 + x) * q;
      integralE += weight * rho * q * cosE;
    }
    integralA *= 2 * step;
    integralE *= 2 * step;
  }
  const aM = a * 1000;
  const periodS = 2 * Math.PI * Math.sqrt((a * a * a) / EARTH_MU_KM3_S2);
  const perigeeSpeedKmS = Math.sqrt((EARTH_MU_KM3_S2 * (1 + e)) / (a * (1 - e)));
  const rotation = 1 - ((a * (1 - e) * EARTH_ROTATION_RAD_S * Math.cos(inclinationRad)) / perigeeSpeedKmS);
  const delta = rotation * rotation;
  const revolutionsPerDay = 86400 / periodS;
  out.semiMajorAxisKmPerDay = (-delta * aM * aM * integralA * revolutionsPerDay) / 1000;
  out.eccentricityPerDay = -delta * aM * (1 - e * e) * integralE * revolutionsPerDay;
  return out;
}
