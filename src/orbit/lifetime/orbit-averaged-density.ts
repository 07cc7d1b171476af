import { diurnalTemperatureFactor, semiAnnualAltitudeFactor } from "./exospheric-temperature.ts";
import { JACCHIA_BASE_ALTITUDE_KM, jacchiaStaticDensityProfile } from "./jacchia-static-profile.ts";

/**
 * The Jacchia 1970/71 density averaged over local solar time, latitude and season, tabulated against altitude and
 * the night-time exospheric temperature Tc: what an orbit samples over days to weeks, the time scale of orbital
 * decay. The local exospheric temperature is Tc × D, with D Jacchia's diurnal-latitudinal factor (1 to 1.3); the
 * table averages the *density* (not the temperature) over D sampled for Sun declinations −20°, 0° and +20°,
 * latitudes along a 60°-inclined orbit and all hour angles. Geomagnetic heating ΔT is added to Tc as ΔT / D̄
 * (D̄ the mean factor), so one table serves both. The semi-annual variation is a separate term: ln ρ gains
 * ln(10) f(z) g(t), with f tabulated here and g a function of the date.
 *
 * Lookups interpolate ln ρ bilinearly (2 km × 10 K grid); beyond the table, ln ρ is extrapolated linearly.
 */
export interface OrbitAveragedDensityTable {
  readonly altitudeMinKm: number;
  readonly altitudeStepKm: number;
  readonly altitudeCount: number;
  readonly temperatureMinK: number;
  readonly temperatureStepK: number;
  readonly temperatureCount: number;
  /** ln ρ (kg/m³) at `[temperatureIndex * altitudeCount + altitudeIndex]`. */
  readonly lnDensity: Float64Array;
  /** ln(10) × f(z) of the semi-annual variation at each altitude node. */
  readonly semiAnnualLnFactor: Float64Array;
  /** Mean of the diurnal factor D over the samples (≈ 1.12). */
  readonly meanDiurnalFactor: number;
}

const ALTITUDE_STEP_KM = 2;
const ALTITUDE_MAX_KM = 2500;
const TEMPERATURE_MIN_K = 300;
const TEMPERATURE_MAX_K = 2100;
const TEMPERATURE_STEP_K = 10;
const DIURNAL_SAMPLES = 16;

/** The sorted diurnal factors, condensed into DIURNAL_SAMPLES equal-weight quantile means. */
function diurnalFactorSamples(): Float64Array {
  const values: number[] = [];
  const deg = Math.PI / 180;
  for (const declination of [-20 * deg, 0, 20 * deg]) {
    for (let j = 0; j < 12; j++) {
      const latitude = Math.asin(Math.sin(60 * deg) * Math.sin(((j + 0.5) * 2 * Math.PI) / 12));
      for (let m = 0; m < 12; m++) values.push(diurnalTemperatureFactor(latitude, declination, ((m + 0.5) * 2 * Math.PI) / 12 - Math.PI));
    }
  }
  values.sort((a, b) => a - b);
  const per = values.length / DIURNAL_SAMPLES;
  const samples = new Float64Array(DIURNAL_SAMPLES);
  for (let s = 0; s < DIURNAL_SAMPLES; s++) {
    let sum = 0;
    for (let i = s * per; i < (s + 1) * per; i++) sum += values[i] ?? 0;
    samples[s] = sum / per;
  }
  return samples;
}

/** Builds the table (about 0.1 s); see {@link orbitAveragedDensityTable} for the shared instance. */
export function buildOrbitAveragedDensityTable(): OrbitAveragedDensityTable {
  const altitudeCount = Math.round((ALTITUDE_MAX_KM - JACCHIA_BASE_ALTITUDE_KM) / ALTITUDE_STEP_KM) + 1;
  const factors = diurnalFactorSamples();
  const maxFactor = factors[factors.length - 1] ?? 1.3;
  // Static profiles (ln ρ) on a T∞ grid wide enough for Tc × D.
  const staticMinK = TEMPERATURE_MIN_K;
  const staticCount = Math.ceil((TEMPERATURE_MAX_K * maxFactor - staticMinK) / TEMPERATURE_STEP_K) + 2;
  const staticLn = new Float64Array(staticCount * altitudeCount);
  const profile = new Float64Array(altitudeCount);
  for (let t = 0; t < staticCount; t++) {
    jacchiaStaticDensityProfile(staticMinK + t * TEMPERATURE_STEP_K, ALTITUDE_STEP_KM, altitudeCount, profile);
    for (let k = 0; k < altitudeCount; k++) staticLn[t * altitudeCount + k] = Math.log(profile[k] ?? 0);
  }
  const temperatureCount = Math.round((TEMPERATURE_MAX_K - TEMPERATURE_MIN_K) / TEMPERATURE_STEP_K) + 1;
  const lnDensity = new Float64Array(temperatureCount * altitudeCount);
  for (let t = 0; t < temperatureCount; t++) {
    const tc = TEMPERATURE_MIN_K + t * TEMPERATURE_STEP_K;
    for (let k = 0; k < altitudeCount; k++) {
      let sum = 0;
      for (const factor of factors) {
        const position = (tc * factor - staticMinK) / TEMPERATURE_STEP_K;
        const i = Math.min(staticCount - 2, Math.floor(position));
        const w = position - i;
        sum += Math.exp((1 - w) * (staticLn[i * altitudeCount + k] ?? 0) + w * (staticLn[(i + 1) * altitudeCount + k] ?? 0));
      }
      lnDensity[t * altitudeCount + k] = Math.log(sum / factors.length);
    }
  }
  const semiAnnualLnFactor = new Float64Array(altitudeCount);
  for (let k = 0; k < altitudeCount; k++) semiAnnualLnFactor[k] = Math.LN10 * semiAnnualAltitudeFactor(JACCHIA_BASE_ALTITUDE_KM + k * ALTITUDE_STEP_KM);
  let factorSum = 0;
  for (const factor of factors) factorSum += factor;
  return {
    altitudeMinKm: JACCHIA_BASE_ALTITUDE_KM,
    altitudeStepKm: ALTITUDE_STEP_KM,
    altitudeCount,
    temperatureMinK: TEMPERATURE_MIN_K,
    temperatureStepK: TEMPERATURE_STEP_K,
    temperatureCount,
    lnDensity,
    semiAnnualLnFactor,
    meanDiurnalFactor: factorSum / factors.length,
  };
}

