import type { Vector3 } from "../orbit/propagate.ts";
import type { Matrix3 } from "../orbit/rtn-frame.ts";

/**
 * TEME (SGP4's frame) to EME2000 (J2000 mean equator and equinox), as Vallado et al. (2006), "Revisiting
 * Spacetrack Report #3", AIAA 2006-6753, §"TEME": r_J2000 = P · N · R3(−Δψ cos ε̄) · r_TEME, with IAU-1976
 * precession P and IAU-1980 nutation N truncated to its 18 largest terms (the 88 omitted terms sum to less
 * than about 0.1″: under 4 m at LEO radii, 20 m at GEO, far below SGP4's own km-level error), without EOP
 * corrections, TT ≈ UTC + 69.184 s. CDM 1.0 allows only GCRF, EME2000 and ITRF for REF_FRAME, so our TEME
 * states are written as EME2000 through this rotation. (Belongs in orbit/ frames; kept here as the CDM
 * writer is its only user so far.)
 */

const ARCSEC = Math.PI / (180 * 3600);
const DEG = Math.PI / 180;

// IAU-1980 nutation, largest terms: multipliers of (l, l', F, D, Ω); Δψ = (A + B T) sin, Δε = (C + D T) cos, 0.0001″.
const NUTATION: readonly (readonly number[])[] = [
  [0, 0, 0, 0, 1, -171996, -174.2, 92025, 8.9],
  [0, 0, 2, -2, 2, -13187, -1.6, 5736, -3.1],
  [0, 0, 2, 0, 2, -2274, -0.2, 977, -0.5],
  [0, 0, 0, 0, 2, 2062, 0.2, -895, 0.5],
  [0, 1, 0, 0, 0, 1426, -3.4, 54, -0.1],
  [1, 0, 0, 0, 0, 712, 0.1, -7, 0],
  [0, 1, 2, -2, 2, -517, 1.2, 224, -0.6],
  [0, 0, 2, 0, 1, -386, -0.4, 200, 0],
  [1, 0, 2, 0, 2, -301, 0, 129, -0.1],
  [0, -1, 2, -2, 2, 217, -0.5, -95, 0.3],
  [1, 0, 0, -2, 0, -158, 0, 0, 0],
  [0, 0, 2, -2, 1, 129, 0.1, -70, 0],
  [-1, 0, 2, 0, 2, 123, 0, -53, 0],
  [1, 0, 0, 0, 1, 63, 0.1, -33, 0],
  [0, 0, 0, 2, 0, 63, 0, 0, 0],
  [-1, 0, 2, 2, 2, -59, 0, 26, 0],
  [-1, 0, 0, 0, 1, -58, -0.1, 32, 0],
  [1, 0, 2, 0, 1, -51, 0, 27, 0],
];

function multiply(a: Matrix3, b: Matrix3): Matrix3 {
  const out: Matrix3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) out[i]![j] = a[i]![0]! * b[0]![j]! + a[i]![1]! * b[1]![j]! + a[i]![2]! * b[2]![j]!;
  return out;
}

/** The rotation matrix taking TEME vectors at `timeMs` (UTC) to EME2000. */
export function temeToEme2000Matrix(timeMs: number): Matrix3 {
  const t = (timeMs / 86_400_000 + 2440587.5 + 69.184 / 86400 - 2451545.0) / 36525;
  const l = (((0.064 * t + 31.31) * t + 1717915922.633) * t) / 3600 + 134.96298139;
  const lp = (((-0.012 * t - 0.577) * t + 129596581.224) * t) / 3600 + 357.52772333;
  const f = (((0.011 * t - 13.257) * t + 1739527263.137) * t) / 3600 + 93.27191028;
  const d = (((0.019 * t - 6.891) * t + 1602961601.328) * t) / 3600 + 297.85036306;
  const om = (((0.008 * t + 7.455) * t - 6962890.539) * t) / 3600 + 125.04452222;
  let dPsi = 0;
  let dEps = 0;
  for (const [a1, a2, a3, a4, a5, s0, s1, c0, c1] of NUTATION as number[][]) {
    const arg = (a1! * l + a2! * lp + a3! * f + a4! * d + a5! * om) * DEG;
    dPsi += (s0! + s1! * t) * Math.sin(arg);
    dEps += (c0! + c1! * t) * Math.cos(arg);
  }
  dPsi *= 1e-4 * ARCSEC;
  dEps *= 1e-4 * ARCSEC;
  const meanEps = (84381.448 - 46.815 * t - 0.00059 * t * t + 0.001813 * t * t * t) * ARCSEC;
  const trueEps = meanEps + dEps;
  const [cp, sp, ce, se, cm, sm] = [Math.cos(dPsi), Math.sin(dPsi), Math.cos(trueEps), Math.sin(trueEps), Math.cos(meanEps), Math.sin(meanEps)];
  const nutation: Matrix3 = [
    [cp, ce * sp, se * sp],
    [-cm * sp, ce * cm * cp + se * sm, se * cm * cp - sm * ce],
    [-sm * sp, ce * sm * cp - se * cm, se * sm * cp + ce * cm],
  ];
  const zeta = (2306.2181 * t + 0.30188 * t * t + 0.017998 * t ** 3) * ARCSEC;
  const theta = (2004.3109 * t - 0.42665 * t * t - 0.041833 * t ** 3) * ARCSEC;
  const z = (2306.2181 * t + 1.09468 * t * t + 0.018203 * t ** 3) * ARCSEC;
  const [cz, sz, ct, st, czz, szz] = [Math.cos(zeta), Math.sin(zeta), Math.cos(theta), Math.sin(theta), Math.cos(z), Math.sin(z)];
  const precession: Matrix3 = [
    [cz * ct * czz - sz * szz, cz * ct * szz + sz * czz, cz * st],
    [-sz * ct * czz - cz * szz, -sz * ct * szz + cz * czz, -sz * st],
    [-st * czz, -st * szz, ct],
  ];
  const eqe = dPsi * Math.cos(meanEps);
  // R3(−eqe) written out: the transpose of Vallado's `eqe` matrix.
  const equinox: Matrix3 = [
    [Math.cos(eqe), -Math.sin(eqe), 0],
    [Math.sin(eqe), Math.cos(eqe), 0],
    [0, 0, 1],
  ];
  return multiply(multiply(precession, nutation), equinox);
}

export function applyMatrix(m: Matrix3, v: Vector3): Vector3 {
  return [m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2], m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2], m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]];
}
