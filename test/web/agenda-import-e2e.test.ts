import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AuditActor } from "../../src/accounts/audit-actor.ts";
import { createForumSession, listForumSessionSummaries } from "../../src/fora/forum-session.service.ts";
import { listAgendaItems } from "../../src/store/forum-session.repository.ts";
import { REPO_ROOT } from "../support/run-cli.ts";
import { chromiumExecutable } from "./chromium.ts";
import { settle, visit } from "./web-fixture.ts";
import { useWorkspaceBrowser } from "./workspace-browser.ts";
import { signInContext } from "./workspace-fixture.ts";

const CHROMIUM = chromiumExecutable();
/** A/AC.105/L.280 (21 April 2011) as copied from a web copy of the document (the fora tests' fixture). */
const L280_TEXT = readFileSync(join(REPO_ROOT, "test/fora/fixtures/a-ac105-l280.txt"), "utf8");
const L280_SOURCE = "A/AC.105/L.280 https://undocs.org/A/AC.105/L.280";
const IMPORT_SUMMARY = "Import the agenda from the document's text";

describe.skipIf(!CHROMIUM)("agenda import from the provisional agenda's text in headless Chromium, on the real server", () => {
  // The refusals this test provokes: a text numbering an item twice, and a second import of the same agenda (400).
  const workspace = useWorkspaceBrowser(CHROMIUM, { toleratedErrors: /status of 400/ });
  const { newContext, openPage, screenshot, problems } = workspace;

  it("an analyst pastes A/AC.105/L.280 into a new session, previews its 16 items, imports them, and the agenda lists items 14 and 16; a curated session notes where its items come from; a viewer sees no import form", async () => {
    const started = Date.now();
    const db = workspace.fixture.context.database.db;
    const actor: AuditActor = { userId: workspace.fixture.users.analyst.id, label: workspace.fixture.users.analyst.email };
    const session = await createForumSession(db, { forumId: "copuos", title: "COPUOS 54th session (agenda import)", sessionNumber: 54, startDate: "2011-06-01", endDate: "2011-06-10", venue: "Vienna" }, actor, new Date());

    const analyst = await newContext();
    await signInContext(analyst, workspace.fixture.users.analyst);
    const page = await openPage(analyst);
    await visit(page, `/sessions/${session.id}`);
    // A session without an agenda opens the import at once.
    const importBox = page.locator("details.agenda-import");
    expect(await importBox.getAttribute("open")).not.toBeNull();
    const form = page.getByRole("form", { name: IMPORT_SUMMARY });
    const text = form.getByLabel("Text of the provisional agenda");

    // 1. A text numbering an item twice: the server's refusal, naming the line, is shown at the text; nothing imported.
    await text.fill("I. Provisional agenda\n1. Opening of the session.\n1. Opening again.\nII. Annotations\n");
    await form.getByLabel("Source").fill(L280_SOURCE);
    await form.getByRole("button", { name: "Preview" }).click();
    await expect.poll(() => text.getAttribute("aria-invalid")).toBe("true");
    const textError = await form.locator(".field-error").innerText();
    console.log(`the refusal at the text: ${textError}`);
    expect(textError).toContain("line 3: the text numbers more than one item 1 (lines 2 and 3)");

    // 2. The document's text: the preview lists its 16 items, as of the document's date; still nothing imported.
    await text.fill(L280_TEXT);
    expect(await text.getAttribute("aria-invalid")).toBeNull();
    await form.getByRole("button", { name: "Preview" }).click();
    const previewTable = page.locator(".agenda-import-preview .table-block");
    await previewTable.waitFor();
    expect(await page.locator(".agenda-import-preview").getByRole("status").innerText()).toContain(
      "Preview: 16 items read from the text, as of 2011-04-21 (the document's date). Nothing is imported yet. Document: A/AC.105/L.280 of 2011-04-21.",
    );
    const previewRows = previewTable.locator("tbody tr");
    expect(await previewRows.count()).toBe(16);
    expect(await previewRows.nth(13).locator("td").nth(1).innerText()).toBe("Future role of the Committee.");
    expect(await listAgendaItems(db, [session.id])).toEqual([]);
    await screenshot(page, "fora-agenda-import-1-preview");

    // 3. Import: the agenda lists all 16 items with the document as source; the preview and the text are cleared.
    await form.getByRole("button", { name: "Import 16 items" }).click();
    await page.locator(".form-done", { hasText: `Imported 16 agenda items from ${L280_SOURCE} (as of 2011-04-21).` }).waitFor();
    const agendaRows = page.locator(".table-block", { has: page.locator(".table-caption", { hasText: "agenda items, in official order" }) }).locator("tbody tr");
    await expect.poll(() => agendaRows.count()).toBe(16);
    const cells = async (index: number) => [await agendaRows.nth(index).locator("td").nth(0).innerText(), await agendaRows.nth(index).locator("td").nth(1).innerText()];
    expect(await cells(13)).toEqual(["14", "Future role of the Committee."]);
    expect(await cells(15)).toEqual(["16", "Report of the Committee to the General Assembly."]);
    expect(await agendaRows.nth(15).innerText()).toContain("A/AC.105/L.280");
    expect(await page.locator(".agenda-import-preview").count()).toBe(0);
    expect(await text.inputValue()).toBe("");
    await screenshot(page, "fora-agenda-import-2-done");
    const stored = await listAgendaItems(db, [session.id]);
    console.log(`stored after the import: ${stored.length} items, ${stored.filter((i) => i.createdBy === actor.userId && !i.curated).length} entered by the analyst`);
    expect(stored).toHaveLength(16);

    // 4. The same text again: refused beside the form, naming the numbers the session already has.
    await text.fill(L280_TEXT);
    await form.getByRole("button", { name: "Preview" }).click();
    const refusal = form.locator(".form-error");
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(`Refused: session ${session.id} (COPUOS 54th session (agenda import)) already has agenda items`);
    expect(await refusal.innerText()).toContain("already has agenda items 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16: nothing imported");
    expect(await listAgendaItems(db, [session.id])).toHaveLength(16);

    // 5. A curated session with an agenda: the import is there but closed, and says where curated items come from.
    const curated = (await listForumSessionSummaries(db)).find((s) => s.curatedKey !== null && s.agendaItemCount > 0);
    expect(curated, "a curated session with agenda items in data/fora").toBeDefined();
    await visit(page, `/sessions/${curated?.id}`);
    expect(await importBox.getAttribute("open")).toBeNull();
    await importBox.locator("summary").click();
    expect(await importBox.locator(".write-note").innerText()).toContain("This session is curated: its curated agenda items come from data/fora/agenda-items.csv");

    // 6. A viewer reads the agenda without the import.
    const viewer = await newContext();
    await signInContext(viewer, workspace.fixture.users.viewer);
    const viewerPage = await openPage(viewer);
    await visit(viewerPage, `/sessions/${session.id}`);
    await settle(viewerPage);
    expect(await viewerPage.locator("main").innerText()).toContain("Future role of the Committee.");
    expect(await viewerPage.getByText(IMPORT_SUMMARY).count()).toBe(0);
    expect(await viewerPage.locator("textarea").count()).toBe(0);

    console.log(`agenda import end to end: ${Date.now() - started} ms; page problems: ${problems.length}`);
    expect(problems).toEqual([]);
  }, 180_000);
});
