import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { openConcordContext } from "../../app/concord-context.ts";
import { InvalidInputError, SourceFormatError } from "../../core/concord-error.ts";
import { describeRejection } from "../../core/rejection.ts";
import { importActs } from "../../diplomacy/act-import.service.ts";
import type { ActImportReport } from "../../diplomacy/act-import.service.ts";
import { isIsoDay } from "../../diplomacy/partial-date.ts";
import type { CliIo } from "../cli-io.ts";
import { writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs } from "../global-flags.ts";

/**
 * `concord acts import FILE.csv [--strict] [--at YYYY-MM-DD] [--json]`: adds or corrects diplomatic acts. Columns:
 * party, instrument, act, date, vote, source, as_of, note. Bad rows are reported with their line and reason; good rows
 * are stored in one transaction (with --strict, nothing is stored if any row is bad). A correction supersedes the stored
 * version, which is kept as history. `--at`: the day no date may lie after (default: today, UTC).
 */
export async function runActs(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("acts", args, { strict: { type: "boolean" }, json: { type: "boolean" }, at: { type: "string" } }, true);
  const [subcommand, file, ...rest] = positionals;
  if (subcommand !== "import" || file === undefined || rest.length > 0) {
    throw new InvalidInputError("acts", "usage: concord acts import FILE.csv [--strict] [--at YYYY-MM-DD] [--json]");
  }
  const referenceDay = values.at ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDay(referenceDay)) throw new InvalidInputError("--at", `must be a date YYYY-MM-DD, got ${JSON.stringify(referenceDay)}`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SourceFormatError(file, error instanceof Error ? error.message : String(error));
  }
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const report = await importActs(context.database.db, text, {
      source: basename(file),
      strict: values.strict ?? false,
      referenceDay,
      // Taken after the context's own seeding, so these versions are recorded after the ones they may supersede.
      recordedAt: new Date().toISOString(),
    });
    if (values.json) writeJson(io, { store: context.database.describe, ...report });
    else printReport(io, report);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}

const MAX_REJECTIONS_SHOWN = 50;

function printReport(io: CliIo, report: ActImportReport): void {
  writeLine(
    io,
    `${report.source}: ${report.rowsTotal} row(s), ${report.accepted} accepted (${report.inserted} new, ${report.corrected} corrected, ` +
      `${report.unchanged} unchanged), ${report.rejected} rejected`,
  );
  if (report.rejections.length > 0) {
    writeLine(io, "Rejected rows (not stored):");
    for (const r of report.rejections.slice(0, MAX_REJECTIONS_SHOWN)) writeLine(io, `  ${describeRejection(r)}`);
    if (report.rejections.length > MAX_REJECTIONS_SHOWN) writeLine(io, `  … and ${report.rejections.length - MAX_REJECTIONS_SHOWN} more`);
  }
  if (report.corrected > 0) writeLine(io, "Corrected facts keep their earlier versions as history.");
}
