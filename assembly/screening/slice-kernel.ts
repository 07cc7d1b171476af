// AssemblyScript: compiled to src/screening/kernel/slice-kernel.wasm by `npm run build:kernel` (scripts/build-kernel.ts).
//
// The hot loop of the screening engine for one grid slice, steps (b)–(d) of the guarantee in
// src/screening/screen-guarantee.ts: each object's cubic Hermite interpolant at the slice ends, its swept box (the
// bounding box of the interpolant's Bézier control points, inflated), every overlapping box pair found exactly once
// through a four-dimensional spatial hash (x, y, z, radius), and each overlapping pair's relative cubic tested by
// branch and bound. Out come refinement candidates (pair and the slice fraction of their interpolated minimum).
// Same arithmetic as the TypeScript engine it replaced, in the same order (IEEE doubles, no fused operations).
//
// Memory: buffers are allocated with heap.alloc (stub runtime, nothing is freed) and grown on demand; the host reads
// their addresses through the exported getters and must re-create its views after any call (memory may have grown).

// ---- per-object inputs (set by the host once per block) ----
let objectCapacity: i32 = 0;
let stepSlicesPtr: usize = 0; // i32: node step in slices
let nodeOffsetPtr: usize = 0; // i32: first node index
let validNodesPtr: usize = 0; // i32: leading valid nodes
let errorBoundPtr: usize = 0; // f64: interpolation error bound, km (staged by the host, copied into the records)
let isPrimaryPtr: usize = 0; // u8 (staged by the host, copied into the records)
let trajectoryIdPtr: usize = 0; // i32 (idem)
// ---- per-node inputs ----
let nodeCapacity: i32 = 0;
let positionPtr: usize = 0; // f64 × 3 per node, km (staged by the host)
let derivativePtr: usize = 0; // f64 × 3 per node, km/s (staged by the host)
/** f64 × 8 per node: position x y z 0, derivative x y z 0 (two f64x2 lanes per vector, a segment in two cache lines). */
let nodePtr: usize = 0;
const NODE: i32 = 8;
// ---- working state ----
/**
 * One record of RECORD f64 per object, so that a pair test reads two records: two halves of HALF f64, each the
 * position x y z 0 and derivative x y z 0 at a slice end (which half is the slice start flips from slice to slice),
 * then the error bound, whether the object is a primary (0/1), its trajectory id and 1 / its node step in slices.
 */
const HALF: i32 = 8;
const RECORD: i32 = 20;
const ERROR_BOUND: i32 = 16;
const IS_PRIMARY: i32 = 17;
const TRAJECTORY: i32 = 18;
const INVERSE_STEP: i32 = 19;
let recordPtr: usize = 0;
/** Offset (0 or HALF) of the slice-start half in each record; the slice end is the other half. */
let startHalf: i32 = 0;
let validAPtr: usize = 0; // u8
let validBPtr: usize = 0;
let boxPtr: usize = 0; // f64 × 8n: box lower corner x y z r, then upper corner
let activePtr: usize = 0; // i32
let rangesPtr: usize = 0; // i32 × 8n: cell ranges, first cells x y z r then last cells x y z r
let entryCapacity: i32 = 0;
let entryObjectPtr: usize = 0;
let entryXYPtr: usize = 0;
let entryZRPtr: usize = 0;
let entryHashPtr: usize = 0;
let sortedObjectPtr: usize = 0;
let sortedXYPtr: usize = 0;
let sortedZRPtr: usize = 0;
let tableCapacity: i32 = 0;
let bucketEndPtr: usize = 0;
/** Test mode of forEachOverlap: record every overlapping pair as a candidate instead of testing it. */
let collecting = false;
// ---- outputs ----
let candidateCapacity: i32 = 0;
let candidateCount: i32 = 0;
let candidateAPtr: usize = 0; // i32, a < b
let candidateBPtr: usize = 0;
let candidateTauPtr: usize = 0; // f64, fraction of the slice
/** Work counters since the last resetCounters: boxes, grid entries, box-pair tests, overlapping pairs, interpolant candidates, handed to neighbour. */
const COUNTERS: usize = memory.data(6 * 8);
/** Branch-and-bound stack of relativeMinimum: (MAX_DEPTH + 3) frames of 16 f64 (4 control points, tauA, tauB, depth). */
const MAX_DEPTH: f64 = 12;
const STACK: usize = memory.data((12 + 3) * 16 * 8);
const TOLERANCE_KM: f64 = 1e-3;
const CELL_LIMIT: i32 = 32767;

