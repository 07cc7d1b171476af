import { openConcordContext } from "../../app/concord-context.ts";
import { loadEnvironmentTrends } from "../../environment/fragmentation.service.ts";
import { TREND_GROUPINGS } from "../../environment/environment-trends.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseChoiceFlag, parseCommandArgs, parseInstantFlag } from "../global-flags.ts";

/** `concord environment [--by state|type|regime] [--at ISO] [--json]`: objects in orbit by year end, launches per year, LEO shares. */
export async function runEnvironment(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("environment", args, { by: { type: "string" }, at: { type: "string" }, json: { type: "boolean" } }, false);
  const by = parseChoiceFlag("by", values.by, TREND_GROUPINGS) ?? "state";
  const analysisMs = values.at === undefined ? Date.now() : parseInstantFlag("at", values.at);
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const result = await loadEnvironmentTrends(context.database.db, analysisMs, by);
    if (values.json) {
      writeJson(io, result);
      return EXIT.ok;
    }
    const years: number[] = [];
    for (let y = result.lastYear; y >= result.firstYear && years.length < 8; y -= 5) years.unshift(y);
    const at = (series: readonly number[], y: number) => series[y - result.firstYear] ?? 0;
    writeLine(io, `Objects in orbit at year end by ${by} (last column: the analysis date ${result.analysisDate}):`);
    writeLine(io, formatTable([by, ...years.map(String)], [...result.series.map((s) => [s.key, ...years.map((y) => at(s.inOrbit, y))]), ["all", ...years.map((y) => at(result.totals, y))]]));
    writeLine(io);
    writeLine(io, `Share of the LEO population (${result.leoTotal} objects, debris included):`);
    writeLine(io, formatTable(["state", "objects", "debris", "share"], result.leoShare.slice(0, 12).map((r) => [r.key, r.objects, r.debris, `${(r.share * 100).toFixed(1)} %`])));
    writeLine(io);
    writeLine(io, "Launches per year (last ten):");
    writeLine(io, formatTable(["year", "total", "largest"], result.launchesPerYear.slice(-10).map((r) => [r.year, r.total, Object.entries(r.byState).slice(0, 4).map(([k, n]) => `${k} ${n}`).join(", ")])));
    writeLine(io, `Source: SATCAT ${result.sources.satcat ? `ingest #${result.sources.satcat.ingestId} (${result.sources.satcat.source})` : "none"}.`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
