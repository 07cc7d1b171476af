import { openConcordContext } from "../../app/concord-context.ts";
import { loadFragmentations } from "../../environment/fragmentation.service.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs, parseInstantFlag } from "../global-flags.ts";

/**
 * `concord fragmentations [--at ISO] [--json]`: debris by parent event (curated events in data/fragmentation-events.csv
 * and every other launch with 100+ debris pieces): pieces catalogued, in orbit, and projected in orbit after 5, 10 and
 * 25 years; destructive ASAT tests flagged.
 */
export async function runFragmentations(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("fragmentations", args, { at: { type: "string" }, json: { type: "boolean" } }, false);
  const analysisMs = values.at === undefined ? Date.now() : parseInstantFlag("at", values.at);
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const result = await loadFragmentations(context.database.db, analysisMs);
    if (values.json) {
      writeJson(io, result);
      return EXIT.ok;
    }
    writeLine(io, `Fragmentations as of ${result.analysisDate}: ${result.debrisInOrbit} debris pieces in orbit, ${result.debrisInOrbitWithoutElements} of them without an element set (not projected).`);
    writeLine(
      io,
      formatTable(
        ["event", "date", "responsible", "ASAT test", "catalogued", "published", "in orbit", "with sets", "+5 y", "+10 y", "+25 y"],
        result.events.map((e) => [
          e.name,
          e.date,
          e.responsible.slice(0, 3).join(";"),
          e.asatTest === null ? "" : `${e.asatTest.state} (${e.asatTest.certainty})`,
          e.piecesCatalogued,
          e.publishedCatalogued,
          e.piecesInOrbit,
          e.piecesWithElements,
          e.projectedRemaining.after5Years,
          e.projectedRemaining.after10Years,
          e.projectedRemaining.after25Years,
        ]),
      ),
    );
    writeLine(io, `Projections: ${result.lifetimeModel.name}; forecast mode, calibration ${result.lifetimeModel.calibration}; space weather ${result.sources.spaceWeather?.source ?? "?"}.`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