@inline function f64At(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}
@inline function setF64(base: usize, i: i32, value: f64): void {
  store<f64>(base + (<usize>i << 3), value);
}
@inline function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}
@inline function setI32(base: usize, i: i32, value: i32): void {
  store<i32>(base + (<usize>i << 2), value);
}
@inline function u8At(base: usize, i: i32): i32 {
  return <i32>load<u8>(base + <usize>i);
}
@inline function setU8(base: usize, i: i32, value: i32): void {
  store<u8>(base + <usize>i, <u8>value);
}
@inline function count(k: i32, by: f64): void {
  setF64(COUNTERS, k, f64At(COUNTERS, k) + by);
}
// a < b ? a : b without a branch (V8 compiles a scalar f64 select to a jump; minpd is branch-free).
@inline function lessOf(a: f64, b: f64): f64 {
  return f64x2.extract_lane(f64x2.pmin(f64x2.splat(a), f64x2.splat(b)), 0);
}
@inline function greaterOf(a: f64, b: f64): f64 {
  return f64x2.extract_lane(f64x2.pmax(f64x2.splat(a), f64x2.splat(b)), 0);
}
@inline function min4(a: f64, b: f64, c: f64, d: f64): f64 {
  return lessOf(lessOf(a, b), lessOf(c, d));
}
@inline function max4(a: f64, b: f64, c: f64, d: f64): f64 {
  return greaterOf(greaterOf(a, b), greaterOf(c, d));
}
@inline function clampCell(c: i32): i32 {
  return c > CELL_LIMIT ? CELL_LIMIT : c < -CELL_LIMIT ? -CELL_LIMIT : c;
}
@inline function cellOf(value: f64, inverse: f64): i32 {
  // Math.floor then a clamp to the 16-bit range, as the TypeScript engine did (values beyond i32 saturate first).
  const f = Math.floor(value * inverse);
  if (f != f) return 0; // NaN packs to 0 in the TypeScript engine too
  return clampCell(f > 1e9 ? 1000000000 : f < -1e9 ? -1000000000 : <i32>f);
}
@inline function pack(a: i32, b: i32): i32 {
  return (a & 0xffff) | (b << 16);
}

function grow(ptr: usize, bytes: usize): usize {
  return ptr == 0 ? heap.alloc(bytes) : heap.realloc(ptr, bytes);
}

/** Makes room for n objects (per-object inputs and working arrays). */
export function reserveObjects(n: i32): void {
  if (n <= objectCapacity) return;
  const c = <usize>n;
  stepSlicesPtr = grow(stepSlicesPtr, c << 2);
  nodeOffsetPtr = grow(nodeOffsetPtr, c << 2);
  validNodesPtr = grow(validNodesPtr, c << 2);
  errorBoundPtr = grow(errorBoundPtr, c << 3);
  isPrimaryPtr = grow(isPrimaryPtr, c);
  trajectoryIdPtr = grow(trajectoryIdPtr, c << 2);
  recordPtr = grow(recordPtr, <usize>RECORD * c << 3);
  validAPtr = grow(validAPtr, c);
  validBPtr = grow(validBPtr, c);
  boxPtr = grow(boxPtr, 8 * c << 3);
  activePtr = grow(activePtr, c << 2);
  rangesPtr = grow(rangesPtr, 8 * c << 2);
  objectCapacity = n;
}

/** Makes room for `total` nodes (positions and derivatives). */
export function reserveNodes(total: i32): void {
  if (total <= nodeCapacity) return;
  positionPtr = grow(positionPtr, 3 * <usize>total << 3);
  derivativePtr = grow(derivativePtr, 3 * <usize>total << 3);
  nodePtr = grow(nodePtr, <usize>NODE * <usize>total << 3);
  nodeCapacity = total;
}

function reserveEntries(total: i32): void {
  if (total <= entryCapacity) return;
  let size = entryCapacity > 0 ? entryCapacity : 1 << 16;
  while (size < total) size *= 2;
  const c = <usize>size;
  entryObjectPtr = grow(entryObjectPtr, c << 2);
  entryXYPtr = grow(entryXYPtr, c << 2);
  entryZRPtr = grow(entryZRPtr, c << 2);
  entryHashPtr = grow(entryHashPtr, c << 2);
  sortedObjectPtr = grow(sortedObjectPtr, c << 2);
  sortedXYPtr = grow(sortedXYPtr, c << 2);
  sortedZRPtr = grow(sortedZRPtr, c << 2);
  entryCapacity = size;
}

function reserveTable(size: i32): void {
  if (size <= tableCapacity) return;
  bucketEndPtr = grow(bucketEndPtr, <usize>size << 2);
  tableCapacity = size;
}

