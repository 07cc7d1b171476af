import type { Kysely } from "kysely";
import type { AuditActor } from "../accounts/audit-actor.ts";
import { ConcordError, InvalidInputError, NotFoundError } from "../core/concord-error.ts";
import { appendAuditEntry } from "../store/audit-log.repository.ts";
import { findForumSession, insertAgendaItem, listAgendaItems } from "../store/forum-session.repository.ts";
import type { AgendaItemValues } from "../store/forum-session.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { parseAgendaText } from "./agenda-text.ts";
import type { ParsedAgenda } from "./agenda-text.ts";
import { dayOf, isoDay, requiredText } from "./fora-input.ts";
import { AGENDA_ITEM_NUMBER, AGENDA_ITEM_TITLE_MAX_LENGTH } from "./forum-session.ts";
import type { AgendaItem, ForumSession } from "./forum-session.ts";

/**
 * Loads a session's whole agenda from the text of its provisional agenda (A/AC.105/L.280 …) in one step: every item,
 * with the document as its source, in ONE transaction (all or nothing), each audited as `agenda_item.create` like an
 * item added by hand. A dry run makes the same checks and writes nothing.
 */

export interface AgendaImportOptions {
  /** Where the text comes from: the symbol and a link (`A/AC.105/L.280 https://undocs.org/A/AC.105/L.280`). */
  readonly source: string;
  /** `YYYY-MM-DD`; defaults to the document's date found in the text, else the day of the import. */
  readonly asOf?: string | null | undefined;
  /** Check and report what would be added, write nothing. */
  readonly dryRun?: boolean | undefined;
}

/** A warning of the import: a line of the text (gaps, repeats, ignored lines), or the whole import (line null). */
export interface AgendaImportWarning {
  readonly line: number | null;
  readonly message: string;
}

/** Where the as-of date came from. */
export type AgendaImportAsOfBasis = "given" | "document date" | "import day";

export interface AgendaImportItem {
  readonly itemNumber: string;
  readonly title: string;
  /** The line of the text it was read from. */
  readonly line: number;
  /** The stored item's id; null in a dry run. */
  readonly id: number | null;
}

export interface AgendaImportResult {
  readonly session: ForumSession;
  readonly dryRun: boolean;
  readonly source: string;
  readonly asOf: string;
  readonly asOfBasis: AgendaImportAsOfBasis;
  readonly items: readonly AgendaImportItem[];
  readonly warnings: readonly AgendaImportWarning[];
  readonly documentSymbol: string | null;
  readonly documentDate: string | null;
  readonly headingLine: number | null;
  readonly endLine: number | null;
}

/** The longest text read (characters): a provisional agenda with its annotations runs to some 30 000. */
export const AGENDA_TEXT_MAX_CHARS = 200_000;

/** The text, refused (field `text`) when it is longer than AGENDA_TEXT_MAX_CHARS. */
function checkedText(text: string): string {
  if (text.length > AGENDA_TEXT_MAX_CHARS) {
    throw new InvalidInputError(
      "text",
      `the text runs to ${text.length.toLocaleString("en-US")} characters, more than the ${AGENDA_TEXT_MAX_CHARS.toLocaleString("en-US")} read: paste only the provisional agenda (from "I. Provisional agenda" to "II. Annotations"), not a whole report`,
    );
  }
  return text;
}

/** The stored values of the parsed items, each refusal naming the line it comes from. */
function itemValues(sessionId: number, parsed: ParsedAgenda, source: string, asOf: string): AgendaItemValues[] {
  const firstLineOf = new Map<string, number>();
  const repeated: string[] = [];
  let firstRepeatLine: number | null = null;
  for (const item of parsed.items) {
    if (!AGENDA_ITEM_NUMBER.test(item.itemNumber)) throw new InvalidInputError(`line ${item.line}`, `${JSON.stringify(item.itemNumber)} is not an agenda item number such as 4 or 7(b)`);
    if (item.title.length > AGENDA_ITEM_TITLE_MAX_LENGTH) {
      throw new InvalidInputError(`line ${item.line}`, `the title of item ${item.itemNumber} runs to ${item.title.length} characters (at most ${AGENDA_ITEM_TITLE_MAX_LENGTH}): is the heading "II. Annotations" missing after the agenda?`);
    }
    const first = firstLineOf.get(item.itemNumber);
    if (first === undefined) firstLineOf.set(item.itemNumber, item.line);
    else {
      repeated.push(`${item.itemNumber} (lines ${first} and ${item.line})`);
      firstRepeatLine ??= item.line;
    }
  }
  if (firstRepeatLine !== null) throw new InvalidInputError(`line ${firstRepeatLine}`, `the text numbers more than one item ${repeated.join(", ")}: correct the text; nothing imported`);
  return parsed.items.map((item) => ({ sessionId, itemNumber: item.itemNumber, title: item.title, source, asOf, note: null }));
}

