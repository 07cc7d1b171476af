import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_DATA_DIR } from "../catalog/actor-table.ts";
import { SourceFormatError } from "../core/concord-error.ts";
import { parseCsvRecords } from "../core/csv.ts";

/** A well-known fragmentation from data/fragmentation-events.csv, each with its source and as-of date. */
export interface FragmentationEvent {
  readonly id: string;
  readonly name: string;
  readonly date: string;
  readonly eventType: "asat-test" | "collision" | "breakup" | "rocket-body-breakup";
  readonly parentDesignators: readonly string[];
  /** Launch designators (`YYYY-NNN`) whose debris the event produced. */
  readonly debrisLaunches: readonly string[];
  readonly responsibleStates: readonly string[];
  readonly publishedCatalogued: number | null;
  readonly source: string;
  readonly asOf: string;
  readonly note: string | null;
}

export const FRAGMENTATION_EVENTS_FILE = "fragmentation-events.csv";
const HEADER = "id,name,date,event_type,parent_designator,debris_launches,responsible_state,published_catalogued,source,as_of,note";
const EVENT_TYPES = ["asat-test", "collision", "breakup", "rocket-body-breakup"] as const;

/** Parses the curated file; a malformed row is an error naming its line. Pure. */
export function parseFragmentationEvents(text: string, file = FRAGMENTATION_EVENTS_FILE): FragmentationEvent[] {
  const records = parseCsvRecords(text);
  if (records[0]?.fields.join(",") !== HEADER) throw new SourceFormatError(file, `header must be ${HEADER}`);
  return records.slice(1).map((r) => {
    const f = r.fields;
    const fail = (why: string) => new SourceFormatError(file, `line ${r.line}: ${why}`);
    if (r.error !== null || f.length !== 11) throw fail(r.error ?? `${f.length} fields, expected 11`);
    const [id, name, date, type, parents, launches, states, published, source, asOf, note] = f as [string, string, string, string, string, string, string, string, string, string, string];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw fail("date must be YYYY-MM-DD");
    if (!(EVENT_TYPES as readonly string[]).includes(type)) throw fail(`event_type must be one of ${EVENT_TYPES.join(", ")}`);
    const debrisLaunches = launches.split(";").filter((l) => l !== "");
    if (debrisLaunches.length === 0 || !debrisLaunches.every((l) => /^\d{4}-\d{3}$/.test(l))) throw fail("debris_launches must be YYYY-NNN separated by ';'");
    if (source.trim() === "" || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw fail("every row needs a source and an as_of date");
    if (published !== "" && !/^\d+$/.test(published)) throw fail("published_catalogued must be a count");
    return {
      id,
      name,
      date,
      eventType: type as FragmentationEvent["eventType"],
      parentDesignators: parents.split(";").filter((p) => p !== ""),
      debrisLaunches,
      responsibleStates: states.split(";").filter((s) => s !== ""),
      publishedCatalogued: published === "" ? null : Number(published),
      source,
      asOf,
      note: note === "" ? null : note,
    };
  });
}

export function loadFragmentationEvents(dataDir: string = DEFAULT_DATA_DIR): FragmentationEvent[] {
  const path = join(dataDir, FRAGMENTATION_EVENTS_FILE);
  return parseFragmentationEvents(readFileSync(path, "utf8"), path);
}