function pushCandidate(a: i32, b: i32, tau: f64): void {
  if (candidateCount == candidateCapacity) {
    const size = candidateCapacity > 0 ? candidateCapacity * 2 : 1024;
    candidateAPtr = grow(candidateAPtr, <usize>size << 2);
    candidateBPtr = grow(candidateBPtr, <usize>size << 2);
    candidateTauPtr = grow(candidateTauPtr, <usize>size << 3);
    candidateCapacity = size;
  }
  setI32(candidateAPtr, candidateCount, a);
  setI32(candidateBPtr, candidateCount, b);
  setF64(candidateTauPtr, candidateCount, tau);
  candidateCount++;
}

export function stepSlicesAddress(): usize { return stepSlicesPtr; }
export function nodeOffsetAddress(): usize { return nodeOffsetPtr; }
export function validNodesAddress(): usize { return validNodesPtr; }
export function errorBoundAddress(): usize { return errorBoundPtr; }
export function isPrimaryAddress(): usize { return isPrimaryPtr; }
export function trajectoryIdAddress(): usize { return trajectoryIdPtr; }
export function positionAddress(): usize { return positionPtr; }
export function derivativeAddress(): usize { return derivativePtr; }
export function candidateAAddress(): usize { return candidateAPtr; }
export function candidateBAddress(): usize { return candidateBPtr; }
export function candidateTauAddress(): usize { return candidateTauPtr; }
export function countersAddress(): usize { return COUNTERS; }
export function boxAddress(): usize { return boxPtr; }
export function activeAddress(): usize { return activePtr; }
export function stackAddress(): usize { return STACK; }
/** After the host staged isPrimary and trajectoryId of n objects: copies them into the records. */
export function objectsStaged(n: i32): void {
  for (let i = 0; i < n; i++) {
    const r = i * RECORD;
    setF64(recordPtr, r + IS_PRIMARY, <f64>u8At(isPrimaryPtr, i));
    setF64(recordPtr, r + TRAJECTORY, <f64>i32At(trajectoryIdPtr, i));
  }
}

/** After the host staged a block's error bounds (n objects) and nodes (total): copies them into records and interleaves the nodes. */
export function blockStaged(n: i32, total: i32): void {
  for (let i = 0; i < n; i++) {
    setF64(recordPtr, i * RECORD + ERROR_BOUND, f64At(errorBoundPtr, i));
    setF64(recordPtr, i * RECORD + INVERSE_STEP, 1 / <f64>i32At(stepSlicesPtr, i));
  }
  for (let e = 0; e < total; e++) {
    for (let c = 0; c < 3; c++) {
      setF64(nodePtr, NODE * e + c, f64At(positionPtr, 3 * e + c));
      setF64(nodePtr, NODE * e + 4 + c, f64At(derivativePtr, 3 * e + c));
    }
    setF64(nodePtr, NODE * e + 3, 0);
    setF64(nodePtr, NODE * e + 7, 0);
  }
}

export function resetCounters(): void {
  memory.fill(COUNTERS, 0, 6 * 8);
}

/**
 * Object i's interpolant (position, and derivative in km/s) at the start (end = 0) or end (end = 1) of block slice q,
 * into the record half at offset `half`; false when the segment is not covered by valid nodes.
 */
function evaluate(sliceS: f64, inverseSliceS: f64, i: i32, q: i32, end: i32, half: i32): bool {
  const m = i32At(stepSlicesPtr, i);
  const k = q / m; // q >= 0, m >= 1: the floor
  if (k + 1 >= i32At(validNodesPtr, i)) return false;
  const inverseM = f64At(recordPtr, i * RECORD + INVERSE_STEP);
  const t = <f64>(q - k * m + end) * inverseM;
  const t2 = t * t;
  const t3 = t2 * t;
  const segS = <f64>m * sliceS;
  const inverseSegS = inverseM * inverseSliceS;
  const h00 = f64x2.splat(2 * t3 - 3 * t2 + 1);
  const h10 = f64x2.splat((t3 - 2 * t2 + t) * segS);
  const h01 = f64x2.splat(-2 * t3 + 3 * t2);
  const h11 = f64x2.splat((t3 - t2) * segS);
  const d00 = f64x2.splat((6 * t2 - 6 * t) * inverseSegS);
  const d10 = f64x2.splat(3 * t2 - 4 * t + 1);
  const d11 = f64x2.splat(3 * t2 - 2 * t);
  const node = nodePtr + (<usize>((i32At(nodeOffsetPtr, i) + k) * NODE) << 3);
  const out = recordPtr + (<usize>(i * RECORD + half) << 3);
  // Lanes (x, y) then (z, 0): p = h00·p0 + h10·s·d0 + h01·p1 + h11·s·d1; p' = (d00·(p0 − p1))/s + d10·d0 + d11·d1.
  for (let lane: usize = 0; lane < 32; lane += 16) {
    const p0 = v128.load(node + lane);
    const v0 = v128.load(node + 32 + lane);
    const p1 = v128.load(node + 64 + lane);
    const v1 = v128.load(node + 96 + lane);
    const position = f64x2.add(f64x2.add(f64x2.mul(h00, p0), f64x2.mul(h10, v0)), f64x2.add(f64x2.mul(h01, p1), f64x2.mul(h11, v1)));
    const derivative = f64x2.add(f64x2.mul(d00, f64x2.sub(p0, p1)), f64x2.add(f64x2.mul(d10, v0), f64x2.mul(d11, v1)));
    v128.store(out + lane, position);
    v128.store(out + 32 + lane, derivative);
  }
  return true;
}

