import { describeRejection } from "../core/rejection.ts";
import type { MassEstimateIngestReport } from "../environment/mass-estimate-ingest.service.ts";
import type { CliIo } from "./cli-io.ts";
import { formatTable, writeLine } from "./cli-io.ts";

const MAX_REJECTIONS_SHOWN = 20;

/** The terminal table of `concord ingest` for CARA HBR and mass estimates: provenance, masses by source, rejected rows. */
export function printMassEstimateReports(io: CliIo, reports: readonly MassEstimateIngestReport[]): void {
  writeLine(
    io,
    formatTable(
      ["ingest", "source", "format", "accepted", "rejected", "with mass", "as of", "sha256"],
      reports.map((r) => [
        `#${r.ingestId}`,
        r.source,
        r.format,
        r.accepted,
        r.rejected,
        Object.values(r.summary.withMass).reduce((s, n) => s + n, 0),
        `${r.dataAsOf}${r.dataAsOfBasis === "flag" ? " (--as-of)" : ""}`,
        r.sha256.slice(0, 12),
      ]),
    ),
  );
  for (const r of reports) {
    const list = (counts: Readonly<Record<string, number>>) =>
      Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .map(([source, n]) => `${source} ${n}`)
        .join(", ");
    writeLine(io, `#${r.ingestId}: mass given by ${list(r.summary.withMass) || "no source"}; no mass: ${list(r.summary.withoutMass) || "none"}.`);
  }
  const rejections = reports.flatMap((r) => r.rejections);
  if (rejections.length > 0) {
    writeLine(io);
    writeLine(io, `${rejections.length} mass-estimate row(s) rejected (kept in the rejects table; see \`concord sources\`):`);
    for (const r of rejections.slice(0, MAX_REJECTIONS_SHOWN)) writeLine(io, `  ${describeRejection(r)}`);
    if (rejections.length > MAX_REJECTIONS_SHOWN) writeLine(io, `  … and ${rejections.length - MAX_REJECTIONS_SHOWN} more`);
  }
}
