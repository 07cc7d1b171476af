import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDiplomacyRegistry } from "../../src/diplomacy/diplomacy-registry.ts";
import { isIsoDay } from "../../src/diplomacy/partial-date.ts";
import { DEFAULT_FORA_DIR, ForaDataError, foraReferencesOf, loadCuratedFora, parseCuratedFora } from "../../src/fora/curated-fora.ts";
import { FORA_TEST_DAY } from "./fora-fixture.ts";

const diplomacy = loadDiplomacyRegistry(FORA_TEST_DAY);
const references = foraReferencesOf(diplomacy);
const curated = loadCuratedFora(references, FORA_TEST_DAY);

describe("the curated fora data (data/fora/)", () => {
  it("holds real sessions of COPUOS and of a subcommittee, each of a registry forum, with valid dates and a source", () => {
    const fora = new Set(curated.sessions.map((s) => s.forumId));
    expect(fora.has("copuos")).toBe(true);
    expect(fora.has("copuos-stsc") || fora.has("copuos-lsc")).toBe(true);
    for (const session of curated.sessions) {
      expect(diplomacy.fora.has(session.forumId)).toBe(true);
      expect(isIsoDay(session.startDate) && isIsoDay(session.endDate)).toBe(true);
      expect(session.endDate >= session.startDate).toBe(true);
      expect(session.sourceUrl).toMatch(/^https?:\/\//);
      expect(session.asOf <= FORA_TEST_DAY).toBe(true);
    }
    console.log(`curated sessions: ${curated.sessions.map((s) => `${s.key} ${s.startDate}..${s.endDate}`).join("; ")}`);
  });

  it("gives every agenda item a source with a URL, verified wording a UN document symbol, and a number unique within its session", () => {
    const seen = new Set<string>();
    for (const item of curated.agendaItems) {
      expect(item.source).toMatch(/https?:\/\/\S+/);
      if (item.wordingVerified) expect(item.source).toMatch(/^(A\/AC\.105\/\S+|A\/\d{2}\/20) .*https:\/\//);
      else expect(item.note ?? "").toMatch(/not read/);
      const key = `${item.sessionKey} ${item.itemNumber}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    const copuos54 = curated.agendaItems.filter((i) => i.sessionKey === "copuos-54").map((i) => i.itemNumber);
    expect(copuos54).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    console.log(`curated agenda items: ${curated.agendaItems.length} (${curated.agendaItems.filter((i) => !i.wordingVerified).length} with unverified wording)`);
  });

  it("holds the Legal Subcommittee's 62nd session (2023) with the provisional agenda recommended in A/77/20, word for word", () => {
    const session = curated.sessions.find((s) => s.key === "copuos-lsc-62");
    expect(session).toMatchObject({ forumId: "copuos-lsc", sessionNumber: 62, startDate: "2023-03-20", status: "concluded" });
    expect(session?.note).toContain("end_date is NOT the closing day");
    const items = curated.agendaItems.filter((i) => i.sessionKey === "copuos-lsc-62");
    expect(items.map((i) => i.itemNumber)).toEqual(["1", "2", "3", "4", "5", "6", "6(a)", "6(b)", "7", "10", "11"]);
    const fromReport = items.filter((i) => i.source.startsWith("A/77/20 "));
    expect(fromReport.map((i) => i.itemNumber)).toEqual(["1", "2", "3", "4", "5", "6", "6(a)", "6(b)"]);
    expect(fromReport.every((i) => i.wordingVerified && i.asOf === "2022-06-30" && (i.note ?? "").startsWith("provisional agenda"))).toBe(true);
    expect(fromReport.every((i) => i.source.endsWith("https://huggingface.co/datasets/bot-yaya/undl_fr2en_aligned/viewer/default/train?p=9"))).toBe(true);
    expect(fromReport[0]?.title).toBe("Adoption of the agenda.");
    expect(fromReport[4]?.title).toBe("Status and application of the five United Nations treaties on outer space.");
    expect(fromReport[6]?.title).toBe("The definition and delimitation of outer space;");
    expect(fromReport[7]?.title).toMatch(/^The character and utilization of the geostationary orbit, .* International Telecommunication Union\.$/);
    expect(items.filter((i) => !i.wordingVerified).map((i) => i.itemNumber)).toEqual(["7", "10", "11"]);
    console.log(`copuos-lsc-62: ${items.length} items (${fromReport.length} verbatim from A/77/20, ${items.length - fromReport.length} as U.S. statements name them)`);
  });

  it("holds the Committee's 65th session (1-10 June 2022) dated from its report A/77/20, which is a seeded document", () => {
    expect(curated.sessions.find((s) => s.key === "copuos-65")).toMatchObject({ forumId: "copuos", sessionNumber: 65, startDate: "2022-06-01", endDate: "2022-06-10", venue: "Vienna", asOf: "2022-06-30" });
    const report = curated.documents.filter((d) => d.symbol === "A/77/20");
    expect(report.map((d) => d.sessionKey).sort()).toEqual(["copuos-65", "copuos-lsc-62"]);
    expect(report.every((d) => d.documentDate === "2022-06-30" && d.itemNumber === null)).toBe(true);
    // Chapter I of A/77/20 is read only in part: items 10-15, 17 and 18, word for word; items 1-9 and 16 are not seeded.
    const items = curated.agendaItems.filter((i) => i.sessionKey === "copuos-65");
    expect(items.map((i) => [i.itemNumber, i.wordingVerified])).toEqual(["10", "11", "12", "13", "14", "15", "17", "18"].map((n) => [n, true]));
    expect(items.every((i) => i.source.startsWith("A/77/20 ") && i.source.endsWith("undl_zh2en_aligned/viewer/default/train?p=5") && i.asOf === "2022-06-30")).toBe(true);
    expect(items.find((i) => i.itemNumber === "14")?.title).toBe("Future role and method of work of the Committee.");
  });

  it("holds recent sessions (2023-2025) of the Committee and its Scientific and Technical Subcommittee with the items delegations' statements number", () => {
    const count = (key: string) => curated.agendaItems.filter((i) => i.sessionKey === key).length;
    expect(curated.sessions.find((s) => s.key === "copuos-66")).toMatchObject({ forumId: "copuos", sessionNumber: 66, startDate: "2023-05-31", endDate: "2023-06-09" });
    expect(curated.sessions.find((s) => s.key === "copuos-stsc-60")).toMatchObject({ forumId: "copuos-stsc", sessionNumber: 60, startDate: "2023-02-06", endDate: "2023-02-17" });
    expect(curated.sessions.find((s) => s.key === "copuos-stsc-61")).toMatchObject({ forumId: "copuos-stsc", sessionNumber: 61, startDate: "2024-01-29", endDate: "2024-02-09" });
    expect([count("copuos-66"), count("copuos-68"), count("copuos-stsc-60"), count("copuos-stsc-61"), count("copuos-stsc-62")]).toEqual([4, 1, 8, 4, 1]);
    // Item numbers move between years ("general exchange of views" is item 3 in 2023 and item 4 in 2024): each row cites
    // the statement made under that number at that session, with its date as as_of inside the session.
    for (const key of ["copuos-66", "copuos-68", "copuos-stsc-60", "copuos-stsc-61", "copuos-stsc-62"]) {
      const session = curated.sessions.find((s) => s.key === key);
      for (const item of curated.agendaItems.filter((i) => i.sessionKey === key)) {
        expect(item.wordingVerified).toBe(false);
        expect(item.asOf >= (session?.startDate ?? "") && item.asOf <= (session?.endDate ?? "")).toBe(true);
      }
    }
  });

  it("seeds documents only with a UN symbol, a date and a URL", () => {
    expect(curated.documents.length).toBeGreaterThan(0);
    for (const document of curated.documents) {
      expect(document.symbol).toMatch(/^A\/(AC\.105\/|\d{2}\/20$)/);
      expect(document.url).toBe(`https://undocs.org/${document.symbol}`);
      expect(document.documentDate === null || isIsoDay(document.documentDate)).toBe(true);
    }
  });

  it("names speaker groups whose members resolve from the registry (EU) or are not recorded (G77)", () => {
    expect(curated.speakerGroups.get("EU")?.members).toEqual({ basis: "organisation", organisationCode: "EU" });
    expect(curated.speakerGroups.get("G77")?.members).toEqual({ basis: "not-recorded" });
    expect(curated.speakerGroups.get("GRULAC")?.members).toEqual({ basis: "regional-group", regionalGroup: "latin-american-caribbean" });
  });
});

describe("bad curated fora files are refused with file, line and field", () => {
  const files = () => new Map(["speaker-groups.csv", "sessions.csv", "agenda-items.csv", "documents.csv"].map((name) => [name, readFileSync(join(DEFAULT_FORA_DIR, name), "utf8")]));
  const refusal = (name: string, edit: (text: string) => string): ForaDataError => {
    const changed = files();
    changed.set(name, edit(changed.get(name) ?? ""));
    try {
      parseCuratedFora(changed, references, FORA_TEST_DAY);
    } catch (error) {
      if (error instanceof ForaDataError) return error;
      throw error;
    }
    throw new Error("accepted");
  };

  it("refuses an unknown forum", () => {
    const error = refusal("sessions.csv", (t) => t.replace("copuos-68,copuos,", "copuos-68,copuos-plenary,"));
    expect(error.field).toBe("forum");
    expect(error.message).toContain("unknown forum copuos-plenary");
  });

  it("refuses an end before the start", () => {
    const error = refusal("sessions.csv", (t) => t.replace("2025-06-25,2025-07-02", "2025-07-02,2025-06-25"));
    expect(error.field).toBe("end_date");
    expect(error.line).toBe(3);
  });

  it("refuses a duplicate item number within a session", () => {
    const error = refusal("agenda-items.csv", (t) => `${t}copuos-54,3,Statement by the Chair.,A/AC.105/L.280 https://example.org,2011-04-21,yes,\n`);
    expect(error.field).toBe("item");
    expect(error.message).toContain("duplicate item 3 in copuos-54");
  });

  it("refuses a document under an item that is not on the session's agenda", () => {
    const error = refusal("documents.csv", (t) => t.replace("copuos-stsc-57,5,", "copuos-stsc-57,6,"));
    expect(error.field).toBe("item");
  });

  it("refuses an as-of date after the reference day", () => {
    const error = refusal("sessions.csv", (t) => t.replace(",2026-01-26,", ",2026-12-01,"));
    expect(error.field).toBe("as_of");
  });
});
