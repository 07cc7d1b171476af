import { openConcordContext } from "../../app/concord-context.ts";
import { conjunctionEventJson } from "../../screening/conjunction-event-json.ts";
import { runSummaryJson } from "../../screening/screening-run-summary.ts";
import { listRunEvents } from "../../store/screening-run.repository.ts";
import type { EventFilter } from "../../store/screening-run.repository.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs, parseIntegerFlag } from "../global-flags.ts";
import { EVENT_HEADER, eventRow, parseNumberFlag, resolveRun, writeRunHeader } from "../screening-cli.ts";

/** `concord conjunctions [--run ID] [--actor X] [--min-pc P] [--max-miss-km D] [--limit N] [--offset N] [--json]` (default: newest run) */
export async function runConjunctions(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "conjunctions",
    args,
    {
      run: { type: "string" },
      actor: { type: "string" },
      "min-pc": { type: "string" },
      "max-miss-km": { type: "string" },
      limit: { type: "string" },
      offset: { type: "string" },
      json: { type: "boolean" },
    },
    false,
  );
  const minPc = parseNumberFlag("min-pc", values["min-pc"], 0, 1);
  const maxMissKm = parseNumberFlag("max-miss-km", values["max-miss-km"], 0, 1e6);
  const filter: EventFilter = {
    ...(values.actor !== undefined ? { actorCode: values.actor.toUpperCase() } : {}),
    ...(minPc !== undefined ? { minPc } : {}),
    ...(maxMissKm !== undefined ? { maxMissKm } : {}),
  };
  const page = { limit: parseIntegerFlag("limit", values.limit, 50, 1, 1_000_000), offset: parseIntegerFlag("offset", values.offset, 0, 0, 1e9) };
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const run = await resolveRun(context.database.db, values.run);
    const result = await listRunEvents(context.database.db, run.id, filter, page);
    if (values.json) {
      writeJson(io, { run: runSummaryJson(run), filter, ...page, total: result.total, items: result.items.map(conjunctionEventJson) });
      return EXIT.ok;
    }
    writeRunHeader(io, run);
    writeLine(io);
    writeLine(io, formatTable(EVENT_HEADER, result.items.map(eventRow)));
    writeLine(io, `\n${result.items.length} of ${result.total.toLocaleString("en-US")} matching events, closest first (offset ${page.offset}). States are TEME; ages are days from epoch to TCA.`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
