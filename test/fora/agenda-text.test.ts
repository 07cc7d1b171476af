import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/core/concord-error.ts";
import { parseCsvRecords } from "../../src/core/csv.ts";
import { parseAgendaText } from "../../src/fora/agenda-text.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, "../..");

/**
 * COPUOS's provisional agenda for its fifty-fourth session, A/AC.105/L.280 (21 April 2011), exactly as copied from the
 * web copy at https://123dok.co/document/yj7mvxk6-general-assembly-a.html (the source of the curated copuos-54 rows in
 * data/fora/agenda-items.csv): the title page, the 16 items with a footnote and a page break ("(2)", the symbol
 * header) between items 14 and 15, and the start of "II. Annotations", whose numbered headings are not items.
 */
const L280_TEXT = readFileSync(join(HERE, "fixtures/a-ac105-l280.txt"), "utf8");

/**
 * CONSTRUCTED for these tests (not a UN document; its wording is invented) in the layout of a PDF copy: sub-items
 * (a)–(c) under item 5, titles wrapped over lines, a page break inside sub-item 5(b) (underscore rule, a footnote over
 * two lines, job number, bar code, symbol header, "2/3"), a line-end hyphen, and annotations with numbered headings.
 */
const CONSTRUCTED_TEXT = readFileSync(join(HERE, "fixtures/constructed-subitems-agenda.txt"), "utf8");

/** The curated copuos-54 rows of data/fora/agenda-items.csv: [item, title]. */
function curatedCopuos54Items(): [string, string][] {
  const records = parseCsvRecords(readFileSync(join(REPO_ROOT, "data/fora/agenda-items.csv"), "utf8"));
  const header = records[0]?.fields ?? [];
  const column = (name: string) => header.indexOf(name);
  return records
    .slice(1)
    .filter((r) => r.fields[column("session")] === "copuos-54")
    .map((r) => [r.fields[column("item")] ?? "", r.fields[column("title")] ?? ""]);
}

function refusalOf(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error("accepted");
}

describe("parseAgendaText on the real provisional agenda A/AC.105/L.280", () => {
  const parsed = parseAgendaText(L280_TEXT);

  it("returns exactly the 16 items of the curated copuos-54 agenda, numbers and titles as written", () => {
    const curated = curatedCopuos54Items();
    expect(curated).toHaveLength(16);
    const read = parsed.items.map((i) => [i.itemNumber, i.title]);
    console.log(`A/AC.105/L.280: ${read.length} items read, ${read.filter((r, k) => JSON.stringify(r) === JSON.stringify(curated[k])).length} equal to data/fora/agenda-items.csv`);
    expect(read).toEqual(curated);
    expect(parsed.warnings).toEqual([]);
  });

  it("starts after the heading I. Provisional agenda and stops at II. Annotations, whose numbered headings are not items", () => {
    expect(parsed.headingLine).toBe(17);
    expect(parsed.endLine).toBe(59);
    expect(parsed.items.at(-1)).toEqual({ itemNumber: "16", title: "Report of the Committee to the General Assembly.", line: 57 });
    expect(parsed.items.filter((i) => i.itemNumber === "1")).toHaveLength(1);
  });

  it("skips the footnote and the page break between items 14 and 15", () => {
    expect(parsed.items[13]).toEqual({ itemNumber: "14", title: "Future role of the Committee.", line: 45 });
    expect(parsed.items[14]).toEqual({ itemNumber: "15", title: "Other matters.", line: 55 });
  });

  it("reads the document symbol from the page header and the date from the Distr. line", () => {
    expect(parsed.documentSymbol).toBe("A/AC.105/L.280");
    expect(parsed.documentDate).toBe("2011-04-21");
  });

  it("reads the same items from the text with Windows line ends, tabs and no-break spaces", () => {
    const mangled = L280_TEXT.replace(/\n/g, "\r\n").replace(/^(\d+)\. /gm, "$1.\t").replace(/ of the /g, " of\u00a0the ");
    expect(parseAgendaText(mangled).items.map((i) => [i.itemNumber, i.title])).toEqual(parsed.items.map((i) => [i.itemNumber, i.title]));
  });
});

