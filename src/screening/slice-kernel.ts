import { readFileSync } from "node:fs";
import { ConcordError } from "../core/concord-error.ts";

/** The WebAssembly slice kernel failed (a bug, never bad input): it aborted or could not be loaded. */
export class SliceKernelError extends ConcordError {
  readonly code = "SLICE_KERNEL";
  constructor(message: string) {
    super(message);
    this.name = "SliceKernelError";
  }
}

/** The part of the WebAssembly JS API used here (the project's lib settings carry no DOM types, where it is declared). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: unknown };
}
const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** Exports of assembly/screening/slice-kernel.ts (addresses are byte offsets into `memory`). */
interface KernelExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  reserveObjects(n: number): void;
  reserveNodes(total: number): void;
  stepSlicesAddress(): number;
  nodeOffsetAddress(): number;
  validNodesAddress(): number;
  errorBoundAddress(): number;
  isPrimaryAddress(): number;
  trajectoryIdAddress(): number;
  positionAddress(): number;
  derivativeAddress(): number;
  candidateAAddress(): number;
  candidateBAddress(): number;
  candidateTauAddress(): number;
  countersAddress(): number;
  boxAddress(): number;
  activeAddress(): number;
  stackAddress(): number;
  resetCounters(): void;
  objectsStaged(n: number): void;
  blockStaged(n: number, total: number): void;
  screenSlice(q: number, n: number, sliceS: number, thresholdKm: number, cellKm: number, radialCellKm: number, continues: number, hasPrevious: number, hasNext: number): number;
  collectOverlaps(activeCount: number, cellKm: number, radialCellKm: number): number;
  testRelativeMinimum(limitKm: number): number;
  lastMinimumDistanceKm(): number;
}

/** Compiled from assembly/screening/slice-kernel.ts by `npm run build:kernel`; a test checks it matches its source. */
export const SLICE_KERNEL_WASM = new URL("./kernel/slice-kernel.wasm", import.meta.url);

let compiled: object | null = null;

/** What one object needs in the kernel for a block. */
export interface SliceKernelBlock {
  readonly count: number;
  readonly stepSlices: Int32Array;
  readonly nodeOffset: Int32Array;
  readonly validNodes: Int32Array;
  readonly errorBoundKm: Float64Array;
  readonly positionKm: Float64Array;
  readonly derivativeKmS: Float64Array;
}

/** Work counters the kernel keeps (see ScreeningCounters for their meaning). */
export interface SliceKernelCounters {
  readonly boxes: number;
  readonly gridEntries: number;
  readonly boxPairTests: number;
  readonly overlappingPairs: number;
  readonly interpolantCandidates: number;
  readonly handedToNeighbour: number;
}

/**
 * One instance of the WebAssembly slice kernel (one per thread): steps (b)–(d) of the screening guarantee for one
 * grid slice at a time. The host loads a block's nodes, then calls screenSlice for each slice and reads the candidates.
 */
export class SliceKernel {
  private readonly kernel: KernelExports;

  constructor() {
    compiled ??= new webAssembly.Module(readFileSync(SLICE_KERNEL_WASM));
    const instance = new webAssembly.Instance(compiled, {
      env: {
        abort: (_message: number, _file: number, line: number, column: number) => {
          throw new SliceKernelError(`the screening slice kernel aborted at line ${line}:${column}`);
        },
      },
    });
    this.kernel = instance.exports as unknown as KernelExports;
  }

  private f64(address: number, length: number): Float64Array {
    return new Float64Array(this.kernel.memory.buffer, address, length);
  }

  private i32(address: number, length: number): Int32Array {
    return new Int32Array(this.kernel.memory.buffer, address, length);
  }

  /** Sets the run's per-object constants: whether each object is a primary, and its trajectory id. */
  setObjects(isPrimary: Uint8Array, trajectoryId: Int32Array): void {
    const k = this.kernel;
    k.reserveObjects(isPrimary.length);
    new Uint8Array(k.memory.buffer, k.isPrimaryAddress(), isPrimary.length).set(isPrimary);
    this.i32(k.trajectoryIdAddress(), trajectoryId.length).set(trajectoryId);
    k.objectsStaged(isPrimary.length);
  }

