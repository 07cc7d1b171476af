import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { settle, visit } from "./web-fixture.ts";

/** What the debris page's tests need from the end-to-end suite that runs them (its server, browser and helpers). */
export interface DebrisPagesContext {
  readonly openPage: () => Promise<Page>;
  readonly screenshot: (page: Page, name: string) => Promise<unknown>;
  readonly api: <T>(path: string) => Promise<T>;
  /** Whether the fixture's store has a space-weather ingest (without one the lifetime views say what to ingest). */
  readonly spaceWeather: boolean;
}

/** The analysis date of these tests: the day after the 2023-10-09 catalog's epochs. */
const DAY = "2023-10-10";
/** As the page's client sends it (URL-encoded), so that the API's response cache answers the test's own reads. */
const AT = encodeURIComponent(`${DAY}T00:00:00Z`);

interface ComplianceRowJson {
  readonly key: string;
  readonly assessed: number;
  readonly compliantShare: number | null;
}
interface ComplianceJson {
  readonly totals: ComplianceRowJson;
  readonly rows: readonly ComplianceRowJson[];
  readonly sources: { readonly endOfMission: string; readonly spaceWeather: { readonly source: string } | null };
}
interface FragmentationJson {
  readonly id: string;
  readonly piecesCatalogued: number;
  readonly piecesInOrbit: number;
  readonly projectedRemaining: { readonly after25Years: number };
  readonly asatTest: { readonly state: string } | null;
}