/** The session, and a refusal naming every item number it already has among `values`. */
async function checkedSession(db: Kysely<StoreSchema>, sessionId: number, values: readonly AgendaItemValues[]): Promise<ForumSession> {
  const session = await findForumSession(db, sessionId);
  if (session === null) throw new NotFoundError("forum_session", `no forum session ${sessionId}`);
  const existing = new Set((await listAgendaItems(db, [sessionId])).map((item) => item.itemNumber));
  const clashes = values.filter((v) => existing.has(v.itemNumber)).map((v) => v.itemNumber);
  if (clashes.length > 0) {
    throw new InvalidInputError(
      "itemNumber",
      `session ${sessionId} (${session.title}) already has agenda item${clashes.length === 1 ? "" : "s"} ${clashes.join(", ")}: nothing imported (change or remove those items first, or import into another session)`,
    );
  }
  return session;
}

/**
 * Parses the text and adds all its items to the session in one transaction, or none: refused when the text has no
 * item, numbers an item twice, or names an item number the session already has (all of them are named).
 */
export async function importAgendaItems(db: Kysely<StoreSchema>, sessionId: number, text: string, options: AgendaImportOptions, actor: AuditActor, now: Date): Promise<AgendaImportResult> {
  const source = requiredText("source", options.source, 2000);
  const parsed = parseAgendaText(checkedText(text));
  const given = options.asOf === null || options.asOf === undefined || options.asOf === "" ? null : isoDay("asOf", options.asOf);
  const asOf = given ?? parsed.documentDate ?? dayOf(now);
  const asOfBasis: AgendaImportAsOfBasis = given !== null ? "given" : parsed.documentDate !== null ? "document date" : "import day";
  const values = itemValues(sessionId, parsed, source, asOf);
  const warnings: AgendaImportWarning[] = [...parsed.warnings];
  if (parsed.documentSymbol !== null && !source.includes(parsed.documentSymbol)) {
    warnings.push({ line: null, message: `the source does not name ${parsed.documentSymbol}, the document symbol the text shows` });
  }
  const report = (session: ForumSession, ids: readonly (number | null)[]): AgendaImportResult => ({
    session,
    dryRun: options.dryRun === true,
    source,
    asOf,
    asOfBasis,
    items: parsed.items.map((item, index) => ({ itemNumber: item.itemNumber, title: item.title, line: item.line, id: ids[index] ?? null })),
    warnings,
    documentSymbol: parsed.documentSymbol,
    documentDate: parsed.documentDate,
    headingLine: parsed.headingLine,
    endLine: parsed.endLine,
  });

  if (options.dryRun === true) return report(await checkedSession(db, sessionId, values), []);

  const atIso = now.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      // Checked again inside the transaction, so an item added meanwhile refuses the whole import.
      const session = await checkedSession(trx, sessionId, values);
      const stored: AgendaItem[] = [];
      for (const value of values) {
        const item = await insertAgendaItem(trx, value, { curated: false, createdBy: actor.userId, atIso });
        await appendAuditEntry(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "agenda_item.create", entityType: "agenda_item", entityId: String(item.id), before: null, after: item, atIso });
        stored.push(item);
      }
      return report(session, stored.map((item) => item.id));
    });
  } catch (error) {
    // A concurrent write (another import, an item added by hand) committed one of these numbers after our check: the
    // unique (session, number) index refused an insert and the transaction rolled back. Checked once more, outside it,
    // the refusal is the same as when the item was there before (naming the numbers); anything else is rethrown.
    if (!(error instanceof ConcordError)) await checkedSession(db, sessionId, values);
    throw error;
  }
}
