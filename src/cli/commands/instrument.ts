import { openConcordContext } from "../../app/concord-context.ts";
import { InvalidInputError } from "../../core/concord-error.ts";
import { loadInstrumentView } from "../../diplomacy/instrument-view.service.ts";
import type { CliIo } from "../cli-io.ts";
import { writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs } from "../global-flags.ts";
import { instrumentViewText } from "../instrument-text.ts";

/**
 * `concord instrument ID [--json]`: who is in and since when, the growth year by year, who signed only, withdrew, is
 * known to be out or unknown; for a resolution, who voted how.
 */
export async function runInstrument(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("instrument", args, { json: { type: "boolean" } }, true);
  const [id, ...rest] = positionals;
  if (id === undefined || rest.length > 0) throw new InvalidInputError("instrument", "usage: concord instrument ID [--json] (an instrument id such as artemis-accords)");
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const view = await loadInstrumentView(context.database.db, id, new Date().toISOString().slice(0, 10));
    if (values.json) writeJson(io, view);
    else writeLine(io, instrumentViewText(view));
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
