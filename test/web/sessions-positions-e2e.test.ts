import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { importActs } from "../../src/diplomacy/act-import.service.ts";
import { chromiumExecutable } from "./chromium.ts";
import { settle, visit } from "./web-fixture.ts";
import { SCREENSHOTS, useWorkspaceBrowser } from "./workspace-browser.ts";
import { signInContext } from "./workspace-fixture.ts";

const CHROMIUM = chromiumExecutable();

const SESSION_TITLE = "COPUOS 69th session";
const PROPOSAL_TITLE = "Guidelines on space traffic coordination practices";
const POSITION_TITLE = "Our position on item 9: long-term sustainability";
const SOURCE = "https://www.unoosa.org/oosa/en/ourwork/copuos/2026/statements.html";

interface AuditEntry {
  readonly action: string;
  readonly actorLabel: string;
  readonly entityId: string;
}

describe.skipIf(!CHROMIUM)("sessions, statements, proposals and positions in headless Chromium, on the real server", () => {
  // The refusals this test provokes (400 for a bad date, 403 for the second-person rule, 409 for a stale edit, 404 for a
  // missing session) are logged by the browser as failed resources.
  const workspace = useWorkspaceBrowser(CHROMIUM, { toleratedErrors: /status of 40[0349]/ });
  const { newContext, openPage, screenshot, problems } = workspace;
  const mainText = (page: Page) => page.locator("main").innerText();
  const form = (page: Page, name: string) => page.getByRole("form", { name });
  const done = (page: Page, text: string | RegExp) => page.locator(".form-done", { hasText: text }).waitFor();

  it("an analyst creates a session with agenda items, a proposal and statements from three states (tally 1/1/1, 192 silent); drafts, edits and cites a figure in a position, submits it; may not clear it alone (403); an admin clears it; the audit log has every step; a viewer reads without write controls", async () => {
    const started = Date.now();
    const analyst = await newContext();
    await signInContext(analyst, workspace.fixture.users.analyst);
    const page = await openPage(analyst);

    // 1. The calendar, and a new session through its form (a last day before the first: the API's 400 lands on the field).
    await visit(page, "/sessions");
    expect(await page.locator("h1").innerText()).toBe("Sessions");
    const create = form(page, "Create a session");
    await create.getByLabel("Forum").selectOption("copuos");
    await create.getByLabel("Title").fill(SESSION_TITLE);
    await create.getByLabel("Session number").fill("69");
    await create.getByLabel("First day").fill("2026-06-17");
    await create.getByLabel("Last day").fill("2026-06-16");
    await create.getByLabel("Venue").fill("Vienna International Centre, Vienna");
    await create.getByLabel("Status").selectOption("concluded");
    await create.getByLabel("Source (URL)").fill("https://www.unoosa.org/oosa/en/ourwork/copuos/2026/index.html");
    await create.getByRole("button", { name: "Create the session" }).click();
    const lastDay = create.getByLabel("Last day");
    await expect.poll(() => lastDay.getAttribute("aria-invalid")).toBe("true");
    expect(await create.locator(".field-error").innerText()).toContain("is before the start 2026-06-17");
    await lastDay.fill("2026-06-26");
    await create.getByRole("button", { name: "Create the session" }).click();
    await done(page, `Created “${SESSION_TITLE}”`);
    expect(await lastDay.getAttribute("aria-invalid")).toBeNull();
    // The calendar re-reads: the session is listed under "Concluded" (it ended before today, 2026-11-26 or later).
    const concluded = page.locator("section", { has: page.getByRole("heading", { name: /^Concluded/ }) });
    await concluded.getByRole("link", { name: SESSION_TITLE }).waitFor();
    await screenshot(page, "60-sessions-calendar");
    await page.locator(".form-done").getByRole("link", { name: "Open the session" }).click();
    await page.waitForURL(/\/sessions\/\d+$/);
    await settle(page);
    const sessionId = Number(new URL(page.url()).pathname.split("/").pop());
    expect(await page.locator("h1").innerText()).toBe(SESSION_TITLE);

    // 2. Two agenda items, a document and a proposal.
    const addItem = form(page, "Add an agenda item");
    for (const [number, title] of [
      ["4", "General exchange of views"],
      ["9", "Long-term sustainability of outer space activities"],
    ] as const) {
      await addItem.getByLabel("Number").fill(number);
      await addItem.getByLabel("Title").fill(title);
      await addItem.getByLabel("Source").fill("A/AC.105/L.336 (provisional agenda, test data)");
      await addItem.getByRole("button", { name: "Add the item" }).click();
      await done(page, `Added agenda item ${number}: ${title}`);
    }
    const agendaRows = page.locator(".table-block", { has: page.locator(".table-caption", { hasText: "agenda items, in official order" }) }).locator("tbody tr");
    await expect.poll(() => agendaRows.count()).toBe(2);
    const addDocument = form(page, "Add a document");
    await addDocument.getByLabel("UN symbol").fill("A/AC.105/L.336");
    await addDocument.getByLabel("Title").fill("Provisional agenda (test data)");
    await addDocument.getByRole("button", { name: "Add the document" }).click();
    await done(page, "Added document A/AC.105/L.336");
    expect(await page.getByRole("link", { name: "A/AC.105/L.336" }).getAttribute("href")).toBe("https://undocs.org/A/AC.105/L.336");
    const addProposal = form(page, "Add a proposal in COPUOS plenary");
    await addProposal.getByLabel("Title").fill(PROPOSAL_TITLE);
    await addProposal.getByLabel("Kind").selectOption("guideline");
    await addProposal.getByLabel("Description (Markdown)").fill("Draft guidelines on **space traffic coordination**: sharing ephemerides and answering conjunction notices.");
    await addProposal.getByRole("button", { name: "Add the proposal" }).click();
    await done(page, `Created the proposal “${PROPOSAL_TITLE}”`);

    // 3. Statements from three states under item 9, each with its stance on the proposal, and one from the EU (a group).
    const record = form(page, "Record a statement");
    await expect.poll(() => record.getByLabel("Proposal").locator("option", { hasText: PROPOSAL_TITLE }).count()).toBe(1);
    expect(await record.getByLabel("State").locator("option").first().innerText()).toBe("choose one of 195 States");
    const statements = [
      { kind: "state", code: "USA", stance: "supports", day: "2026-06-18", text: "The United States **supports** the draft guidelines and will share its ephemerides." },
      { kind: "state", code: "CHN", stance: "opposes", day: "2026-06-18", text: "China cannot accept binding coordination language at this stage." },
      { kind: "state", code: "IND", stance: "reserves", day: "2026-06-19", text: "India reserves its position pending consultations in capital." },
      { kind: "group", code: "EU", stance: "supports", day: "2026-06-19", text: "The European Union and its member States welcome the guidelines." },
    ] as const;
    for (const s of statements) {
      await record.getByLabel("Agenda item").selectOption({ label: "9. Long-term sustainability of outer space activities" });
      await record.getByLabel("Speaker is").selectOption(s.kind);
      await record.getByLabel(s.kind === "state" ? "State" : "Group").selectOption(s.code);
      await record.getByLabel("Delivered on").fill(s.day);
      await record.getByLabel("What was said (Markdown)").fill(s.text);
      await record.getByLabel("Source (URL)").fill(SOURCE);
      await record.getByLabel("Proposal").selectOption({ label: PROPOSAL_TITLE });
      await record.getByLabel("Stance", { exact: true }).selectOption(s.stance);
      await record.getByRole("button", { name: "Record the statement" }).click();
      await done(page, new RegExp(`Recorded the statement of .* on ${s.day} under item 9, which ${s.stance}`));
      await page.locator(`.speaker-block[data-speaker="${s.code}"]`).waitFor();
    }
    const item9 = page.getByRole("region", { name: "Statements on item 9" });
    expect(await item9.locator(".speaker-block").count()).toBe(4);
    expect(await item9.locator('.speaker-block[data-speaker="USA"] .markdown strong').innerText()).toBe("supports");
    expect(await item9.locator('.speaker-block[data-speaker="CHN"] .stance-chip').innerText()).toBe("opposes");
    expect(await agendaRows.nth(1).locator("td").nth(2).innerText()).toBe("4");
    await screenshot(page, "61-session-analyst");

    // 4. The proposal: tally 1 / 1 / 1 and 192 silent from the States' own statements; the EU's counts only with groups expanded.
    await page.locator(".table-block", { has: page.locator(".table-caption", { hasText: "in this forum" }) }).getByRole("link", { name: PROPOSAL_TITLE }).click();
    await page.waitForURL(/\/proposals\/\d+$/);
    await settle(page);
    const proposalId = Number(new URL(page.url()).pathname.split("/").pop());
    const tally = async () => Object.fromEntries(await Promise.all(["supports", "opposes", "reserves", "silent"].map(async (s) => [s, Number(await page.getByTestId(`tally-${s}`).innerText())])));
    expect(await tally()).toEqual({ supports: 1, opposes: 1, reserves: 1, silent: 192 });
    expect(await page.locator('[data-stance="opposes"] .tally-states').innerText()).toContain("China");
    expect(await page.getByLabel("Expand groups").isChecked()).toBe(false);
    expect(await mainText(page)).toContain("only each State's own statements count");
    await page.locator(".map-svg path").first().waitFor();
    // The table shows the States with a stance (3); its CSV holds all 195.
    const stateTable = page.locator(".table-block", { has: page.locator(".table-caption", { hasText: "with a recorded stance of 195" }) });
    expect(await stateTable.locator("tbody tr").count()).toBe(3);
    const download = page.waitForEvent("download");
    await stateTable.getByRole("button", { name: "Download CSV" }).click();
    const csv = readFileSync(await (await download).path(), "utf8").trim().split("\r\n");
    expect(csv).toHaveLength(196);
    expect(csv.find((line) => line.startsWith("United States"))).toMatch(/,USA,supports,its own statement,USA,2026-06-18,/);
    await screenshot(page, "62-proposal-tally");
    await page.getByLabel("Expand groups").click();
    await page.waitForURL(/expandGroups=true/);
    await settle(page);
    expect(await page.getByLabel("Expand groups").isChecked()).toBe(true);
    const expanded = await tally();
    console.log(`proposal tally: own statements 1/1/1, 192 silent; groups expanded ${expanded["supports"]}/${expanded["opposes"]}/${expanded["reserves"]}, ${expanded["silent"]} silent`);
    expect(expanded).toEqual({ supports: 28, opposes: 1, reserves: 1, silent: 165 });
    expect(await page.locator('[data-stance="supports"] .tally-states').innerText()).toContain("(via EU)");
    await screenshot(page, "63-proposal-tally-groups-expanded");

    // 5. A position on item 9, from the agenda's link (session and item prefilled).
    await visit(page, `/sessions/${sessionId}`);
    await page.getByRole("link", { name: "positions on 9" }).click();
    await page.waitForURL(/\/positions\?session=\d+&agendaItem=\d+/);
    await settle(page);
    const draft = form(page, "Draft a position");
    await expect.poll(() => draft.getByLabel("Agenda item").inputValue()).not.toBe("");
    expect(await draft.getByLabel("Session").inputValue()).toBe(String(sessionId));
    await draft.getByLabel("Title").fill(POSITION_TITLE);
    await draft.getByLabel("Text (Markdown)").fill("## Position\n\nWe support the draft guidelines.\n\nWe will share ephemerides with a screening service.");
    await draft.getByLabel("Note on this version").fill("first draft");
    await draft.getByRole("button", { name: "Save the draft" }).click();
    await page.waitForURL(/\/positions\/\d+\?created=1$/);
    await settle(page);
    const positionId = Number(new URL(page.url()).pathname.split("/").pop());
    expect(await page.locator("h1").innerText()).toBe(POSITION_TITLE);
    expect(await page.locator(".position-text h2").innerText()).toBe("Position");

    // 6. Cite a figure of the evidence API (looked up first), kept with its value and as-of date.
    const artemis = (await (await analyst.request.get("/api/instruments/artemis-accords")).json()) as { growth: { years: { cumulative: number }[] } };
    const lastYear = artemis.growth.years.length - 1;
    const participants = artemis.growth.years[lastYear]?.cumulative;
    const cite = form(page, "Cite a figure");
    await cite.getByLabel("Label").fill("Artemis Accords: participants");
    await cite.getByLabel("Evidence API path").fill("/api/instruments/artemis-accords");
    await cite.getByLabel("JSON pointer").fill(`/growth/years/${lastYear}/cumulative`);
    await cite.getByRole("button", { name: "Look it up" }).click();
    await cite.locator('[role="status"]', { hasText: `${participants} — citable` }).waitFor();
    await cite.getByRole("button", { name: "Cite the figure" }).click();
    await done(page, `Cited “Artemis Accords: participants”: ${participants} as of`);
    const figureRow = page.locator(".table-block", { has: page.locator(".table-caption", { hasText: "cited figure" }) }).locator("tbody tr");
    await expect.poll(() => figureRow.count()).toBe(1);
    const figureCells = await figureRow.locator("td").allInnerTexts();
    console.log(`cited figure: ${figureCells.slice(0, 4).join(" | ")}; now: ${figureCells[5]}`);
    expect(figureCells[1]).toBe(String(participants));
    expect(figureCells[2]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(figureCells[5]).toMatch(/^unchanged/);
    // The source names the dataset and its publishers, never a file path of the server's machine.
    expect(figureCells[3]).toMatch(/^Artemis Accords — NASA and US State Department releases/);
    expect(figureCells[3]).not.toMatch(/\.\.\/|shared\/data|\/work\//);
    // A second figure, from the example list: Afghanistan's standing under the Accords (it will move on below).
    const afg = (await (await analyst.request.get("/api/states/AFG")).json()) as { commitments: { instrument: { id: string } }[] };
    const afgIndex = afg.commitments.findIndex((c) => c.instrument.id === "artemis-accords");
    await cite.getByLabel("Label").fill("Afghanistan under the Artemis Accords");
    await cite.getByLabel("Evidence API path").fill("/api/states/AFG");
    await cite.getByLabel("JSON pointer").fill(`/commitments/${afgIndex}/answer/value`);
    await cite.getByRole("button", { name: "Cite the figure" }).click();
    await done(page, "Cited “Afghanistan under the Artemis Accords”: not-participant as of");
    await expect.poll(() => figureRow.count()).toBe(2);

    // 7. Two edits: one saved from a second tab, so the first tab's edit is stale (409) and offers the latest version.
    const second = await openPage(analyst);
    await visit(second, `/positions/${positionId}`);
    const editor2 = form(second, "Edit the text");
    await editor2.getByLabel("Text (Markdown)").fill("## Position\n\nWe support the draft guidelines.\n\nWe will share ephemerides daily with a screening service.");
    await editor2.getByLabel("What changed and why").fill("daily sharing");
    await editor2.getByRole("button", { name: "Save as version 2" }).click();
    await done(second, "Saved version 2 (based on version 1).");
    const editor = form(page, "Edit the text");
    await editor.getByLabel("Text (Markdown)").fill("## Position\n\nWe support the draft guidelines, with one reservation on notice times.\n\nWe will share ephemerides with a screening service.");
    await editor.getByRole("button", { name: "Save as version 2" }).click();
    const conflict = editor.locator('[data-status="409"]');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain("stale edit: it was based on version 1, but the current version is 2");
    await screenshot(page, "64-position-stale-edit");
    await conflict.getByRole("button", { name: "Load the latest version" }).click();
    await done(page, /Loaded version 2 by .*Your unsaved text is beside the editor/);
    expect(await editor.getByLabel("Your unsaved text (read only)").inputValue()).toContain("one reservation on notice times");
    await editor.getByLabel("Text (Markdown)").fill("## Position\n\nWe support the draft guidelines, with one reservation on notice times.\n\nWe will share ephemerides daily with a screening service.");
    await editor.getByLabel("What changed and why").fill("merged: reservation on notice times");
    await editor.getByRole("button", { name: "Save as version 3" }).click();
    await done(page, "Saved version 3 (based on version 2).");
    await expect.poll(() => page.locator(".position-text").innerText()).toContain("one reservation on notice times");
    const versionRows = page.locator(".table-block", { has: page.locator(".table-caption", { hasText: "versions, oldest first" }) }).locator("tbody tr");
    await expect.poll(() => versionRows.count()).toBe(3);
    expect(await versionRows.nth(2).locator("td").nth(4).innerText()).toBe("merged: reservation on notice times");
    await page.locator(".diff-summary", { hasText: "version 2" }).waitFor();
    const diffText = await page.locator(".diff-summary").innerText();
    console.log(`diff v2 → v3: ${diffText}`);
    expect(diffText).toContain("+1 lines added, −1 removed");
    expect(await page.locator(".diff-line.diff-added").innerText()).toContain("one reservation on notice times");

    // 8. Submitted for review; the analyst (its last editor) may not clear it: the API's 403 shows.
    await page.getByRole("button", { name: "Submit for review" }).click();
    await done(page, "Submitted for review: the position is now under review");
    const clearHint = page.locator(".clearance-step", { has: page.getByRole("button", { name: "Clear" }) });
    expect(await clearHint.innerText()).toContain("clearance needs a second person");
    await page.getByRole("button", { name: "Clear", exact: true }).click();
    const refused = page.locator('.clearance-panel [data-status="403"]');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/^Refused \(403\): you \(analyst\) may not take this clearance step — the server says: clearance needs a second person/);
    expect(await page.locator(".clearance-path [aria-current=step]").innerText()).toContain("under review");
    await screenshot(page, "65-position-analyst-may-not-clear");

    // 9. The admin (another person) clears it.
    const admin = await newContext();
    await signInContext(admin, workspace.fixture.users.admin);
    const adminPage = await openPage(admin);
    await visit(adminPage, `/positions/${positionId}`);
    await adminPage.getByRole("button", { name: "Clear", exact: true }).click();
    await done(adminPage, "Cleared: the position is now cleared (version 3).");
    await expect.poll(() => adminPage.locator(".clearance-path [aria-current=step]").innerText()).toContain("cleared");
    // People are named by display name (the e-mail on hover), never by e-mail address.
    expect(await adminPage.locator(".status-history").innerText()).toMatch(/under review → cleared at version 3, by Admin One, /);
    expect(await adminPage.locator(".status-history .person-name").last().getAttribute("title")).toBe(workspace.fixture.users.admin.email);
    expect(await adminPage.locator(".page-header").innerText()).toContain("Drafted by Analyst One");
    expect(await adminPage.locator(".page-header").innerText()).not.toContain("@");
    await screenshot(adminPage, "66-position-cleared-by-admin");
    await visit(adminPage, `/positions?session=${sessionId}`);
    expect(await adminPage.locator("tbody tr").count()).toBe(1);
    expect(await adminPage.locator("tbody tr .clearance-chip").innerText()).toBe("cleared");
    expect(await adminPage.locator("tbody tr .person-name").innerText()).toBe("Analyst One");
    await screenshot(adminPage, "67-positions-list");

    // 10. The audit log (read through the API as the admin): every step, by whom.
    const audit = async (query: string) => ((await (await admin.request.get(`/api/audit?order=asc&limit=500&${query}`)).json()) as { items: AuditEntry[] }).items;
    const positionAudit = await audit(`entityType=position&entityId=${positionId}`);
    console.log(`audit of position ${positionId}: ${positionAudit.map((e) => `${e.action} (${e.actorLabel.split("-")[0]})`).join(", ")}`);
    expect(positionAudit.map((e) => e.action)).toEqual(["position.create", "position.cite", "position.cite", "position.update", "position.update", "position.submit", "position.clear"]);
    expect(positionAudit.at(-1)?.actorLabel).toBe(workspace.fixture.users.admin.email);
    expect(positionAudit.slice(0, -1).every((e) => e.actorLabel === workspace.fixture.users.analyst.email)).toBe(true);
    expect((await audit(`entityType=forum_session&entityId=${sessionId}`)).map((e) => e.action)).toEqual(["forum_session.create"]);
    // The analyst's own writes (the seed wrote the curated sessions' agenda items as the system).
    const byAnalyst = async (action: string) => audit(`action=${action}&actorUserId=${workspace.fixture.users.analyst.id}`);
    expect((await byAnalyst("agenda_item.create")).length).toBe(2);
    expect((await byAnalyst("session_document.create")).length).toBe(1);
    expect((await byAnalyst("statement.create")).length).toBe(4);
    expect((await byAnalyst("statement_stance.create")).length).toBe(4);
    expect((await byAnalyst("proposal.create")).map((e) => e.entityId)).toEqual([String(proposalId)]);

    // 11. The data moves on (an imported act: Afghanistan signs the Accords): the cited figure keeps its value and says that a
    // newer one exists.
    const imported = await importActs(workspace.fixture.context.database.db, "party,instrument,act,date,vote,source,as_of,note\nAFG,artemis-accords,signature,2026-11-20,,Test release of the signing,2026-11-25,test row\n", {
      source: "afg-test.csv",
      strict: true,
      referenceDay: new Date().toISOString().slice(0, 10),
      recordedAt: new Date().toISOString(),
    });
    expect(imported.inserted).toBe(1);

    // 12. A viewer reads every page, without a single write control.
    const viewer = await newContext();
    await signInContext(viewer, workspace.fixture.users.viewer);
    const viewerPage = await openPage(viewer);
    await visit(viewerPage, "/sessions");
    expect(await viewerPage.getByRole("link", { name: SESSION_TITLE }).count()).toBe(1);
    expect(await form(viewerPage, "Create a session").count()).toBe(0);
    await visit(viewerPage, `/sessions/${sessionId}`);
    expect(await viewerPage.locator(".speaker-block").count()).toBe(4);
    expect(await viewerPage.locator("main form.ws-form").count()).toBe(0);
    expect(await mainText(viewerPage)).toContain("You can read this session");
    await screenshot(viewerPage, "68-session-viewer");
    await visit(viewerPage, `/proposals/${proposalId}`);
    expect(Number(await viewerPage.getByTestId("tally-silent").innerText())).toBe(192);
    await visit(viewerPage, `/positions/${positionId}`);
    expect(await viewerPage.locator(".position-text").innerText()).toContain("one reservation on notice times");
    const afgRow = viewerPage.locator("tbody tr", { hasText: "Afghanistan under the Artemis Accords" });
    const afgCells = await afgRow.locator("td").allInnerTexts();
    console.log(`after the import: ${afgCells[0]?.split("\n")[0]}: cited ${afgCells[1]} as of ${afgCells[2]}; now: ${afgCells[5]}`);
    expect(afgCells[1]).toBe("not-participant");
    expect(afgCells[5]).toMatch(/^a newer value exists: now participant, as of 2026-11-25/);
    expect(await afgRow.getAttribute("class")).toContain("row-newer");
    expect(await viewerPage.locator(".table-caption", { hasText: "cited figure" }).innerText()).toMatch(/with a newer value/);
    expect(await viewerPage.locator("main form.ws-form").count()).toBe(0);
    expect(await viewerPage.locator(".clearance-steps").count()).toBe(0);
    expect(await viewerPage.getByRole("button", { name: "Remove" }).count()).toBe(0);
    await screenshot(viewerPage, "69-position-viewer");
    await visit(viewerPage, "/sessions/999999");
    expect(await viewerPage.locator("h1").innerText()).toBe("Session not found");

    console.log(`sessions and positions end to end: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots 60-69 in ${SCREENSHOTS}`);
    expect(problems).toEqual([]);
  }, 300_000);
});
