/**
 * Jacchia's (1970, 1971) exospheric temperature from solar and geomagnetic indices, and his semi-annual density
 * variation. Sources: L. G. Jacchia (1970) SAO SR 313 and (1971) SAO SR 332; the formulas as given in
 * D. A. Vallado (2013), Fundamentals of Astrodynamics and Applications, 4th ed., Appendix B. Pure.
 */

/**
 * Night-time minimum of the global exospheric temperature (K) with no geomagnetic activity:
 * Tc = 379 + 3.24 F̄ + 1.3 (F − F̄), with F the daily 10.7 cm flux of the previous day and F̄ its 81-day centred
 * mean (solar flux units, as observed at the Earth).
 */
export function nightMinimumExosphericTemperatureK(f107Sfu: number, f107Mean81Sfu: number): number {
  return 379 + 3.24 * f107Mean81Sfu + 1.3 * (f107Sfu - f107Mean81Sfu);
}

/** Increase of the exospheric temperature (K) with a 3-hourly ap index (Jacchia 1971): ΔT = ap + 100 (1 − e^(−0.08 ap)). */
export function geomagneticTemperatureIncreaseK(ap: number): number {
  return ap + 100 * (1 - Math.exp(-0.08 * ap));
}

/**
 * The diurnal and latitudinal factor of the exospheric temperature (Jacchia 1970 eqs. 15–17): the local T∞ is
 * Tc times this, between 1 (night minimum) and 1.3 (afternoon maximum at the sub-solar latitude).
 * `hourAngleRad` is the Sun's hour angle at the place (0 at local noon).
 */
export function diurnalTemperatureFactor(latitudeRad: number, sunDeclinationRad: number, hourAngleRad: number): number {
  const eta = Math.abs(latitudeRad - sunDeclinationRad) / 2;
  const theta = Math.abs(latitudeRad + sunDeclinationRad) / 2;
  let tau = hourAngleRad + ((-37 + 6 * Math.sin(hourAngleRad + (43 * Math.PI) / 180)) * Math.PI) / 180;
  tau = ((((tau + Math.PI) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) - Math.PI;
  const s = Math.pow(Math.sin(theta), 2.2);
  const c = Math.pow(Math.cos(eta), 2.2);
  return 1 + 0.3 * (s + (c - s) * Math.pow(Math.cos(tau / 2), 3));
}

/** Altitude part f(z) of the semi-annual variation Δlog10 ρ = f(z) g(t) (Jacchia 1971). */
export function semiAnnualAltitudeFactor(altitudeKm: number): number {
  return (5.876e-7 * Math.pow(altitudeKm, 2.331) + 0.06328) * Math.exp(-0.002868 * altitudeKm);
}

const MS_PER_DAY = 86_400_000;
/** 1958-01-01T00:00Z: the origin of the semi-annual phase. */
const JAN_1958_MS = Date.UTC(1958, 0, 1);
const TROPICAL_YEAR_DAYS = 365.2422;

/** Time part g(t) of the semi-annual variation Δlog10 ρ = f(z) g(t) (Jacchia 1971). */
export function semiAnnualTimeFactor(timeMs: number): number {
  const phi = (timeMs - JAN_1958_MS) / MS_PER_DAY / TROPICAL_YEAR_DAYS;
  const tauSa = phi + 0.09544 * (Math.pow(0.5 * (1 + Math.sin(2 * Math.PI * phi + 6.035)), 1.65) - 0.5);
  return 0.02835 + (0.3817 + 0.17829 * Math.sin(2 * Math.PI * tauSa + 4.137)) * Math.sin(4 * Math.PI * tauSa + 4.259);
}
