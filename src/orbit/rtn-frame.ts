import type { Vector3 } from "./propagate.ts";

/** 3×3 matrix, rows of numbers. */
export type Matrix3 = [Vector3, Vector3, Vector3];

export function dot(a: Vector3, b: Vector3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: Vector3, b: Vector3): Vector3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function norm(a: Vector3): number {
  return Math.sqrt(dot(a, a));
}

export function scale(a: Vector3, factor: number): Vector3 {
  return [a[0] * factor, a[1] * factor, a[2] * factor];
}

export function subtract(a: Vector3, b: Vector3): Vector3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

/**
 * The RTN (radial, transverse, normal; also RIC or RSW) unit vectors of an orbit state in its inertial frame:
 * R = r/|r|, N = (r × v)/|r × v|, T = N × R, as rows of the inertial-to-RTN rotation (CCSDS 508.0-B-1 annex,
 * and CARA's RIC2ECI). Any consistent position and velocity units.
 */
export function rtnBasis(position: Vector3, velocity: Vector3): Matrix3 {
  const r = scale(position, 1 / norm(position));
  const h = cross(position, velocity);
  const n = scale(h, 1 / norm(h));
  return [r, cross(n, r), n];
}

/** A vector expressed in the RTN frame of (position, velocity). */
export function inertialToRtn(vector: Vector3, position: Vector3, velocity: Vector3): Vector3 {
  const [r, t, n] = rtnBasis(position, velocity);
  return [dot(vector, r), dot(vector, t), dot(vector, n)];
}

/** An RTN vector expressed in the inertial frame of (position, velocity). */
export function rtnToInertial(vector: Vector3, position: Vector3, velocity: Vector3): Vector3 {
  const [r, t, n] = rtnBasis(position, velocity);
  return [
    r[0] * vector[0] + t[0] * vector[1] + n[0] * vector[2],
    r[1] * vector[0] + t[1] * vector[1] + n[1] * vector[2],
    r[2] * vector[0] + t[2] * vector[1] + n[2] * vector[2],
  ];
}

/** M · C · Mᵀ for 3×3 matrices. */
export function rotateCovariance(rotation: Matrix3, covariance: readonly (readonly number[])[]): Matrix3 {
  const out: Matrix3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) {
        for (let l = 0; l < 3; l++) sum += rotation[i]![k]! * (covariance[k]?.[l] ?? 0) * rotation[j]![l]!;
      }
      out[i]![j] = sum;
    }
  }
  return out;
}

/**
 * The 3×3 position covariance of an object, given in its own RTN frame (the upper-left block of a CDM's 6×6),
 * rotated to the inertial frame of its state: C_inertial = Mᵀ C_rtn M with M the rows R, T, N. Only the
 * position block matters to a 2D Pc; the rotation is the one CARA's RIC2ECI applies to it.
 */
export function rtnToInertialCovariance(covarianceRtn: readonly (readonly number[])[], position: Vector3, velocity: Vector3): Matrix3 {
  const [r, t, n] = rtnBasis(position, velocity);
  const transpose: Matrix3 = [
    [r[0], t[0], n[0]],
    [r[1], t[1], n[1]],
    [r[2], t[2], n[2]],
  ];
  return rotateCovariance(transpose, covarianceRtn);
}
