import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { ConcordContext } from "../../src/app/concord-context.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../../src/core/concord-error.ts";
import { importActs } from "../../src/diplomacy/act-import.service.ts";
import { transitionPosition } from "../../src/positions/position-clearance.service.ts";
import { citeFigure, loadCitationsWithFreshness, removeCitation } from "../../src/positions/position-citation.service.ts";
import { loadPositionVersion } from "../../src/positions/position-history.service.ts";
import { createPosition, editPosition } from "../../src/positions/position.service.ts";
import { loadPositionDetail } from "../../src/positions/position-view.service.ts";
import { createApp } from "../../src/server/app.ts";
import { inProcessEvidenceResolver } from "../../src/server/evidence-resolver.ts";
import { positionDetailJson } from "../../src/server/position-json.ts";
import { listPositionCitations } from "../../src/store/position-citation.repository.ts";
import { findPosition } from "../../src/store/position.repository.ts";
import { ingestRealFiles, openDiplomacyContext } from "../diplomacy/diplomacy-store-fixture.ts";
import { testDatabases } from "../support/test-databases.ts";
import { auditMark, minuteClock, positionAudit, positionTeam } from "./position-fixtures.ts";

const databases = testDatabases();

/** The evidence answers the figures come from, with the real app in front of the test store. */
async function openEvidence(target: (typeof databases)[number]) {
  const context = await openDiplomacyContext(target);
  const app = createApp(context, { log: () => {} });
  return { context, app, resolve: inProcessEvidenceResolver(app), db: context.database.db };
}

/** The pointer to a state's standing under an instrument in GET /api/states/{state} (its index in `commitments`). */
async function standingPointer(app: ReturnType<typeof createApp>, state: string, instrumentId: string): Promise<string> {
  const body = (await (await app.request(`/api/states/${state}`)).json()) as { commitments: { instrument: { id: string } }[] };
  const index = body.commitments.findIndex((c) => c.instrument.id === instrumentId);
  expect(index).toBeGreaterThanOrEqual(0);
  return `/commitments/${index}/answer/value`;
}

const SATCAT_HEADER = "OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OPS_STATUS_CODE,OWNER,LAUNCH_DATE,LAUNCH_SITE,DECAY_DATE,PERIOD,INCLINATION,APOGEE,PERIGEE,RCS,DATA_STATUS_CODE,ORBIT_CENTER,ORBIT_TYPE";
const SATCAT_ROWS = [
  "SL-1 R/B,1957-001A,1,R/B,D,CIS,1957-10-04,TTMTR,1957-12-01,96.19,65.10,938,214,20.4200,,EA,IMP",
  "HST,1990-037B,20580,PAY,+,US,1990-04-24,AFETR,,94.20,28.47,481,479,,,EA,ORB",
  "ISS (ZARYA),1998-067A,25544,PAY,+,CIS,1998-11-20,TTMTR,,92.93,51.63,423,413,,,EA,ORB",
];
const LATER_ROW = "TIANGONG,2021-035A,48274,PAY,+,PRC,2021-04-29,WSC,,91.50,41.47,389,383,,,EA,ORB";

async function ingestSatcat(context: ConcordContext, dir: string, name: string, rows: readonly string[]): Promise<void> {
  const path = join(dir, name);
  await writeFile(path, `${[SATCAT_HEADER, ...rows].join("\r\n")}\r\n`);
  await ingestRealFiles(context, [path]);
}

