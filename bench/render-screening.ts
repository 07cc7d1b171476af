import type { RanPhase } from "./render-benchmarks.ts";

/** A screening bench phase's JSON line (`bench/screening.bench.ts`): top-level figures plus nested details. */
export type ScreeningPhaseResult = Record<string, unknown> & { phase: "screening"; mode: string };

export const SCREENING_TARGET_WALL_S = 60;
export const SCREENING_TARGET_RSS_MIB = 4096;

function num(result: ScreeningPhaseResult, key: string): number | null {
  const value = result[key];
  return typeof value === "number" ? value : null;
}

function figure(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toPrecision(4);
  if (typeof value === "string") return value.length > 80 ? `${value.slice(0, 80)}…` : value;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value)
      .filter(([, v]) => typeof v === "number")
      .map(([k, v]) => `${k} ${figure(v)}`)
      .join(", ");
  }
  return "";
}

/** The screening section of BENCHMARKS.md: each phase's figures, its command, and the targets against the naive baseline. */
export function renderScreening(phases: readonly RanPhase<ScreeningPhaseResult>[]): string {
  const lines = ["## Conjunction screening", ""];
  lines.push(
    "The 2023-10-09 full catalog (`../shared/data/gp/spacetrack_full_catalog_3le_2023-10-09.txt`), all against all, 5 km, from 2023-10-09T00:00Z. Each phase runs alone in its own child process; figures are those it printed.",
    "",
  );
  for (const { result, command, loadBefore, loadAfter } of phases) {
    lines.push(`### ${result.mode}`, "", `Command: \`${command}\` (load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)})`, "", "| figure | value |", "|---|---|");
    for (const [key, value] of Object.entries(result)) {
      if (key === "phase" || key === "mode" || key === "guarantee" || key === "algorithm" || key === "settings") continue;
      const text = figure(value);
      if (text !== "") lines.push(`| ${key} | ${text.replaceAll("|", "/")} |`);
    }
    lines.push("");
  }
  const engine = phases.find((p) => p.result.mode === "engine")?.result;
  const naive = phases.find((p) => p.result.mode === "naive")?.result;
  if (engine !== undefined) {
    const wallS = num(engine, "wallS");
    const rss = num(engine, "peakRssMiB");
    lines.push(
      `- Target, 7-day whole-catalog screen under ${SCREENING_TARGET_WALL_S} s on this machine: **${wallS !== null && wallS < SCREENING_TARGET_WALL_S ? "PASS" : "FAIL"}** (${wallS?.toFixed(1) ?? "?"} s).`,
      `- Target, peak memory under 4 GB: **${rss !== null && rss < SCREENING_TARGET_RSS_MIB ? "PASS" : "FAIL"}** (${rss?.toFixed(0) ?? "?"} MiB).`,
    );
    const naiveS = naive === undefined ? null : num(naive, "scaledWallS");
    if (naiveS !== null && wallS !== null) {
      lines.push(`- Against the naive baseline (SGP4 every 60 s, apogee–perigee filter only, measured on a subset and scaled, same run): ${naiveS.toFixed(0)} s → ${wallS.toFixed(1)} s, ${(naiveS / wallS).toFixed(1)}× faster.`);
    }
    if (typeof engine["guarantee"] === "string") lines.push("", `Guarantee (stored with every run): ${engine["guarantee"]}`);
  }
  return lines.join("\n");
}
