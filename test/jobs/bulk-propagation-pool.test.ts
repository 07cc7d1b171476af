import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BulkPropagationError, propagateCatalog } from "../../src/jobs/bulk-propagation-pool.ts";
import type { PropagationEngine } from "../../src/jobs/bulk-propagation-pool.ts";
import { bulkPropagateJs, createBulkStates } from "../../src/orbit/bulk-propagate.ts";
import type { BulkStates } from "../../src/orbit/bulk-propagate.ts";
import { toSatrec } from "../../src/orbit/satrec.ts";
import { parseTle } from "../../src/orbit/tle-parse.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { maxDifference, sameNaNs } from "../support/compare-states.ts";

const catalogPath = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
const SATELLITES = 300;
const CHUNK_SATELLITES = 37; // uneven on purpose: the last chunk holds 4 satellites
const START_MS = Date.UTC(2023, 9, 9);
const TIMES_MS = Float64Array.from({ length: 1440 }, (_, i) => START_MS + i * 60_000);
const POSITION_LIMIT_KM = 1e-6;
const VELOCITY_LIMIT_KM_S = 1e-9;

interface PoolRun {
  readonly states: BulkStates;
  readonly chunks: { firstSatellite: number; satelliteCount: number }[];
  readonly timesPerChunk: Set<number>;
  readonly progress: [number, number][];
  readonly failedStates: number;
}

