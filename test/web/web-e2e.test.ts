import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/run-cli.ts";
import { sharedDataFile } from "../support/shared-data.ts";
import { chromiumExecutable } from "./chromium.ts";
import { debrisPageTests } from "./debris-pages.ts";
import { diplomacyPageTests } from "./diplomacy-pages.ts";
import { settle, startWebFixture, visit, watchForProblems } from "./web-fixture.ts";
import type { WebFixture } from "./web-fixture.ts";

const SATCAT = sharedDataFile("satcat/spacetrack_satcat_2026-01-20.json.gz");
const ELEMENT_SETS = sharedDataFile("gp/spacetrack_full_catalog_3le_2023-10-09.txt");
const SPACE_WEATHER = sharedDataFile("space-weather/SW-All.csv");
const CHROMIUM = SATCAT && ELEMENT_SETS ? chromiumExecutable() : null;

const SCREENSHOTS = join(REPO_ROOT, "test-output", "screenshots");
const FIRST_PAGE_JS_LIMIT_BYTES = 400 * 1024;

interface EventJson {
  readonly id: number;
  readonly missDistanceKm: number;
  readonly primary: { readonly catalogNumber: number; readonly actorCode: string };
  readonly secondary: { readonly catalogNumber: number; readonly actorCode: string };
}

/** Sums the layout shifts (without recent input) the page has seen: Chromium's Cumulative Layout Shift. */
const LAYOUT_SHIFT_OBSERVER = `
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
`;