/**
 * Object i's swept box over the slice, inflated: in x, y, z the bounding box of the Bézier control points
 * b0 = p(a), b1 = b0 + p'(a)·s/3, b2 = b3 − p'(b)·s/3, b3 = p(b); in radius [min_k b_k·u, max_k |b_k|] with u the unit
 * vector of (b0 + b3)/2. Written at 8i of the boxes (lower corner x y z r, upper corner x y z r).
 */
function sweptBox(i: i32, third: f64, inflate: f64): void {
  const a = recordPtr + (<usize>(i * RECORD + startHalf) << 3);
  const b = recordPtr + (<usize>(i * RECORD + (HALF - startHalf)) << 3);
  const s = f64x2.splat(third);
  const b0xy = v128.load(a);
  const b0z = v128.load(a, 16);
  const b1xy = f64x2.add(b0xy, f64x2.mul(v128.load(a, 32), s));
  const b1z = f64x2.add(b0z, f64x2.mul(v128.load(a, 48), s));
  const b3xy = v128.load(b);
  const b3z = v128.load(b, 16);
  const b2xy = f64x2.sub(b3xy, f64x2.mul(v128.load(b, 32), s));
  const b2z = f64x2.sub(b3z, f64x2.mul(v128.load(b, 48), s));
  // pmin / pmax are the branch-free a < b ? a : b (minpd / maxpd).
  const loxy = f64x2.pmin(f64x2.pmin(b0xy, b1xy), f64x2.pmin(b2xy, b3xy));
  const hixy = f64x2.pmax(f64x2.pmax(b0xy, b1xy), f64x2.pmax(b2xy, b3xy));
  const loz = f64x2.pmin(f64x2.pmin(b0z, b1z), f64x2.pmin(b2z, b3z));
  const hiz = f64x2.pmax(f64x2.pmax(b0z, b1z), f64x2.pmax(b2z, b3z));
  // Radius: [min_k b_k·u, max_k |b_k|] with u the unit vector of b0 + b3 (|x| >= x·u; over the hull, a linear and a
  // convex function take their extremes at the vertices).
  const wxy = f64x2.add(b0xy, b3xy);
  const wz = f64x2.add(b0z, b3z);
  const u = 1 / Math.sqrt(dot(wxy, wz, wxy, wz));
  const t0 = dot(b0xy, b0z, wxy, wz);
  const t1 = dot(b1xy, b1z, wxy, wz);
  const t2 = dot(b2xy, b2z, wxy, wz);
  const t3 = dot(b3xy, b3z, wxy, wz);
  const radialLow = min4(t0, t1, t2, t3) * u;
  const radialHigh = Math.sqrt(max4(dot(b0xy, b0z, b0xy, b0z), dot(b1xy, b1z, b1xy, b1z), dot(b2xy, b2z, b2xy, b2z), dot(b3xy, b3z, b3xy, b3z)));
  const grow = f64x2.splat(inflate);
  const box = boxPtr + (<usize>(i * 8) << 3);
  v128.store(box, f64x2.sub(loxy, grow));
  v128.store(box, f64x2.replace_lane(f64x2.sub(loz, grow), 1, (radialLow > 0 ? radialLow : 0) - inflate), 16);
  v128.store(box, f64x2.add(hixy, grow), 32);
  v128.store(box, f64x2.replace_lane(f64x2.add(hiz, grow), 1, radialHigh + inflate), 48);
}

/** Dot product of two vectors held as (x, y) and (z, 0) lanes. */
@inline function dot(axy: v128, az: v128, bxy: v128, bz: v128): f64 {
  const xy = f64x2.mul(axy, bxy);
  return f64x2.extract_lane(xy, 0) + f64x2.extract_lane(xy, 1) + f64x2.extract_lane(f64x2.mul(az, bz), 0);
}

