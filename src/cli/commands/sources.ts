import { openConcordContext } from "../../app/concord-context.ts";
import { listIngests } from "../../store/ingest.repository.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs } from "../global-flags.ts";

/** `concord sources [--json]`: what was ingested from where, when, and as of which epochs. */
export async function runSources(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("sources", args, { json: { type: "boolean" } }, false);
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const ingests = await listIngests(context.database.db);
    if (values.json) {
      writeJson(io, { store: context.database.describe, ingests });
      return EXIT.ok;
    }
    if (ingests.length === 0) {
      writeLine(io, `Nothing ingested yet in ${context.database.describe}. Try: concord ingest path/to/satcat.json.gz path/to/elements.txt`);
      return EXIT.ok;
    }
    writeLine(
      io,
      formatTable(
        ["ingest", "source", "kind", "format", "retrieved at", "accepted", "rejected", "epochs (min / median / max)", "as of", "sha256"],
        ingests.map((i) => [
          `#${i.id}`,
          i.source,
          i.sourceKind,
          i.format,
          i.retrievedAt,
          i.accepted,
          i.rejected,
          i.epochMin === null ? null : `${i.epochMin.slice(0, 10)} / ${i.epochMedian?.slice(0, 10) ?? "?"} / ${i.epochMax?.slice(0, 10) ?? "?"}`,
          i.dataAsOf,
          i.sha256?.slice(0, 12) ?? null,
        ]),
      ),
    );
    writeLine(io, `\nStore: ${context.database.describe}`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