const share = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)} %`);
const count = (value: number) => value.toLocaleString("en-US");
const tableRows = (page: Page, caption: RegExp | string) => page.locator(".table-block", { has: page.locator(".table-caption", { hasText: caption }) }).locator("tbody tr");

/**
 * The Debris & compliance page (compliance, fragmentations, environment trends) against the API's own answers, on the
 * 2023-10-09 catalog as of 2023-10-10. Registered inside the web suite's describe (one server, one store, one browser).
 */
export function debrisPageTests(context: DebrisPagesContext): void {
  it("debris: compliance by state (25- then 5-year rule, in the URL) shows the API's shares, the basis of 'mission ended', its sources and a CSV", async () => {
    const page = await context.openPage();
    await visit(page, `/debris?at=${DAY}`);
    expect(await page.locator("h1").innerText()).toBe("Debris & compliance");
    if (!context.spaceWeather) {
      expect(await page.locator("main .state-empty").innerText()).toContain("concord ingest path/to/SW-All.csv");
      await context.screenshot(page, "17-debris-no-space-weather");
      await page.close();
      return;
    }
    const report = await context.api<ComplianceJson>(`/api/compliance?rule=25y&by=state&at=${AT}`);
    const main = page.locator("main");
    expect(await main.locator(".key-figure", { hasText: "All ended objects comply" }).innerText()).toContain(`${share(report.totals.compliantShare)}\nof ${count(report.totals.assessed)} assessed`);
    const rows = tableRows(page, /^Compliance by state or organisation/);
    expect(await rows.count()).toBe(report.rows.length);
    const first = report.rows[0]!;
    expect(await rows.first().innerText()).toContain(share(first.compliantShare));
    expect(await rows.first().innerText()).toContain(first.key);
    expect(await main.locator(".debris-basis").innerText()).toContain(report.sources.endOfMission);
    const figure = main.locator("figure", { hasText: "Post-mission disposal by state or organisation" });
    expect(await figure.locator("svg text").allTextContents()).toContain(`${share(first.compliantShare)} of ${count(first.assessed)}`);
    expect(await figure.innerText()).toMatch(/Naturally compliant[\s\S]*Compliant after manoeuvre[\s\S]*Not compliant[\s\S]*Not assessable/); // the legend
    expect(await figure.locator(".source-note").innerText()).toMatch(/analysis as of 2023-10-10; SATCAT spacetrack_satcat_2026-01-20\.json\.gz[\s\S]*space weather SW-All\.csv/);
    await context.screenshot(page, "17-debris-compliance");

    await page.getByLabel(/^5 years/).click();
    await page.waitForURL(/rule=5y/);
    await settle(page);
    const strict = await context.api<ComplianceJson>(`/api/compliance?rule=5y&by=state&at=${AT}`);
    await expect.poll(() => main.locator(".key-figure", { hasText: "All ended objects comply" }).innerText()).toContain(share(strict.totals.compliantShare));
    expect(strict.totals.compliantShare).not.toBe(report.totals.compliantShare);
    // Shares instead of counts: the same answer redrawn, no new request.
    await page.getByLabel("shares").click();
    await page.waitForURL(/scale=share/);
    await expect.poll(() => figure.locator("svg text").allTextContents()).toContain("100");
    await context.screenshot(page, "17-debris-compliance-5y-shares");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".table-block").getByRole("button", { name: "Download CSV" }).click()]);
    const lines = readFileSync(await download.path(), "utf8").trimEnd().split("\r\n");
    expect(lines).toHaveLength(strict.rows.length + 1);
    expect(lines[0]).toMatch(/^State or organisation,Code,Naturally compliant,Compliant after manoeuvre,Not compliant,Not assessable,Assessed,Compliant share/);
    await page.close();
  });

  it("debris: fragmentation events with Fengyun-1C's catalogued pieces, the ASAT-test flag and its decay curve from the API's projections", async () => {
    const page = await context.openPage();
    await visit(page, `/debris/fragmentations?at=${DAY}`);
    if (!context.spaceWeather) {
      expect(await page.locator("main .state-empty").innerText()).toContain("SW-All.csv");
      await page.close();
      return;
    }
    const report = await context.api<{ events: FragmentationJson[] }>(`/api/fragmentations?at=${AT}`);
    const rows = tableRows(page, /fragmentation events, most pieces catalogued first/);
    expect(await rows.count()).toBe(report.events.length);
    const fengyun = report.events.find((e) => e.id === "fengyun-1c")!;
    const row = rows.filter({ hasText: "Fengyun-1C" });
    expect(await row.innerText()).toContain(count(fengyun.piecesCatalogued));
    expect(await row.innerText()).toMatch(/CHN, 2007-01-11/);
    const curve = page.locator(".decay-curve", { hasText: "Fengyun-1C" });
    expect(await curve.innerText()).toContain(`${count(fengyun.piecesInOrbit)} in orbit`);
    expect(await curve.locator("svg text").allTextContents()).toContain(count(fengyun.projectedRemaining.after25Years));
    expect(await page.locator(".decay-curve .asat-flag").count()).toBeGreaterThan(0);
    await context.screenshot(page, "18-debris-fragmentations");
    await page.close();
  });

  it("debris: environment trends by object type and the LEO share by state, as the API gives them", async () => {
    const page = await context.openPage();
    await visit(page, `/debris/trends?at=${DAY}&by=type`);
    const report = await context.api<{ series: { key: string }[]; leoShare: { key: string; share: number }[] }>(`/api/environment?by=type&at=${AT}`);
    const trend = page.locator("figure", { hasText: "Objects in orbit at each year end, by object type" });
    const labels = await trend.locator("svg text").allTextContents();
    expect(labels).toEqual(expect.arrayContaining([expect.stringMatching(/^DEBRIS [\d,]+$/), expect.stringMatching(/^PAYLOAD [\d,]+$/)]));
    const leo = tableRows(page, /^LEO population by state or organisation/);
    expect(await leo.count()).toBe(report.leoShare.length);
    expect(await leo.first().innerText()).toContain(share(report.leoShare[0]!.share));
    await context.screenshot(page, "19-debris-trends");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".view-tabs").isVisible()).toBe(false);
    await context.screenshot(page, "19-debris-trends-print");
    await page.close();
  });
}
