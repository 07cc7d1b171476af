import { integrateAdaptive } from "./adaptive-quadrature.ts";
import type { EncounterPlane } from "./encounter-plane.ts";

/**
 * Foster's 2D Pc (Foster & Estes 1992; CARA's Pc2D_Foster.m): the double integral of the bivariate normal
 * density of the miss vector, with the combined projected covariance A (after clipping), over the hard-body
 * circle of radius R centred at (|r|, 0) in the encounter plane,
 *   Pc = 1/(2π √det A) ∫∫_circle exp(−½ [x z] A⁻¹ [x z]ᵀ) dz dx,
 * both integrals by adaptive Gauss–Kronrod, the outer one in θ with x = |r| + R sin θ (no endpoint
 * singularity), each clipped to ±13 σ around the density's largest value inside the circle (the
 * rest adds less than e⁻⁸⁴ relative), so far-tail cases (Pc = 1e-168) keep their relative accuracy.
 */
export function pcFoster(plane: EncounterPlane, hardBodyRadiusM: number, relativeTolerance = 1e-9): number {
  const radius = hardBodyRadiusM;
  if (radius === 0) return 0;
  if (!Number.isFinite(radius)) return 1;
  const [[axx, axz], [, azz]] = plane.remediatedCovarianceM2;
  const det = axx * azz - axz * axz;
  if (!(det > 0)) return Number.NaN;
  const ixx = azz / det;
  const ixz = -axz / det;
  const izz = axx / det;
  const x0 = plane.missDistanceM;
  const sigmaX = Math.sqrt(axx);
  const conditionalSigmaZ = 1 / Math.sqrt(izz);
  const inner = (x: number, halfChord: number): number => {
    const peak = Math.min(halfChord, Math.max(-halfChord, (-ixz * x) / izz));
    const lo = Math.max(-halfChord, peak - 13 * conditionalSigmaZ);
    const hi = Math.min(halfChord, peak + 13 * conditionalSigmaZ);
    if (!(hi > lo)) return 0;
    return integrateAdaptive((z) => Math.exp(-0.5 * (ixx * x * x + 2 * ixz * x * z + izz * z * z)), lo, hi, relativeTolerance, 4);
  };
  const xPeak = Math.min(x0 + radius, Math.max(x0 - radius, 0));
  const xLo = Math.max(x0 - radius, xPeak - 13 * sigmaX);
  const xHi = Math.min(x0 + radius, xPeak + 13 * sigmaX);
  if (!(xHi > xLo)) return 0;
  const thetaLo = Math.asin(Math.min(1, Math.max(-1, (xLo - x0) / radius)));
  const thetaHi = Math.asin(Math.min(1, Math.max(-1, (xHi - x0) / radius)));
  const outer = (theta: number): number => {
    const cos = Math.cos(theta);
    return inner(x0 + radius * Math.sin(theta), radius * cos) * radius * cos;
  };
  const integral = integrateAdaptive(outer, thetaLo, thetaHi, relativeTolerance, 16);
  return Math.min(1, integral / (2 * Math.PI * Math.sqrt(det)));
}