describe.skipIf(!catalogPath)("propagateCatalog: a worker pool over real catalog objects × 1,440 one-minute steps", () => {
  const records = catalogPath ? parseTle(readFileSync(catalogPath, "utf8"), "catalog").records : [];
  // Every 87th object: a spread of LEO, deep space and decaying debris (failures included).
  const elements = records.filter((_, i) => i % 87 === 0).slice(0, SATELLITES);
  const reference = bulkPropagateJs(elements.map(toSatrec), TIMES_MS);
  const referenceFailures = reference.errorCode.reduce((n, code) => n + (code === 0 ? 0 : 1), 0);

  async function runPool(engine: PropagationEngine): Promise<PoolRun> {
    const states = createBulkStates(elements.length, TIMES_MS.length);
    const chunks: PoolRun["chunks"] = [];
    const timesPerChunk = new Set<number>();
    const progress: [number, number][] = [];
    const { failedStates } = await propagateCatalog(elements, TIMES_MS, {
      threads: 2,
      engine,
      chunkSatellites: CHUNK_SATELLITES,
      onChunk: (firstSatellite, chunk) => {
        chunks.push({ firstSatellite, satelliteCount: chunk.satelliteCount });
        timesPerChunk.add(chunk.timeCount);
        const start = firstSatellite * TIMES_MS.length;
        states.positionKm.set(chunk.positionKm, start * 3);
        states.velocityKmS.set(chunk.velocityKmS, start * 3);
        states.errorCode.set(chunk.errorCode, start);
      },
      onProgress: (done, total) => progress.push([done, total]),
    });
    return { states, chunks, timesPerChunk, progress, failedStates };
  }

  it("the test set includes failed propagations, so that failures are compared too", () => {
    expect(elements).toHaveLength(SATELLITES);
    expect(referenceFailures).toBeGreaterThan(0);
  });

  it("with 2 WASM workers equals satellite.js's plain-JS propagate loop to < 1e-6 km and fails the same states", async () => {
    const pool = await runPool("wasm");
    const dr = maxDifference(reference.positionKm, pool.states.positionKm);
    const dv = maxDifference(reference.velocityKmS, pool.states.velocityKmS);
    console.log(
      `pool (2 WASM workers) vs plain JS, ${SATELLITES} × ${TIMES_MS.length}: max |Δr| ${dr} km (limit ${POSITION_LIMIT_KM}), ` +
        `max |Δv| ${dv} km/s (limit ${VELOCITY_LIMIT_KM_S}), ${pool.failedStates} failed states (JS: ${referenceFailures})`,
    );
    expect(dr).toBeLessThan(POSITION_LIMIT_KM);
    expect(dv).toBeLessThan(VELOCITY_LIMIT_KM_S);
    expect(pool.failedStates).toBe(referenceFailures);
    expect(Buffer.from(pool.states.errorCode).equals(Buffer.from(reference.errorCode))).toBe(true);
    expect(sameNaNs(reference.data, pool.states.data)).toBe(true);
  });

  it("with 2 plain-JS workers reproduces the in-process plain-JS loop bit for bit", async () => {
    const pool = await runPool("js");
    expect(maxDifference(reference.positionKm, pool.states.positionKm)).toBe(0);
    expect(maxDifference(reference.velocityKmS, pool.states.velocityKmS)).toBe(0);
    expect(pool.failedStates).toBe(referenceFailures);
    expect(sameNaNs(reference.data, pool.states.data)).toBe(true);
  });

  it("delivers chunks that cover every satellite exactly once, each with all times, and reports progress up to the total", async () => {
    const pool = await runPool("wasm");
    const seen = new Uint8Array(SATELLITES);
    for (const { firstSatellite, satelliteCount } of pool.chunks) {
      expect(firstSatellite % CHUNK_SATELLITES).toBe(0);
      for (let s = firstSatellite; s < firstSatellite + satelliteCount; s++) seen[s] = (seen[s] ?? 0) + 1;
    }
    expect(pool.chunks).toHaveLength(Math.ceil(SATELLITES / CHUNK_SATELLITES));
    expect(seen.every((count) => count === 1)).toBe(true);
    expect([...pool.timesPerChunk]).toEqual([TIMES_MS.length]);
    expect(pool.progress.map(([done]) => done)).toEqual([...pool.progress.map(([done]) => done)].sort((a, b) => a - b));
    expect(pool.progress.at(-1)).toEqual([SATELLITES, SATELLITES]);
  });

  it("rejects with a BulkPropagationError when onChunk throws", async () => {
    const run = propagateCatalog(elements.slice(0, 20), TIMES_MS.subarray(0, 10), {
      threads: 2,
      chunkSatellites: 5,
      onChunk: () => {
        throw new RangeError("consumer full");
      },
    });
    await expect(run).rejects.toBeInstanceOf(BulkPropagationError);
    await expect(run).rejects.toThrow(/consumer full/);
  });

  it("terminates its workers: a process that ran the pool, once successfully and once failing, exits on its own", () => {
    const catalogHead = readFileSync(catalogPath ?? "", "utf8").split("\n").slice(0, 30).join("\n"); // 10 objects
    const poolUrl = new URL("../../src/jobs/bulk-propagation-pool.ts", import.meta.url).href;
    const script = `
      import { propagateCatalog } from ${JSON.stringify(poolUrl)};
      import { parseTle } from ${JSON.stringify(new URL("../../src/orbit/tle-parse.ts", import.meta.url).href)};
      const text = ${JSON.stringify(catalogHead)};
      const elements = parseTle(text, "head").records;
      const times = Float64Array.from({ length: 60 }, (_, i) => ${START_MS} + i * 60000);
      let chunks = 0;
      const ok = await propagateCatalog(elements, times, { threads: 2, chunkSatellites: 3, onChunk: () => { chunks++; } });
      const failed = await propagateCatalog(elements, times, { threads: 2, chunkSatellites: 3, onChunk: () => { throw new Error("stop"); } })
        .then(() => "resolved", (error) => error.code);
      console.log(JSON.stringify({ elements: elements.length, chunks, failedStates: ok.failedStates, failed }));
    `;
    const started = performance.now();
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 30_000,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`child process ran the pool twice and exited on its own in ${seconds.toFixed(1)} s: ${child.stdout.trim()}`);
    expect(child.error).toBeUndefined(); // a hanging process would be killed by the timeout: ETIMEDOUT
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ elements: 10, chunks: 4, failedStates: 0, failed: "BULK_PROPAGATION" });
  });
});
