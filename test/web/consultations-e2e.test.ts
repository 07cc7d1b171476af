import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { invitationLinkIn } from "../consultations/loopback-smtp.ts";
import { chromiumExecutable } from "./chromium.ts";
import { settle, visit } from "./web-fixture.ts";
import { useWorkspaceBrowser } from "./workspace-browser.ts";
import { signInContext } from "./workspace-fixture.ts";

const CHROMIUM = chromiumExecutable();

const DRAFT = [
  "## Scope",
  "",
  "These practices apply to operators of satellites in low Earth orbit that manoeuvre to avoid collisions.",
  "",
  "Operators share ephemerides with a screening service at least once a day, with covariance where they have it.",
  "",
  "Operators answer a conjunction notice from another operator within **four hours**.",
].join("\n");

const A = { email: "policy@orbitworks.example", name: "Ada Orbit", password: "stakeholder-a-passphrase", sector: "commercial", organisation: "Orbit Works Ltd" };
const B = { email: "lab@university.example", name: "Ben Campus", password: "stakeholder-b-passphrase", sector: "academic", organisation: "University Space Lab" };
const A_PUBLIC = "Daily sharing is feasible for us; please allow the CCSDS OEM format.";
const A_CONFIDENTIAL = "Our covariance is proprietary until our next funding round closes.";
const A_PUBLIC_1 = "The scope should name rideshare dispensers too.";
const B_PUBLIC = "Four hours is short for a university ground station staffed in daytime only.";

