import type { RanPhase } from "./render-benchmarks.ts";

/** The web phase's JSON line (`bench/web.bench.ts`). */
export interface WebPhaseResult {
  readonly phase: "web";
  readonly loads: number;
  readonly firstLoadMs: number;
  readonly firstLoadEventMs: number;
  readonly firstPageJsGzipBytes: number;
  readonly firstPageJsRawBytes: number;
  readonly firstPageScripts: number;
  readonly connections: number;
  readonly secondsPerEndpoint: number;
  readonly api: readonly { path: string; coldMs: number; requests: number; errors: number; non2xx: number; p50Ms: number; p95Ms: number; p99Ms: number; requestsPerS: number }[];
  readonly targets: { readonly firstLoadMs: number; readonly firstPageJsGzipBytes: number; readonly apiP95Ms: number };
  readonly met: { readonly firstLoad: boolean; readonly firstPageJs: boolean; readonly apiP95: boolean };
}

const ms = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "—");
const verdict = (met: boolean) => (met ? "met" : "**not met**");

/** The web section of BENCHMARKS.md: first load, first page's JavaScript, and API latency under load, against the targets. */
export function renderWeb(phase: RanPhase<WebPhaseResult>): string {
  const r = phase.result;
  const lines = [
    "## Web app",
    "",
    `A temporary SQLite store (the 2026-01-20 SATCAT and the 2023-10-09 full catalog from \`../shared/data\`, one 6-hour screening run of 20 primaries), the real server on localhost. Command: \`${phase.command}\`; load average ${phase.loadBefore.toFixed(2)} before, ${phase.loadAfter.toFixed(2)} after.`,
    "",
    "| Measure | Value | Target | |",
    "|---|---:|---:|---|",
    `| First load of the overview, content drawn (median of ${r.loads}, headless Chromium, fresh context each) | ${ms(r.firstLoadMs)} ms | < ${ms(r.targets.firstLoadMs)} ms | ${verdict(r.met.firstLoad)} |`,
    `| … to the load event | ${ms(r.firstLoadEventMs)} ms | | |`,
    `| First page's JavaScript (${r.firstPageScripts} scripts), gzip | ${(r.firstPageJsGzipBytes / 1024).toFixed(1)} KB (${(r.firstPageJsRawBytes / 1024).toFixed(0)} KB raw) | < ${r.targets.firstPageJsGzipBytes / 1024} KB | ${verdict(r.met.firstPageJs)} |`,
    "",
    `API latency with ${r.connections} concurrent clients (autocannon, ${r.secondsPerEndpoint} s per endpoint; p95 interpolated between autocannon's p90 and p97.5) on answers the server caches per store generation (the first, uncached request is timed apart); target p95 < ${r.targets.apiP95Ms} ms: ${verdict(r.met.apiP95)}.`,
    "",
    "| Endpoint | First (uncached) ms | Requests | Req/s | p50 ms | p95 ms | p99 ms | Errors / non-2xx |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...r.api.map((a) => `| \`${a.path}\` | ${ms(a.coldMs)} | ${a.requests.toLocaleString("en-US")} | ${a.requestsPerS.toFixed(0)} | ${ms(a.p50Ms)} | ${ms(a.p95Ms)} | ${ms(a.p99Ms)} | ${a.errors} / ${a.non2xx} |`),
  ];
  return lines.join("\n");
}