describe.each(databases)("cited figures on %s", (target) => {
  it("keeps a cited standing's value and as-of when an act import changes it, and shows that a newer value exists", async () => {
    const { context, app, resolve, db } = await openEvidence(target);
    const { alice } = await positionTeam(db);
    const now = minuteClock();
    const { position } = await createPosition(db, { title: "Artemis outreach", kind: "talking-points", markdown: "- Afghanistan has not signed.\n" }, alice, now());
    const pointer = await standingPointer(app, "AFG", "artemis-accords");
    const mark = await auditMark(db);
    const { citation, returnedToDraft } = await citeFigure(db, position.id, { label: "Afghanistan under the Artemis Accords", apiPath: "/api/states/AFG", pointer }, resolve, alice, now());
    expect(returnedToDraft).toBeNull();
    expect(citation).toMatchObject({ value: "not-participant", valueText: "not-participant", valueNumber: null, asOf: "2026-04-20", citedInVersion: 1, citedBy: alice.userId });
    // The source is the registry's, as a reader sees it: the dataset's name and publishers, the compiled file by name only.
    expect(citation.source).toBe("Artemis Accords — complete list: NASA and US State Department releases (see each act); Concord reference dataset diplomacy/artemis_accords.csv");
    expect(citation.asOfPointer).toBe(pointer.replace(/value$/, "asOf"));
    const [cite] = await positionAudit(db, position.id, mark);
    expect(cite).toMatchObject({ action: "position.cite", before: { status: "draft", citation: null }, after: { citation: { label: "Afghanistan under the Artemis Accords", value: "not-participant", asOf: "2026-04-20" } } });

    const [before] = await loadCitationsWithFreshness(db, position.id, resolve);
    expect(before?.freshness).toMatchObject({ status: "unchanged", newerValueExists: false, current: { value: "not-participant", asOf: "2026-04-20", source: citation.source } });
    // A citation stored before sources were labels (the registry's raw source, without the dataset's name) reads the
    // same: unchanged. (Paths of a machine in stored sources are covered by citation-source.test.ts and the ingest case.)
    await sql`update position_citations set source = ${"complete list: NASA and US State Department releases (see each act) ; Concord reference dataset diplomacy/artemis_accords.csv"} where id = ${citation.id}`.execute(db);
    const [legacy] = await loadCitationsWithFreshness(db, position.id, resolve);
    expect(legacy?.freshness).toMatchObject({ status: "unchanged", asOfChanged: false });
    expect(positionDetailJson(await loadPositionDetail(db, position.id, resolve, alice)).citations[0]?.cited.source).toBe("complete list: NASA and US State Department releases (see each act); Concord reference dataset diplomacy/artemis_accords.csv");

    // The data moves on: Afghanistan signs (an imported act).
    const report = await importActs(db, "party,instrument,act,date,vote,source,as_of,note\nAFG,artemis-accords,signature,2026-11-20,,Test release of the signing,2026-11-25,test row\n", {
      source: "afg.csv",
      strict: true,
      referenceDay: "2026-11-26",
      recordedAt: "2026-11-26T10:00:00.000Z",
    });
    expect(report.inserted).toBe(1);
    const [after] = await loadCitationsWithFreshness(db, position.id, resolve);
    console.log(`cited ${after?.citation.valueText} as of ${after?.citation.asOf}; now ${after?.freshness.current?.valueText} as of ${after?.freshness.current?.asOf} (newerValueExists ${after?.freshness.newerValueExists})`);
    expect(after?.citation).toMatchObject({ value: "not-participant", asOf: "2026-04-20" });
    expect(after?.freshness).toMatchObject({ status: "newer", valueChanged: true, asOfChanged: true, newerValueExists: true, current: { value: "participant", asOf: "2026-11-25", source: "Artemis Accords — Test release of the signing" } });
    await context.close();
  });

  it("cites a catalog count dated by its SATCAT ingest, and sees the newer count after the next ingest", async () => {
    const { context, resolve, db } = await openEvidence(target);
    const dir = await mkdtemp(join(tmpdir(), "concord-positions-"));
    try {
      await ingestSatcat(context, dir, "satcat-1.csv", SATCAT_ROWS);
      const { alice } = await positionTeam(db);
      const now = minuteClock();
      const { position } = await createPosition(db, { title: "Congestion", kind: "position-paper", markdown: "Objects on orbit: see the figure.\n" }, alice, now());
      const { citation } = await citeFigure(db, position.id, { label: "Objects on orbit", apiPath: "/api/stats?by=state", pointer: "/totals/onOrbit" }, resolve, alice, now());
      expect(citation).toMatchObject({ value: 2, valueNumber: 2, valueText: "2", asOfPointer: "/asOf" });
      // The ingest recorded the file's full path; the citation names the file only, never a path of this machine.
      expect(citation.source).toBe("file satcat-1.csv");
      expect(citation.source).not.toContain(dir);
      await ingestSatcat(context, dir, "satcat-2.csv", [...SATCAT_ROWS, LATER_ROW]);
      const [checked] = await loadCitationsWithFreshness(db, position.id, resolve);
      console.log(`cited ${checked?.citation.valueText} (${checked?.citation.source}); now ${checked?.freshness.current?.valueText} (${checked?.freshness.current?.source})`);
      expect(checked?.citation.value).toBe(2);
      expect(checked?.freshness).toMatchObject({ newerValueExists: true, valueChanged: true, asOfChanged: true, current: { value: 3 } });
      expect(checked?.freshness.current?.source).toBe("file satcat-2.csv");
    } finally {
      await rm(dir, { recursive: true, force: true });
      await context.close();
    }
  });

  it("refuses what is not a public evidence figure, naming the field", async () => {
    const { context, resolve, db } = await openEvidence(target);
    const { alice } = await positionTeam(db);
    const now = minuteClock();
    const { position } = await createPosition(db, { title: "Refusals", kind: "talking-points", markdown: "" }, alice, now());
    const cite = (apiPath: string, pointer: string) => citeFigure(db, position.id, { label: "x", apiPath, pointer }, resolve, alice, now());
    const refusals: [string, string, string, RegExp][] = [
      ["/api/positions", "/items", "apiPath", /not a public evidence route/],
      ["/api/users", "/items", "apiPath", /not a public evidence route/],
      ["/api/auth/session", "/user", "apiPath", /not a public evidence route/],
      ["/api/no-such-route", "/x", "apiPath", /not a public evidence route/],
      ["/web/index.html", "/x", "apiPath", /starts with \/api\//],
      ["/api/states/XYZ", "/state/iso3", "apiPath", /answered 404/],
      ["/api/states/AFG", "/commitments", "pointer", /a list/],
      ["/api/states/AFG", "/state/capital", "pointer", /no value at/],
      ["/api/states/AFG", "state", "pointer", /not a JSON pointer/],
    ];
    for (const [apiPath, pointer, field, message] of refusals) {
      const error = await cite(apiPath, pointer).then(() => null, (e: unknown) => e);
      expect(error, apiPath).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).field, apiPath).toBe(field);
      expect((error as InvalidInputError).message, apiPath).toMatch(message);
    }
    expect(await listPositionCitations(db, position.id, { includeRemoved: true })).toEqual([]);
    await context.close();
  });

  it("treats a citation change like an edit: back to draft from cleared, refused once delivered; removal keeps the row", async () => {
    const { context, app, resolve, db } = await openEvidence(target);
    const { alice, bob } = await positionTeam(db);
    const now = minuteClock();
    const { position } = await createPosition(db, { title: "Debris", kind: "position-paper", markdown: "v1\n" }, alice, now());
    const pointer = await standingPointer(app, "NZL", "artemis-accords");
    const first = await citeFigure(db, position.id, { label: "NZ and Artemis", apiPath: "/api/states/NZL", pointer }, resolve, alice, now());
    await editPosition(db, position.id, { baseVersion: 1, markdown: "v2\n" }, alice, now());
    await transitionPosition(db, position.id, "under-review", alice, now());
    await transitionPosition(db, position.id, "cleared", bob, now());
    // Bob adds a figure to the cleared text: back to draft, and Bob is now the last editor (so Alice may clear it).
    const second = await citeFigure(db, position.id, { label: "Artemis coverage", apiPath: "/api/instruments/artemis-accords", pointer: "/instrument/coverage" }, resolve, bob, now());
    expect(second.returnedToDraft).toMatchObject({ from: "cleared" });
    expect(second.citation).toMatchObject({ value: "complete", asOf: "2026-04-20", asOfPointer: "/instrument/coverageAsOf", citedInVersion: 2 });
    expect(await findPosition(db, position.id)).toMatchObject({ status: "draft", lastEditedBy: bob.userId });
    const mark = await auditMark(db);
    const removed = await removeCitation(db, position.id, first.citation.id, bob, now());
    expect(removed.citation).toMatchObject({ removedBy: bob.userId, removedInVersion: 2 });
    const [uncite] = await positionAudit(db, position.id, mark);
    expect(uncite).toMatchObject({ action: "position.uncite", before: { citation: { label: "NZ and Artemis" } }, after: { citation: null } });
    await expect(removeCitation(db, position.id, first.citation.id, bob, now())).rejects.toThrow(NotFoundError);
    // Version 1 cited the first figure; version 2 ended citing only the second.
    expect((await loadPositionVersion(db, position.id, 1)).citations.map((c) => c.label)).toEqual(["NZ and Artemis"]);
    expect((await loadPositionVersion(db, position.id, 2)).citations.map((c) => c.label)).toEqual(["Artemis coverage"]);
    await transitionPosition(db, position.id, "under-review", bob, now());
    await transitionPosition(db, position.id, "cleared", alice, now());
    await transitionPosition(db, position.id, "delivered", alice, now());
    await expect(citeFigure(db, position.id, { label: "late", apiPath: "/api/states/NZL", pointer }, resolve, alice, now())).rejects.toThrow(ConflictError);
    await expect(removeCitation(db, position.id, second.citation.id, alice, now())).rejects.toThrow(/delivered is final/);
    const detail = await loadPositionDetail(db, position.id, resolve, alice);
    expect(detail.citations.map((c) => [c.citation.label, c.freshness.status])).toEqual([["Artemis coverage", "unchanged"]]);
    expect(detail.transitions).toEqual([]);
    await context.close();
  });
});
