import { describeRejection } from "../core/rejection.ts";
import type { SpaceWeatherIngestReport } from "../environment/space-weather-ingest.service.ts";
import type { CliIo } from "./cli-io.ts";
import { formatTable, writeLine } from "./cli-io.ts";

const MAX_REJECTIONS_SHOWN = 20;

/** The terminal table of `concord ingest` for space-weather files: provenance, coverage, rejected rows. */
export function printSpaceWeatherReports(io: CliIo, reports: readonly SpaceWeatherIngestReport[]): void {
  writeLine(
    io,
    formatTable(
      ["ingest", "source", "format", "accepted", "rejected", "observed from", "observed to", "predicted to", "sha256"],
      reports.map((r) => [
        `#${r.ingestId}`,
        r.source,
        r.format,
        r.accepted,
        r.rejected,
        r.coverage.firstObserved,
        r.coverage.lastObserved,
        r.coverage.dailyPredictedRows + r.coverage.monthlyPredictedRows > 0 ? r.coverage.lastDate : null,
        r.sha256.slice(0, 12),
      ]),
    ),
  );
  const rejections = reports.flatMap((r) => r.rejections);
  if (rejections.length > 0) {
    writeLine(io);
    writeLine(io, `${rejections.length} space-weather row(s) rejected (kept in the rejects table; see \`concord sources\`):`);
    for (const r of rejections.slice(0, MAX_REJECTIONS_SHOWN)) writeLine(io, `  ${describeRejection(r)}`);
    if (rejections.length > MAX_REJECTIONS_SHOWN) writeLine(io, `  … and ${rejections.length - MAX_REJECTIONS_SHOWN} more`);
  }
}
