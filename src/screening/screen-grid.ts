/** Cell coordinates are packed two per 32-bit integer, 16 bits each; coordinates beyond ±32767 share the end cell. */
const CELL_LIMIT = 32767;

function clampCell(c: number): number {
  return c > CELL_LIMIT ? CELL_LIMIT : c < -CELL_LIMIT ? -CELL_LIMIT : c;
}

function pack(a: number, b: number): number {
  return (a & 0xffff) | (b << 16);
}

/**
 * A hash of four-dimensional boxes (x, y, z and radius) that finds every pair of overlapping boxes exactly once, for
 * any cell sizes: each box is entered in every cell it touches, and a pair is reported only in the cell that holds
 * the lower corner of the two boxes' intersection (max of the lower corners), which both boxes touch. Cells are
 * hashed into a table (counting sort by hash); entries of different cells sharing a bucket are told apart by their
 * packed cell coordinates. Coordinates beyond the 16-bit range are clamped into the end cells, for entering and
 * for reporting alike, so the rule stays exact. Buffers are kept between calls; nothing is allocated per box.
 */
export class BoxHashGrid {
  private entryObject = new Int32Array(1 << 16);
  private entryXY = new Int32Array(1 << 16);
  private entryZR = new Int32Array(1 << 16);
  private entryHash = new Int32Array(1 << 16);
  private sortedObject = new Int32Array(1 << 16);
  private sortedXY = new Int32Array(1 << 16);
  private sortedZR = new Int32Array(1 << 16);
  /** Each sorted entry's box, lo x y z r then hi x y z r, so the pair loop reads memory in order. */
  private sortedBox = new Float64Array(8 << 16);
  private bucketEnd = new Int32Array(1 << 16);
  private ranges = new Int32Array(8 << 14);
  /** Box pairs that shared a cell and were tested for overlap (a cost figure). */
  pairTests = 0;
  entries = 0;

