import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { invitationLinkIn } from "../consultations/loopback-smtp.ts";
import { chromiumExecutable } from "./chromium.ts";
import { settle, visit } from "./web-fixture.ts";
import { SCREENSHOTS, useWorkspaceBrowser } from "./workspace-browser.ts";
import type { WorkspaceUser } from "./workspace-fixture.ts";

const CHROMIUM = chromiumExecutable();

const SESSION_TITLE = "COPUOS 69th session";
const ITEM_9 = "9. Long-term sustainability of outer space activities";
const PROPOSAL_TITLE = "Guidelines on space traffic coordination practices";
const POSITION_TITLE = "Our position on item 9: space traffic coordination";
const POSITION_TEXT = "## Position\n\nWe support the draft guidelines on space traffic coordination.\n\nWe will share ephemerides daily with a screening service.";
const CONSULTATION_TITLE = "Consultation on our position on space traffic coordination";
const SOURCE = "https://www.unoosa.org/oosa/en/ourwork/copuos/2026/statements.html";
const STAKEHOLDER = { email: "policy@orbitworks.example", name: "Ada Orbit", password: "stakeholder-a-passphrase", sector: "commercial", organisation: "Orbit Works Ltd" };
const PUBLIC_COMMENT = "Daily sharing is feasible for us; please allow the CCSDS OEM format.";
const CONFIDENTIAL_COMMENT = "Our covariance is proprietary until our next funding round closes.";

/** One audit row as the audit page shows it. */
interface AuditRow {
  readonly id: number;
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
}

