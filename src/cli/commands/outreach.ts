import { openConcordContext } from "../../app/concord-context.ts";
import { InvalidInputError } from "../../core/concord-error.ts";
import { loadOutreachRanking } from "../../diplomacy/outreach.service.ts";
import { loadOutreachConfig } from "../../diplomacy/outreach-weights.ts";
import type { CliIo } from "../cli-io.ts";
import { writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs, parseIntegerFlag } from "../global-flags.ts";
import { outreachText } from "../instrument-text.ts";

/**
 * `concord outreach INSTRUMENT [--top N] [--weights FILE] [--json]`: the states not yet committed to an instrument,
 * ranked by a transparent score, each broken down into its factors (raw value, normalised value, weight,
 * contribution). Weights from data/outreach-weights.json, or FILE.
 */
export async function runOutreach(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("outreach", args, { json: { type: "boolean" }, top: { type: "string" }, weights: { type: "string" } }, true);
  const [id, ...rest] = positionals;
  if (id === undefined || rest.length > 0) throw new InvalidInputError("outreach", "usage: concord outreach INSTRUMENT [--top N] [--weights FILE] [--json]");
  const top = parseIntegerFlag("top", values.top, 20, 1, 1000);
  const config = loadOutreachConfig(...(values.weights === undefined ? [] : [values.weights]));
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const report = await loadOutreachRanking(context.database.db, id, config, { top, referenceDay: new Date().toISOString().slice(0, 10) });
    if (values.json) writeJson(io, report);
    else writeLine(io, outreachText(report));
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