describe.skipIf(!CHROMIUM)("stakeholder consultations in headless Chromium, on the real server, with a real SMTP server on loopback", () => {
  // The refusals this test provokes (400 for the missing title, 404 for the consultation B was not invited to) are logged by the browser as failed resources.
  const workspace = useWorkspaceBrowser(CHROMIUM, { toleratedErrors: /status of 40[0134]/, smtp: true });
  const { newContext, openPage, screenshot, problems } = workspace;
  const mainText = (page: Page) => page.locator("main").innerText();

  /** Reads the invitation e-mail the server sent to `email` and accepts it through the page it links to, as a new account. */
  const acceptInvitation = async (invitee: typeof A, consultationId: number): Promise<Page> => {
    const mail = await workspace.smtp.nextFor(invitee.email, 10_000);
    expect(mail.subject).toMatch(/^Invitation to comment: Collision avoidance practices/);
    const { link } = invitationLinkIn(mail);
    const context = await newContext();
    const page = await openPage(context);
    // The link points at the configured public URL; the fixture's server listens on a random port: same path there.
    await visit(page, new URL(link).pathname);
    expect(await page.locator('[data-field="consultation-title"]').innerText()).toBe("Collision avoidance practices for LEO operators");
    // A new address: the page says accepting creates the account (no sign-in form).
    expect(await page.locator("form[data-acceptance]").getAttribute("data-acceptance")).toBe("create-account");
    await page.getByLabel("Your name").fill(invitee.name);
    await page.getByLabel("Choose a password").fill(invitee.password);
    await page.getByLabel("Repeat the password").fill(invitee.password);
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await page.waitForURL(`**/consultations/${consultationId}`);
    await settle(page);
    return page;
  };

  const comment = async (page: Page, paragraph: number, visibility: "public" | "confidential", text: string) => {
    await page.getByRole("button", { name: `Comment on ¶ ${paragraph}` }).click();
    const form = page.getByRole("form", { name: `Comment on paragraph ${paragraph}` });
    await form.getByLabel(`Your comment on ¶ ${paragraph} (Markdown)`).fill(text);
    await form.getByRole("radio", { name: visibility === "public" ? /^Public:/ : /^Confidential:/ }).check();
    await form.getByRole("button", { name: visibility === "public" ? "Post public comment" : "Send confidential comment" }).click();
    await page.locator(".form-confirmation", { hasText: `comment on ¶ ${paragraph}` }).waitFor();
    await page.locator(`#paragraph-${paragraph} .comment`, { hasText: text }).waitFor();
  };

  it("an analyst opens a consultation and invites two stakeholders by e-mail; each accepts its e-mailed link and comments; B sees A's public comment but not its confidential one, and not another consultation; the organiser sees the comments by sector and paragraph and downloads the summary", async () => {
    const started = Date.now();
    // The analyst opens the consultation through the page (a missing title first: the API's 400 lands on the field).
    const analyst = await newContext();
    await signInContext(analyst, workspace.fixture.users.analyst);
    const organiserPage = await openPage(analyst);
    await visit(organiserPage, "/consultations");
    expect(await organiserPage.locator('[role="status"]', { hasText: "No consultation yet." }).count()).toBe(1);
    await organiserPage.getByRole("link", { name: "New consultation" }).click();
    await settle(organiserPage);
    await organiserPage.getByLabel("Kind of draft").selectOption("best-practice");
    await organiserPage.getByLabel(/^Draft to publish/).fill(DRAFT);
    await organiserPage.getByLabel(/^Internal note/).fill("Keep **Orbit Works** close: they run the largest fleet we regulate.");
    await organiserPage.getByRole("button", { name: "Open the consultation" }).click();
    const title = organiserPage.getByLabel("Title");
    await expect.poll(() => title.getAttribute("aria-invalid")).toBe("true");
    expect(await organiserPage.locator(".field-error").first().innerText()).toMatch(/title/i);
    await screenshot(organiserPage, "70-consultation-new");
    await title.fill("Collision avoidance practices for LEO operators");
    await organiserPage.getByRole("button", { name: "Open the consultation" }).click();
    await organiserPage.waitForURL(/\/consultations\/\d+$/);
    await settle(organiserPage);
    const consultationId = Number(new URL(organiserPage.url()).pathname.split("/").pop());
    expect(await organiserPage.locator("h1").innerText()).toBe("Collision avoidance practices for LEO operators");
    expect(await organiserPage.locator(".paragraph").count()).toBe(3);
    expect(await organiserPage.locator(".form-confirmation").first().innerText()).toMatch(/Consultation opened/);

    // A second consultation that B is never invited to (through the API as the analyst's browser: CSRF token included).
    const { csrfToken } = (await (await analyst.request.get("/api/auth/session")).json()) as { csrfToken: string };
    const other = await analyst.request.post("/api/consultations", {
      headers: { "X-CSRF-Token": csrfToken },
      data: { title: "Internal-only spectrum draft", kind: "position", draftMarkdown: "Not for B.", deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    });
    expect(other.status()).toBe(201);
    const otherId = ((await other.json()) as { id: number }).id;

    // Invite A (commercial) and B (academic) in one submission.
    await organiserPage.getByLabel("E-mail of invitee 1").fill(A.email);
    await organiserPage.locator('[data-invitee-row="0"]').getByLabel("Sector").selectOption(A.sector);
    await organiserPage.locator('[data-invitee-row="0"]').getByLabel("Organisation").fill(A.organisation);
    await organiserPage.getByRole("button", { name: "Add another invitee" }).click();
    await organiserPage.getByLabel("E-mail of invitee 2").fill(B.email);
    await organiserPage.locator('[data-invitee-row="1"]').getByLabel("Sector").selectOption(B.sector);
    await organiserPage.locator('[data-invitee-row="1"]').getByLabel("Organisation").fill(B.organisation);
    await organiserPage.getByRole("button", { name: "Send 2 invitations" }).click();
    await organiserPage.locator(".form-confirmation", { hasText: "2 invitations made: 2 e-mails sent." }).waitFor();
    const invitationRows = organiserPage.locator(".table-block", { has: organiserPage.locator(".table-caption", { hasText: /^2 invitations$/ }) }).locator("tbody tr");
    await expect.poll(() => invitationRows.count()).toBe(2);
    expect(await invitationRows.locator('[data-state="sent"]').count()).toBe(2);

    // Stakeholder A accepts through the e-mailed link (W1's acceptance page) and comments on ¶ 2 publicly and confidentially, on ¶ 1 publicly.
    const pageA = await acceptInvitation(A, consultationId);
    expect(await mainText(pageA)).toContain(`You were invited as ${A.organisation} (${A.sector})`);
    await comment(pageA, 2, "public", A_PUBLIC);
    await comment(pageA, 2, "confidential", A_CONFIDENTIAL);
    await comment(pageA, 1, "public", A_PUBLIC_1);
    expect(await pageA.locator('#paragraph-2 .comment-mine[data-visibility="confidential"]').innerText()).toContain(A_CONFIDENTIAL);
    // Never anything internal: the note and the invitation list are not sent to a stakeholder, so not shown.
    const textA = await mainText(pageA);
    expect(textA).not.toContain("Orbit Works close");
    expect(textA).not.toContain(B.email);
    await screenshot(pageA, "71-consultation-stakeholder-a");

    // Stakeholder B accepts and comments; it sees A's public comment and not A's confidential one (not even in the DOM).
    const pageB = await acceptInvitation(B, consultationId);
    await comment(pageB, 2, "public", B_PUBLIC);
    await visit(pageB, `/consultations/${consultationId}`);
    const textB = await mainText(pageB);
    expect(textB).toContain(A_PUBLIC);
    expect(textB).toContain(A_PUBLIC_1);
    expect(textB).not.toContain(A_CONFIDENTIAL);
    expect(await pageB.content()).not.toContain("proprietary");
    expect(textB).not.toContain(A.email);
    expect(await pageB.locator('.comment[data-visibility="confidential"]').count()).toBe(0);
    await screenshot(pageB, "72-consultation-stakeholder-b");
    // B's list holds only its consultation; the other one is "not found", as for an id that does not exist.
    await visit(pageB, "/consultations");
    expect(await pageB.locator("tbody tr").count()).toBe(1);
    expect(await pageB.locator("tbody").innerText()).not.toContain("Internal-only");
    await screenshot(pageB, "73-consultations-stakeholder-list");
    await visit(pageB, `/consultations/${otherId}`);
    expect(await pageB.locator('[data-state="not-found"]').innerText()).toMatch(/No such consultation here/);
    expect(await mainText(pageB)).not.toContain("Internal-only");
    await screenshot(pageB, "74-consultation-not-invited");

    // A viewer reads the public comments only, with no form.
    const viewer = await newContext();
    await signInContext(viewer, workspace.fixture.users.viewer);
    const viewerPage = await openPage(viewer);
    await visit(viewerPage, `/consultations/${consultationId}`);
    const viewerText = await mainText(viewerPage);
    expect(viewerText).toContain(B_PUBLIC);
    expect(viewerText).not.toContain(A_CONFIDENTIAL);
    expect(await viewerPage.locator("form").count()).toBe(0);
    await screenshot(viewerPage, "75-consultation-viewer");

    // The organiser: 4 comments (3 public, 1 confidential); by paragraph and sector in the table; by sector in the tabs.
    await visit(organiserPage, `/consultations/${consultationId}`);
    expect(await organiserPage.locator('[data-figure="comments"]').innerText()).toBe("4");
    const countRows = organiserPage.locator(".table-block", { has: organiserPage.locator(".table-caption", { hasText: "Comments by paragraph and sector" }) }).locator("tbody tr");
    const cells = async (row: number) => (await countRows.nth(row).locator("td").allInnerTexts()).map((t) => t.trim());
    // Columns: paragraph, commercial, academic, non-profit, government, total, public, confidential.
    expect(await cells(0)).toEqual(["¶ 1", "1", "0", "0", "0", "1", "1", "0"]);
    expect(await cells(1)).toEqual(["¶ 2", "2", "1", "0", "0", "3", "2", "1"]);
    expect(await cells(2)).toEqual(["¶ 3", "0", "0", "0", "0", "0", "0", "0"]);
    expect(await cells(3)).toEqual(["All paragraphs", "3", "1", "0", "0", "4", "3", "1"]);
    expect(await organiserPage.locator('#paragraph-2 .comment[data-visibility="confidential"]').innerText()).toContain(A_CONFIDENTIAL);
    expect(await organiserPage.locator("#paragraph-2 .comment").count()).toBe(3);
    expect(await invitationRows.locator('[data-state="accepted"]').count()).toBe(2);
    await screenshot(organiserPage, "76-consultation-organiser-by-paragraph");
    await organiserPage.getByRole("link", { name: "By sector" }).click();
    await organiserPage.waitForURL(/group=sector/);
    expect(await organiserPage.locator('[data-sector="commercial"] h3').innerText()).toMatch(/3 comments \(2 public, 1 confidential\)/);
    expect(await organiserPage.locator('[data-sector="academic"] .comment').innerText()).toContain(B_PUBLIC);
    expect(await organiserPage.locator('[data-sector="non-profit"]').innerText()).toContain("No comment from non-profit stakeholders.");
    await screenshot(organiserPage, "77-consultation-organiser-by-sector");

    // The summary downloads, Markdown and CSV, with the same counts.
    const download = async (name: RegExp) => {
      const [file] = await Promise.all([organiserPage.waitForEvent("download"), organiserPage.getByRole("link", { name }).click()]);
      return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
    };
    const markdown = await download(/Export summary \(Markdown\)/);
    expect(markdown.name).toBe(`consultation-${consultationId}-summary.md`);
    expect(markdown.text).toContain("- Comments: 4 (3 public, 1 confidential)");
    expect(markdown.text).toContain("- Comments by sector: commercial 3, academic 1, non-profit 0, government 0");
    expect(markdown.text).toContain("| 2 | 2 | 1 | 0 | 0 | 3 | 1 |");
    expect(markdown.text).toContain(`**CONFIDENTIAL** — ${A.name} <${A.email}>, ${A.organisation} (commercial)`);
    const csv = await download(/Export summary \(CSV\)/);
    expect(csv.name).toBe(`consultation-${consultationId}-summary.csv`);
    const rows = csv.text.split("\r\n").filter((line) => line !== "" && !line.startsWith("#"));
    expect(rows[0]).toBe("comment_id,paragraph,sector,organisation,author,author_email,visibility,created_at,comment");
    expect(rows.length - 1).toBe(4);
    expect(rows.filter((row) => row.includes(",confidential,")).length).toBe(1);
    expect(rows.filter((row) => row.includes(",commercial,")).length).toBe(3);

    // Invite more: a malformed e-mail is refused on its own field; then C is invited and re-sent (a new link; the first stops working).
    const C = "safety@ngo.example";
    const row = organiserPage.locator('[data-invitee-row="0"]');
    await organiserPage.getByLabel("E-mail of invitee 1").fill("not-an-address");
    await row.getByLabel("Sector").selectOption("non-profit");
    await row.getByLabel("Organisation").fill("Space Safety Foundation");
    await organiserPage.getByRole("button", { name: "Send the invitation" }).click();
    await expect.poll(() => organiserPage.getByLabel("E-mail of invitee 1").getAttribute("aria-invalid")).toBe("true");
    expect(await row.locator(".field-error").innerText()).toContain("not an e-mail address");
    await organiserPage.getByLabel("E-mail of invitee 1").fill(C);
    await organiserPage.getByRole("button", { name: "Send the invitation" }).click();
    await organiserPage.locator(".form-confirmation", { hasText: "1 invitation made: 1 e-mail sent." }).waitFor();
    const firstLink = invitationLinkIn(await workspace.smtp.nextFor(C, 10_000));
    await organiserPage.getByRole("button", { name: `Re-send the invitation to ${C}` }).click();
    await organiserPage.locator(".form-confirmation", { hasText: `New link sent to ${C}.` }).waitFor();
    const secondLink = invitationLinkIn(await workspace.smtp.nextFor(C, 10_000));
    expect(secondLink.token).not.toBe(firstLink.token);
    expect((await analyst.request.get(`/api/invitations/${firstLink.token}`)).status()).toBe(404);
    expect((await analyst.request.get(`/api/invitations/${secondLink.token}`)).status()).toBe(200);

    // Closing: confirmed, then the stakeholders' pages take no more comments.
    await organiserPage.getByRole("button", { name: "Close the consultation…" }).click();
    await organiserPage.getByRole("button", { name: "Close now" }).click();
    await organiserPage.locator(".form-confirmation", { hasText: "Consultation closed" }).waitFor();
    await expect.poll(() => organiserPage.locator('.key-figures [data-status="closed"]').count()).toBe(1);
    expect(await organiserPage.locator(".invite-form").count()).toBe(0);
    await screenshot(organiserPage, "80-consultation-organiser-closed");
    await visit(organiserPage, "/consultations");
    expect(await organiserPage.locator("tbody tr").count()).toBe(2);
    await screenshot(organiserPage, "81-consultations-organiser-list");
    await visit(pageA, `/consultations/${consultationId}`);
    expect(await pageA.getByRole("button", { name: /^Comment on/ }).count()).toBe(0);
    expect(await mainText(pageA)).toMatch(/Closed .* comments are no longer accepted/);

    // Signed out: the list asks to sign in.
    const anonymous = await openPage(await newContext());
    await visit(anonymous, "/consultations");
    expect(await anonymous.locator('[data-state="sign-in-required"]').getByRole("link", { name: "Sign in" }).getAttribute("href")).toBe("/sign-in?next=%2Fconsultations");

    expect(problems).toEqual([]);
    console.log(
      `consultation #${consultationId}: 2 invitations sent and accepted through the e-mailed links, a third sent and re-sent (new link, old one refused), 4 comments (3 public, 1 confidential), summary ${markdown.text.length} B Markdown and ${rows.length - 1} CSV rows; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 240_000);
});