let shared: OrbitAveragedDensityTable | null = null;

/** The one table every lifetime estimate uses, built on first use. */
export function orbitAveragedDensityTable(): OrbitAveragedDensityTable {
  shared ??= buildOrbitAveragedDensityTable();
  return shared;
}

/**
 * Density lookups at one temperature and one semi-annual phase, for many altitudes: `setConditions` once per
 * time step, then `density(altitudeKm)` per quadrature node, without allocation.
 */
export class DensityLookup {
  private row0 = 0;
  private row1 = 0;
  private weight = 0;
  private semiAnnual = 0;

  constructor(readonly table: OrbitAveragedDensityTable) {}

  /** Night-time exospheric temperature including geomagnetic heating (K), and the semi-annual g(t). */
  setConditions(temperatureK: number, semiAnnualTimeFactor: number): void {
    const t = this.table;
    const position = Math.min(Math.max((temperatureK - t.temperatureMinK) / t.temperatureStepK, 0), t.temperatureCount - 1.000001);
    const i = Math.floor(position);
    this.row0 = i * t.altitudeCount;
    this.row1 = (i + 1) * t.altitudeCount;
    this.weight = position - i;
    this.semiAnnual = semiAnnualTimeFactor;
  }

  /** ln ρ (kg/m³) at an altitude (km). */
  lnDensity(altitudeKm: number): number {
    const t = this.table;
    const position = (altitudeKm - t.altitudeMinKm) / t.altitudeStepKm;
    let k = Math.floor(position);
    if (k < 0) k = 0;
    else if (k > t.altitudeCount - 2) k = t.altitudeCount - 2;
    const u = position - k; // outside the table: linear extrapolation of ln ρ
    const ln = t.lnDensity;
    const w = this.weight;
    const a = (1 - w) * (ln[this.row0 + k] ?? 0) + w * (ln[this.row1 + k] ?? 0);
    const b = (1 - w) * (ln[this.row0 + k + 1] ?? 0) + w * (ln[this.row1 + k + 1] ?? 0);
    const s = t.semiAnnualLnFactor;
    const v = u < 0 ? 0 : u > 1 ? 1 : u;
    const semiAnnual = ((1 - v) * (s[k] ?? 0) + v * (s[k + 1] ?? 0)) * this.semiAnnual;
    return a + u * (b - a) + semiAnnual;
  }

  /** ∂ ln ρ / ∂T (1/K) at an altitude (km), at the current temperature. */
  temperatureSensitivity(altitudeKm: number): number {
    const t = this.table;
    const position = (altitudeKm - t.altitudeMinKm) / t.altitudeStepKm;
    const k = Math.min(Math.max(Math.round(position), 0), t.altitudeCount - 1);
    return ((t.lnDensity[this.row1 + k] ?? 0) - (t.lnDensity[this.row0 + k] ?? 0)) / t.temperatureStepK;
  }

  /** ln(10) f(z) of the semi-annual variation at an altitude (km): ∂ ln ρ / ∂g. */
  semiAnnualSensitivity(altitudeKm: number): number {
    const t = this.table;
    const k = Math.min(Math.max(Math.round((altitudeKm - t.altitudeMinKm) / t.altitudeStepKm), 0), t.altitudeCount - 1);
    return t.semiAnnualLnFactor[k] ?? 0;
  }

  /** ρ (kg/m³) at an altitude (km). */
  density(altitudeKm: number): number {
    return Math.exp(this.lnDensity(altitudeKm));
  }
}