// ---- relative minimum (branch and bound on the relative cubic's Bézier form) ----
let resultFound = false;
let resultTau: f64 = 0;
let resultAtStart = false;
let resultAtEnd = false;
let resultDistanceKm: f64 = 0;

@inline function norm3(x: f64, y: f64, z: f64): f64 {
  return Math.sqrt(x * x + y * y + z * z);
}

/** Distance from the origin to the bounding box of the four control points at frame `base` of STACK. */
function hullDistance(base: i32): f64 {
  let sum: f64 = 0;
  for (let k = 0; k < 3; k++) {
    const a = f64At(STACK, base + k);
    const b = f64At(STACK, base + 3 + k);
    const c = f64At(STACK, base + 6 + k);
    const d = f64At(STACK, base + 9 + k);
    const low = min4(a, b, c, d);
    const high = max4(a, b, c, d);
    const gap = low > 0 ? low : high < 0 ? -high : 0;
    sum += gap * gap;
  }
  return Math.sqrt(sum);
}

/**
 * Smallest distance from the origin of the relative cubic whose Bézier control points are in STACK frame 0 (conservative:
 * resultFound is false only when the curve provably stays farther than limitKm). startDistance / endDistance are the
 * distances at the slice ends.
 */
function relativeMinimum(limitKm: f64, startDistance: f64, endDistance: f64): void {
  setF64(STACK, 12, 0);
  setF64(STACK, 13, 1);
  setF64(STACK, 14, 0);
  resultFound = false;
  resultAtStart = false;
  resultAtEnd = false;
  if (hullDistance(0) > limitKm) return;
  let best = startDistance;
  let bestTau: f64 = 0;
  let bestAt = -1; // -1 start, 1 end, 0 interior
  if (endDistance < best) {
    best = endDistance;
    bestTau = 1;
    bestAt = 1;
  }
  let leafTau: f64 = -1;
  let top = 1;
  while (top > 0) {
    top--;
    const base = top * 16;
    const lower = hullDistance(base);
    if (lower > Math.min(best, limitKm) || (best <= limitKm && best - lower < TOLERANCE_KM)) continue;
    const tauA = f64At(STACK, base + 12);
    const tauB = f64At(STACK, base + 13);
    const depth = f64At(STACK, base + 14);
    if (depth >= MAX_DEPTH) {
      if (best > limitKm && leafTau < 0) leafTau = (tauA + tauB) / 2;
      continue;
    }
    // de Casteljau at 1/2: left child written at `base`, right child at `base + 16`.
    const right = base + 16;
    const tauM = (tauA + tauB) / 2;
    for (let k = 0; k < 3; k++) {
      const p0 = f64At(STACK, base + k);
      const p1 = f64At(STACK, base + 3 + k);
      const p2 = f64At(STACK, base + 6 + k);
      const p3 = f64At(STACK, base + 9 + k);
      const p01 = (p0 + p1) / 2;
      const p12 = (p1 + p2) / 2;
      const p23 = (p2 + p3) / 2;
      const p012 = (p01 + p12) / 2;
      const p123 = (p12 + p23) / 2;
      const mid = (p012 + p123) / 2;
      setF64(STACK, right + k, mid);
      setF64(STACK, right + 3 + k, p123);
      setF64(STACK, right + 6 + k, p23);
      setF64(STACK, right + 9 + k, p3);
      setF64(STACK, base + 3 + k, p01);
      setF64(STACK, base + 6 + k, p012);
      setF64(STACK, base + 9 + k, mid);
    }
    setF64(STACK, right + 12, tauM);
    setF64(STACK, right + 13, tauB);
    setF64(STACK, right + 14, depth + 1);
    setF64(STACK, base + 13, tauM);
    setF64(STACK, base + 14, depth + 1);
    const midDistance = norm3(f64At(STACK, right), f64At(STACK, right + 1), f64At(STACK, right + 2));
    if (midDistance < best) {
      best = midDistance;
      bestTau = tauM;
      bestAt = 0;
    }
    top += 2;
  }
  if (best <= limitKm) {
    resultFound = true;
    resultTau = bestTau;
    resultDistanceKm = best;
    resultAtStart = bestAt == -1;
    resultAtEnd = bestAt == 1;
  } else if (leafTau >= 0) {
    resultFound = true;
    resultTau = leafTau;
    resultDistanceKm = limitKm;
  }
}

