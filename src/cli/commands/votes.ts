import { openConcordContext } from "../../app/concord-context.ts";
import { InvalidInputError } from "../../core/concord-error.ts";
import { loadVoteView } from "../../diplomacy/instrument-view.service.ts";
import type { CliIo } from "../cli-io.ts";
import { writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs } from "../global-flags.ts";
import { voteViewText } from "../instrument-text.ts";

/** `concord votes RESOLUTION [--json]`: the published tally beside the per-state votes stored; unstored votes are unknown. */
export async function runVotes(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("votes", args, { json: { type: "boolean" } }, true);
  const [id, ...rest] = positionals;
  if (id === undefined || rest.length > 0) throw new InvalidInputError("votes", "usage: concord votes RESOLUTION [--json] (a recorded vote such as unga-res-77-41)");
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const view = await loadVoteView(context.database.db, id);
    if (values.json) writeJson(io, view);
    else writeLine(io, `${view.instrument.shortName} (${view.instrument.id}): ${view.instrument.title}\n${voteViewText(view)}`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
