import { InvalidInputError } from "../core/concord-error.ts";
import { DOCUMENT_SYMBOL } from "./forum-session.ts";

/**
 * Reads the agenda out of a UN provisional agenda (A/AC.105/L.280, A/AC.105/C.1/L.xxx …) as copied from its PDF or a
 * web copy. Pure: text in, items and warnings out.
 *
 * The agenda is the part between the heading "I. Provisional agenda" (or a line "Provisional agenda" / "Agenda"; the
 * whole text when there is none) and "II. Annotations" (or "Annotations", the next roman-numbered heading, "Annex").
 * Items are lines `N. Title`; sub-items `(a) Title` belong to the item before them (`6(a)`), and roman sub-sub-items
 * `(i) Title` to the sub-item before them (`6(a)(i)`). Every other line continues the title above it (a wrapped title
 * is joined with single spaces; a line ending in a letter and a hyphen is joined without one). Page furniture is
 * skipped: the document symbol, page numbers (`2`, `(2)`, `2/4`, `- 2 -`, `Page 2`), job numbers (`V.11-82345 (E)`),
 * bar codes (`*1182345*`), a lone `*`, and footnotes: from an underscore rule or a line starting with `*` up to the
 * next page furniture or item. Titles are kept as written (their full stop or semicolon stays).
 */

export interface ParsedAgendaItem {
  /** The official number as AGENDA_ITEM_NUMBER expects: `6`, `6(a)`, `6(a)(i)`. */
  readonly itemNumber: string;
  readonly title: string;
  /** The 1-based line of the text where the item starts. */
  readonly line: number;
}

/** Something odd that did not stop the reading (a gap or repeat in the numbering, an ignored line). */
export interface AgendaTextWarning {
  readonly line: number;
  readonly message: string;
}

export interface ParsedAgenda {
  readonly items: readonly ParsedAgendaItem[];
  readonly warnings: readonly AgendaTextWarning[];
  /** The line of the heading the agenda starts after, or null when the whole text was read. */
  readonly headingLine: number | null;
  /** The line of the heading the agenda ends at ("II. Annotations"), or null when it runs to the end. */
  readonly endLine: number | null;
  /** The document's symbol when a line of the text is one (the page header `A/AC.105/L.280`), else null. */
  readonly documentSymbol: string | null;
  /** The document's date (`YYYY-MM-DD`) from its "Distr.:" block (`21 April 2011`), else null. */
  readonly documentDate: string | null;
}

const START_HEADING = /^(?:I\.\s*)?(?:provisional\s+)?agenda$/i;
const ROMAN_START_HEADING = /^I\./;
const END_HEADING = /^(?:(?:[IVX]+\.\s*)?annotations(?: to the provisional agenda)?$|(?:II|III|IV|V|VI|VII|VIII|IX|X)\.\s+\S|annex(?:es)?(?:\s+[IVX]+)?$)/i;
/** A document symbol alone on a line (a page header): no brackets, ends in a letter or digit. */
const HEADER_SYMBOL = /^[A-Z][A-Za-z0-9.-]*(?:\/[A-Za-z0-9.-]+)+$/;

const ITEM = /^(\d{1,3})\.(?:\s+(.*))?$/;
const SUB_ITEM = /^\(([a-z]{1,4})\)(?:\s+(.*))?$/;
const ROMAN_NUMERAL = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;

const PAGE_NUMBER = /^(?:\(?\d{1,3}\)?|\d{1,3}\s*\/\s*\d{1,3}|-\s*\d{1,3}\s*-|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)$/i;
/** UN job numbers (`V.11-82345 (E)`, `GE.20-01234`, `11-12345 (E) 260411`), with a page number beside them. */
const JOB_NUMBER = /^(?:\d{1,3}\s+)?(?:[A-Z]{1,2}\.)?\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s+\d{1,3})?$/;
const BAR_CODE = /^\*\d{5,}\*$/;
const UNDERSCORE_RULE = /^_{3,}$/;
const FOOTNOTE = /^\*+\s*\S/;
const LONE_ASTERISK = /^\*+$/;

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const LONG_DATE = /(?<![-–\d]\s?)\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b/i;

/** One line as compared: no-break and other odd spaces made plain, runs of white space made one, ends trimmed. */
function normalisedLine(raw: string): string {
  return raw
    .replace(/[\u00ad\u200b\ufeff]/g, "")
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u3000]+/g, " ")
    .trim();
}