  /** Loads one block's nodes and interpolation bounds. */
  loadBlock(block: SliceKernelBlock): void {
    const k = this.kernel;
    const n = block.count;
    k.reserveObjects(n);
    k.reserveNodes(block.positionKm.length / 3);
    this.i32(k.stepSlicesAddress(), n).set(block.stepSlices);
    this.i32(k.nodeOffsetAddress(), n).set(block.nodeOffset);
    this.i32(k.validNodesAddress(), n).set(block.validNodes);
    this.f64(k.errorBoundAddress(), n).set(block.errorBoundKm);
    this.f64(k.positionAddress(), block.positionKm.length).set(block.positionKm);
    this.f64(k.derivativeAddress(), block.derivativeKmS.length).set(block.derivativeKmS);
    k.blockStaged(n, block.positionKm.length / 3);
  }

  /**
   * Screens block slice q (see the kernel's screenSlice) and calls `candidate(a, b, tau)` for each refinement candidate
   * (a < b, tau the slice fraction of the interpolated minimum).
   */
  screenSlice(
    q: number,
    n: number,
    settings: { readonly sliceS: number; readonly cellKm: number; readonly radialCellKm: number },
    thresholdKm: number,
    flags: { readonly continues: boolean; readonly hasPrevious: boolean; readonly hasNext: boolean },
    candidate: (a: number, b: number, tau: number) => void,
  ): void {
    const k = this.kernel;
    const found = k.screenSlice(q, n, settings.sliceS, thresholdKm, settings.cellKm, settings.radialCellKm, flags.continues ? 1 : 0, flags.hasPrevious ? 1 : 0, flags.hasNext ? 1 : 0);
    if (found === 0) return;
    const a = this.i32(k.candidateAAddress(), found);
    const b = this.i32(k.candidateBAddress(), found);
    const tau = this.f64(k.candidateTauAddress(), found);
    for (let c = 0; c < found; c++) candidate(a[c]!, b[c]!, tau[c]!);
  }

  /** The counters since the last call, then zeroes them. */
  takeCounters(): SliceKernelCounters {
    const k = this.kernel;
    const c = this.f64(k.countersAddress(), 6);
    const counters = { boxes: c[0]!, gridEntries: c[1]!, boxPairTests: c[2]!, overlappingPairs: c[3]!, interpolantCandidates: c[4]!, handedToNeighbour: c[5]! };
    k.resetCounters();
    return counters;
  }

  /**
   * For tests: every overlapping pair (i < j, as "i-j") of n four-dimensional boxes (box b spans [lo[4b+k], hi[4b+k]];
   * x, y, z in cells of cellKm, radius in cells of radialCellKm), through the kernel's hash grid.
   */
  overlappingPairs(lo: Float64Array, hi: Float64Array, n: number, cellKm: number, radialCellKm: number): string[] {
    const k = this.kernel;
    k.reserveObjects(n);
    const boxes = this.f64(k.boxAddress(), 8 * n);
    for (let b = 0; b < n; b++) {
      for (let axis = 0; axis < 4; axis++) {
        boxes[8 * b + axis] = lo[4 * b + axis]!;
        boxes[8 * b + 4 + axis] = hi[4 * b + axis]!;
      }
    }
    this.i32(k.activeAddress(), n).set(Int32Array.from({ length: n }, (_, i) => i));
    const found = k.collectOverlaps(n, cellKm, radialCellKm);
    const a = this.i32(k.candidateAAddress(), found);
    const b = this.i32(k.candidateBAddress(), found);
    return Array.from({ length: found }, (_, c) => (a[c]! < b[c]! ? `${a[c]}-${b[c]}` : `${b[c]}-${a[c]}`));
  }

  /**
   * For tests: the kernel's branch and bound on a relative cubic (start d0, derivative w0; end d1, derivative w1, per
   * second; slice sliceS): the slice fraction and distance of the smallest distance seen, or null when the curve
   * provably stays beyond limitKm.
   */
  relativeMinimum(d0: ArrayLike<number>, w0: ArrayLike<number>, d1: ArrayLike<number>, w1: ArrayLike<number>, sliceS: number, limitKm: number): { tau: number; distanceKm: number } | null {
    const k = this.kernel;
    const stack = this.f64(k.stackAddress(), 12);
    const third = sliceS / 3;
    for (let c = 0; c < 3; c++) {
      stack[c] = d0[c]!;
      stack[3 + c] = d0[c]! + w0[c]! * third;
      stack[6 + c] = d1[c]! - w1[c]! * third;
      stack[9 + c] = d1[c]!;
    }
    const tau = k.testRelativeMinimum(limitKm);
    return tau < 0 ? null : { tau, distanceKm: k.lastMinimumDistanceKm() };
  }
}
