/**
 * `npm run bench`: runs each benchmark phase alone, one after another, in its own child process (so that each
 * phase's peak memory is its own and the phases do not compete for the CPUs), then writes BENCHMARKS.md.
 * PostgreSQL ingest runs when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a fresh database, dropped after).
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type as osType } from "node:os";
import { join, resolve } from "node:path";
import type { IngestPhaseResult, PhaseResult, PropagationPhaseResult } from "./phase-result.ts";
import { renderBenchmarks } from "./render-benchmarks.ts";
import { renderScreening } from "./render-screening.ts";
import type { ScreeningPhaseResult } from "./render-screening.ts";
import type { RanPhase } from "./render-benchmarks.ts";
import type { CompliancePhaseResult } from "./compliance.bench.ts";
import type { LifetimePhaseResult } from "./lifetime.bench.ts";
import { renderLifetime } from "./render-lifetime.ts";
import { renderWeb } from "./render-web.ts";
import type { WebPhaseResult } from "./render-web.ts";

const REPO_ROOT = resolve(import.meta.dirname, "..");
const OUTPUT = join(REPO_ROOT, "BENCHMARKS.md");

class BenchPhaseError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
  ) {
    super(`benchmark phase failed (exit ${exitCode}): ${command}`);
    this.name = "BenchPhaseError";
  }
}

/** Runs `npx tsx <script> <args>` in the repository root; its last stdout line is its JSON result. */
async function runPhase<R extends PhaseResult | ScreeningPhaseResult | LifetimePhaseResult | CompliancePhaseResult | WebPhaseResult>(script: string, args: string[], commandPrefix = ""): Promise<RanPhase<R>> {
  const command = [commandPrefix, "npx tsx", script, ...args].filter((part) => part !== "").join(" ");
  process.stderr.write(`▶ ${command}\n`);
  const loadBefore = loadavg()[0] ?? 0;
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  const exitCode = await new Promise<number | null>((done) => child.on("close", done));
  const last = stdout.trim().split("\n").at(-1);
  if (exitCode !== 0 || last === undefined) throw new BenchPhaseError(command, exitCode);
  const result = JSON.parse(last) as R;
  process.stderr.write(`  ${last.length > 300 ? `${last.slice(0, 300)}…` : last}\n`);
  return { result, command, loadBefore, loadAfter: loadavg()[0] ?? 0 };
}

const started = performance.now();
const machine = {
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  cores: cpus().length,
  memoryGiB: totalmem() / 2 ** 30,
  node: process.version,
  os: `${osType()} ${release()}`,
  loadAverage: loadavg()[0] ?? 0,
};

const ingest: RanPhase<IngestPhaseResult>[] = [];
ingest.push(await runPhase<IngestPhaseResult>("bench/ingest.bench.ts", ["--store", "sqlite"]));
ingest.push(await runPhase<IngestPhaseResult>("bench/ingest.bench.ts", ["--store", "sqlite", "--writer", "naive"]));
let postgresSkipped: string | null = null;
const postgresUrl = process.env["BENCH_DATABASE_URL"] || process.env["TEST_DATABASE_URL"];
if (postgresUrl === undefined || postgresUrl === "") {
  postgresSkipped = "skipped: no PostgreSQL URL (set `BENCH_DATABASE_URL` or `TEST_DATABASE_URL`)";
} else {
  try {
    ingest.push(await runPhase<IngestPhaseResult>("bench/ingest.bench.ts", ["--store", "postgres"], "BENCH_DATABASE_URL=postgres://…"));
  } catch (error) {
    if (!(error instanceof BenchPhaseError)) throw error;
    postgresSkipped = `failed (exit ${error.exitCode}): \`${error.command}\`, see its output`;
  }
}

const propagation: RanPhase<PropagationPhaseResult>[] = [];
propagation.push(await runPhase<PropagationPhaseResult>("bench/propagation.bench.ts", ["--mode", "js", "--every", "auto", "--budget-s", "60"]));
propagation.push(await runPhase<PropagationPhaseResult>("bench/propagation.bench.ts", ["--mode", "wasm"]));
propagation.push(await runPhase<PropagationPhaseResult>("bench/propagation.bench.ts", ["--mode", "pool", "--threads", "2"]));

const screening: RanPhase<ScreeningPhaseResult>[] = [];
screening.push(await runPhase<ScreeningPhaseResult>("bench/screening.bench.ts", ["--mode", "engine", "--days", "7", "--threads", "2"]));
screening.push(await runPhase<ScreeningPhaseResult>("bench/screening.bench.ts", ["--mode", "naive"]));
screening.push(await runPhase<ScreeningPhaseResult>("bench/screening.bench.ts", ["--mode", "recall", "--primaries", "200"]));

const lifetimePhase = await runPhase<LifetimePhaseResult>("bench/lifetime.bench.ts", []);
const compliancePhase = await runPhase<CompliancePhaseResult>("bench/compliance.bench.ts", []);
const webPhase = await runPhase<WebPhaseResult>("bench/web.bench.ts", []);

const markdown = renderBenchmarks({
  date: new Date().toISOString(),
  command: "npm run bench",
  machine,
  totalSeconds: (performance.now() - started) / 1000,
  ingest,
  postgresSkipped,
  propagation,
});
writeFileSync(OUTPUT, `${markdown}\n\n${renderScreening(screening)}\n\n${renderLifetime(lifetimePhase, compliancePhase)}\n\n${renderWeb(webPhase)}\n`);
process.stderr.write(`wrote ${OUTPUT}\n`);
