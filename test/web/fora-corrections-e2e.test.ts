import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { AuditActor } from "../../src/accounts/audit-actor.ts";
import { addAgendaItem, addSessionDocument, createForumSession } from "../../src/fora/forum-session.service.ts";
import { createProposal } from "../../src/fora/proposal.service.ts";
import { recordStatement, recordStatementStance } from "../../src/fora/statement.service.ts";
import { chromiumExecutable } from "./chromium.ts";
import { settle, visit } from "./web-fixture.ts";
import { SCREENSHOTS, useWorkspaceBrowser } from "./workspace-browser.ts";
import { signInContext } from "./workspace-fixture.ts";

const CHROMIUM = chromiumExecutable();
const SOURCE = "https://www.unoosa.org/oosa/en/ourwork/copuos/2026/statements.html";

interface AuditEntry {
  readonly action: string;
  readonly actorLabel: string;
  readonly entityType: string;
}

describe.skipIf(!CHROMIUM)("corrections of statements, agenda items, documents and proposals in headless Chromium, on the real server", () => {
  // The refusals these tests provoke (400 for a day outside the session, 409 for an agenda item still in use).
  const workspace = useWorkspaceBrowser(CHROMIUM, { toleratedErrors: /status of 40[09]/ });
  const { newContext, openPage, screenshot, problems } = workspace;
  const done = (page: Page, text: string | RegExp) => page.locator(".form-done", { hasText: text }).waitFor();

  it("an analyst corrects a statement's summary, deletes another with its stance, corrects and deletes agenda items (one in use: 409); the page, the tally and the audit log show it; a viewer sees no write control", async () => {
    const started = Date.now();
    // The session as an analyst recorded it earlier (through the services, as the API does).
    const db = workspace.fixture.context.database.db;
    const actor: AuditActor = { userId: workspace.fixture.users.analyst.id, label: workspace.fixture.users.analyst.email };
    const now = new Date();
    const session = await createForumSession(db, { forumId: "copuos", title: "COPUOS 69th session (corrections)", sessionNumber: 69, startDate: "2026-06-17", endDate: "2026-06-26" }, actor, now);
    await addAgendaItem(db, session.id, { itemNumber: "4", title: "General exchange of views" }, actor, now);
    const nine = await addAgendaItem(db, session.id, { itemNumber: "9", title: "Long-term sustainability of outer space activities" }, actor, now);
    await addAgendaItem(db, session.id, { itemNumber: "12", title: "Entered by mistake" }, actor, now);
    const proposal = await createProposal(db, { forumId: "copuos", title: "Guidelines on space traffic coordination", kind: "guideline", descriptionMarkdown: "Draft guidelines." }, actor, now);
    for (const [code, day, stance, text] of [
      ["USA", "2026-06-18", "supports", "The United States supports the guidelnes."],
      ["CHN", "2026-06-19", "opposes", "China cannot accept binding language."],
      ["IND", "2026-06-19", "reserves", "India reserves its position."],
    ] as const) {
      const statement = await recordStatement(db, session.id, { agendaItemId: nine.id, speakerKind: "state", speakerCode: code, deliveredOn: day, summaryMarkdown: text, sourceUrl: SOURCE }, new Map(), actor, now);
      await recordStatementStance(db, statement.id, { proposalId: proposal.id, stance }, actor, now);
    }

    const analyst = await newContext();
    await signInContext(analyst, workspace.fixture.users.analyst);
    const page = await openPage(analyst);
    await visit(page, `/sessions/${session.id}`);
    const item9 = page.getByRole("region", { name: "Statements on item 9" });
    expect(await item9.locator(".speaker-block").count()).toBe(3);

    // 1. Edit the USA statement in place: a day outside the session lands on its field (400), then the corrected summary is saved.
    await page.getByRole("button", { name: "Edit the statement of United States of America on 2026-06-18" }).click();
    const edit = page.getByRole("form", { name: "Edit the statement of United States of America on 2026-06-18" });
    expect(await edit.getByLabel("What was said (Markdown)").inputValue()).toBe("The United States supports the guidelnes.");
    expect(await edit.getByLabel("Proposal").count()).toBe(0);
    await edit.getByLabel("Delivered on").fill("2026-07-01");
    await edit.getByRole("button", { name: "Save the statement" }).click();
    await expect.poll(() => edit.getByLabel("Delivered on").getAttribute("aria-invalid")).toBe("true");
    expect(await edit.locator(".field-error").innerText()).toContain("lies outside the session (2026-06-17 to 2026-06-26)");
    await edit.getByLabel("Delivered on").fill("2026-06-18");
    await edit.getByLabel("What was said (Markdown)").fill("The United States **supports** the guidelines and will share its ephemerides.");
    await edit.getByRole("button", { name: "Save the statement" }).click();
    await done(page, "Saved the statement of United States of America on 2026-06-18.");
    await expect.poll(() => item9.locator('.speaker-block[data-speaker="USA"] .markdown').innerText()).toBe("The United States supports the guidelines and will share its ephemerides.");
    expect(await item9.locator('.speaker-block[data-speaker="USA"] .markdown strong').innerText()).toBe("supports");
    expect(await page.getByRole("form", { name: /^Edit the statement/ }).count()).toBe(0);

    // 2. Delete the Chinese statement: asked first, then gone with its stance.
    await page.getByRole("button", { name: "Delete the statement of People's Republic of China on 2026-06-19" }).click();
    const question = page.getByRole("group", { name: "Confirm: delete the statement of People's Republic of China on 2026-06-19" });
    expect(await question.innerText()).toContain("and its 1 stance? The proposals' tallies then fall back");
    await question.getByRole("button", { name: "Yes, delete" }).click();
    await done(page, "Deleted the statement of People's Republic of China on 2026-06-19 and its 1 stance.");
    await expect.poll(() => item9.locator(".speaker-block").count()).toBe(2);
    expect(await page.locator('.speaker-block[data-speaker="CHN"]').count()).toBe(0);
    await screenshot(page, "70-session-corrections-statements");

    // 3. Agenda items: item 9 still has statements (409, said in the page); item 12 goes; item 4 gets a corrected title.
    const agendaRows = page.locator(".table-block", { has: page.locator(".table-caption", { hasText: "agenda items, in official order" }) }).locator("tbody tr");
    await page.getByRole("button", { name: "Delete agenda item 9" }).click();
    await page.getByRole("group", { name: "Confirm: delete agenda item 9" }).getByRole("button", { name: "Yes, delete" }).click();
    const conflict = page.locator('.record-actions [data-status="409"]');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain(`Conflict (409): agenda item 9 (id ${nine.id}) is still referred to by 2 statements`);
    expect(await agendaRows.count()).toBe(3);
    await page.getByRole("button", { name: "Delete agenda item 12" }).click();
    await page.getByRole("group", { name: "Confirm: delete agenda item 12" }).getByRole("button", { name: "Yes, delete" }).click();
    await done(page, "Deleted agenda item 12: Entered by mistake");
    await expect.poll(() => agendaRows.count()).toBe(2);
    await page.getByRole("button", { name: "Edit agenda item 4" }).click();
    const editItem = page.getByRole("form", { name: "Edit agenda item 4" });
    expect(await editItem.getByLabel("Title").inputValue()).toBe("General exchange of views");
    await editItem.getByLabel("Title").fill("General exchange of views on the peaceful uses of outer space");
    await editItem.getByRole("button", { name: "Save the item" }).click();
    await done(page, "Saved agenda item 4: General exchange of views on the peaceful uses of outer space");
    await expect.poll(() => agendaRows.first().locator("td").nth(1).innerText()).toBe("General exchange of views on the peaceful uses of outer space");
    expect(await page.getByRole("form", { name: "Add an agenda item" }).count()).toBe(1);
    await screenshot(page, "71-session-corrections-agenda");

    // 4. The proposal's tally falls back: China is silent again.
    await visit(page, `/proposals/${proposal.id}`);
    const tally = Object.fromEntries(await Promise.all(["supports", "opposes", "reserves", "silent"].map(async (s) => [s, Number(await page.getByTestId(`tally-${s}`).innerText())])));
    console.log(`tally after the corrections: ${JSON.stringify(tally)}`);
    expect(tally).toEqual({ supports: 1, opposes: 0, reserves: 1, silent: 193 });

    // 5. The audit log has each correction, by the analyst.
    const admin = await newContext();
    await signInContext(admin, workspace.fixture.users.admin);
    const audit = (await (await admin.request.get(`/api/audit?order=asc&limit=500&actorUserId=${workspace.fixture.users.analyst.id}`)).json()) as { items: AuditEntry[] };
    const corrections = audit.items.filter((e) => /\.(update|delete)$/.test(e.action)).map((e) => e.action);
    console.log(`corrections in the audit log: ${corrections.join(", ")}`);
    expect(corrections).toEqual(["statement.update", "statement_stance.delete", "statement.delete", "agenda_item.delete", "agenda_item.update"]);

    // 6. A viewer reads the corrected session without a write control.
    const viewer = await newContext();
    await signInContext(viewer, workspace.fixture.users.viewer);
    const viewerPage = await openPage(viewer);
    await visit(viewerPage, `/sessions/${session.id}`);
    await settle(viewerPage);
    expect(await viewerPage.locator(".speaker-block").count()).toBe(2);
    expect(await viewerPage.locator("main").innerText()).toContain("will share its ephemerides");
    expect(await viewerPage.getByRole("button", { name: /^(Edit|Delete|Remove)/ }).count()).toBe(0);
    expect(await viewerPage.locator("main form.ws-form, main .record-actions").count()).toBe(0);

    console.log(`fora corrections end to end: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots 70-71 in ${SCREENSHOTS}`);
    expect(problems).toEqual([]);
  }, 240_000);

  it("an analyst corrects a document, deletes it and then the agenda item it blocked (409 before), changes a proposal's status to adopted and its symbol; the pages, the history and the audit log show it; a viewer sees no write control", async () => {
    const started = Date.now();
    const db = workspace.fixture.context.database.db;
    const actor: AuditActor = { userId: workspace.fixture.users.analyst.id, label: workspace.fixture.users.analyst.email };
    const now = new Date();
    const session = await createForumSession(db, { forumId: "copuos-stsc", title: "STSC 64th session (documents)", sessionNumber: 64, startDate: "2027-02-01", endDate: "2027-02-12" }, actor, now);
    const seven = await addAgendaItem(db, session.id, { itemNumber: "7", title: "Space debris" }, actor, now);
    await addAgendaItem(db, session.id, { itemNumber: "8", title: "Space weather" }, actor, now);
    await addSessionDocument(db, session.id, { symbol: "A/AC.105/C.1/L.990", title: "Working paper on debris remediaton", agendaItemId: seven.id }, actor, now);
    const proposal = await createProposal(
      db,
      { forumId: "copuos-stsc", title: "Draft guidelines on debris remediation", kind: "draft-norm", documentSymbol: "A/AC.105/C.1/L.991", descriptionMarkdown: "Draft guidelines." },
      actor,
      now,
    );

    const analyst = await newContext();
    await signInContext(analyst, workspace.fixture.users.analyst);
    const page = await openPage(analyst);
    await visit(page, `/sessions/${session.id}`);
    const tableRows = (caption: string) => page.locator(".table-block", { has: page.locator(".table-caption", { hasText: caption }) }).locator("tbody tr");
    const agendaRows = tableRows(", in official order");
    const documentRows = tableRows("each symbol links to the document");
    expect(await documentRows.count()).toBe(1);

    // 1. Correct the document's title in place.
    await page.getByRole("button", { name: "Edit document A/AC.105/C.1/L.990" }).click();
    const editDocument = page.getByRole("form", { name: "Edit document A/AC.105/C.1/L.990" });
    expect(await editDocument.getByLabel("Title").inputValue()).toBe("Working paper on debris remediaton");
    expect(await editDocument.getByLabel("Agenda item").inputValue()).toBe(String(seven.id));
    await editDocument.getByLabel("Title").fill("Working paper on debris remediation");
    await editDocument.getByRole("button", { name: "Save the document" }).click();
    await done(page, "Saved document A/AC.105/C.1/L.990: Working paper on debris remediation");
    await expect.poll(() => documentRows.first().locator("td").nth(1).innerText()).toBe("Working paper on debris remediation");

    // 2. Item 7 cannot go while the document is filed under it (409); the document goes, then the item.
    await page.getByRole("button", { name: "Delete agenda item 7" }).click();
    await page.getByRole("group", { name: "Confirm: delete agenda item 7" }).getByRole("button", { name: "Yes, delete" }).click();
    const conflict = page.locator('.record-actions [data-status="409"]');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain(`Conflict (409): agenda item 7 (id ${seven.id}) is still referred to by 1 document`);
    await page.getByRole("button", { name: "Delete document A/AC.105/C.1/L.990" }).click();
    const question = page.getByRole("group", { name: "Confirm: delete document A/AC.105/C.1/L.990" });
    expect(await question.innerText()).toContain("Delete document A/AC.105/C.1/L.990 (filed under agenda item 7)?");
    await question.getByRole("button", { name: "Yes, delete" }).click();
    await done(page, "Deleted document A/AC.105/C.1/L.990: Working paper on debris remediation");
    await expect.poll(() => documentRows.count()).toBe(0);
    // The question stays open beside the refusal: asked again, the deletion now goes through.
    await page.getByRole("group", { name: "Confirm: delete agenda item 7" }).getByRole("button", { name: "Yes, delete" }).click();
    await done(page, "Deleted agenda item 7: Space debris");
    await expect.poll(() => agendaRows.count()).toBe(1);
    await screenshot(page, "72-session-corrections-documents");

    // 3. The proposal is adopted (the quick status change), then its revised symbol is entered (Edit, prefilled).
    await visit(page, `/proposals/${proposal.id}`);
    const statusForm = page.getByRole("form", { name: "Change the status" });
    expect(await statusForm.getByLabel("Status").inputValue()).toBe("under-negotiation");
    await statusForm.getByLabel("Status").selectOption("adopted");
    await statusForm.getByRole("button", { name: "Change the status" }).click();
    await done(page, "Changed the status from under-negotiation to adopted.");
    await expect.poll(() => page.locator("main .kicker").innerText()).toContain("draft-norm · adopted");
    const history = page.getByRole("region", { name: "Status history" });
    await expect.poll(() => history.locator("li").allInnerTexts()).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} created as under-negotiation$/), expect.stringMatching(/^\d{4}-\d{2}-\d{2} under-negotiation → adopted$/)]);
    await page.getByRole("button", { name: "Edit the proposal" }).click();
    const editProposal = page.getByRole("form", { name: "Edit the proposal" });
    expect(await editProposal.getByLabel("Title").inputValue()).toBe("Draft guidelines on debris remediation");
    expect(await editProposal.getByLabel("Status").inputValue()).toBe("adopted");
    await editProposal.getByLabel("Document symbol").fill("A/AC.105/C.1/L.991/Rev.1");
    await editProposal.getByLabel("Title").fill("Guidelines on debris remediation");
    await editProposal.getByRole("button", { name: "Save the proposal" }).click();
    await done(page, "Saved the proposal “Guidelines on debris remediation” (adopted).");
    await expect.poll(() => page.locator("main h1").innerText()).toBe("Guidelines on debris remediation");
    expect(await page.locator("main .lead").innerText()).toContain("Document A/AC.105/C.1/L.991/Rev.1");
    expect(await history.locator("li").count()).toBe(2);
    await screenshot(page, "73-proposal-status-adopted");

    // 4. The audit log has each change, by the analyst, with before and after.
    const admin = await newContext();
    await signInContext(admin, workspace.fixture.users.admin);
    const audit = (await (await admin.request.get(`/api/audit?order=asc&limit=500&actorUserId=${workspace.fixture.users.analyst.id}&since=${encodeURIComponent(now.toISOString())}`)).json()) as {
      items: (AuditEntry & { before: Record<string, unknown> | null; after: Record<string, unknown> | null })[];
    };
    const changes = audit.items.filter((e) => /\.(update|delete)$/.test(e.action));
    console.log(`changes in the audit log: ${changes.map((e) => e.action).join(", ")}`);
    expect(changes.map((e) => e.action)).toEqual(["session_document.update", "session_document.delete", "agenda_item.delete", "proposal.update", "proposal.update"]);
    expect([changes[3]?.before?.["status"], changes[3]?.after?.["status"]]).toEqual(["under-negotiation", "adopted"]);
    expect([changes[4]?.before?.["documentSymbol"], changes[4]?.after?.["documentSymbol"]]).toEqual(["A/AC.105/C.1/L.991", "A/AC.105/C.1/L.991/Rev.1"]);

    // 5. A viewer reads the adopted proposal and its history, without a write control.
    const viewer = await newContext();
    await signInContext(viewer, workspace.fixture.users.viewer);
    const viewerPage = await openPage(viewer);
    await visit(viewerPage, `/proposals/${proposal.id}`);
    expect(await viewerPage.locator("main .kicker").innerText()).toContain("adopted");
    expect(await viewerPage.getByRole("region", { name: "Status history" }).locator("li").count()).toBe(2);
    expect(await viewerPage.getByRole("button", { name: /^(Edit|Change|Delete)/ }).count()).toBe(0);
    expect(await viewerPage.locator("main form.ws-form").count()).toBe(0);

    console.log(`documents and proposals end to end: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots 72-73 in ${SCREENSHOTS}`);
    expect(problems).toEqual([]);
  }, 240_000);
});
