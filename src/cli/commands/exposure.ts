import { openConcordContext } from "../../app/concord-context.ts";
import { ACTIVE_PAYLOAD_DEFINITION } from "../../catalog/active-payload.ts";
import { loadRunExposure } from "../../screening/run-exposure.service.ts";
import { runSummaryJson } from "../../screening/screening-run-summary.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs } from "../global-flags.ts";
import { resolveRun, writeRunHeader } from "../screening-cli.ts";

/**
 * `concord exposure [--run ID] [--json]`: who endangers whom in a run (default: the newest): the actor-by-actor
 * matrix of events, closest miss and summed Pc, and each actor's share of active-satellite approaches caused by
 * other actors' debris with the fragmentation events it came from.
 */
export async function runExposure(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("exposure", args, { run: { type: "string" }, json: { type: "boolean" } }, false);
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const run = await resolveRun(context.database.db, values.run);
    const matrix = await loadRunExposure(context.database.db, run);
    if (values.json) {
      writeJson(io, { run: runSummaryJson(run), activeDefinition: ACTIVE_PAYLOAD_DEFINITION, ...matrix });
      return EXIT.ok;
    }
    writeRunHeader(io, run);
    writeLine(io, `(${ACTIVE_PAYLOAD_DEFINITION})`);
    writeLine(io, "\nEvents between actors (row actor's objects approached by column actor's objects):");
    const figure = (row: string, column: string) => {
      const cell = matrix.cells.find((c) => c.rowActor === row && c.columnActor === column);
      return cell === undefined ? "" : `${cell.events} (${cell.closestMissKm.toFixed(2)} km${cell.eventsWithPc > 0 ? `, ΣPc ${cell.sumPc.toExponential(1)}` : ""})`;
    };
    writeLine(io, formatTable(["", ...matrix.actors], matrix.actors.map((row) => [row, ...matrix.actors.map((column) => figure(row, column))])));
    writeLine(io, "\nActive satellites' close approaches caused by other actors' debris:");
    writeLine(
      io,
      formatTable(
        ["actor", "approaches", "by others' debris", "share", "debris from (parent launch)"],
        matrix.debrisExposure.map((d) => [
          d.actor,
          d.activeApproaches,
          d.byOtherActorsDebris,
          `${(d.share * 100).toFixed(1)}%`,
          d.parents.map((p) => `${p.launchDesignator} ${p.name ?? "?"} [${p.actorCode ?? "?"}] ×${p.approaches}`).join("; "),
        ]),
      ),
    );
    writeLine(io, `\n${matrix.totals.events} events in all.`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
