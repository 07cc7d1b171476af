import { readFileSync } from "node:fs";
import type { Kysely } from "kysely";
import { openConcordContext } from "../../app/concord-context.ts";
import { InvalidInputError, NotFoundError, SourceFormatError } from "../../core/concord-error.ts";
import { importAgendaItems } from "../../fora/agenda-import.service.ts";
import type { AgendaImportResult } from "../../fora/agenda-import.service.ts";
import { listForumSessionSummaries } from "../../fora/forum-session.service.ts";
import { findCuratedForumSession } from "../../store/forum-session.repository.ts";
import type { StoreSchema } from "../../store/schema.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs, parseDateFlag } from "../global-flags.ts";
import { cliActor } from "./users.ts";

const USAGE = [
  "usage: concord fora sessions [--forum ID] [--json]",
  '       concord fora agenda-import --session ID|KEY --file FILE --source "SYMBOL URL" [--as-of YYYY-MM-DD] [--dry-run] [--json]',
].join("\n");

/** A session given as its number (`12`) or its curated key (`copuos-54`), as `concord fora sessions` lists them. */
async function sessionIdOf(db: Kysely<StoreSchema>, reference: string): Promise<number> {
  if (/^\d+$/.test(reference)) return Number(reference);
  const session = await findCuratedForumSession(db, reference);
  if (session === null) throw new NotFoundError("forum_session", `no forum session ${JSON.stringify(reference)}: concord fora sessions lists them`);
  return session.id;
}

function readAgendaFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error && error.code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new SourceFormatError(file, `cannot read the agenda text: ${reason}`);
  }
}

function printImport(io: CliIo, file: string, result: AgendaImportResult): void {
  const { session, items } = result;
  const asOf = result.asOfBasis === "given" ? result.asOf : `${result.asOf} (${result.asOfBasis})`;
  writeLine(io, `${result.dryRun ? "Dry run: would add" : "Added"} ${items.length} agenda item${items.length === 1 ? "" : "s"} to session ${session.id} (${session.title}), read from ${file}${result.headingLine === null ? "" : ` after line ${result.headingLine}`}${result.endLine === null ? "" : ` up to line ${result.endLine}`}.`);
  writeLine(io, `Source: ${result.source}; as of ${asOf}.`);
  writeLine(io, formatTable(["item", "title", "line", "id"], items.map((i) => [i.itemNumber, i.title, String(i.line), i.id === null ? null : String(i.id)])));
  if (result.dryRun) writeLine(io, "Nothing was written (dry run).");
}

function parseForaArgs(args: readonly string[]) {
  return parseCommandArgs(
    "fora",
    args,
    {
      forum: { type: "string" },
      session: { type: "string" },
      file: { type: "string" },
      source: { type: "string" },
      "as-of": { type: "string" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
    },
    true,
  );
}

type ForaFlags = ReturnType<typeof parseForaArgs>["values"];

async function runAgendaImport(values: ForaFlags, io: CliIo): Promise<number> {
  const { session, file, source } = values;
  if (session === undefined || file === undefined || source === undefined) throw new InvalidInputError("fora agenda-import", `--session, --file and --source are required\n${USAGE}`);
  const asOf = parseDateFlag("as-of", values["as-of"]);
  const text = readAgendaFile(file);
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const db = context.database.db;
    let result: AgendaImportResult;
    try {
      result = await importAgendaItems(db, await sessionIdOf(db, session), text, { source, asOf, dryRun: values["dry-run"] === true }, cliActor(), new Date());
    } catch (error) {
      // The parser names the line; say which file it is in.
      if (error instanceof InvalidInputError && error.field.startsWith("line ")) throw new InvalidInputError(file, error.message);
      throw error;
    }
    if (values.json === true) {
      writeJson(io, result);
      return EXIT.ok;
    }
    printImport(io, file, result);
    for (const warning of result.warnings) io.stderr.write(`concord fora: warning: ${file}${warning.line === null ? "" : `, line ${warning.line}`}: ${warning.message}\n`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}

async function runSessions(values: ForaFlags, io: CliIo): Promise<number> {
  const forumId = values.forum;
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const sessions = await listForumSessionSummaries(context.database.db, forumId === undefined ? {} : { forumId });
    if (values.json === true) {
      writeJson(io, { sessions });
      return EXIT.ok;
    }
    if (sessions.length === 0) {
      writeLine(io, forumId === undefined ? "No forum sessions." : `No sessions of the forum ${JSON.stringify(forumId)}.`);
      return EXIT.ok;
    }
    writeLine(
      io,
      formatTable(
        ["id", "key", "forum", "title", "dates", "status", "items", "documents"],
        sessions.map((s) => [String(s.id), s.curatedKey, s.forumId, s.title, `${s.startDate} – ${s.endDate}`, s.status, s.agendaItemCount, s.documentCount]),
      ),
    );
    return EXIT.ok;
  } finally {
    await context.close();
  }
}

/**
 * `concord fora sessions|agenda-import`: list the forum sessions (with the ids the other commands take), and load a
 * session's whole agenda from the text of its provisional agenda (copied from the UN document) in one step.
 */
export async function runFora(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseForaArgs(args);
  const [subcommand, ...rest] = positionals;
  if (rest.length > 0) throw new InvalidInputError("fora", USAGE);
  if (subcommand === "sessions") return runSessions(values, io);
  if (subcommand === "agenda-import") return runAgendaImport(values, io);
  throw new InvalidInputError("fora", USAGE);
}