/**
 * Step (d) for one overlapping box pair: skips pairs with no primary and objects on one trajectory; tests the
 * relative cubic against threshold + E_i + E_j; a minimum at a slice end where the distance still falls towards an
 * existing neighbour slice is handed to that slice (which holds a smaller value); the rest become candidates.
 */
function visit(i: i32, j: i32, sliceS: f64, thresholdKm: f64, hasPrevious: bool, hasNext: bool): void {
  const ri = i * RECORD;
  const rj = j * RECORD;
  if (f64At(recordPtr, ri + IS_PRIMARY) == 0 && f64At(recordPtr, rj + IS_PRIMARY) == 0) return;
  if (f64At(recordPtr, ri + TRAJECTORY) == f64At(recordPtr, rj + TRAJECTORY)) return;
  count(3, 1);
  const a = i < j ? i : j;
  const b = i < j ? j : i;
  const ra = a * RECORD;
  const rb = b * RECORD;
  const s0 = startHalf;
  const s1 = HALF - startHalf;
  const third = sliceS / 3;
  let d0x: f64 = 0, d0y: f64 = 0, d0z: f64 = 0, w0x: f64 = 0, w0y: f64 = 0, w0z: f64 = 0;
  let d1x: f64 = 0, d1y: f64 = 0, d1z: f64 = 0, w1x: f64 = 0, w1y: f64 = 0, w1z: f64 = 0;
  for (let c = 0; c < 3; c++) {
    const d0 = f64At(recordPtr, rb + s0 + c) - f64At(recordPtr, ra + s0 + c);
    const w0 = f64At(recordPtr, rb + s0 + 4 + c) - f64At(recordPtr, ra + s0 + 4 + c);
    const d1 = f64At(recordPtr, rb + s1 + c) - f64At(recordPtr, ra + s1 + c);
    const w1 = f64At(recordPtr, rb + s1 + 4 + c) - f64At(recordPtr, ra + s1 + 4 + c);
    setF64(STACK, c, d0);
    setF64(STACK, 3 + c, d0 + w0 * third);
    setF64(STACK, 6 + c, d1 - w1 * third);
    setF64(STACK, 9 + c, d1);
    if (c == 0) { d0x = d0; w0x = w0; d1x = d1; w1x = w1; }
    else if (c == 1) { d0y = d0; w0y = w0; d1y = d1; w1y = w1; }
    else { d0z = d0; w0z = w0; d1z = d1; w1z = w1; }
  }
  const limit = thresholdKm + f64At(recordPtr, ra + ERROR_BOUND) + f64At(recordPtr, rb + ERROR_BOUND);
  const startDistance = norm3(d0x, d0y, d0z);
  const endDistance = norm3(d1x, d1y, d1z);
  relativeMinimum(limit, startDistance, endDistance);
  if (!resultFound) return;
  count(4, 1);
  if (resultAtStart && hasPrevious) {
    const rate = d0x * w0x + d0y * w0y + d0z * w0z;
    if (rate > 1e-9 * startDistance * norm3(w0x, w0y, w0z) + 1e-12) {
      count(5, 1);
      return;
    }
  }
  if (resultAtEnd && hasNext) {
    const rate = d1x * w1x + d1y * w1y + d1z * w1z;
    if (rate < -1e-9 * endDistance * norm3(w1x, w1y, w1z) - 1e-12) {
      count(5, 1);
      return;
    }
  }
  pushCandidate(a, b, resultTau);
}

/**
 * Every overlapping pair of the active boxes, each once: a box is entered in every cell it touches (x, y, z cells of
 * cellKm, radius cells of radialCellKm) and a pair is reported only in the cell holding the lower corner of the two
 * boxes' intersection, which both touch. Cells are hashed into a table by counting sort; entries of different cells
 * sharing a bucket are told apart by their packed coordinates (beyond ±32767 cells are clamped to the end cells, for
 * entering and reporting alike, so the rule stays exact).
 */
