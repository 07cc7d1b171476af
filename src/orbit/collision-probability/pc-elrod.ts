import type { EncounterPlane } from "./encounter-plane.ts";
import { erfDifference } from "./erf.ts";

/**
 * Elrod's 2D Pc (Elrod 2019; CARA's PcElrod.m and PcCircle.m): in the principal axes of the projected
 * covariance, the integral across the minor axis is exact (a difference of error functions) and the one
 * along the major axis is done by Gauss–Chebyshev quadrature,
 *   Pc = R / (√(8π) σx) ∫₋₁¹ exp(−((xm + R t)/(√2 σx))²) [erf((zm + R√(1−t²))/(√2 σz)) − erf((zm − R√(1−t²))/(√2 σz))] dt.
 * The order starts at 64 and doubles until two orders agree to `relativeTolerance` (at most 2¹⁶ nodes).
 * This shares no integration code with `pcFoster`, which is why it serves as the cross-check.
 */
export function pcElrod(plane: EncounterPlane, hardBodyRadiusM: number, relativeTolerance = 1e-10): number {
  const radius = hardBodyRadiusM;
  if (radius === 0) return 0;
  if (!Number.isFinite(radius)) return 1;
  const sx = plane.sigmaMajorM;
  const sz = plane.sigmaMinorM;
  const dx = Math.SQRT2 * sx;
  const dz = Math.SQRT2 * sz;
  const xm = plane.missMajorM;
  const zm = plane.missMinorM;
  // Gauss–Chebyshev (second kind) folded with t = cos θ: ∫₋₁¹ F(t) dt ≈ π/(N+1) Σ sin θᵢ F(cos θᵢ).
  const estimate = (order: number): number => {
    let sum = 0;
    for (let i = 1; i <= order; i++) {
      const theta = (i * Math.PI) / (order + 1);
      const t = Math.cos(theta);
      const halfChord = radius * Math.sin(theta);
      const x = xm + radius * t;
      sum += Math.sin(theta) * Math.exp(-((x / dx) ** 2)) * erfDifference((zm + halfChord) / dz, (zm - halfChord) / dz);
    }
    return ((Math.PI / (order + 1)) * sum * radius) / (Math.sqrt(8 * Math.PI) * sx);
  };
  let order = 64;
  let previous = estimate(order);
  while (order < 65536) {
    order = 2 * order + 1;
    const next = estimate(order);
    if (Math.abs(next - previous) <= relativeTolerance * Math.abs(next)) return Math.min(1, next);
    previous = next;
  }
  return Math.min(1, previous);
}
