import type { IngestPhaseResult, PropagationPhaseResult } from "./phase-result.ts";

/** A phase as run by bench/run.ts: its result, the command that reproduces it, and the 1-minute load average around it. */
export interface RanPhase<R> {
  readonly result: R;
  readonly command: string;
  readonly loadBefore: number;
  readonly loadAfter: number;
}

export interface BenchReport {
  readonly date: string;
  readonly command: string;
  readonly machine: { cpu: string; cores: number; memoryGiB: number; node: string; os: string; loadAverage: number };
  readonly totalSeconds: number;
  readonly ingest: readonly RanPhase<IngestPhaseResult>[];
  readonly postgresSkipped: string | null;
  readonly propagation: readonly RanPhase<PropagationPhaseResult>[];
}

export const INGEST_TARGET_MS = 3_000;
export const PROPAGATION_TARGET_RATIO = 4;

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mib = (kb: number) => (kb / 1024).toFixed(0);
const verdict = (pass: boolean) => (pass ? "**PASS**" : "**FAIL**");
const load = (p: RanPhase<unknown>) => `${p.loadBefore.toFixed(2)} → ${p.loadAfter.toFixed(2)}`;

function ingestSection(report: BenchReport): string[] {
  const lines = ["## Ingest", ""];
  const bulk = report.ingest.find((p) => p.result.writer === "bulk" && p.result.store === "sqlite");
  const naive = report.ingest.find((p) => p.result.writer === "naive");
  const files = bulk?.result.files ?? [];
  lines.push(
    "The three real files read (gunzip, SHA-256), parsed and written by `ingestPayloads` in one transaction into a fresh store " +
      "(the curated actor table synced first, untimed). Rows/s = records in the files (accepted + rejected) / wall time.",
    "",
    "| File | Format | Records | Accepted | Rejected |",
    "|---|---|---:|---:|---:|",
    ...files.map((f) => `| \`${f.source}\` | ${f.format} | ${int(f.records)} | ${int(f.accepted)} | ${int(f.rejected)} |`),
    "",
    "| Store | Writer | Records | Read s | Parse s | Write s | Wall s | Records/s | Objects / element sets stored | Peak RSS MiB | Load avg (1 min) | Command |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
  );
  for (const p of report.ingest) {
    const r = p.result;
    const writer = r.writer === "bulk" ? "ingest service (batched)" : `naive: 1 INSERT per row${r.subsetEvery > 1 ? ` (subset 1/${r.subsetEvery}, scaled)` : ""}`;
    lines.push(
      `| ${r.storeDescription}${r.store === "sqlite" ? " (temporary file)" : " (fresh database)"} | ${writer} | ${int(r.totalRecords)} | ${seconds(r.readMs)} | ${seconds(r.parseMs)} | ` +
        `${seconds(r.writeMs)} | ${seconds(r.wallMs)} | ${int(r.recordsPerS)} | ${int(r.objectsStored)} / ${int(r.elementSetsStored)} | ` +
        `${mib(r.maxRssKb)} | ${load(p)} | \`${p.command}\` |`,
    );
  }
  if (report.postgresSkipped !== null) lines.push(`| PostgreSQL | ingest service | | | | | | | | | | ${report.postgresSkipped} |`);
  lines.push("");
  if (bulk !== undefined) {
    lines.push(
      `- Target, all three files in under ${seconds(INGEST_TARGET_MS)} s on SQLite: ${verdict(bulk.result.wallMs < INGEST_TARGET_MS)} ` +
        `(${seconds(bulk.result.wallMs)} s, ${int(bulk.result.recordsPerS)} records/s).`,
    );
  }
  if (bulk !== undefined && naive !== undefined) {
    const b = bulk.result;
    const n = naive.result;
    lines.push(
      `- Against the naive baseline (same parsed records, one Kysely \`INSERT\` per row in one transaction, SQLite, same run${n.subsetEvery > 1 ? `, measured on catalog numbers divisible by ${n.subsetEvery} and scaled by rows` : ", all rows"}): ` +
        `write phase ${(n.writeMs / b.writeMs).toFixed(1)}× faster (${seconds(n.writeMs)} s → ${seconds(b.writeMs)} s), ` +
        `end to end ${(n.wallMs / b.wallMs).toFixed(1)}× (${seconds(n.wallMs)} s → ${seconds(b.wallMs)} s).`,
    );
  }
  lines.push(
    "- Read = `readFileSource` of the three files; parse = format detection and parsing (inside `ingestPayloads`, up to its first write); " +
      "write = derivation of object rows, writes and provenance, through commit.",
    "",
  );
  return lines;
}