describe.skipIf(!SATCAT || !ELEMENT_SETS || !CHROMIUM)("the web app in headless Chromium, on the real server and a real store", () => {
  let fixture: WebFixture;
  const problems: string[] = [];
  const started = Date.now();

  /** A fresh page that records console errors and warnings and uncaught exceptions (asserted empty at the end). */
  const openPage = async (): Promise<Page> => {
    const page = await fixture.browserContext.newPage();
    // Warnings too (Plot's data warnings, React Router's): only the app's own notes on 4xx answers are expected.
    return watchForProblems(page, problems, { toleratedErrors: /status of 404/, warnings: true });
  };
  const screenshot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const api = async <T>(path: string): Promise<T> => (await (await fetch(`${fixture.server.url}${path}`)).json()) as T;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    fixture = await startWebFixture({ satcat: SATCAT as string, elementSets: ELEMENT_SETS as string, spaceWeather: SPACE_WEATHER }, CHROMIUM as string);
    await fixture.browserContext.addInitScript(LAYOUT_SHIFT_OBSERVER);
    console.log(`fixture ready: ${Object.entries(fixture.timingsMs).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(", ")}; run #${fixture.runId}`);
  }, 240_000);

  afterAll(async () => {
    await fixture?.close();
    console.log(`web end-to-end tests: ${((Date.now() - started) / 1000).toFixed(1)} s in all; screenshots in ${SCREENSHOTS}`);
  });

  it("loads the overview fast, with its first page's JavaScript under 400 KB gzip", async () => {
    const page = await openPage();
    const scripts: string[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(new URL(response.url()).pathname);
    });
    const begun = Date.now();
    await page.goto("/");
    await page.getByRole("heading", { name: "Latest conjunction screening" }).waitFor();
    await settle(page);
    const readyMs = Date.now() - begun;
    // Browser-side expressions are strings: this project's tsconfig has no DOM types (they would hide DOM use in src/).
    const loadMs = Number(await page.evaluate(`performance.getEntriesByType("navigation")[0].loadEventEnd`));
    const sizes = [...new Set(scripts)].map((path) => {
      const bytes = readFileSync(join(REPO_ROOT, "web", "dist", path));
      return { path, raw: bytes.length, gzip: gzipSync(bytes).length };
    });
    const gzipTotal = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.log(
      `first page (/): load event ${loadMs.toFixed(0)} ms, content ready ${readyMs} ms; ${sizes.length} scripts, ` +
        `${(sizes.reduce((sum, s) => sum + s.raw, 0) / 1024).toFixed(1)} KB raw, ${(gzipTotal / 1024).toFixed(1)} KB gzip ` +
        `(limit ${FIRST_PAGE_JS_LIMIT_BYTES / 1024} KB): ${sizes.map((s) => `${s.path.replace("/assets/", "")} ${(s.gzip / 1024).toFixed(1)}`).join(", ")}`,
    );
    expect(sizes.length).toBeGreaterThan(1); // code-split: the pages are separate chunks
    // React's production build (a build under NODE_ENV=test would ship the development build, much larger and slower).
    const entry = sizes.find((s) => /\/index-[^/]+\.js$/.test(s.path));
    expect(readFileSync(join(REPO_ROOT, "web", "dist", entry?.path ?? "missing"), "utf8")).toContain("Minified React error");
    expect(gzipTotal).toBeLessThan(FIRST_PAGE_JS_LIMIT_BYTES);
    expect(loadMs).toBeLessThan(3000);
    await page.close();
  });

  it("overview: freshness with as-of dates, population by state and type, growth, map, and the latest run's events", async () => {
    const page = await openPage();
    await visit(page, "/");
    const main = page.locator("main");
    await expect.poll(() => main.locator(".card").first().innerText()).toMatch(/as of \d{4}-\d{2}-\d{2}/);
    const freshness = await main.locator(".cards").innerText();
    expect(freshness).toContain("spacetrack_satcat_2026-01-20.json.gz");
    expect(freshness).toMatch(/epoch 2023-10-0\d/);
    expect(freshness).toContain(`Run #${fixture.runId}`);
    const byState = main.locator("figure", { hasText: "Objects on orbit by state or organisation" });
    expect(await byState.locator("svg text").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/United States/)]));
    expect(await byState.locator(".source-note").innerText()).toMatch(/SATCAT spacetrack_satcat_2026-01-20\.json\.gz .*data as of \d{4}-\d{2}-\d{2}/);
    const byType = main.locator("figure", { hasText: "Objects on orbit by type" });
    expect((await byType.locator("svg").first().innerHTML()).toLowerCase()).toContain("debris");
    const growth = main.locator("figure", { hasText: "Growth: objects catalogued by launch year" });
    expect(await growth.locator("svg rect").count()).toBeGreaterThan(100);
    const map = main.locator("figure", { hasText: "Objects on orbit attributed to each state" });
    expect(await map.locator("svg.map-svg path").count()).toBeGreaterThan(150);
    expect(await map.locator("svg.map-svg path title", { hasText: "United States of America (USA):" }).count()).toBe(1);
    const closest = main.locator(".table-block", { hasText: "Closest approaches" });
    const rows = closest.locator("tbody tr");
    expect(await rows.count()).toBe(10);
    const events = await api<{ items: EventJson[] }>(`/api/screening/runs/${fixture.runId}/events?limit=10`);
    expect(await rows.first().locator("td").first().innerText()).toBe(`#${events.items[0]!.id}`);
    const shift = Number(await page.evaluate("window.__layoutShift"));
    console.log(`overview: cumulative layout shift ${shift.toFixed(3)} (good: < 0.1)`);
    expect(shift).toBeLessThan(0.1);
    await screenshot(page, "01-overview");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav[aria-label=Main]").isVisible()).toBe(false);
    expect(await page.getByText("Printed from").isVisible()).toBe(true);
    await screenshot(page, "01-overview-print");
    await page.close();
  });

  it("a user's path: overview → the run's events → filter by actor (in the URL) → one event → its CDM in KVN", async () => {
    const page = await openPage();
    await visit(page, "/");
    await page.locator("main").getByRole("link", { name: `Run #${fixture.runId}`, exact: true }).first().click();
    await page.waitForURL(`**/conjunctions?run=${fixture.runId}`);
    await settle(page);
    expect(await page.locator("h1").innerText()).toBe("Conjunctions");
    const all = await api<{ total: number; items: EventJson[] }>(`/api/screening/runs/${fixture.runId}/events?limit=1000`);
    expect(await page.locator("main").innerText()).toContain(`${all.total} events, closest first`);
    await screenshot(page, "02-conjunctions");

    const actor = all.items[0]!.secondary.actorCode;
    await page.getByLabel("Actor (either object)").fill(actor);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(`**/conjunctions?run=${fixture.runId}&actor=${actor}`);
    await settle(page);
    const expected = all.items.filter((e) => e.primary.actorCode === actor || e.secondary.actorCode === actor);
    const table = page.locator(".table-block", { hasText: "closest first" });
    await expect.poll(() => table.locator(".table-caption").innerText()).toBe(`${expected.length} event${expected.length === 1 ? "" : "s"} involving ${actor}, closest first`);
    for (const row of await table.locator("tbody tr").all()) expect(await row.innerText()).toContain(actor);

    const first = expected[0]!;
    await table.getByRole("link", { name: `Event ${first.id}: details and CDM` }).click();
    await page.waitForURL(`**/conjunctions/events/${first.id}`);
    await settle(page);
    const main = page.locator("main");
    expect(await main.locator(".key-figures").innerText()).toContain(`${first.missDistanceKm.toFixed(3)} km`);
    const geometry = main.locator("figure", { hasText: "Encounter geometry at TCA" });
    expect(await geometry.locator("svg text").allTextContents()).toEqual(expect.arrayContaining(["Radial", "In-track", "Cross-track"]));
    expect(await geometry.locator("table").innerText()).toContain(first.missDistanceKm.toFixed(4));
    await screenshot(page, "03-event");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CDM (KVN)" }).click()]);
    const kvn = readFileSync(await download.path(), "utf8");
    expect(download.suggestedFilename()).toMatch(/\.kvn$/);
    expect(kvn).toMatch(/^CCSDS_CDM_VERS\s*=\s*1\.0/m);
    expect(kvn).toMatch(new RegExp(`^OBJECT_DESIGNATOR\\s*=\\s*0*${first.primary.catalogNumber}\\s*$`, "m"));
    expect(kvn).toMatch(new RegExp(`^OBJECT_DESIGNATOR\\s*=\\s*0*${first.secondary.catalogNumber}\\s*$`, "m"));
    const [xml] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CDM (XML)" }).click()]);
    expect(readFileSync(await xml.path(), "utf8")).toContain("<cdm");
    await page.close();
  });

  it("deep links restore the filters; the events table downloads every matching row as CSV", async () => {
    const page = await openPage();
    const maxMissKm = 2;
    await visit(page, `/conjunctions?run=${fixture.runId}&maxMissKm=${maxMissKm}`);
    const near = await api<{ total: number }>(`/api/screening/runs/${fixture.runId}/events?maxMissKm=${maxMissKm}`);
    expect(await page.getByLabel("Maximum miss km").inputValue()).toBe(String(maxMissKm));
    const table = page.locator(".table-block", { hasText: "closest first" });
    expect(await table.locator(".table-caption").innerText()).toContain(`${near.total} event`);
    const [download] = await Promise.all([page.waitForEvent("download"), table.getByRole("button", { name: "Download CSV (all rows)" }).click()]);
    const lines = readFileSync(await download.path(), "utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Event,TCA (UTC),Primary,Actor 1,Type 1,Secondary,Actor 2,Type 2,Miss km,Radial km,In-track km,Cross-track km,Speed km/s,Pc");
    expect(lines.length).toBe(near.total + 1);
    for (const line of lines.slice(1)) expect(Number(line.split(",")[8])).toBeLessThanOrEqual(maxMissKm);
    await page.close();
  });

  it("the exposure matrix: a labelled heat map in a colour-blind-safe palette, the same figures as a table", async () => {
    const page = await openPage();
    await visit(page, `/conjunctions/exposure?run=${fixture.runId}`);
    const exposure = await api<{ actors: string[]; cells: { events: number }[] }>(`/api/screening/runs/${fixture.runId}/exposure`);
    const figure = page.locator("figure", { hasText: "Who approaches whom" });
    const labels = await figure.locator("svg text").allTextContents();
    for (const actor of exposure.actors.slice(0, 5)) expect(labels).toContain(actor);
    expect(await figure.locator("[aria-label*='legend' i], svg").count()).toBeGreaterThan(1);
    const table = page.locator(".table-block", { hasText: "actor pairs with events" });
    expect(await table.locator("tbody tr").count()).toBe(exposure.cells.filter((c) => c.events > 0).length);
    await screenshot(page, "04-exposure");
    await page.getByLabel("Measure").selectOption("closest");
    await page.waitForURL(/measure=closest/);
    await expect.poll(() => page.locator("figure").first().textContent()).toContain("Closest miss distance (km; darker is closer)");
    await page.getByLabel("View").selectOption("debris");
    await page.waitForURL(/view=debris/);
    await expect.poll(() => page.locator("main .state").first().textContent()).toContain("no debris or rocket body approached an active payload");
    await page.close();
  });

  it("objects: search by name → the object page with orbit, owner, element history and sources", async () => {
    const page = await openPage();
    await visit(page, "/objects");
    expect(await page.locator(".table-caption").first().innerText()).toMatch(/^[\d,]+ objects in the catalog/);
    await page.getByLabel("Name, catalog number or designator").fill("ISS (ZARYA)");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/objects\?search=ISS/);
    await settle(page);
    await screenshot(page, "05-objects");
    await page.locator("tbody").getByRole("link", { name: "ISS (ZARYA)" }).click();
    await page.waitForURL("**/objects/25544");
    await settle(page);
    const main = page.locator("main");
    expect(await page.locator("h1").innerText()).toBe("ISS (ZARYA)");
    // The SATCAT gives the ISS's Zarya module the owner code CIS, launched after 1991: Russia.
    expect(await main.locator(".card", { hasText: "Owner and attribution" }).innerText()).toMatch(/Russian Federation \(RUS, state\)[\s\S]*CIS: /);
    expect(await main.locator(".card", { hasText: "Orbit" }).first().innerText()).toMatch(/LEO/);
    expect(await main.locator(".card", { hasText: "Sources" }).innerText()).toContain("spacetrack_full_catalog_3le_2023-10-09.txt");
    expect(await main.locator("figure", { hasText: "Apogee and perigee altitude" }).locator("svg text").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Perigee 4\d\d km$/)]),
    );
    expect(await main.locator(".table-block", { hasText: "Element sets, newest first" }).locator("tbody tr").count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, "06-object");
    await visit(page, "/objects?search=1998-067A&type=PAYLOAD");
    expect(await page.locator("tbody").innerText()).toContain("25544");
    await visit(page, "/objects?search=no-such-object-xyz");
    expect(await page.locator(".state-empty").innerText()).toContain("No object matches “no-such-object-xyz”");
    await visit(page, "/objects/999999999");
    expect(await page.locator("h1").innerText()).toBe("Object 999999999");
    expect(await page.locator(".state-error").innerText()).toMatch(/The server answered 404 \(NOT_FOUND\)[\s\S]*go back or start from the navigation/);
    await screenshot(page, "06-object-not-found");
    await page.close();
  });

  it("sources: every ingest with its time, epochs and rejections; one ingest's page", async () => {
    const page = await openPage();
    await visit(page, "/sources");
    const sources = await api<{ items: { id: number; source: string }[] }>("/api/sources");
    const rows = page.locator(".table-block", { hasText: "Every ingest" }).locator("tbody tr");
    expect(await rows.count()).toBe(sources.items.length);
    const text = await rows.allInnerTexts();
    expect(text.join("\n")).toContain("spacetrack_full_catalog_3le_2023-10-09.txt");
    expect(text.join("\n")).toMatch(/2023-10-0\d/);
    await screenshot(page, "07-sources");
    await page.getByRole("link", { name: `#${sources.items[0]!.id}`, exact: true }).first().click();
    await settle(page);
    expect(await page.locator("h1").innerText()).toMatch(new RegExp(`^Ingest #${sources.items[0]!.id}: `));
    expect(await page.locator("main").innerText()).toContain("Rejected records");
    await screenshot(page, "08-ingest");
    await page.close();
  });

  diplomacyPageTests({ openPage, screenshot, api });

  debrisPageTests({ openPage, screenshot, api, spaceWeather: SPACE_WEATHER !== null });

  it("an unknown page or API route: a clear not-found, never a crash", async () => {
    const page = await openPage();
    await visit(page, "/no/such/page");
    expect(await page.locator("h1").innerText()).toBe("Page not found");
    const apiMiss = await fetch(`${fixture.server.url}/api/no-such-route`);
    expect(apiMiss.status).toBe(404);
    expect(apiMiss.headers.get("content-type")).toMatch(/application\/json/);
    await page.close();
  });

  it("keyboard: the first Tab reaches the skip link, which leads into the page's content", async () => {
    const page = await openPage();
    await visit(page, "/conjunctions");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("Skip to content");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(`document.activeElement?.closest("main") !== null`)).toBe(true);
    await page.close();
  });

  it("showed no uncaught exception and logged no console error or warning on any page", () => {
    expect(problems).toEqual([]);
  });
});