  /**
   * Calls `visitor.visit(i, j)` once for every pair of overlapping boxes among `active` (in no particular order). Box b
   * spans [lo[4b+k], hi[4b+k]] on axis k (x, y, z: cells of cellKm; radius: cells of radialCellKm).
   */
  forEachOverlap(
    active: Int32Array,
    activeCount: number,
    lo: Float64Array,
    hi: Float64Array,
    cellKm: number,
    radialCellKm: number,
    visitor: { visit(i: number, j: number): void },
  ): void {
    const inv = 1 / cellKm;
    const invR = 1 / radialCellKm;
    if (this.ranges.length < 8 * activeCount) this.ranges = new Int32Array(8 * activeCount);
    const ranges = this.ranges;
    let total = 0;
    for (let a = 0; a < activeCount; a++) {
      const b = active[a]!;
      const x0 = clampCell(Math.floor(lo[4 * b]! * inv));
      const x1 = clampCell(Math.floor(hi[4 * b]! * inv));
      const y0 = clampCell(Math.floor(lo[4 * b + 1]! * inv));
      const y1 = clampCell(Math.floor(hi[4 * b + 1]! * inv));
      const z0 = clampCell(Math.floor(lo[4 * b + 2]! * inv));
      const z1 = clampCell(Math.floor(hi[4 * b + 2]! * inv));
      const r0 = clampCell(Math.floor(lo[4 * b + 3]! * invR));
      const r1 = clampCell(Math.floor(hi[4 * b + 3]! * invR));
      ranges[8 * a] = x0;
      ranges[8 * a + 1] = x1;
      ranges[8 * a + 2] = y0;
      ranges[8 * a + 3] = y1;
      ranges[8 * a + 4] = z0;
      ranges[8 * a + 5] = z1;
      ranges[8 * a + 6] = r0;
      ranges[8 * a + 7] = r1;
      total += (x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1) * (r1 - r0 + 1);
    }
    if (total > this.entryObject.length) this.grow(total);
    const entryObject = this.entryObject;
    const entryXY = this.entryXY;
    const entryZR = this.entryZR;
    const hash = this.entryHash;
    let n = 0;
    for (let a = 0; a < activeCount; a++) {
      const b = active[a]!;
      const x1 = ranges[8 * a + 1]!;
      const y0 = ranges[8 * a + 2]!;
      const y1 = ranges[8 * a + 3]!;
      const z0 = ranges[8 * a + 4]!;
      const z1 = ranges[8 * a + 5]!;
      const r0 = ranges[8 * a + 6]!;
      const r1 = ranges[8 * a + 7]!;
      for (let x = ranges[8 * a]!; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const xy = pack(x, y);
          const hxy = Math.imul(x, 73856093) ^ Math.imul(y, 19349663);
          for (let z = z0; z <= z1; z++) {
            const hxyz = hxy ^ Math.imul(z, 83492791);
            for (let r = r0; r <= r1; r++) {
              entryObject[n] = b;
              entryXY[n] = xy;
              entryZR[n] = pack(z, r);
              hash[n] = hxyz ^ Math.imul(r, -1640531535);
              n++;
            }
          }
        }
      }
    }
    this.entries += n;
    let tableSize = 1024;
    while (tableSize < n) tableSize *= 2;
    if (this.bucketEnd.length < tableSize) this.bucketEnd = new Int32Array(tableSize);
    const mask = tableSize - 1;
    const end = this.bucketEnd;
    end.fill(0, 0, tableSize);
    for (let e = 0; e < n; e++) {
      const h = hash[e]! & mask;
      end[h] = end[h]! + 1;
    }
    let sum = 0;
    for (let h = 0; h < tableSize; h++) {
      const count = end[h]!;
      end[h] = sum; // start for now; the scatter moves it to the end
      sum += count;
    }
    const sObject = this.sortedObject;
    const sXY = this.sortedXY;
    const sZR = this.sortedZR;
    const box = this.sortedBox;
    for (let e = 0; e < n; e++) {
      const h = hash[e]! & mask;
      const slot = end[h]!;
      const b = entryObject[e]!;
      sObject[slot] = b;
      sXY[slot] = entryXY[e]!;
      sZR[slot] = entryZR[e]!;
      box[8 * slot] = lo[4 * b]!;
      box[8 * slot + 1] = lo[4 * b + 1]!;
      box[8 * slot + 2] = lo[4 * b + 2]!;
      box[8 * slot + 3] = lo[4 * b + 3]!;
      box[8 * slot + 4] = hi[4 * b]!;
      box[8 * slot + 5] = hi[4 * b + 1]!;
      box[8 * slot + 6] = hi[4 * b + 2]!;
      box[8 * slot + 7] = hi[4 * b + 3]!;
      end[h] = slot + 1;
    }
    let pairTests = 0;
    let begin = 0;
    for (let h = 0; h < tableSize; h++) {
      const stop = end[h]!;
      for (let p = begin; p < stop - 1; p++) {
        const i = sObject[p]!;
        const xy = sXY[p]!;
        const zr = sZR[p]!;
        const ilx = box[8 * p]!;
        const ily = box[8 * p + 1]!;
        const ilz = box[8 * p + 2]!;
        const ilr = box[8 * p + 3]!;
        const ihx = box[8 * p + 4]!;
        const ihy = box[8 * p + 5]!;
        const ihz = box[8 * p + 6]!;
        const ihr = box[8 * p + 7]!;
        for (let q = p + 1; q < stop; q++) {
          if (sXY[q] !== xy || sZR[q] !== zr) continue;
          const j = sObject[q]!;
          if (i === j) continue;
          pairTests++;
          const lr = Math.max(ilr, box[8 * q + 3]!);
          if (lr > Math.min(ihr, box[8 * q + 7]!)) continue;
          const lx = Math.max(ilx, box[8 * q]!);
          if (lx > Math.min(ihx, box[8 * q + 4]!)) continue;
          const ly = Math.max(ily, box[8 * q + 1]!);
          if (ly > Math.min(ihy, box[8 * q + 5]!)) continue;
          const lz = Math.max(ilz, box[8 * q + 2]!);
          if (lz > Math.min(ihz, box[8 * q + 6]!)) continue;
          if (pack(clampCell(Math.floor(lx * inv)), clampCell(Math.floor(ly * inv))) !== xy) continue;
          if (pack(clampCell(Math.floor(lz * inv)), clampCell(Math.floor(lr * invR))) !== zr) continue;
          visitor.visit(i, j);
        }
      }
      begin = stop;
    }
    this.pairTests += pairTests;
  }

  private grow(needed: number): void {
    let size = this.entryObject.length;
    while (size < needed) size *= 2;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.entryObject = copy(this.entryObject);
    this.entryXY = copy(this.entryXY);
    this.entryZR = copy(this.entryZR);
    this.entryHash = copy(this.entryHash);
    this.sortedObject = new Int32Array(size);
    this.sortedXY = new Int32Array(size);
    this.sortedZR = new Int32Array(size);
    this.sortedBox = new Float64Array(8 * size);
  }
}