function propagationSection(report: BenchReport): string[] {
  const lines = ["## Bulk propagation", ""];
  const baseline = report.propagation.find((p) => p.result.mode === "js");
  const wasm = report.propagation.find((p) => p.result.mode === "wasm");
  const pool = report.propagation.find((p) => p.result.mode === "pool");
  const first = report.propagation[0]?.result;
  if (first !== undefined) {
    lines.push(
      `The full 2023-10-09 catalog (\`../shared/data/gp/spacetrack_full_catalog_3le_2023-10-09.txt\`, ${int(first.catalogObjects)} objects parsed with \`parseTle\`) ` +
        `× ${int(first.timeCount)} one-minute times from 2023-10-09T00:00Z = ${int(first.catalogObjects * first.timeCount)} propagations. ` +
        `Every engine times the same work: element sets → satrecs (\`toSatrec\`) → TEME states, in chunks of ${first.chunkSatellites} satellites ` +
        "(the full result, ~1.8 GB, is never held); the pool's time includes starting its workers. " +
        "Each phase runs alone in its own child process, one after another; peak RSS is that process's high-water mark (`process.resourceUsage().maxRSS`), worker threads included.",
      "",
      "| Engine | Threads | Objects propagated | Measured s | Whole catalog s | Propagations/s | × baseline | Failed states | Peak RSS MiB | Load avg (1 min) | Command |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    );
  }
  const names = { js: "satellite.js plain JS `propagate` loop (baseline)", wasm: "satellite.js WASM BulkPropagator, in-process", pool: "worker pool (`src/jobs`), WASM per worker" };
  for (const p of report.propagation) {
    const r = p.result;
    const subset = r.subsetEvery > 1 ? ` (every ${r.subsetEvery}th object, time scaled)` : " (all)";
    const ratio = baseline === undefined ? "" : `${(r.propagationsPerS / baseline.result.propagationsPerS).toFixed(2)}×`;
    lines.push(
      `| ${names[r.mode]} | ${r.threads} | ${int(r.objectsPropagated)}${subset} | ${seconds(r.measuredMs)} | ${seconds(r.wholeCatalogMs)} | ` +
        `${int(r.propagationsPerS)} | ${ratio} | ${int(r.failedStates)} | ${mib(r.maxRssKb)} | ${load(p)} | \`${p.command}\` |`,
    );
  }
  lines.push("");
  if (baseline !== undefined && pool !== undefined) {
    const ratio = pool.result.propagationsPerS / baseline.result.propagationsPerS;
    lines.push(`- Target, at least ${PROPAGATION_TARGET_RATIO}× the plain-JS baseline on ${pool.result.threads} threads: ${verdict(ratio >= PROPAGATION_TARGET_RATIO)} (${ratio.toFixed(2)}×).`);
  }
  if (baseline !== undefined && wasm !== undefined && pool !== undefined) {
    const single = wasm.result.propagationsPerS / baseline.result.propagationsPerS;
    const scaling = pool.result.propagationsPerS / wasm.result.propagationsPerS;
    lines.push(
      `- WASM on one thread is ${single.toFixed(2)}× the JS loop, so ${pool.result.threads} threads on ${report.machine.cores} cores could reach at most ` +
        `~${(single * Math.min(pool.result.threads, report.machine.cores)).toFixed(1)}× with perfect scaling; the pool scaled ${scaling.toFixed(2)}× over one in-process thread ` +
        "(other work shared these cores: see the load averages).",
    );
  }
  if (baseline !== undefined && baseline.command.includes("--every auto")) {
    lines.push(
      `- The baseline's \`--every auto\` first times every 50th object to size its run (whole catalog if it fits in about 60 s, else every n-th object, scaled); that probe is not counted (it does warm the JIT).`,
    );
  }
  const fullRuns = report.propagation.filter((p) => p.result.subsetEvery === 1);
  if (fullRuns.length > 1) {
    const same = fullRuns.every((p) => p.result.failedStates === fullRuns[0]?.result.failedStates);
    lines.push(`- Failed states (SGP4 errors: decayed, eccentricity out of range) ${same ? "are the same" : "DIFFER"} in every whole-catalog run.`);
  }
  lines.push("");
  return lines;
}

/** BENCHMARKS.md for one run of bench/run.ts. */
export function renderBenchmarks(report: BenchReport): string {
  const m = report.machine;
  return [
    "# Benchmarks",
    "",
    `Written by \`${report.command}\` (bench/run.ts) on ${report.date}, in ${report.totalSeconds.toFixed(0)} s; every run overwrites this file. ` +
      "Each figure's command reproduces it alone (run from the repository root, with `../shared/data` beside it).",
    "",
    "| CPU | Cores | Memory | Node.js | OS | Load average (1 min) at start |",
    "|---|---:|---:|---|---|---:|",
    `| ${m.cpu} | ${m.cores} | ${m.memoryGiB.toFixed(1)} GiB | ${m.node} | ${m.os} | ${m.loadAverage.toFixed(2)} |`,
    "",
    ...ingestSection(report),
    ...propagationSection(report),
  ].join("\n");
}
