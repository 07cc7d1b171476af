import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DiplomacyDataError, cells, readCuratedRows } from "./curated-table.ts";
import { DEFAULT_DIPLOMACY_DIR } from "./diplomacy-registry.ts";
import { isIsoAlpha3 } from "./iso-country-names.ts";
import { isOnOrBefore, isPartialDate } from "./partial-date.ts";

/**
 * A destructive anti-satellite test that created tracked debris (`data/diplomacy/destructive-asat-tests.csv`): who
 * conducted it, against what, which launches' debris it produced (so the catalog can count that debris), and the
 * published counts with their source and as-of date.
 */
export const ASAT_TEST_CERTAINTIES = ["confirmed", "suspected", "uncertain"] as const;
export type AsatTestCertainty = (typeof ASAT_TEST_CERTAINTIES)[number];

export interface DestructiveAsatTest {
  /** Partial date `YYYY[-MM[-DD]]` of the (first) intercept. */
  readonly date: string;
  /** The UN state answerable for it today (ISO alpha-3): Russia for the Soviet tests. */
  readonly stateIso3: string;
  /** The catalog actor that conducted it (`SUN` for the USSR, otherwise the state). */
  readonly conductedBy: string;
  /** `suspected` / `uncertain`: the sources doubt that it was a destructive test, or which fragmentation it was. */
  readonly certainty: AsatTestCertainty;
  readonly testType: string;
  readonly targetName: string;
  readonly targetCatalogNumber: number | null;
  readonly targetDesignator: string | null;
  /** Launch designators (`YYYY-NNN`) whose catalogued debris came from the test (interceptor, target). */
  readonly debrisLaunches: readonly string[];
  readonly altitudeKm: number | null;
  /** Published counts: debris catalogued in all, and still on orbit as of `debrisAsOf`. */
  readonly debrisCatalogued: number | null;
  readonly debrisOnOrbit: number | null;
  readonly debrisAsOf: string | null;
  readonly source: string;
  readonly asOf: string;
  readonly note: string | null;
}

export const DESTRUCTIVE_ASAT_TESTS_FILE = "destructive-asat-tests.csv";

const LAUNCH = /^\d{4}-\d{3}$/;

const row = z.object({
  date: z.string().refine(isPartialDate, "must be a date YYYY, YYYY-MM or YYYY-MM-DD"),
  state: z.string().refine(isIsoAlpha3, "must be an ISO 3166-1 alpha-3 code"),
  conducted_by: z.string().regex(/^[A-Z]{3}$/, "must be a three-letter actor code"),
  certainty: z.enum(ASAT_TEST_CERTAINTIES),
  test_type: cells.required,
  target_name: cells.required,
  target_norad: cells.optionalCount,
  target_designator: z
    .string()
    .refine((s) => s === "" || /^\d{4}-\d{3}[A-Z]{1,3}$/.test(s), "must be empty or an international designator YYYY-NNNA")
    .transform((s) => (s === "" ? null : s)),
  debris_launches: cells.codeList.refine((list) => list.every((d) => LAUNCH.test(d)), "must be launch designators YYYY-NNN separated by ';'"),
  altitude_km: cells.optionalCount,
  debris_catalogued: cells.optionalCount,
  debris_on_orbit: cells.optionalCount,
  debris_as_of: cells.optionalPartialDate,
  source: cells.required,
  as_of: cells.day,
  note: cells.optional,
});

/** Pure: validates the file's rows; `referenceDay` (`YYYY-MM-DD`) is the day no date may lie after. */
export function parseDestructiveAsatTests(text: string, referenceDay: string, file = DESTRUCTIVE_ASAT_TESTS_FILE): DestructiveAsatTest[] {
  return readCuratedRows(text, file, row).map(({ line, row: r }) => {
    for (const [field, date] of [["date", r.date], ["debris_as_of", r.debris_as_of], ["as_of", r.as_of]] as const) {
      if (date !== null && !isOnOrBefore(date, referenceDay)) throw new DiplomacyDataError(file, line, field, `future date ${date} (after ${referenceDay})`);
    }
    if ((r.debris_on_orbit === null) !== (r.debris_as_of === null)) throw new DiplomacyDataError(file, line, "debris_as_of", "needed exactly when debris_on_orbit is given");
    return {
      date: r.date,
      stateIso3: r.state,
      conductedBy: r.conducted_by,
      certainty: r.certainty,
      testType: r.test_type,
      targetName: r.target_name,
      targetCatalogNumber: r.target_norad,
      targetDesignator: r.target_designator,
      debrisLaunches: r.debris_launches,
      altitudeKm: r.altitude_km,
      debrisCatalogued: r.debris_catalogued,
      debrisOnOrbit: r.debris_on_orbit,
      debrisAsOf: r.debris_as_of,
      source: r.source,
      asOf: r.as_of,
      note: r.note,
    };
  });
}

/** Reads `data/diplomacy/destructive-asat-tests.csv` (or the file in another directory). */
export function loadDestructiveAsatTests(referenceDay: string, dir: string = DEFAULT_DIPLOMACY_DIR): DestructiveAsatTest[] {
  return parseDestructiveAsatTests(readFileSync(join(dir, DESTRUCTIVE_ASAT_TESTS_FILE), "utf8"), referenceDay);
}
