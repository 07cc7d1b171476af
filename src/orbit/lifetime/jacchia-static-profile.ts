/**
 * The Jacchia 1970/1971 static thermosphere: for a given exospheric temperature T∞, the temperature profile and
 * the total mass density from 90 km up, integrated numerically from the barometric (90–100 km, mixing) and
 * diffusion (above 100 km, each species on its own scale height) equations.
 *
 * Sources:
 * - L. G. Jacchia (1971), "Revised static models of the thermosphere and exosphere with empirical temperature
 *   profiles", SAO Special Report 332 (the model adopted as CIRA 1972), and L. G. Jacchia (1970), SAO SR 313.
 * - The boundary values, the temperature profile in closed form (the inflection temperature Tx(T∞) at 125 km,
 *   the 90–125 km polynomial and the Bates-type profile above 125 km with the ℓ(T∞) polynomial), the mean
 *   molecular mass polynomial for 90–100 km, the 100-km composition and the 500-km hydrogen formula are those
 *   of C. E. Roberts (1971), "An analytic model for upper atmosphere densities based upon Jacchia's 1970
 *   models", Celestial Mechanics 4, 368–377, as tabulated in D. A. Vallado (2013), Fundamentals of
 *   Astrodynamics and Applications, 4th ed., Appendix B, and in NASA GTDS (Long et al. 1989).
 *
 * Roberts integrated the equations in closed form; here they are integrated with the trapezoidal rule on a 1 km
 * grid, which needs no polynomial roots and gives one continuous profile (Roberts' separate fits at 100 and 125
 * km are not continuous). Pure; no I/O.
 */

/** Lower boundary: 90 km, 183 K, 3.46e-9 g/cm³ (Jacchia 1970/71). */
export const JACCHIA_BASE_ALTITUDE_KM = 90;
const T1_K = 183;
const RHO1_KG_M3 = 3.46e-6;
const Z_INFLECTION_KM = 125;
const Z_DIFFUSION_KM = 100;
const Z_HYDROGEN_KM = 500;
/** Earth radius of the model's gravity law g = g0 (Ra / (Ra + z))². */
const RA_KM = 6356.766;
const G0_M_S2 = 9.80665;
const GAS_CONSTANT_J_K_MOL = 8.31432;
/** Sea-level mean molecular mass: the 100-km number fractions below are per M0. */
const M0_G_MOL = 28.96;
/** Mean molecular mass at 90 km (Roberts 1971). */
const M1_G_MOL = 28.82678;

/** Mean molecular mass 90–100 km, polynomial in z (km), Roberts (1971) eq. 1. */
const MEAN_MASS_POLY = [-435093.363387, 28275.5646391, -765.33466108, 11.043387545, -0.08958790995, 0.00038737586, -0.000000697444];
/** Temperature 90–125 km: T = Tx + (Tx − T1) P(z) / 35⁴, with P(90) = −35⁴ and P(125) = 0. */
const TEMPERATURE_POLY = [-89284375.0, 3542400.0, -52687.5, 340.5, -0.8];
const THIRTY_FIVE_TO_4 = 35 ** 4;
/** ℓ(T∞) of the profile above 125 km. */
const ELL_POLY = [0.1031445e5, 0.234123e1, 0.1579202e-2, -0.1252487e-5, 0.2462708e-9];

/** N2, O2, O, Ar, He: molar mass (g/mol), number fraction × M0 at 100 km, thermal diffusion factor. */
const SPECIES = [
  { massGMol: 28.0134, fraction100: 0.7811, thermalDiffusion: 0 },
  { massGMol: 31.9988, fraction100: 0.161778, thermalDiffusion: 0 },
  { massGMol: 15.9994, fraction100: 0.095544, thermalDiffusion: 0 },
  { massGMol: 39.948, fraction100: 0.0093432, thermalDiffusion: 0 },
  { massGMol: 4.0026, fraction100: 0.61471e-5, thermalDiffusion: -0.38 },
] as const;
const HYDROGEN_MASS_G_MOL = 1.00797;
const AVOGADRO = 6.022045e23;

function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + (coefficients[i] ?? 0);
  return sum;
}

/** Temperature at the 125 km inflection point for an exospheric temperature (Jacchia 1971). */
export function inflectionTemperatureK(exosphericTemperatureK: number): number {
  return 371.6678 + 0.0518806 * exosphericTemperatureK - 294.3505 * Math.exp(-0.00216222 * exosphericTemperatureK);
}

