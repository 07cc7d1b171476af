import { describe, expect, it } from "vitest";
import { syncCuratedActors } from "../../src/app/concord-context.ts";
import { loadActorTable } from "../../src/catalog/actor-table.ts";
import { ingestPayloads } from "../../src/catalog/catalog-ingest.service.ts";
import { objectMaintenance } from "../../src/environment/object-maintenance.service.ts";
import { readFileSource } from "../../src/sources/read-file-source.ts";
import { getObject } from "../../src/store/space-object.repository.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { testDatabases } from "../support/test-databases.ts";

const ACTIVE = sharedDataFile("gp/celestrak_active_gp_2026-08-18.csv");
const databases = testDatabases();

describe.skipIf(!ACTIVE).each(databases)("objectMaintenance on %s", (target) => {
  it("says a payload in the newest active set is operating (with the set's date), and that one outside it or a debris object is not", async () => {
    const store = await target.openEmpty();
    const actors = loadActorTable();
    await syncCuratedActors(store, actors);
    expect(await objectMaintenance(store.db, null)).toEqual({ operating: null, basis: "the object is not in the stored catalog" });
    const nothingYet = await objectMaintenance(store.db, { catalogNumber: 25544, objectType: "PAYLOAD", operationalStatus: null });
    expect(nothingYet).toEqual({ operating: null, basis: "no operational status and no active set in the store" });
    await ingestPayloads(store.db, actors, [await readFileSource(ACTIVE!)], { strict: false, isActiveSet: () => true });
    const iss = await getObject(store.db, 25544);
    const operating = await objectMaintenance(store.db, iss);
    expect(operating.operating).toBe(true);
    expect(operating.basis).toMatch(/^listed in the active set of ingest #\d+ \(.*celestrak_active_gp_2026-08-18\.csv, as of 2026-08-1\d\)$/);
    const absent = await objectMaintenance(store.db, { catalogNumber: 4006, objectType: "PAYLOAD", operationalStatus: null });
    expect(absent.operating).toBe(false);
    expect(absent.basis).toMatch(/^absent from the active set/);
    expect(await objectMaintenance(store.db, { catalogNumber: 1, objectType: "DEBRIS", operationalStatus: null })).toEqual({ operating: false, basis: "a debris object is not maintained" });
    expect((await objectMaintenance(store.db, { catalogNumber: 2, objectType: "PAYLOAD", operationalStatus: "D" })).operating).toBe(false);
    await store.close();
  });
});