function forEachOverlap(activeCount: i32, cellKm: f64, radialCellKm: f64, sliceS: f64, thresholdKm: f64, hasPrevious: bool, hasNext: bool): void {
  const inv = 1 / cellKm;
  const invR = 1 / radialCellKm;
  // Cell ranges, two lanes at a time; the same arithmetic as cellOf (floor of value × inverse, NaN to 0, clamped).
  const scaleXY = f64x2.splat(inv);
  const scaleZR = f64x2.replace_lane(f64x2.splat(inv), 1, invR);
  const limitLow = i32x4.splat(-CELL_LIMIT);
  const limitHigh = i32x4.splat(CELL_LIMIT);
  let total: i32 = 0;
  for (let a = 0; a < activeCount; a++) {
    const box = boxPtr + (<usize>i32At(activePtr, a) << 6);
    const firstXY = i32x4.trunc_sat_f64x2_s_zero(f64x2.floor(f64x2.mul(v128.load(box), scaleXY)));
    const firstZR = i32x4.trunc_sat_f64x2_s_zero(f64x2.floor(f64x2.mul(v128.load(box, 16), scaleZR)));
    const lastXY = i32x4.trunc_sat_f64x2_s_zero(f64x2.floor(f64x2.mul(v128.load(box, 32), scaleXY)));
    const lastZR = i32x4.trunc_sat_f64x2_s_zero(f64x2.floor(f64x2.mul(v128.load(box, 48), scaleZR)));
    const first = i32x4.min_s(i32x4.max_s(v128.shuffle<i32>(firstXY, firstZR, 0, 1, 4, 5), limitLow), limitHigh);
    const last = i32x4.min_s(i32x4.max_s(v128.shuffle<i32>(lastXY, lastZR, 0, 1, 4, 5), limitLow), limitHigh);
    const o = rangesPtr + (<usize>a << 5);
    v128.store(o, first);
    v128.store(o, last, 16);
    const extent = i32x4.add(i32x4.sub(last, first), i32x4.splat(1));
    total += i32x4.extract_lane(extent, 0) * i32x4.extract_lane(extent, 1) * i32x4.extract_lane(extent, 2) * i32x4.extract_lane(extent, 3);
  }
  reserveEntries(total);
  let n: i32 = 0;
  for (let a = 0; a < activeCount; a++) {
    const b = i32At(activePtr, a);
    const o = 8 * a;
    const y0 = i32At(rangesPtr, o + 1);
    const z0 = i32At(rangesPtr, o + 2);
    const r0 = i32At(rangesPtr, o + 3);
    const x1 = i32At(rangesPtr, o + 4);
    const y1 = i32At(rangesPtr, o + 5);
    const z1 = i32At(rangesPtr, o + 6);
    const r1 = i32At(rangesPtr, o + 7);
    for (let x = i32At(rangesPtr, o); x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const xy = pack(x, y);
        const hxy = (x * 73856093) ^ (y * 19349663);
        for (let z = z0; z <= z1; z++) {
          const hxyz = hxy ^ (z * 83492791);
          for (let r = r0; r <= r1; r++) {
            setI32(entryObjectPtr, n, b);
            setI32(entryXYPtr, n, xy);
            setI32(entryZRPtr, n, pack(z, r));
            setI32(entryHashPtr, n, hxyz ^ (r * -1640531535));
            n++;
          }
        }
      }
    }
  }
  count(1, <f64>n);
  let tableSize: i32 = 1024;
  while (tableSize < n) tableSize *= 2;
  reserveTable(tableSize);
  const mask = tableSize - 1;
  const end = bucketEndPtr;
  memory.fill(end, 0, <usize>tableSize << 2);
  for (let e = 0; e < n; e++) {
    const h = i32At(entryHashPtr, e) & mask;
    setI32(end, h, i32At(end, h) + 1);
  }
  let sum: i32 = 0;
  for (let h = 0; h < tableSize; h++) {
    const c = i32At(end, h);
    setI32(end, h, sum); // start for now; the scatter moves it to the end
    sum += c;
  }
  for (let e = 0; e < n; e++) {
    const h = i32At(entryHashPtr, e) & mask;
    const slot = i32At(end, h);
    const b = i32At(entryObjectPtr, e);
    setI32(sortedObjectPtr, slot, b);
    setI32(sortedXYPtr, slot, i32At(entryXYPtr, e));
    setI32(sortedZRPtr, slot, i32At(entryZRPtr, e));
    setI32(end, h, slot + 1);
  }
  let pairTests: i32 = 0;
  let begin: i32 = 0;
  const box = boxPtr;
  for (let h = 0; h < tableSize; h++) {
    const stop = i32At(end, h);
    for (let p = begin; p < stop - 1; p++) {
      const i = i32At(sortedObjectPtr, p);
      const xy = i32At(sortedXYPtr, p);
      const zr = i32At(sortedZRPtr, p);
      const bi = boxPtr + (<usize>i << 6);
      const ilo0 = v128.load(bi);
      const ilo1 = v128.load(bi, 16);
      const ihi0 = v128.load(bi, 32);
      const ihi1 = v128.load(bi, 48);
      for (let q = p + 1; q < stop; q++) {
        // Branch-free until the rare overlap (the CPU would mispredict the ~50/50 outcomes of each axis test); an
        // object is entered once per cell, so j != i within one cell.
        const sameCell = <i32>(i32At(sortedXYPtr, q) == xy) & <i32>(i32At(sortedZRPtr, q) == zr);
        const j = i32At(sortedObjectPtr, q);
        const bj = boxPtr + (<usize>j << 6);
        const jlo0 = v128.load(bj);
        const jlo1 = v128.load(bj, 16);
        const jhi0 = v128.load(bj, 32);
        const jhi1 = v128.load(bj, 48);
        pairTests += sameCell;
        const apart = v128.or(
          v128.or(f64x2.gt(ilo0, jhi0), f64x2.gt(jlo0, ihi0)),
          v128.or(f64x2.gt(ilo1, jhi1), f64x2.gt(jlo1, ihi1)),
        );
        const overlap = sameCell & <i32>!v128.any_true(apart);
        if (overlap == 0) continue;
        const corner0 = f64x2.pmax(ilo0, jlo0);
        const corner1 = f64x2.pmax(ilo1, jlo1);
        const lx = f64x2.extract_lane(corner0, 0);
        const ly = f64x2.extract_lane(corner0, 1);
        const lz = f64x2.extract_lane(corner1, 0);
        const lr = f64x2.extract_lane(corner1, 1);
        if (pack(cellOf(lx, inv), cellOf(ly, inv)) != xy) continue;
        if (pack(cellOf(lz, inv), cellOf(lr, invR)) != zr) continue;
        if (collecting) pushCandidate(i, j, -1);
        else visit(i, j, sliceS, thresholdKm, hasPrevious, hasNext);
      }
    }
    begin = stop;
  }
  count(2, <f64>pairTests);
}

