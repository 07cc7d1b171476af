import type { MeanElements } from "../mean-elements.ts";

/**
 * What an element set says about drag, read the way SGP4 reads it (Hoots & Roehrich 1980, Spacetrack Report #3;
 * Vallado et al. 2006, "Revisiting Spacetrack Report #3", sgp4init/initl, WGS-72 constants): the Brouwer mean
 * semi-major axis (un-Kozai'd mean motion) and SGP4's secular drag coefficient C1 = B*·C2, whose decay law is
 * a(t) = a₀ (1 − C1 t)², so da/dt = −2 a₀ C1 at epoch. Pure.
 */

const RE_KM = 6378.135;
const MU_KM3_S2 = 398600.8;
const XKE_PER_MIN = 60 / Math.sqrt((RE_KM * RE_KM * RE_KM) / MU_KM3_S2);
const J2 = 0.001082616;
const MINUTES_PER_DAY = 1440;

export interface Sgp4DragTerms {
  /** Brouwer mean semi-major axis (km), as SGP4 initialises it. */
  readonly semiMajorAxisKm: number;
  /** da/dt at epoch implied by B* through SGP4's density function (km/day; negative for decay). */
  readonly bstarDecayKmPerDay: number;
  /** da/dt at epoch implied by the ṅ/2 field, da/dt = −(2/3) a ṅ / n (km/day). */
  readonly meanMotionDerivativeDecayKmPerDay: number;
}

type DragInputs = Pick<MeanElements, "meanMotionRevPerDay" | "eccentricity" | "inclinationDeg" | "bstarPerEarthRadii" | "meanMotionDotRevPerDay2">;

/** SGP4's initialisation quantities of an element set that bear on drag. */
export function sgp4DragTerms(el: DragInputs): Sgp4DragTerms {
  const noKozai = (el.meanMotionRevPerDay * 2 * Math.PI) / MINUTES_PER_DAY;
  const e = el.eccentricity;
  const cosio = Math.cos((el.inclinationDeg * Math.PI) / 180);
  const cosio2 = cosio * cosio;
  const omeosq = 1 - e * e;
  const rteosq = Math.sqrt(omeosq);
  const ak = Math.pow(XKE_PER_MIN / noKozai, 2 / 3);
  const d1 = (0.75 * J2 * (3 * cosio2 - 1)) / (rteosq * omeosq);
  let del = d1 / (ak * ak);
  const adel = ak * (1 - del * del - del * (1 / 3 + (134 * del * del) / 81));
  del = d1 / (adel * adel);
  const noUnkozai = noKozai / (1 + del);
  const ao = Math.pow(XKE_PER_MIN / noUnkozai, 2 / 3);

  // C2 and C1 (sgp4init), with SGP4's perigee-dependent density parameter s.
  const perigeeKm = (ao * (1 - e) - 1) * RE_KM;
  let sfour = 78 / RE_KM + 1;
  let qzms24 = Math.pow((120 - 78) / RE_KM, 4);
  if (perigeeKm < 156) {
    let s = perigeeKm - 78;
    if (perigeeKm < 98) s = 20;
    qzms24 = Math.pow((120 - s) / RE_KM, 4);
    sfour = s / RE_KM + 1;
  }
  const tsi = 1 / (ao - sfour);
  const eta = ao * e * tsi;
  const etasq = eta * eta;
  const eeta = e * eta;
  const psisq = Math.abs(1 - etasq);
  const coef1 = (qzms24 * Math.pow(tsi, 4)) / Math.pow(psisq, 3.5);
  const con41 = 3 * cosio2 - 1;
  const cc2 = coef1 * noUnkozai * (ao * (1 + 1.5 * etasq + eeta * (4 + etasq)) + ((0.375 * J2 * tsi) / psisq) * con41 * (8 + 3 * etasq * (8 + etasq)));
  const cc1 = el.bstarPerEarthRadii * cc2;

  const semiMajorAxisKm = ao * RE_KM;
  return {
    semiMajorAxisKm,
    bstarDecayKmPerDay: -2 * semiMajorAxisKm * cc1 * MINUTES_PER_DAY,
    meanMotionDerivativeDecayKmPerDay: (-(2 / 3) * semiMajorAxisKm * (2 * el.meanMotionDotRevPerDay2)) / el.meanMotionRevPerDay,
  };
}

/** SGP4's C1 (1/min) for an element set, exported for the check against satellite.js. */
export function sgp4C1PerMinute(el: DragInputs): number {
  const terms = sgp4DragTerms(el);
  return -terms.bstarDecayKmPerDay / (2 * terms.semiMajorAxisKm * MINUTES_PER_DAY);
}
