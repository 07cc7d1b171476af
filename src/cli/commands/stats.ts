import { openConcordContext } from "../../app/concord-context.ts";
import { InvalidInputError } from "../../core/concord-error.ts";
import { countObjects } from "../../store/space-object.repository.ts";
import type { ObjectGrouping } from "../../store/space-object.repository.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseChoiceFlag, parseCommandArgs } from "../global-flags.ts";
import { describeAsOf, loadAsOf } from "../../catalog/data-as-of.ts";

const BY = ["state", "owner", "regime", "type", "launch-year"] as const;
const GROUPING: Record<(typeof BY)[number], ObjectGrouping> = {
  state: "actor",
  owner: "owner",
  regime: "regime",
  type: "type",
  "launch-year": "launch-year",
};

/**
 * `concord stats --by state|owner|regime|type|launch-year [--status on-orbit|decayed|all] [--json]`
 * `--by state` groups on the attributed actor: a state (ISO alpha-3), a historic state, an organisation or company
 * (with its member or host states), or the explicit UNKNOWN.
 */
export async function runStats(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("stats", args, { by: { type: "string" }, status: { type: "string" }, json: { type: "boolean" } }, false);
  const by = parseChoiceFlag("by", values.by, BY);
  if (by === undefined) throw new InvalidInputError("--by", `is required: one of ${BY.join(", ")}`);
  const status = parseChoiceFlag("status", values.status, ["on-orbit", "decayed", "all"] as const) ?? "all";
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const groups = await countObjects(context.database.db, GROUPING[by], { status });
    const asOf = await loadAsOf(context.database.db);
    const rows = groups.map((g) => {
      const actor = by === "state" && g.key !== null ? context.actors.actors.get(g.key) : undefined;
      return {
        key: g.key,
        ...(by === "state" ? { name: actor?.name ?? null, kind: actor?.kind ?? null, memberStates: actor?.memberStates ?? [] } : {}),
        total: g.count,
        onOrbit: g.onOrbit,
        decayed: g.decayed,
      };
    });
    const totals = { total: sum(rows, "total"), onOrbit: sum(rows, "onOrbit"), decayed: sum(rows, "decayed") };
    if (values.json) {
      writeJson(io, { by, status, groups: rows, totals, asOf });
      return EXIT.ok;
    }
    writeLine(
      io,
      formatTable(
        by === "state" ? ["actor", "name", "kind", "on orbit", "decayed", "total"] : [by, "on orbit", "decayed", "total"],
        rows.map((r) => (by === "state" ? [r.key, r.name ?? null, r.kind ?? null, r.onOrbit, r.decayed, r.total] : [r.key, r.onOrbit, r.decayed, r.total])),
      ),
    );
    writeLine(io, `\nTotal: ${totals.total.toLocaleString("en-US")} objects, ${totals.onOrbit.toLocaleString("en-US")} on orbit.`);
    writeLine(io, describeAsOf(asOf));
    return EXIT.ok;
  } finally {
    await context.close();
  }
}

function sum<K extends string>(rows: readonly Record<K, number | unknown>[], key: K): number {
  return rows.reduce((acc, row) => acc + Number(row[key]), 0);
}