function headerSymbolOf(line: string): string | null {
  const symbol = line.replace(/^United Nations\s+/, "");
  return HEADER_SYMBOL.test(symbol) && /[A-Za-z0-9]$/.test(symbol) && DOCUMENT_SYMBOL.test(symbol) ? symbol : null;
}

/** Page furniture that also closes a footnote: a page or job number, a bar code, the symbol in a page header. */
function isPageBreakFurniture(line: string): boolean {
  return PAGE_NUMBER.test(line) || JOB_NUMBER.test(line) || BAR_CODE.test(line) || headerSymbolOf(line) !== null || /^please recycle\b/i.test(line);
}

function findHeading(lines: readonly string[]): number | null {
  let plain: number | null = null;
  for (const [index, line] of lines.entries()) {
    if (!START_HEADING.test(line)) continue;
    if (ROMAN_START_HEADING.test(line)) return index;
    plain ??= index;
  }
  return plain;
}

function findEnd(lines: readonly string[], from: number): number | null {
  for (let index = from; index < lines.length; index += 1) {
    if (END_HEADING.test(lines[index] ?? "")) return index;
  }
  return null;
}

function findDocumentSymbol(lines: readonly string[]): string | null {
  for (const line of lines) {
    const symbol = headerSymbolOf(line);
    if (symbol !== null) return symbol;
  }
  return null;
}

