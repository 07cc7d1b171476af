import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { settle, visit } from "./web-fixture.ts";

/** What the diplomacy pages' tests need from the end-to-end suite that runs them (its server, browser and helpers). */
export interface DiplomacyPagesContext {
  readonly openPage: () => Promise<Page>;
  readonly screenshot: (page: Page, name: string) => Promise<unknown>;
  readonly api: <T>(path: string) => Promise<T>;
}

interface OutreachJson {
  readonly ranked: readonly { readonly iso3: string; readonly name: string; readonly factors: readonly unknown[] }[];
}

const tableRows = (page: Page, caption: RegExp | string) => page.locator(".table-block", { has: page.locator(".table-caption", { hasText: caption }) }).locator("tbody tr");

/**
 * The States, Instruments and Outreach pages, against the API's own answers. Registered inside the web suite's
 * describe (one server, one store, one browser for every page).
 */
export function diplomacyPageTests(context: DiplomacyPagesContext): void {
  it("states: search the list (in the URL) → the USA's profile with its Artemis signature of 2020-10-13, conduct in orbit, consistency and sources", async () => {
    const page = await context.openPage();
    await visit(page, "/states");
    const directory = await context.api<{ states: { iso3: string }[] }>("/api/states");
    expect(await page.locator(".table-caption").first().innerText()).toBe(`${directory.states.length} of ${directory.states.length} states, by name`);
    await context.screenshot(page, "10-states");
    await page.getByLabel("Name or ISO code").fill("united states");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/\/states\?q=united\+states/);
    await settle(page);
    expect(await page.locator(".table-caption").first().innerText()).toMatch(/^1 of \d+ states match/);
    await page.locator("tbody").getByRole("link", { name: "United States of America" }).click();
    await page.waitForURL("**/states/USA");
    await settle(page);
    expect(await page.locator("h1").innerText()).toBe("United States of America");
    const artemis = tableRows(page, /^Acts and standings/).filter({ hasText: "Artemis Accords" });
    expect(await artemis.count()).toBe(1);
    expect(await artemis.innerText()).toMatch(/signature\s+2020-10-13/);
    // Unknown is shown as unknown: the stored roll call of 77/41 does not list the USA.
    expect(await tableRows(page, /^Acts and standings/).filter({ hasText: "UNGA res. 77/41" }).innerText()).toMatch(/unknown/);
    const profile = await context.api<{ conduct: { actors: { objects: { onOrbit: number } }[] } }>("/api/states/USA");
    const onOrbit = profile.conduct.actors[0]!.objects.onOrbit;
    expect(await page.locator("#conduct ~ section .key-figures").first().innerText()).toContain(onOrbit.toLocaleString("en-US"));
    const byType = page.locator("figure", { hasText: "Objects on orbit by type and orbit regime" }).first();
    expect(await byType.locator("svg text").allTextContents()).toEqual(expect.arrayContaining(["PAYLOAD", "DEBRIS"]));
    expect(await page.locator("figure", { hasText: "Launches per year" }).first().locator("svg rect").count()).toBeGreaterThan(50);
    expect(await tableRows(page, /^Debris by fragmentation parent/).first().innerText()).toMatch(/\d{4}-\d{3}/);
    expect(await page.locator("main").innerText()).toMatch(/Conjunction exposure unknown|Conjunctions in run #/);
    expect(await page.locator(".consistency-item", { hasText: "DA-ASAT test commitment beside destructive ASAT tests" }).innerText()).toContain("P78-1 (Solwind)");
    expect(await tableRows(page, /sources of this profile/).count()).toBeGreaterThan(3);
    await context.screenshot(page, "11-state-usa");
    await visit(page, "/states/NZE");
    expect(await page.locator(".state-error").innerText()).toMatch(/404 \(NOT_FOUND\)[\s\S]*did you mean NZL/);
    await page.close();
  });

  it("instruments: the Artemis Accords' map and growth curve show 62 signatories as of 2026-04-20; unknown is labelled and hatched apart from known-not-in", async () => {
    const page = await context.openPage();
    await visit(page, "/instruments");
    await page.getByRole("link", { name: "Artemis Accords" }).first().click();
    await page.waitForURL("**/instruments/artemis-accords");
    await settle(page);
    const map = page.locator("figure", { hasText: "Who is in the Artemis Accords" });
    expect(await map.locator(".map-legend").innerText()).toMatch(/in \(62\)[\s\S]*known not in \(133\)[\s\S]*unknown \(0\)/);
    expect(await map.locator("svg.map-svg path title", { hasText: "United States of America (USA): in" }).count()).toBe(1);
    const growth = page.locator("figure", { hasText: "Growth of the Artemis Accords" });
    expect(await growth.locator(".figure-subtitle").innerText()).toContain("62 participants as of 2026-04-20");
    expect(await growth.locator("svg text").allTextContents()).toContain("62");
    expect(await tableRows(page, /states, in date order/).count()).toBe(195);
    await context.screenshot(page, "12-instrument-artemis");
    await page.getByLabel("Show").selectOption("participant");
    await page.waitForURL(/standing=participant/);
    await expect.poll(() => tableRows(page, /states: in, in date order/).count()).toBe(62);

    await visit(page, "/instruments/ost");
    const ost = await context.api<{ unknown: unknown[]; knownOut: unknown[] }>("/api/instruments/ost");
    const legend = await page.locator(".map-legend").innerText();
    expect(legend).toContain(`unknown (${ost.unknown.length})`);
    expect(legend).toContain(`known not in (${ost.knownOut.length})`);
    // Unknown and known-not-in differ by a texture as well as a colour.
    expect(await page.locator("svg.map-svg path[fill^='url(#map-hatch']").count()).toBeGreaterThan(0);
    await context.screenshot(page, "13-instrument-ost");
    await page.close();
  });

  it("the vote on resolution 77/41: a map of 9 no and 9 abstain, the rest unknown, and a table filtered in the URL", async () => {
    const page = await context.openPage();
    await visit(page, "/instruments/unga-res-77-41");
    const figure = page.locator("figure", { hasText: "How states voted" });
    const legend = await figure.locator(".map-legend").innerText();
    expect(legend).toContain("no (9)");
    expect(legend).toContain("abstain (9)");
    expect(legend).toMatch(/unknown: vote not stored \(\d+\)/);
    expect(await figure.locator(".figure-subtitle").innerText()).toContain("155 yes, 9 no, 9 abstain");
    expect(await figure.locator("svg.map-svg path title", { hasText: "China (CHN): no" }).count()).toBe(1);
    await context.screenshot(page, "14-vote-77-41");
    await visit(page, "/instruments/unga-res-77-41?standing=abstain");
    expect(await tableRows(page, /states: abstain/).count()).toBe(9);
    expect(await tableRows(page, /states: abstain/).allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining("India")]));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    expect(readFileSync(await download.path(), "utf8").trimEnd().split("\r\n")).toHaveLength(10);
    await page.close();
  });

  it("outreach: ranked states with each factor's contribution; moving a weight re-ranks them through the API and keeps the weights in the URL", async () => {
    const page = await context.openPage();
    await visit(page, "/outreach");
    const configured = await context.api<OutreachJson>("/api/outreach/artemis-accords?top=25");
    const rows = tableRows(page, /^Ranked states/);
    expect(await rows.count()).toBe(25);
    const shownOrder = async () => (await rows.locator("td:nth-child(3)").allInnerTexts()).map((t) => t.trim());
    expect(await shownOrder()).toEqual(configured.ranked.map((c) => c.iso3));
    const chart = page.locator("figure", { hasText: "Outreach priorities for the Artemis Accords" });
    expect(await chart.innerText()).toContain("Objects on orbit"); // the legend
    expect(await chart.locator("svg g[aria-label='bar'] rect").count()).toBeGreaterThanOrEqual(25 * 3);
    await context.screenshot(page, "15-outreach");

    const slider = page.getByRole("slider", { name: /Objects on orbit/ });
    await slider.focus();
    await page.keyboard.press("Home");
    await page.waitForURL(/weights=space-objects%3A0|weights=space-objects:0/);
    const reweighted = await context.api<OutreachJson>("/api/outreach/artemis-accords?top=25&weights=space-objects:0");
    await expect.poll(shownOrder).toEqual(reweighted.ranked.map((c) => c.iso3));
    expect(reweighted.ranked.map((c) => c.iso3)).not.toEqual(configured.ranked.map((c) => c.iso3));
    expect(await page.locator("figure .source-note").first().innerText()).toContain("set on this page (space-objects:0)");
    await context.screenshot(page, "16-outreach-reweighted");
    await page.getByRole("link", { name: "Reset to the configured weights" }).click();
    await expect.poll(shownOrder).toEqual(configured.ranked.map((c) => c.iso3));
    await page.close();
  });
}
