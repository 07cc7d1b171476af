import { openConcordContext } from "../../app/concord-context.ts";
import { InvalidInputError, NotFoundError } from "../../core/concord-error.ts";
import { geodeticFromTeme } from "../../orbit/geodetic.ts";
import { isPropagationFailure, propagateAt } from "../../orbit/propagate.ts";
import { toSatrec } from "../../orbit/satrec.ts";
import { selectElementSet } from "../../orbit/select-element-set.ts";
import { listElementHistory } from "../../store/element-set.repository.ts";
import { getObject } from "../../store/space-object.repository.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs, parseInstantFlag, parseIntegerFlag } from "../global-flags.ts";

const MAX_STEPS = 100_000;

/**
 * `concord propagate <catalog-number> --at ISO [--to ISO --step SECONDS] [--json]`
 * SGP4 (satellite.js) from the element set nearest before `--at` (or the first after it), TEME position and velocity
 * plus geodetic latitude, longitude and altitude; warns when the element set is older than 14 days at that time.
 */
export async function runPropagate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "propagate",
    args,
    { at: { type: "string" }, to: { type: "string" }, step: { type: "string" }, json: { type: "boolean" } },
    true,
  );
  const numberText = positionals[0];
  if (numberText === undefined || !/^\d{1,9}$/.test(numberText) || positionals.length > 1) {
    throw new InvalidInputError("catalog-number", "give one catalog number of up to 9 digits, e.g. `concord propagate 25544 --at 2026-08-18T00:00:00Z`");
  }
  if (values.at === undefined) throw new InvalidInputError("--at", "is required (an ISO 8601 time with a zone)");
  const fromMs = parseInstantFlag("at", values.at);
  const toMs = values.to === undefined ? fromMs : parseInstantFlag("to", values.to);
  if (toMs < fromMs) throw new InvalidInputError("--to", "must not be before --at");
  const stepS = parseIntegerFlag("step", values.step, 60, 1, 86_400 * 30);
  if ((toMs - fromMs) / (stepS * 1000) > MAX_STEPS) throw new InvalidInputError("--step", `gives more than ${MAX_STEPS} steps; use a larger step`);
  const catalogNumber = Number(numberText);

  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const object = await getObject(context.database.db, catalogNumber);
    const history = await listElementHistory(context.database.db, catalogNumber);
    if (history.length === 0) {
      throw new NotFoundError("element set", `no element set stored for catalog number ${catalogNumber}${object === null ? " (and no such object)" : ""}`);
    }
    const chosen = selectElementSet(history, fromMs);
    const satrec = toSatrec(chosen.elements);
    const states = [];
    for (let t = fromMs; t <= toMs; t += stepS * 1000) {
      const result = propagateAt(satrec, t);
      const time = new Date(t).toISOString();
      if (isPropagationFailure(result)) states.push({ time, error: { code: result.error, message: result.message } });
      else states.push({ time, positionKm: result.positionKm, velocityKmS: result.velocityKmS, geodetic: geodeticFromTeme(result.positionKm, t) });
    }
    const elementSet = {
      epoch: chosen.elements.epoch,
      ageDaysAtStart: chosen.ageDays,
      stale: chosen.stale,
      format: chosen.elements.format,
      ingestId: chosen.elements.ingestId,
    };
    if (values.json) {
      writeJson(io, { catalogNumber, name: object?.name ?? chosen.elements.objectName, frame: "TEME", model: "SGP4 (satellite.js, WGS-72)", elementSet, states });
      return EXIT.ok;
    }
    writeLine(io, `${catalogNumber} ${object?.name ?? chosen.elements.objectName ?? ""} — SGP4 from the element set of ${elementSet.epoch} (${chosen.ageDays.toFixed(2)} days from --at)`);
    if (chosen.stale) io.stderr.write(`warning: the element set is ${Math.abs(chosen.ageDays).toFixed(1)} days from --at; SGP4 errors grow by kilometres per day\n`);
    writeLine(
      io,
      formatTable(
        ["time (UTC)", "x km", "y km", "z km", "vx km/s", "vy km/s", "vz km/s", "lat°", "lon°", "alt km"],
        states.map((s) =>
          "error" in s
            ? [s.time, `SGP4 error ${s.error?.code}: ${s.error?.message}`, "", "", "", "", "", "", "", ""]
            : [s.time, ...s.positionKm.map((x) => x.toFixed(3)), ...s.velocityKmS.map((x) => x.toFixed(6)), s.geodetic.latitudeDeg.toFixed(3), s.geodetic.longitudeDeg.toFixed(3), s.geodetic.altitudeKm.toFixed(3)],
        ),
      ),
    );
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
