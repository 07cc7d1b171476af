import { openConcordContext } from "../../app/concord-context.ts";
import { OBJECT_TYPES } from "../../catalog/satcat-record.ts";
import { ORBIT_REGIME_CODES } from "../../catalog/orbit-regime-definitions.ts";
import { listObjects } from "../../store/space-object.repository.ts";
import type { ObjectFilter } from "../../store/space-object-filter.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseChoiceFlag, parseCommandArgs, parseIntegerFlag } from "../global-flags.ts";
import { describeAsOf, loadAsOf } from "../../catalog/data-as-of.ts";

const STATUSES = ["on-orbit", "decayed", "all"] as const;

/** `concord objects [--owner CODE] [--state ACTOR] [--type T] [--regime R] [--status S] [--search Q] [--limit N] [--offset N] [--json]` */
export async function runObjects(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "objects",
    args,
    {
      owner: { type: "string" },
      state: { type: "string" },
      type: { type: "string" },
      regime: { type: "string" },
      status: { type: "string" },
      search: { type: "string" },
      limit: { type: "string" },
      offset: { type: "string" },
      json: { type: "boolean" },
    },
    false,
  );
  const objectType = parseChoiceFlag("type", values.type?.toUpperCase(), OBJECT_TYPES);
  const orbitRegime = parseChoiceFlag("regime", values.regime?.toUpperCase(), ORBIT_REGIME_CODES);
  const status = parseChoiceFlag("status", values.status, STATUSES) ?? "all";
  const filter: ObjectFilter = {
    status,
    ...(values.owner !== undefined ? { ownerCode: values.owner.toUpperCase() } : {}),
    ...(values.state !== undefined ? { actorCode: values.state.toUpperCase() } : {}),
    ...(objectType !== undefined ? { objectType } : {}),
    ...(orbitRegime !== undefined ? { orbitRegime } : {}),
    ...(values.search !== undefined ? { search: values.search } : {}),
  };
  const page = { limit: parseIntegerFlag("limit", values.limit, 50, 1, 100_000), offset: parseIntegerFlag("offset", values.offset, 0, 0, 1e9) };
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const result = await listObjects(context.database.db, filter, page);
    const asOf = await loadAsOf(context.database.db);
    if (values.json) {
      writeJson(io, { filter, ...page, total: result.total, items: result.items, asOf });
      return EXIT.ok;
    }
    writeLine(
      io,
      formatTable(
        ["number", "designator", "name", "type", "owner", "actor", "regime", "launch", "decay"],
        result.items.map((o) => [String(o.catalogNumber), o.internationalDesignator, o.name, o.objectType, o.ownerCode, o.actorCode, o.orbitRegime, o.launchDate, o.decayDate]),
      ),
    );
    writeLine(io, `\n${result.items.length} of ${result.total.toLocaleString("en-US")} matching objects (offset ${page.offset}).`);
    writeLine(io, describeAsOf(asOf));
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