/** The static model's temperature (K) at an altitude (km, ≥ 90) for an exospheric temperature. */
export function jacchiaTemperatureK(altitudeKm: number, exosphericTemperatureK: number): number {
  const tx = inflectionTemperatureK(exosphericTemperatureK);
  if (altitudeKm <= Z_INFLECTION_KM) return tx + ((tx - T1_K) * polynomial(TEMPERATURE_POLY, altitudeKm)) / THIRTY_FIVE_TO_4;
  const tInf = exosphericTemperatureK;
  const ell = polynomial(ELL_POLY, tInf);
  const exponent = (((tx - T1_K) / (tInf - tx)) * ((altitudeKm - Z_INFLECTION_KM) / 35) * ell) / (RA_KM + altitudeKm);
  return tInf - (tInf - tx) * Math.exp(-exponent);
}

function gravityM_S2(altitudeKm: number): number {
  const ratio = RA_KM / (RA_KM + altitudeKm);
  return G0_M_S2 * ratio * ratio;
}

/**
 * Total mass density (kg/m³) of the static model at each altitude of a uniform grid, for one exospheric
 * temperature: `out[k]` is the density at `JACCHIA_BASE_ALTITUDE_KM + k * stepKm`. `stepKm` must divide 10
 * (the 100 km and 500 km boundaries fall on the grid); the integration uses `stepKm / substeps` internally.
 */
export function jacchiaStaticDensityProfile(exosphericTemperatureK: number, stepKm: number, count: number, out: Float64Array = new Float64Array(count)): Float64Array {
  const substeps = Math.max(1, Math.round(stepKm));
  const h = stepKm / substeps;
  // Integral of g / (R* T) dz (per g/mol of molar mass): km × (m/s²) / (J/mol/K × K) with g/mol gives the same
  // number as SI units, as the factors of 1000 cancel.
  const gOverRT = (z: number) => gravityM_S2(z) / (GAS_CONSTANT_J_K_MOL * jacchiaTemperatureK(z, exosphericTemperatureK));

  // 90–100 km: mixing, mean molecular mass M(z).
  let z = JACCHIA_BASE_ALTITUDE_KM;
  let mixingIntegral = 0; // ∫ M g / (R* T) dz
  let k = 0;
  let sub = 0;
  let density = RHO1_KG_M3;
  out[k++] = density;
  while (z < Z_DIFFUSION_KM - 1e-9 && k < count) {
    const zNext = z + h;
    mixingIntegral += 0.5 * h * (polynomial(MEAN_MASS_POLY, z) * gOverRT(z) + polynomial(MEAN_MASS_POLY, zNext) * gOverRT(zNext));
    z = zNext;
    if (++sub === substeps) {
      sub = 0;
      const temperature = jacchiaTemperatureK(z, exosphericTemperatureK);
      density = ((RHO1_KG_M3 * polynomial(MEAN_MASS_POLY, z) * T1_K) / (M1_G_MOL * temperature)) * Math.exp(-mixingIntegral);
      out[k++] = density;
    }
  }
  // Above 100 km: diffusive equilibrium of each species, ∫ g / (R* T) dz shared (times each molar mass).
  const density100 = density;
  const t100 = jacchiaTemperatureK(Z_DIFFUSION_KM, exosphericTemperatureK);
  let integral = 0;
  let hydrogenBase = 0; // hydrogen density at 500 km (kg/m³)
  let integralAt500 = 0;
  let t500 = 0;
  while (k < count) {
    const zNext = z + h;
    integral += 0.5 * h * (gOverRT(z) + gOverRT(zNext));
    z = zNext;
    if (++sub < substeps) continue;
    sub = 0;
    const temperature = jacchiaTemperatureK(z, exosphericTemperatureK);
    let total = 0;
    for (const species of SPECIES) {
      const base = (density100 * species.fraction100 * species.massGMol) / M0_G_MOL;
      total += base * Math.pow(t100 / temperature, 1 + species.thermalDiffusion) * Math.exp(-species.massGMol * integral);
    }
    if (z >= Z_HYDROGEN_KM - 1e-9) {
      if (hydrogenBase === 0) {
        t500 = temperature;
        integralAt500 = integral;
        const log10T = Math.log10(t500);
        const numberPerCm3 = 10 ** (73.13 - (39.4 - 5.5 * log10T) * log10T);
        hydrogenBase = ((numberPerCm3 * HYDROGEN_MASS_G_MOL) / AVOGADRO) * 1000; // g/cm³ → kg/m³
      }
      total += hydrogenBase * (t500 / temperature) * Math.exp(-HYDROGEN_MASS_G_MOL * (integral - integralAt500));
    }
    out[k++] = total;
  }
  return out;
}
