import { openConcordContext } from "../../app/concord-context.ts";
import { InvalidInputError, NotFoundError } from "../../core/concord-error.ts";
import { formatCdmKvn } from "../../screening/cdm-kvn-format.ts";
import { formatCdmXml } from "../../screening/cdm-xml-format.ts";
import { runWarnings } from "../../screening/screening-run-summary.ts";
import { storedEventCdm } from "../../screening/stored-event-cdm.ts";
import { getConjunctionEvent, getScreeningRun } from "../../store/screening-run.repository.ts";
import type { CliIo } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseChoiceFlag, parseCommandArgs, parseIntegerFlag } from "../global-flags.ts";

/**
 * `concord cdm <event-id> --format kvn|xml`: one stored event as a CCSDS 508.0-B-1 Conjunction Data Message on stdout
 * (the run it belongs to and any stale-element warning go to stderr, so stdout is the message alone).
 */
export async function runCdm(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("cdm", args, { format: { type: "string" } }, true);
  if (positionals.length !== 1) throw new InvalidInputError("event-id", "give one event id, e.g. `concord cdm 42 --format kvn`");
  const eventId = parseIntegerFlag("event-id", positionals[0], 0, 1, 2 ** 31 - 1);
  const format = parseChoiceFlag("format", values.format ?? "kvn", ["kvn", "xml"] as const) ?? "kvn";
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const event = await getConjunctionEvent(context.database.db, eventId);
    if (event === null) throw new NotFoundError("conjunction event", `no conjunction event #${eventId}`);
    const run = await getScreeningRun(context.database.db, event.runId);
    if (run === null) throw new NotFoundError("screening run", `event #${eventId} names run #${event.runId}, which is not stored`);
    const cdm = storedEventCdm(event, run);
    io.stdout.write(format === "kvn" ? formatCdmKvn(cdm) : formatCdmXml(cdm));
    io.stderr.write(
      `event #${event.id} of screening run #${run.id} (${new Date(run.fromMs).toISOString()} to ${new Date(run.toMs).toISOString()}; ` +
        `active set as of ${run.activeSet?.asOf ?? "none"})\n`,
    );
    for (const warning of runWarnings(run)) io.stderr.write(`warning: ${warning}\n`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