describe("parseAgendaText on a constructed agenda with sub-items", () => {
  it("numbers sub-items under their item, joins wrapped titles and a title broken by a page", () => {
    const parsed = parseAgendaText(CONSTRUCTED_TEXT);
    expect(parsed.items.map((i) => [i.itemNumber, i.title])).toEqual([
      ["1", "Adoption of the agenda."],
      ["2", "Statement by the Chair."],
      ["3", "General exchange of views and introduction of reports submitted on national activities."],
      ["4", "Space debris."],
      ["5", "Long-term sustainability of outer space activities:"],
      ["5(a)", "Implementation of the Guidelines for the Long-term Sustainability of Outer Space Activities of the Committee;"],
      ["5(b)", "Space traffic coordination practices, including the exchange of information on orbital objects and events and on space-based services; and"],
      ["5(c)", "Near-Earth objects."],
      ["6", "Draft provisional agenda for the one-hundredth session of the Scientific and Technical Subcommittee."],
    ]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.documentSymbol).toBe("A/AC.105/C.1/L.999");
    expect(parsed.documentDate).toBe("2099-11-03");
  });
});

describe("parseAgendaText on short texts", () => {
  it("reads items pasted without any heading, a number alone on its line, and roman sub-sub-items", () => {
    const parsed = parseAgendaText(["1. Opening.", "2.", "Adoption of", "the agenda.", "3. Space law:", "(a) Treaties:", "(i) Status;", "(ii) Application;", "(b) Other."].join("\n"));
    expect(parsed.headingLine).toBeNull();
    expect(parsed.items.map((i) => [i.itemNumber, i.title, i.line])).toEqual([
      ["1", "Opening.", 1],
      ["2", "Adoption of the agenda.", 2],
      ["3", "Space law:", 5],
      ["3(a)", "Treaties:", 6],
      ["3(a)(i)", "Status;", 7],
      ["3(a)(ii)", "Application;", 8],
      ["3(b)", "Other.", 9],
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it("takes (i) after (h) as the ninth lettered sub-item", () => {
    const letters = "abcdefghi".split("").map((l) => `(${l}) Part ${l};`);
    const parsed = parseAgendaText(["I. Provisional agenda", "1. Matters:", ...letters, "II. Annotations"].join("\n"));
    expect(parsed.items.at(-1)?.itemNumber).toBe("1(i)");
    expect(parsed.warnings).toEqual([]);
  });

  it("warns (and goes on) on a gap, a repeat and a backward step in the numbering, naming the lines", () => {
    const parsed = parseAgendaText(["I. Provisional agenda", "1. One.", "2. Two.", "5. Five.", "(a) A;", "(c) C.", "5. Five again.", "4. Four."].join("\n"));
    expect(parsed.items.map((i) => i.itemNumber)).toEqual(["1", "2", "5", "5(a)", "5(c)", "5", "4"]);
    expect(parsed.warnings).toEqual([
      { line: 4, message: "items 3–4 are missing: item 5 follows item 2" },
      { line: 6, message: "sub-item 5(c) follows 5(a): expected (b)" },
      { line: 7, message: "item 5 is repeated (first on line 4)" },
      { line: 8, message: "item 4 comes after item 5: the numbering goes back" },
    ]);
  });

  it("warns when the agenda does not start at 1 and when text before the first item is ignored", () => {
    const parsed = parseAgendaText(["I. Provisional agenda", "Stray words", "2. Two."].join("\n"));
    expect(parsed.warnings).toEqual([
      { line: 2, message: 'text before the first item ignored: "Stray words"' },
      { line: 3, message: "the agenda starts at item 2, not 1" },
    ]);
  });

  it("refuses a text without any item, naming the heading's line", () => {
    const error = refusalOf(() => parseAgendaText(["Title page", "", "I. Provisional agenda", "", "Nothing numbered here.", "II. Annotations", "1. Opening of the session"].join("\n")));
    expect(error.field).toBe("line 3");
    expect(error.message).toContain('no agenda item found after the heading "I. Provisional agenda" on line 3 and before "II. Annotations" on line 6');
  });

  it("refuses an empty text and an item without a title, naming the line", () => {
    expect(refusalOf(() => parseAgendaText(" \n\n")).field).toBe("line 1");
    const untitled = refusalOf(() => parseAgendaText(["1. Opening.", "", "2.", "", "II. Annotations"].join("\n")));
    expect(untitled.field).toBe("line 3");
    expect(untitled.message).toContain("agenda item 2 has no title");
  });
});