/** The date on the "Distr.:" line or on one of the two lines after it (PDF copies put it on its own line). */
function findDocumentDate(lines: readonly string[], before: number): string | null {
  const distribution = lines.findIndex((line, index) => index < before && /\bdistr\.?\s*:/i.test(line));
  if (distribution < 0) return null;
  const block = lines.slice(distribution).filter((line) => line !== "").slice(0, 3);
  for (const line of block) {
    const match = LONG_DATE.exec(line);
    if (match === null) continue;
    const month = MONTHS.indexOf((match[2] ?? "").toLowerCase()) + 1;
    const day = Number(match[1]);
    const iso = `${match[3]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const parsed = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso) return iso;
  }
  return null;
}

/** The next letter after `letter` (`a` → `b`, `z` → `aa`), for checking sub-item order. */
function nextLetter(letter: string | null): string {
  if (letter === null) return "a";
  if (letter.length === 1 && letter !== "z") return String.fromCharCode(letter.charCodeAt(0) + 1);
  return `${letter}a`;
}

interface Entry {
  itemNumber: string;
  title: string;
  readonly line: number;
}

/** Reads the agenda items out of the text of a provisional agenda; throws InvalidInputError when there is none. */
export function parseAgendaText(text: string): ParsedAgenda {
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/).map(normalisedLine);
  if (lines.every((line) => line === "")) throw new InvalidInputError("line 1", "the text is empty: paste the provisional agenda, from its heading \"I. Provisional agenda\" to \"II. Annotations\"");
  const heading = findHeading(lines);
  const first = heading === null ? 0 : heading + 1;
  const end = findEnd(lines, first);
  const last = end ?? lines.length;

  const entries: Entry[] = [];
  const warnings: AgendaTextWarning[] = [];
  const warn = (index: number, message: string) => warnings.push({ line: index + 1, message });
  const seenItems = new Map<number, number>();
  let previousItem: number | null = null;
  let item: { number: string; lastLetter: string | null; lastSubNumber: string | null; lastRoman: number } | null = null;
  let inFootnote = false;

  for (let index = first; index < last; index += 1) {
    const line = lines[index] ?? "";
    if (line === "" || LONE_ASTERISK.test(line) || BAR_CODE.test(line)) continue;
    if (isPageBreakFurniture(line)) {
      inFootnote = false;
      continue;
    }
    if (UNDERSCORE_RULE.test(line) || FOOTNOTE.test(line)) {
      inFootnote = true;
      continue;
    }
    const itemMatch = ITEM.exec(line);
    if (itemMatch !== null) {
      inFootnote = false;
      const number = Number(itemMatch[1]);
      const firstLine = seenItems.get(number);
      if (firstLine !== undefined) warn(index, `item ${number} is repeated (first on line ${firstLine})`);
      else if (previousItem === null && number !== 1) warn(index, `the agenda starts at item ${number}, not 1`);
      else if (previousItem !== null && number < previousItem) warn(index, `item ${number} comes after item ${previousItem}: the numbering goes back`);
      else if (previousItem !== null && number > previousItem + 1) {
        const missing = number === previousItem + 2 ? `item ${previousItem + 1} is missing` : `items ${previousItem + 1}–${number - 1} are missing`;
        warn(index, `${missing}: item ${number} follows item ${previousItem}`);
      }
      if (firstLine === undefined) seenItems.set(number, index + 1);
      previousItem = number;
      item = { number: String(number), lastLetter: null, lastSubNumber: null, lastRoman: 0 };
      entries.push({ itemNumber: String(number), title: itemMatch[2] ?? "", line: index + 1 });
      continue;
    }
    const subMatch = SUB_ITEM.exec(line);
    if (subMatch !== null) {
      inFootnote = false;
      const label = subMatch[1] ?? "";
      if (item === null) {
        warn(index, `sub-item (${label}) comes before any numbered item: ignored`);
        continue;
      }
      const expectedLetter = nextLetter(item.lastLetter);
      const roman = ROMAN_NUMERAL.test(label) && label !== expectedLetter && item.lastSubNumber !== null;
      let itemNumber: string;
      if (roman) {
        const value = romanValue(label);
        if (value !== item.lastRoman + 1) warn(index, `sub-item (${label}) of ${item.lastSubNumber} follows ${item.lastRoman === 0 ? "no sub-item" : `(${toRoman(item.lastRoman)})`}: expected (${toRoman(item.lastRoman + 1)})`);
        item.lastRoman = value;
        itemNumber = `${item.lastSubNumber}(${label})`;
      } else {
        if (label !== expectedLetter) warn(index, `sub-item ${item.number}(${label}) follows ${item.lastLetter === null ? `item ${item.number} directly` : `${item.number}(${item.lastLetter})`}: expected (${expectedLetter})`);
        item.lastLetter = label;
        item.lastRoman = 0;
        itemNumber = `${item.number}(${label})`;
        item.lastSubNumber = itemNumber;
      }
      if (entries.some((e) => e.itemNumber === itemNumber)) warn(index, `item ${itemNumber} is repeated`);
      entries.push({ itemNumber, title: subMatch[2] ?? "", line: index + 1 });
      continue;
    }
    if (inFootnote) continue;
    const current = entries.at(-1);
    if (current === undefined) {
      if (heading !== null) warn(index, `text before the first item ignored: ${JSON.stringify(line.slice(0, 80))}`);
      continue;
    }
    current.title = current.title === "" ? line : /[A-Za-z]-$/.test(current.title) ? `${current.title}${line}` : `${current.title} ${line}`;
  }

  if (entries.length === 0) {
    const where =
      heading === null
        ? `in lines 1–${last}`
        : `after the heading ${JSON.stringify(lines[heading])} on line ${heading + 1}${end === null ? "" : ` and before ${JSON.stringify(lines[end])} on line ${end + 1}`}`;
    throw new InvalidInputError(`line ${heading === null ? 1 : heading + 1}`, `no agenda item found ${where}; expected lines such as "1. Opening of the session." or "(a) Sub-item title;"`);
  }
  const untitled = entries.find((e) => e.title === "");
  if (untitled !== undefined) throw new InvalidInputError(`line ${untitled.line}`, `agenda item ${untitled.itemNumber} has no title`);

  return {
    items: entries.map((e) => ({ itemNumber: e.itemNumber, title: e.title, line: e.line })),
    warnings,
    headingLine: heading === null ? null : heading + 1,
    endLine: end === null ? null : end + 1,
    documentSymbol: findDocumentSymbol(lines),
    documentDate: findDocumentDate(lines, heading ?? lines.length),
  };
}

const ROMAN_DIGITS: readonly (readonly [string, number])[] = [
  ["x", 10],
  ["ix", 9],
  ["v", 5],
  ["iv", 4],
  ["i", 1],
];

function romanValue(label: string): number {
  let rest = label;
  let value = 0;
  for (const [digits, amount] of ROMAN_DIGITS) {
    while (rest.startsWith(digits)) {
      value += amount;
      rest = rest.slice(digits.length);
    }
  }
  return value;
}

function toRoman(value: number): string {
  let rest = value;
  let text = "";
  for (const [digits, amount] of ROMAN_DIGITS) {
    while (rest >= amount) {
      text += digits;
      rest -= amount;
    }
  }
  return text;
}