/**
 * Screens block slice q of n objects: interpolates every object at the slice ends (the start reused from the previous
 * call when `continues`), builds the swept boxes inflated by halfThreshold + E_i, enumerates overlapping pairs and
 * tests them. Returns the number of candidates, readable at the candidate addresses until the next call.
 */
export function screenSlice(
  q: i32,
  n: i32,
  sliceS: f64,
  thresholdKm: f64,
  cellKm: f64,
  radialCellKm: f64,
  continues: bool,
  hasPrevious: bool,
  hasNext: bool,
): i32 {
  candidateCount = 0;
  const inverseSliceS = 1 / sliceS;
  if (continues) {
    startHalf = HALF - startHalf;
    memory.copy(validAPtr, validBPtr, <usize>n);
  } else {
    for (let i = 0; i < n; i++) setU8(validAPtr, i, evaluate(sliceS, inverseSliceS, i, q, 0, startHalf) ? 1 : 0);
  }
  const endHalf = HALF - startHalf;
  const third = sliceS / 3;
  const halfThreshold = thresholdKm / 2;
  let activeCount: i32 = 0;
  for (let i = 0; i < n; i++) {
    const ok = u8At(validAPtr, i) == 1 && evaluate(sliceS, inverseSliceS, i, q, 1, endHalf);
    setU8(validBPtr, i, ok ? 1 : 0);
    if (!ok) continue;
    sweptBox(i, third, halfThreshold + f64At(recordPtr, i * RECORD + ERROR_BOUND));
    setI32(activePtr, activeCount++, i);
  }
  count(0, <f64>activeCount);
  forEachOverlap(activeCount, cellKm, radialCellKm, sliceS, thresholdKm, hasPrevious, hasNext);
  return candidateCount;
}

/** For tests: every overlapping pair of the boxes (boxAddress) listed in active (reserveObjects first), as candidates (tau −1). */
export function collectOverlaps(activeCount: i32, cellKm: f64, radialCellKm: f64): i32 {
  candidateCount = 0;
  collecting = true;
  forEachOverlap(activeCount, cellKm, radialCellKm, 0, 0, false, false);
  collecting = false;
  return candidateCount;
}

/**
 * For tests: the branch and bound on the relative cubic whose control points the host wrote at STACK[0..12); returns
 * the slice fraction of the smallest distance seen, or −1 when the curve provably stays beyond limitKm.
 */
export function testRelativeMinimum(limitKm: f64): f64 {
  const startDistance = norm3(f64At(STACK, 0), f64At(STACK, 1), f64At(STACK, 2));
  const endDistance = norm3(f64At(STACK, 9), f64At(STACK, 10), f64At(STACK, 11));
  relativeMinimum(limitKm, startDistance, endDistance);
  return resultFound ? resultTau : -1;
}

/** The smallest distance seen by the last relative minimum (the limit when only a bound was reached), km. */
export function lastMinimumDistanceKm(): f64 {
  return resultDistanceKm;
}
