import { writeFileSync } from "node:fs";
import { openConcordContext } from "../../app/concord-context.ts";
import { auditEntriesCsv, auditEntriesJson, collectAuditEntries } from "../../accounts/audit-export.ts";
import { InvalidInputError } from "../../core/concord-error.ts";
import type { CliIo } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseChoiceFlag, parseCommandArgs, parseInstantFlag } from "../global-flags.ts";

const USAGE = "usage: concord audit export [--format csv|json] [--out FILE] [--entity-type T] [--action A|PREFIX.] [--since ISO] [--until ISO]";

/**
 * `concord audit export`: the append-only audit log (who, what, when, before and after), oldest first, as CSV (default)
 * or JSON, to stdout or `--out FILE` (written readable by its owner only: the log names people and what they did).
 */
export async function runAudit(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "audit",
    args,
    { format: { type: "string" }, out: { type: "string" }, "entity-type": { type: "string" }, action: { type: "string" }, since: { type: "string" }, until: { type: "string" } },
    true,
  );
  if (positionals.length !== 1 || positionals[0] !== "export") throw new InvalidInputError("audit", USAGE);
  const format = parseChoiceFlag("format", values.format, ["csv", "json"] as const) ?? "csv";
  const sinceIso = values.since === undefined ? undefined : new Date(parseInstantFlag("since", values.since)).toISOString();
  const untilIso = values.until === undefined ? undefined : new Date(parseInstantFlag("until", values.until)).toISOString();
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const entries = await collectAuditEntries(context.database.db, { entityType: values["entity-type"], action: values.action, sinceIso, untilIso });
    const text = format === "csv" ? auditEntriesCsv(entries) : auditEntriesJson(entries, new Date());
    if (values.out === undefined) {
      io.stdout.write(text);
    } else {
      writeFileSync(values.out, text, { mode: 0o600 });
      io.stderr.write(`concord audit: ${entries.length} entries written to ${values.out}\n`);
    }
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