describe.skipIf(!CHROMIUM)("the workspace story of issue 7 in headless Chromium, one store, one continuous flow, with its audit trail", () => {
  // No refusal is tolerated: the story provokes none.
  const workspace = useWorkspaceBrowser(CHROMIUM, { smtp: true });
  const { openPage, screenshot, problems } = workspace;
  const form = (page: Page, name: string) => page.getByRole("form", { name });
  const done = (page: Page, text: string | RegExp) => page.locator(".form-done", { hasText: text }).waitFor();
  const idInUrl = (page: Page) => Number(new URL(page.url()).pathname.split("/").pop());

  /** Signs in through the sign-in page (as account-pages-e2e does) and lands on `next`. */
  const signInThroughPage = async (page: Page, user: WorkspaceUser, displayName: string, next: string) => {
    await visit(page, `/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === next);
    await settle(page);
    await expect.poll(() => page.locator("header.app-header .account-menu").innerText()).toContain(displayName);
  };

  /** Every row of the audit page from the newest back to the first row that `isStart` picks, oldest first (follows "Older →"). */
  const auditRowsSince = async (page: Page, isStart: (row: AuditRow) => boolean): Promise<AuditRow[]> => {
    await visit(page, "/admin/audit");
    const rows: AuditRow[] = [];
    for (;;) {
      await page.locator("tbody tr[data-action]").first().waitFor();
      for (const tr of await page.locator("tbody tr[data-action]").all()) {
        const cells = await tr.locator("td").allInnerTexts();
        const [entityType, entityId] = (cells[4] ?? "").split(/\s+#/);
        const row = { id: Number(cells[0]), actor: (cells[2] ?? "").split("\n")[0]!.trim(), action: (cells[3] ?? "").trim(), entityType: entityType!.trim(), entityId: (entityId ?? "").trim() };
        rows.push(row);
        if (isStart(row)) return rows.reverse();
      }
      const older = page.getByRole("link", { name: "Older →" });
      if ((await older.count()) === 0) throw new Error("the audit page has no entry where the flow starts");
      await older.click();
      await settle(page);
    }
  };

  it("analyst: session, 2 items, proposal, 3 statements (tally 1/1/1), position citing a figure, submitted; admin clears; analyst consults on it by e-mail; a stakeholder accepts and comments (public + confidential); summary exported; /admin/audit shows every step in order", async () => {
    const started = Date.now();
    const { analyst, admin } = workspace.fixture.users;
    const timings: string[] = [];
    const lap = (what: string) => timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // 1. The analyst signs in through the sign-in page and creates a session.
    const page = await openPage();
    await signInThroughPage(page, analyst, "Analyst One", "/sessions");
    const create = form(page, "Create a session");
    await create.getByLabel("Forum").selectOption("copuos");
    await create.getByLabel("Title").fill(SESSION_TITLE);
    await create.getByLabel("Session number").fill("69");
    await create.getByLabel("First day").fill("2026-06-17");
    await create.getByLabel("Last day").fill("2026-06-26");
    await create.getByLabel("Venue").fill("Vienna International Centre, Vienna");
    await create.getByLabel("Status").selectOption("concluded");
    await create.getByLabel("Source (URL)").fill("https://www.unoosa.org/oosa/en/ourwork/copuos/2026/index.html");
    await create.getByRole("button", { name: "Create the session" }).click();
    await done(page, `Created “${SESSION_TITLE}”`);
    await page.locator(".form-done").getByRole("link", { name: "Open the session" }).click();
    await page.waitForURL(/\/sessions\/\d+$/);
    await settle(page);
    const sessionId = idInUrl(page);

    // 2. Two agenda items and a proposal.
    const addItem = form(page, "Add an agenda item");
    for (const [number, title] of [["4", "General exchange of views"], ["9", "Long-term sustainability of outer space activities"]] as const) {
      await addItem.getByLabel("Number").fill(number);
      await addItem.getByLabel("Title").fill(title);
      await addItem.getByLabel("Source").fill("A/AC.105/L.336 (provisional agenda, test data)");
      await addItem.getByRole("button", { name: "Add the item" }).click();
      await done(page, `Added agenda item ${number}: ${title}`);
    }
    const addProposal = form(page, "Add a proposal in COPUOS plenary");
    await addProposal.getByLabel("Title").fill(PROPOSAL_TITLE);
    await addProposal.getByLabel("Kind").selectOption("guideline");
    await addProposal.getByLabel("Description (Markdown)").fill("Draft guidelines on **space traffic coordination**: sharing ephemerides and answering conjunction notices.");
    await addProposal.getByRole("button", { name: "Add the proposal" }).click();
    await done(page, `Created the proposal “${PROPOSAL_TITLE}”`);

    // 3. Statements from three States on item 9, each with its stance on the proposal.
    const record = form(page, "Record a statement");
    await expect.poll(() => record.getByLabel("Proposal").locator("option", { hasText: PROPOSAL_TITLE }).count()).toBe(1);
    const statements = [
      { code: "USA", stance: "supports", day: "2026-06-18", text: "The United States **supports** the draft guidelines and will share its ephemerides." },
      { code: "CHN", stance: "opposes", day: "2026-06-18", text: "China cannot accept binding coordination language at this stage." },
      { code: "IND", stance: "reserves", day: "2026-06-19", text: "India reserves its position pending consultations in capital." },
    ] as const;
    for (const s of statements) {
      await record.getByLabel("Agenda item").selectOption({ label: ITEM_9 });
      await record.getByLabel("Speaker is").selectOption("state");
      await record.getByLabel("State").selectOption(s.code);
      await record.getByLabel("Delivered on").fill(s.day);
      await record.getByLabel("What was said (Markdown)").fill(s.text);
      await record.getByLabel("Source (URL)").fill(SOURCE);
      await record.getByLabel("Proposal").selectOption({ label: PROPOSAL_TITLE });
      await record.getByLabel("Stance", { exact: true }).selectOption(s.stance);
      await record.getByRole("button", { name: "Record the statement" }).click();
      await done(page, new RegExp(`Recorded the statement of .* on ${s.day} under item 9, which ${s.stance}`));
      await page.locator(`.speaker-block[data-speaker="${s.code}"]`).waitFor();
    }
    expect(await page.getByRole("region", { name: "Statements on item 9" }).locator(".speaker-block").count()).toBe(3);
    lap("session, items, proposal, statements");

    // 4. The proposal's tally shows the three stances.
    await page.locator(".table-block", { has: page.locator(".table-caption", { hasText: "in this forum" }) }).getByRole("link", { name: PROPOSAL_TITLE }).click();
    await page.waitForURL(/\/proposals\/\d+$/);
    await settle(page);
    const proposalId = idInUrl(page);
    const readTally = async () => Object.fromEntries(await Promise.all(["supports", "opposes", "reserves", "silent"].map(async (s) => [s, Number(await page.getByTestId(`tally-${s}`).innerText())])));
    await expect.poll(readTally).toEqual({ supports: 1, opposes: 1, reserves: 1, silent: 192 });
    await page.locator(".map-svg path").first().waitFor();
    await screenshot(page, "91-workspace-flow-proposal-tally");

    // 5. A position on item 9 (from the agenda's link), citing an evidence figure (the form's example, looked up first), submitted.
    await visit(page, `/sessions/${sessionId}`);
    await page.getByRole("link", { name: "positions on 9" }).click();
    await page.waitForURL(/\/positions\?session=\d+&agendaItem=\d+/);
    await settle(page);
    const draft = form(page, "Draft a position");
    await expect.poll(() => draft.getByLabel("Agenda item").inputValue()).not.toBe("");
    await draft.getByLabel("Title").fill(POSITION_TITLE);
    await draft.getByLabel("Text (Markdown)").fill(POSITION_TEXT);
    await draft.getByLabel("Note on this version").fill("first draft");
    await draft.getByRole("button", { name: "Save the draft" }).click();
    await page.waitForURL(/\/positions\/\d+\?created=1$/);
    await settle(page);
    const positionId = idInUrl(page);
    const cite = form(page, "Cite a figure");
    await cite.getByRole("button", { name: "/api/instruments/artemis-accords with /growth/years/6/cumulative" }).click();
    await cite.getByLabel("Label").fill("Artemis Accords: participants");
    await cite.getByRole("button", { name: "Look it up" }).click();
    const preview = await cite.locator('[role="status"]', { hasText: "— citable" }).innerText();
    const participants = /: (\d+) — citable/.exec(preview)?.[1];
    expect(participants).toBeDefined();
    await cite.getByRole("button", { name: "Cite the figure" }).click();
    await done(page, `Cited “Artemis Accords: participants”: ${participants} as of`);
    const figureTable = page.locator(".table-block", { has: page.locator(".table-caption", { hasText: "cited figure" }) });
    // The table is re-read after the write: wait for its row before reading it.
    await figureTable.locator("tbody tr td").nth(1).waitFor();
    await expect.poll(async () => (await figureTable.locator("tbody tr td").allInnerTexts())[1]).toBe(participants);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await done(page, "Submitted for review: the position is now under review");
    lap("position drafted, cited, submitted");

    // 6. The admin, in its own browser context, signs in through the sign-in page and clears the position.
    const adminPage = await openPage();
    await signInThroughPage(adminPage, admin, "Admin One", `/positions/${positionId}`);
    await adminPage.getByRole("button", { name: "Clear", exact: true }).click();
    await done(adminPage, "Cleared: the position is now cleared (version 1).");
    // The status history is re-read after the write: wait for it rather than reading it once.
    await adminPage.locator(".status-history", { hasText: /under review → cleared at version 1, by Admin One/ }).waitFor();
    await screenshot(adminPage, "92-workspace-flow-position-cleared");
    lap("position cleared by the admin");

    // 7. The analyst opens a consultation on the position's text and invites a stakeholder by e-mail.
    // From the cleared position's own page: its link opens the form with the position preselected.
    await visit(page, `/positions/${positionId}`);
    await page.getByRole("link", { name: "Consult stakeholders on this position" }).click();
    await page.waitForURL(new RegExp(`/consultations/new\\?position=${positionId}$`));
    await settle(page);
    const positionSelect = page.getByLabel("Linked position (optional, never shown to stakeholders)");
    await expect.poll(() => positionSelect.locator("option", { hasText: POSITION_TITLE }).count()).toBe(1);
    await expect.poll(() => positionSelect.inputValue()).toBe(String(positionId));
    await page.getByRole("button", { name: "Use its current text as the draft" }).click();
    await page.locator('[role="status"]', { hasText: `The current text of position #${positionId} is in the draft` }).waitFor();
    expect(await page.getByLabel(/^Draft to publish/).inputValue()).toBe(POSITION_TEXT);
    await page.getByLabel("Title").fill(CONSULTATION_TITLE);
    await page.getByRole("button", { name: "Open the consultation" }).click();
    await page.waitForURL(/\/consultations\/\d+$/);
    await settle(page);
    const consultationId = idInUrl(page);
    expect(await page.locator(".paragraph").count()).toBe(2);
    await page.getByLabel("E-mail of invitee 1").fill(STAKEHOLDER.email);
    await page.locator('[data-invitee-row="0"]').getByLabel("Sector").selectOption(STAKEHOLDER.sector);
    await page.locator('[data-invitee-row="0"]').getByLabel("Organisation").fill(STAKEHOLDER.organisation);
    await page.getByRole("button", { name: "Send the invitation" }).click();
    await page.locator(".form-confirmation", { hasText: "1 invitation made: 1 e-mail sent." }).waitFor();

    // 8. The stakeholder reads the e-mail the loopback SMTP server received, opens its link in a fresh context, accepts, comments.
    const mail = await workspace.smtp.nextFor(STAKEHOLDER.email, 10_000);
    expect(mail.subject).toContain(CONSULTATION_TITLE);
    const { link } = invitationLinkIn(mail);
    const stakeholderPage = await openPage();
    // The link points at the configured public URL; the fixture's server listens on a random port: same path there.
    await visit(stakeholderPage, new URL(link).pathname);
    expect(await stakeholderPage.locator('[data-field="consultation-title"]').innerText()).toBe(CONSULTATION_TITLE);
    await stakeholderPage.getByLabel("Your name").fill(STAKEHOLDER.name);
    await stakeholderPage.getByLabel("Choose a password").fill(STAKEHOLDER.password);
    await stakeholderPage.getByLabel("Repeat the password").fill(STAKEHOLDER.password);
    await stakeholderPage.getByRole("button", { name: "Accept the invitation" }).click();
    await stakeholderPage.waitForURL(`**/consultations/${consultationId}`);
    await settle(stakeholderPage);
    for (const [visibility, text] of [["public", PUBLIC_COMMENT], ["confidential", CONFIDENTIAL_COMMENT]] as const) {
      await stakeholderPage.getByRole("button", { name: "Comment on ¶ 2" }).click();
      const commentForm = stakeholderPage.getByRole("form", { name: "Comment on paragraph 2" });
      await commentForm.getByLabel("Your comment on ¶ 2 (Markdown)").fill(text);
      await commentForm.getByRole("radio", { name: visibility === "public" ? /^Public:/ : /^Confidential:/ }).check();
      await commentForm.getByRole("button", { name: visibility === "public" ? "Post public comment" : "Send confidential comment" }).click();
      await stakeholderPage.locator(".form-confirmation", { hasText: "comment on ¶ 2" }).waitFor();
      await stakeholderPage.locator("#paragraph-2 .comment", { hasText: text }).waitFor();
    }
    // The stakeholder sees the published draft, never the linked position or the organisers' view.
    expect(await stakeholderPage.locator("main").innerText()).not.toContain(`position #${positionId}`);
    expect(await stakeholderPage.getByRole("link", { name: /Export summary/ }).count()).toBe(0);
    await screenshot(stakeholderPage, "93-workspace-flow-stakeholder-comments");
    lap("consultation opened, invitation e-mailed, accepted, 2 comments");

    // 9. The analyst exports the summary (Markdown download).
    await visit(page, `/consultations/${consultationId}`);
    await expect.poll(() => page.locator('[data-figure="comments"]').innerText()).toBe("2");
    await screenshot(page, "94-workspace-flow-consultation-organiser");
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Export summary \(Markdown\)/ }).click()]);
    const summary = readFileSync(await file.path(), "utf8");
    expect(file.suggestedFilename()).toBe(`consultation-${consultationId}-summary.md`);
    expect(summary).toContain("- Comments: 2 (1 public, 1 confidential)");
    expect(summary).toContain("- Comments by sector: commercial 2, academic 0, non-profit 0, government 0");
    expect(summary).toContain("| 1 | 0 | 0 | 0 | 0 | 0 | 0 |");
    expect(summary).toContain("| 2 | 2 | 0 | 0 | 0 | 2 | 1 |");
    expect(summary).toContain(`**CONFIDENTIAL** — ${STAKEHOLDER.name} <${STAKEHOLDER.email}>, ${STAKEHOLDER.organisation} (commercial)`);
    lap("summary exported");

    // 10. The admin opens the audit log: every step of the flow, by action, actor and entity, in order.
    const rows = await auditRowsSince(adminPage, (row) => row.action === "user.sign_in" && row.actor === analyst.email);
    // The newest entries (the end of the flow) as the admin sees them; each row's before → after makes the full page very long.
    await visit(adminPage, "/admin/audit");
    await adminPage.setViewportSize({ width: 1366, height: 1800 });
    await screenshot(adminPage, "90-workspace-flow-audit", { fullPage: false });
    const stakeholderId = rows.find((r) => r.action === "user.create")?.entityId ?? "?";
    const invitationId = rows.find((r) => r.action === "consultation_invitation.create")?.entityId ?? "?";
    const A = analyst.email;
    const expected: [actor: string, action: string, entity: string][] = [
      [A, "user.sign_in", `user #${analyst.id}`],
      [A, "forum_session.create", `forum_session #${sessionId}`],
      [A, "agenda_item.create", "agenda_item"],
      [A, "agenda_item.create", "agenda_item"],
      [A, "proposal.create", `proposal #${proposalId}`],
      ...statements.flatMap((): [string, string, string][] => [
        [A, "statement.create", "statement"],
        [A, "statement_stance.create", "statement_stance"],
      ]),
      [A, "position.create", `position #${positionId}`],
      [A, "position.cite", `position #${positionId}`],
      [A, "position.submit", `position #${positionId}`],
      [admin.email, "user.sign_in", `user #${admin.id}`],
      [admin.email, "position.clear", `position #${positionId}`],
      [A, "consultation.open", `consultation #${consultationId}`],
      [A, "consultation_invitation.create", `consultation_invitation #${invitationId}`],
      [A, "consultation_invitation.send", `consultation_invitation #${invitationId}`],
      [`invitation:${STAKEHOLDER.email}`, "user.create", `user #${stakeholderId}`],
      [STAKEHOLDER.email, "consultation_invitation.accept", `consultation_invitation #${invitationId}`],
      [STAKEHOLDER.email, "user.sign_in", `user #${stakeholderId}`],
      [STAKEHOLDER.email, "consultation_comment.create", "consultation_comment"],
      [STAKEHOLDER.email, "consultation_comment.create", "consultation_comment"],
    ];
    // Where the page's URL gave the entity's id, the id too; else its type (its id is checked to differ below).
    const seen = rows.map((r, i): [string, string, string] => [r.actor, r.action, expected[i]?.[2].includes("#") === false ? r.entityType : `${r.entityType} #${r.entityId}`]);
    const who = (actor: string) => (actor === A ? "analyst" : actor === admin.email ? "admin" : actor.startsWith("invitation:") ? "invitation link" : actor === STAKEHOLDER.email ? "stakeholder" : actor);
    console.log(`audit page, from the analyst's sign-in on (${rows.length} entries):\n${rows.map((r, i) => `  ${String(i + 1).padStart(2)}. #${r.id} ${r.action} by ${who(r.actor)} on ${r.entityType} #${r.entityId}`).join("\n")}`);
    expect(seen).toEqual(expected);
    expect(new Set(rows.filter((r) => r.action === "agenda_item.create").map((r) => r.entityId)).size).toBe(2);
    expect(new Set(rows.filter((r) => r.action === "statement.create").map((r) => r.entityId)).size).toBe(3);

    // Cross-check with the API, as the admin: the same entries, in the same order, and nothing after them.
    const api = (await (await adminPage.context().request.get(`/api/audit?order=asc&limit=500&cursor=${rows[0]!.id - 1}`)).json()) as { items: { id: number; actorLabel: string; action: string; entityType: string; entityId: string }[] };
    expect(api.items.map((e) => [e.id, e.actorLabel, e.action, e.entityType, e.entityId])).toEqual(rows.map((r) => [r.id, r.actor, r.action, r.entityType, r.entityId]));

    lap("audit read");
    console.log(`workspace flow: ${timings.join("; ")}; screenshots 90-94 in ${SCREENSHOTS}`);
    expect(problems).toEqual([]);
  }, 300_000);
});
