import type { Vector3 } from "../propagate.ts";
import { type Matrix3, cross, norm, rotateCovariance, scale, subtract } from "../rtn-frame.ts";

/** One object at the time of closest approach, inertial frame; covariance of position, m², same frame. */
export interface PcObjectState {
  readonly positionKm: Vector3;
  readonly velocityKmS: Vector3;
  /** 3×3 position covariance (or a 6×6 whose upper-left block is used), inertial, m². */
  readonly covarianceInertialM2: readonly (readonly number[])[];
}

/**
 * The encounter (conjunction) plane of a short encounter, CARA's convention (Pc2D_Foster.m, PcCircle.m):
 * r = r1 − r2, v = v1 − v2, y = v/|v|, z = (r × v)/|r × v|, x = y × z; the combined covariance
 * C1 + C2 (positions only) is rotated into (x, y, z) and projected onto the x–z plane. The miss vector then
 * lies on the x axis at |r|.
 */
export interface EncounterPlane {
  readonly missDistanceM: number;
  readonly relativeSpeedMS: number;
  /** Projected combined covariance [[cxx, cxz], [cxz, czz]], m². */
  readonly covarianceM2: readonly [readonly [number, number], readonly [number, number]];
  /** The same after clipping: L1 v1 v1ᵀ + L2 v2 v2ᵀ, m² (what the Foster integral uses). */
  readonly remediatedCovarianceM2: readonly [readonly [number, number], readonly [number, number]];
  /** Principal sigmas (major, minor) after CARA's eigenvalue clipping, m. */
  readonly sigmaMajorM: number;
  readonly sigmaMinorM: number;
  /** Miss components along the major and minor principal axes, both ≥ 0, m. */
  readonly missMajorM: number;
  readonly missMinorM: number;
  /** True when an eigenvalue was clipped to (1e-4 · HBR)² (CARA's non-positive-definite remediation). */
  readonly remediated: boolean;
}

function perpendicularUnit(v: Vector3): Vector3 {
  const trial: Vector3 = Math.abs(v[0]) < 0.9 * norm(v) ? [1, 0, 0] : [0, 1, 0];
  const c = cross(v, trial);
  return scale(c, 1 / norm(c));
}

/**
 * Builds the encounter plane of two states (km, km/s) and their inertial position covariances (m²) for a
 * hard-body radius (m, used only for the clipping level). Eigenvalues below (1e-4 · HBR)² are raised to it,
 * as CARA's PcCircle does; a zero relative velocity has no encounter plane and returns null.
 */
export function encounterPlane(primary: PcObjectState, secondary: PcObjectState, hardBodyRadiusM: number): EncounterPlane | null {
  const r = scale(subtract(primary.positionKm, secondary.positionKm), 1000);
  const v = scale(subtract(primary.velocityKmS, secondary.velocityKmS), 1000);
  const speed = norm(v);
  if (!(speed > 0)) return null;
  const y = scale(v, 1 / speed);
  const h = cross(r, v);
  const hNorm = norm(h);
  const z = hNorm > 0 ? scale(h, 1 / hNorm) : perpendicularUnit(v);
  const x = cross(y, z);
  const combined: Matrix3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      combined[i]![j] = (primary.covarianceInertialM2[i]?.[j] ?? 0) + (secondary.covarianceInertialM2[i]?.[j] ?? 0);
    }
  }
  const rotated = rotateCovariance([x, y, z], combined);
  const cxx = rotated[0][0];
  const cxz = 0.5 * (rotated[0][2] + rotated[2][0]);
  const czz = rotated[2][2];
  // Eigen-decomposition of the symmetric 2×2 (CARA's eig2x2): L1 ≥ L2, V1 the major-axis unit vector.
  const half = 0.5 * (cxx + czz);
  const radius = Math.hypot(0.5 * (cxx - czz), cxz);
  let major = half + radius;
  let minor = half - radius;
  let v1: [number, number];
  if (cxz !== 0) {
    const vx = major - czz;
    const vz = cxz;
    const n = Math.hypot(vx, vz);
    v1 = [vx / n, vz / n];
  } else {
    v1 = cxx >= czz ? [1, 0] : [0, 1];
  }
  const clip = (1e-4 * hardBodyRadiusM) ** 2;
  let remediated = false;
  if (Number.isFinite(hardBodyRadiusM) && major < clip) {
    major = clip;
    remediated = true;
  }
  if (Number.isFinite(hardBodyRadiusM) && minor < clip) {
    minor = clip;
    remediated = true;
  }
  const missDistanceM = norm(r);
  return {
    missDistanceM,
    relativeSpeedMS: speed,
    covarianceM2: [
      [cxx, cxz],
      [cxz, czz],
    ],
    remediatedCovarianceM2: [
      [major * v1[0] * v1[0] + minor * v1[1] * v1[1], (major - minor) * v1[0] * v1[1]],
      [(major - minor) * v1[0] * v1[1], major * v1[1] * v1[1] + minor * v1[0] * v1[0]],
    ],
    sigmaMajorM: Math.sqrt(major),
    sigmaMinorM: Math.sqrt(minor),
    missMajorM: missDistanceM * Math.abs(v1[0]),
    missMinorM: missDistanceM * Math.abs(v1[1]),
    remediated,
  };
}
