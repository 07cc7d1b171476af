import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumExecutable } from "./chromium.ts";
import { settle, visit } from "./web-fixture.ts";
import { SCREENSHOTS, useWorkspaceBrowser } from "./workspace-browser.ts";
import { signInContext } from "./workspace-fixture.ts";

const CHROMIUM = chromiumExecutable();

const DRAFT = "Lunar cooperation: our opening statement";
const UNDER_REVIEW = "Talking points on lunar norms";
const CLEARED = "Position on space traffic coordination";
const TO_BE_DELIVERED = "Statement under item 4";
const DIALOG_NAME = "Cite this figure in a position";

interface PositionAnswer {
  readonly id: number;
  readonly status: string;
  readonly citations: readonly { readonly label: string; readonly apiPath: string; readonly pointer: string; readonly cited: { readonly valueText: string; readonly asOf: string | null } }[];
}

describe.skipIf(!CHROMIUM)("the evidence pages' Cite button in headless Chromium, on the real server", () => {
  // The refusals this test provokes: a 409 (citing a delivered position) and an aborted request (no network).
  const workspace = useWorkspaceBrowser(CHROMIUM, { toleratedErrors: /status of 409|net::ERR_FAILED/ });
  const { newContext, openPage, problems } = workspace;
  const screenshot = (page: Page, name: string) => workspace.screenshot(page, name, { fullPage: false });
  /** A workspace write through the API as the context's user (with its session's CSRF token). */
  const write = async <T>(context: BrowserContext, path: string, data: unknown): Promise<T> => {
    const session = (await (await context.request.get("/api/auth/session")).json()) as { csrfToken: string };
    const response = await context.request.post(path, { data, headers: { "X-CSRF-Token": session.csrfToken } });
    if (!response.ok()) throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const citeButtons = (page: Page) => page.locator("main").getByRole("button", { name: /^Cite/ });
  /** Waits until the app knows the session (the workspace navigation shows the role's pages, or the sign-in hint). */
  const sessionKnown = (page: Page) => page.locator(".nav-workspace .nav-list > li:not(.nav-group-label)").first().waitFor();

  it("an analyst cites the Artemis Accords' participant figure from the instrument page into a draft position, which then lists it with the value the page showed; the dialog lists only drafts and positions under review, moves focus in, closes on Escape and shows a 409 and a network failure; a viewer and a signed-out reader see no Cite button", async () => {
    const started = Date.now();
    const analyst = await newContext();
    await signInContext(analyst, workspace.fixture.users.analyst);
    const admin = await newContext();
    await signInContext(admin, workspace.fixture.users.admin);

    // Four positions: a draft, one under review, one cleared (by the admin: a second person) and a draft the admin will deliver.
    const create = (title: string) => write<PositionAnswer>(analyst, "/api/positions", { title, kind: "talking-points", markdown: `## ${title}\n\nText to come.` });
    const transition = (context: BrowserContext, id: number, to: string) => write<PositionAnswer>(context, `/api/positions/${id}/transitions`, { to });
    const draft = await create(DRAFT);
    const underReview = await create(UNDER_REVIEW);
    await transition(analyst, underReview.id, "under-review");
    const cleared = await create(CLEARED);
    await transition(analyst, cleared.id, "under-review");
    await transition(admin, cleared.id, "cleared");
    const toBeDelivered = await create(TO_BE_DELIVERED);

    // 1. The instrument page: the growth curve states the participants and their as-of date, with Cite beside them.
    const page = await openPage(analyst);
    await visit(page, "/instruments/artemis-accords");
    await sessionKnown(page);
    const growth = page.locator("figure", { has: page.getByRole("heading", { name: "Growth of the Artemis Accords" }) });
    const shown = await growth.getByTestId("participants-figure").innerText();
    const asOf = /participants as of (\d{4}-\d{2}-\d{2})/.exec(await growth.locator(".figure-subtitle").innerText())?.[1];
    console.log(`instrument page: ${shown} participants as of ${asOf}`);
    expect(Number(shown)).toBeGreaterThanOrEqual(62);
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await citeButtons(page).count()).toBe(1);
    const cite = growth.getByRole("button", { name: "Cite: Artemis Accords: participants" });

    // 2. The dialog: focus inside, the figure as the page fixed it, only drafts and positions under review; Escape closes it.
    await cite.click();
    const dialog = page.getByRole("dialog", { name: DIALOG_NAME });
    await dialog.waitFor();
    expect(await page.evaluate("document.activeElement?.closest('dialog.cite-dialog') !== null")).toBe(true);
    expect(await dialog.locator(".cite-shown").innerText()).toBe(shown);
    expect(await dialog.locator(".cite-facts").innerText()).toContain("/api/instruments/artemis-accords at /growth/years/");
    const radios = dialog.getByRole("radio");
    await expect.poll(() => radios.count()).toBe(3);
    const choices = await dialog.locator(".cite-position").allInnerTexts();
    console.log(`positions offered: ${choices.join(" | ")}`);
    expect(choices.some((c) => c.includes(DRAFT) && c.includes("(draft"))).toBe(true);
    expect(choices.some((c) => c.includes(UNDER_REVIEW) && c.includes("(under review"))).toBe(true);
    expect(choices.some((c) => c.includes(TO_BE_DELIVERED))).toBe(true);
    expect(choices.some((c) => c.includes(CLEARED))).toBe(false);
    await screenshot(page, "80-cite-dialog");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await page.evaluate("document.activeElement?.classList.contains('cite-button') === true")).toBe(true);

    // 3. Opened again from the keyboard; meanwhile the admin delivers one of the listed drafts: citing in it is refused (409).
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await expect.poll(() => radios.count()).toBe(3);
    for (const to of ["under-review", "cleared", "delivered"]) await transition(admin, toBeDelivered.id, to);
    await dialog.getByRole("radio", { name: new RegExp(TO_BE_DELIVERED) }).check();
    const submit = dialog.getByRole("button", { name: "Cite in this position" });
    await submit.click();
    const conflict = dialog.locator('[role="alert"][data-status="409"]');
    await conflict.waitFor();
    console.log(`409 shown: ${await conflict.innerText()}`);
    expect(await conflict.innerText()).toMatch(/^Refused \(409\): the position was delivered: delivered is final/);

    // 4. No network: the dialog says so (status 0) and stays open.
    await dialog.getByRole("radio", { name: new RegExp(DRAFT) }).check();
    expect(await conflict.count()).toBe(0);
    await page.route("**/api/positions/*/citations", (route) => route.abort());
    await submit.click();
    const offline = dialog.locator('[role="alert"][data-status="0"]');
    await offline.waitFor();
    expect(await offline.innerText()).toContain("the server did not answer (network)");
    await page.unroute("**/api/positions/*/citations");

    // 5. Cited in the draft: the dialog confirms with the value and date the server kept, and links to the position.
    await submit.click();
    const confirmation = dialog.locator(".cite-done");
    await confirmation.waitFor();
    const confirmed = await confirmation.innerText();
    console.log(`confirmation: ${confirmed}`);
    expect(confirmed).toContain(`Cited “Artemis Accords: participants” in “${DRAFT}”: ${shown} as of ${asOf}.`);
    // The same figure is not cited twice by a second click: the button waits for another choice.
    expect(await submit.isDisabled()).toBe(true);
    await screenshot(page, "81-cite-dialog-cited");
    await dialog.getByRole("link", { name: "Open the position" }).click();
    await page.waitForURL(new RegExp(`/positions/${draft.id}$`));
    await settle(page);
    expect(await page.locator("h1").innerText()).toBe(DRAFT);
    const figureRows = page.locator(".table-block", { has: page.locator(".table-caption", { hasText: "cited figure" }) }).locator("tbody tr");
    await expect.poll(() => figureRows.count()).toBe(1);
    const cells = await figureRows.first().locator("td").allInnerTexts();
    console.log(`position page lists: ${cells.slice(0, 3).map((c) => c.split("\n")[0]).join(" | ")} | ${cells[4]?.replace(/\n/g, " ")}`);
    expect(cells[0]).toContain("Artemis Accords: participants");
    expect(cells[1]).toBe(shown);
    expect(cells[2]).toBe(asOf);
    expect(cells[4]).toMatch(/^\/api\/instruments\/artemis-accords\n\/growth\/years\/\d+\/cumulative$/);
    await figureRows.first().scrollIntoViewIfNeeded();
    await screenshot(page, "82-position-with-cited-figure");

    // 6. A state's standing, from its commitments table, cited in the position under review (which goes back to draft).
    await visit(page, "/states/CHN");
    await sessionKnown(page);
    const ostRow = page.locator("tbody tr", { has: page.getByRole("link", { name: "Outer Space Treaty", exact: true }) }).first();
    const standing = (await ostRow.locator(".standing").innerText()).trim();
    await ostRow.scrollIntoViewIfNeeded();
    await screenshot(page, "83-state-commitments-cite");
    await ostRow.getByRole("button", { name: /^Cite/ }).click();
    await dialog.waitFor();
    expect(await dialog.locator(".cite-shown").innerText()).toBe(standing);
    await dialog.getByRole("radio", { name: new RegExp(UNDER_REVIEW) }).check();
    expect(await dialog.innerText()).toContain("this position goes back to draft");
    await submit.click();
    await confirmation.waitFor();
    expect(await confirmation.innerText()).toContain("sent it back to draft");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    const reviewed = (await (await analyst.request.get(`/api/positions/${underReview.id}`)).json()) as PositionAnswer;
    console.log(`state page citation: ${reviewed.citations[0]?.label} = ${reviewed.citations[0]?.cited.valueText} (shown “${standing}”) at ${reviewed.citations[0]?.pointer}; position now ${reviewed.status}`);
    expect(reviewed.status).toBe("draft");
    expect(reviewed.citations).toHaveLength(1);
    expect(reviewed.citations[0]).toMatchObject({ apiPath: "/api/states/CHN", pointer: "/commitments/0/answer/value", cited: { valueText: "participant" } });
    expect(standing).toBe("in");

    // 7. The audit log has the analyst's two citations.
    const audit = (await (await admin.request.get(`/api/audit?order=asc&limit=500&action=position.cite&actorUserId=${workspace.fixture.users.analyst.id}`)).json()) as { items: { entityId: string }[] };
    expect(audit.items.map((e) => Number(e.entityId))).toEqual([draft.id, underReview.id]);

    // 8. A viewer, and a reader who is not signed in, see the same figures without any Cite button.
    const viewer = await newContext();
    await signInContext(viewer, workspace.fixture.users.viewer);
    const viewerPage = await openPage(viewer);
    const anonymousPage = await openPage(await newContext());
    for (const reader of [viewerPage, anonymousPage]) {
      await visit(reader, "/instruments/artemis-accords");
      await sessionKnown(reader);
      expect(await reader.getByTestId("participants-figure").innerText()).toBe(shown);
      expect(await citeButtons(reader).count()).toBe(0);
      await visit(reader, "/states/CHN");
      await sessionKnown(reader);
      expect(await reader.locator("tbody tr .standing").count()).toBeGreaterThan(5);
      expect(await citeButtons(reader).count()).toBe(0);
    }
    // The analyst, on the same state page, has one Cite per known standing.
    expect(await citeButtons(page).count()).toBeGreaterThan(5);

    console.log(`cite button end to end: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots 80-83 in ${SCREENSHOTS}`);
    expect(problems).toEqual([]);
  }, 240_000);
});
