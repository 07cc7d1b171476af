import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { issueFirstAdminSetupLink } from "../../src/accounts/account-setup.service.ts";
import { SYSTEM_ACTOR } from "../../src/accounts/audit-actor.ts";
import { openConsultation } from "../../src/consultations/consultation.service.ts";
import { inviteStakeholders } from "../../src/consultations/invitation.service.ts";
import { startServer } from "../../src/server/start-server.ts";
import { invitationLinkIn } from "../consultations/loopback-smtp.ts";
import { mailingThrough } from "../consultations/consultation-workspace.ts";
import { openTemporaryContext } from "../server/server-fixtures.ts";
import { chromiumExecutable } from "./chromium.ts";
import { settle, visit } from "./web-fixture.ts";
import { useWorkspaceBrowser } from "./workspace-browser.ts";
import { signInContext } from "./workspace-fixture.ts";

const CHROMIUM = chromiumExecutable();
/** Sums the layout shifts (without recent input): Chromium's Cumulative Layout Shift (as test/web/web-e2e.test.ts does). */
const LAYOUT_SHIFT_OBSERVER = `
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
`;
const AUDIT_CSV_HEADER = "id,at,actor_user_id,actor_label,action,entity_type,entity_id,before_json,after_json";

describe.skipIf(!CHROMIUM)("account and admin pages in headless Chromium, on the real server", () => {
  // The browser logs every refused request (401 wrong password, 403, 404, 409, 429): those are the tests' cases.
  const workspace = useWorkspaceBrowser(CHROMIUM, { toleratedErrors: /status of (401|403|404|409|429)/, warnings: true, smtp: true });
  const { newContext, openPage, screenshot, problems } = workspace;
  /** The setup link the users page showed for the user the admin created (used by the setup-page test). */
  let createdUser: { email: string; setupLink: string; replacedLink: string } | null = null;

  const header = (page: Page) => page.locator("header.app-header");

  it("an admin signs in through the page (a wrong password first), adds a user, finds it in the audit log, exports CSV, signs out", async () => {
    const page = await openPage();
    await page.addInitScript(LAYOUT_SHIFT_OBSERVER);
    const admin = workspace.fixture.users.admin;
    await visit(page, "/sign-in?next=/admin/users");
    expect(await header(page).innerText()).toContain("Sign in");
    await page.locator("nav[aria-label=Workspace] .nav-hint").waitFor();
    // The header's account area and workspace row keep their height while the session loads: nothing moves.
    const shift = Number(await page.evaluate("window.__layoutShift"));
    console.log(`sign-in page: cumulative layout shift ${shift.toFixed(3)}`);
    expect(shift).toBeLessThan(0.01);
    expect(await page.getByRole("link", { name: "Sign in with OpenID Connect" }).count()).toBe(0); // not configured here
    await screenshot(page, "account-01-sign-in");

    await page.getByLabel("E-mail").fill(admin.email);
    await page.getByLabel("Password").fill(`${admin.password} wrong`);
    await page.getByRole("button", { name: "Sign in" }).click();
    const refusal = page.locator(".form-refusal");
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain("The e-mail or the password is not right");
    expect(await page.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");
    expect(page.url()).toContain("/sign-in");
    await screenshot(page, "account-02-sign-in-refused");

    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/admin/users");
    await settle(page);
    await expect.poll(() => header(page).locator(".account-menu").innerText()).toContain("Admin One");
    expect(await header(page).locator(".account-menu").innerText()).toMatch(/administrator/i);
    const workspaceNav = page.getByRole("navigation", { name: "Workspace" });
    expect(await workspaceNav.getByRole("link", { name: "Users" }).count()).toBe(1);
    expect(await workspaceNav.getByRole("link", { name: "Audit log" }).count()).toBe(1);

    // Create a user without a password: the page shows the single-use setup link to pass on.
    const email = `nadia.analyst.${Date.now()}@example.org`;
    await page.locator("#new-user-email").fill(email);
    await page.locator("#new-user-name").fill("Nadia Analyst");
    await page.locator("#new-user-role").selectOption("analyst");
    await page.locator("#new-user-organisation").fill("Ministry of Foreign Affairs");
    await page.getByRole("button", { name: "Add the user" }).click();
    const confirmation = page.locator("[data-state=user-created]");
    await confirmation.waitFor();
    expect(await confirmation.innerText()).toContain(`Added Nadia Analyst (${email}) as analyst`);
    const setupLink = await confirmation.locator("[data-field=setup-link]").inputValue();
    expect(setupLink).toMatch(/\/setup#token=[A-Za-z0-9_-]{20,}$/);
    const row = page.locator("tbody tr", { hasText: email });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Nadia Analyst[\s\S]*analyst[\s\S]*enabled[\s\S]*no/);
    await screenshot(page, "account-03-admin-users");

    // Change the role, disable, enable, and issue a new setup link (the first one stops working).
    const outcome = page.locator(".row-outcome");
    await page.getByLabel(`Role of ${email}`, { exact: true }).selectOption("viewer");
    await page.getByRole("button", { name: `Change the role of ${email}` }).click();
    await expect.poll(() => outcome.innerText()).toContain("Nadia Analyst is now viewer (was analyst)");
    await expect.poll(() => row.locator("td").nth(2).innerText()).toBe("viewer");
    await page.getByRole("button", { name: `Disable ${email}` }).click();
    await expect.poll(() => row.innerText()).toContain("disabled");
    expect(await outcome.innerText()).toContain("is disabled");
    await page.getByRole("button", { name: `Enable ${email}` }).click();
    await expect.poll(() => row.locator("td").nth(3).innerText()).toBe("enabled");
    // The signed-in admin cannot disable itself from the page.
    expect(await page.getByRole("button", { name: `Disable ${admin.email}` }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: `Issue a setup link for ${email}` }).click();
    const newLink = await outcome.locator("[data-field=setup-link]").inputValue();
    expect(newLink).toMatch(/\/setup#token=[A-Za-z0-9_-]{20,}$/);
    expect(newLink).not.toBe(setupLink);
    createdUser = { email, setupLink: newLink, replacedLink: setupLink };
    await screenshot(page, "account-03b-admin-users-changed");

    // The audit log has the user.create entry with the new user's snapshot as a diff.
    await visit(page, "/admin/audit?entityType=user&action=user.create");
    const entry = page.locator("tbody tr[data-action='user.create']", { hasText: email }).first();
    await entry.waitFor();
    const entryText = await entry.innerText();
    expect(entryText).toContain(admin.email); // who
    expect(entryText).toContain("created");
    expect(entryText).toMatch(/email\s+added\s+nadia\.analyst/);
    // The filters (entity type user, action user.create) came from the URL: every row shown is a user.create.
    const actions = await Promise.all((await page.locator("tbody tr[data-action]").all()).map((r) => r.getAttribute("data-action")));
    expect(actions.length).toBeGreaterThanOrEqual(5);
    expect(new Set(actions)).toEqual(new Set(["user.create"]));
    await screenshot(page, "account-04-admin-audit");
    // Every step on this user is in the log, the role change as a before/after diff.
    const users = (await (await page.context().request.get("/api/users")).json()) as { items: { id: number; email: string }[] };
    const userId = users.items.find((u) => u.email === email)?.id;
    expect(userId).toBeGreaterThan(0);
    await visit(page, `/admin/audit?entityType=user&entityId=${userId}`);
    await page.locator("tbody tr[data-action='user.update']").first().waitFor();
    const steps = await Promise.all((await page.locator("tbody tr[data-action]").all()).map((r) => r.getAttribute("data-action")));
    expect(steps).toEqual(["setup_link.create", "user.enable", "user.disable", "user.update", "setup_link.create", "user.create"]);
    // The page says how many entries match in all, and which of them it shows.
    expect(await page.locator("[data-field=audit-total]").innerText()).toContain("6 entries");
    expect(await page.locator("[data-field=audit-range]").innerText()).toMatch(/^Showing 1–6 of 6 entries \(#\d+ to #\d+\)$/);
    expect(await page.locator("tbody tr[data-action='user.update']").innerText()).toMatch(/~\s*role\s+changed\s+analyst\s+viewer/);
    await screenshot(page, "account-04b-admin-audit-user-history");

    // The CSV export (the server's, with the page's filters) downloads; no password or hash in it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-export=csv]").click()]);
    const csv = readFileSync(await download.path(), "utf8");
    const lines = csv.trimEnd().split("\r\n");
    console.log(`audit CSV export: ${download.suggestedFilename()}, ${lines.length - 1} entries, ${csv.length} bytes`);
    expect(lines[0]).toBe(AUDIT_CSV_HEADER);
    expect(download.suggestedFilename()).toMatch(/^concord-audit-\d{8}T\d{6}\.csv$/);
    expect(lines.length).toBeGreaterThanOrEqual(6); // the fixture's four users and this one, at least
    expect(lines.every((line, index) => index === 0 || /^\d+,\d{4}-/.test(line))).toBe(true);
    expect(csv).toContain(email);
    for (const secret of [admin.password, workspace.fixture.users.viewer.password, "$argon2", "passwordHash", "password_hash", "tokenHash", setupLink.split("#token=")[1] ?? "no-token", newLink.split("#token=")[1] ?? "no-token"]) {
      expect(csv, secret).not.toContain(secret);
    }

    // Sign out from the header: the workspace pages go, "Sign in" comes back.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => header(page).locator(".account-menu").innerText()).toContain("Sign in");
    expect(await page.locator("[data-state=sign-in-required]").innerText()).toContain("Sign in to see the audit log");
    expect(await workspaceNav.getByRole("link", { name: "Users" }).count()).toBe(0);
    const session = await (await page.context().request.get("/api/auth/session")).json();
    expect(session.user).toBeNull();
    await screenshot(page, "account-05-signed-out-prompt");
    await page.close();
  });

  it("a viewer does not see the admin pages and gets the 'not allowed' state on /admin/users", async () => {
    const context = await newContext();
    await signInContext(context, workspace.fixture.users.viewer);
    const page = await openPage(context);
    await visit(page, "/");
    await expect.poll(() => header(page).locator(".account-menu").innerText()).toContain("Viewer One");
    const workspaceNav = page.getByRole("navigation", { name: "Workspace" });
    expect(await workspaceNav.getByRole("link", { name: "Users" }).count()).toBe(0);
    expect(await workspaceNav.getByRole("link", { name: "Audit log" }).count()).toBe(0);
    // The evidence pages stay for everyone.
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "States" }).count()).toBe(1);
    await visit(page, "/admin/users");
    const state = page.locator("[data-state=not-allowed]");
    await state.waitFor();
    expect(await state.innerText()).toContain("not allowed for your role (viewer)");
    expect(await page.locator("table").count()).toBe(0);
    await screenshot(page, "account-06-not-allowed");
    await page.close();
  });

  it("the sign-in page answers the rate limit (429 Retry-After) with 'try again in N minutes'", async () => {
    const page = await openPage();
    await visit(page, "/sign-in");
    await page.getByLabel("E-mail").fill(workspace.fixture.users.stakeholder.email);
    const statuses: number[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith("/api/auth/login")) statuses.push(response.status());
    });
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.getByLabel("Password").fill(`not the password ${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect.poll(() => statuses.length).toBe(attempt);
      await page.locator(".form-refusal").waitFor();
    }
    console.log(`sign-in attempts answered: ${statuses.join(", ")}`);
    expect(statuses.at(-1)).toBe(429);
    expect(await page.locator(".form-refusal").innerText()).toMatch(/^⚠?\s*Too many attempts: try again in 1[45] minutes\.$/);
    await screenshot(page, "account-07-sign-in-rate-limited");
    await page.close();
  });

  it("a setup link from the users page sets the password and signs the user in; used again, it shows that it no longer works", async () => {
    expect(createdUser).not.toBeNull();
    const { email, setupLink, replacedLink } = createdUser as { email: string; setupLink: string; replacedLink: string };
    // The first link was replaced by the one issued later: it no longer works.
    const stale = await openPage();
    await visit(stale, `/setup${new URL(replacedLink).hash}`);
    await stale.getByLabel("New password").fill("replaced link passphrase");
    await stale.getByLabel("Repeat the password").fill("replaced link passphrase");
    await stale.getByRole("button", { name: "Set the password and sign in" }).click();
    await stale.getByText("This setup link does not work any more.").waitFor();
    await stale.close();
    const page = await openPage();
    const path = new URL(setupLink).hash; // the link's origin is config.publicBaseUrl; open it on the test server
    await visit(page, `/setup${path}`);
    expect(await page.locator("main h1").innerText()).toBe("Set your password");
    expect(await page.getByLabel("Your e-mail").count()).toBe(0); // a password link: no e-mail or name fields
    await page.getByLabel("New password").fill("short");
    await page.getByLabel("Repeat the password").fill("short");
    expect(await page.getByRole("button", { name: "Set the password and sign in" }).isDisabled()).toBe(true);
    const password = "a long enough passphrase 42";
    await page.getByLabel("New password").fill(password);
    await page.getByLabel("Repeat the password").fill(password);
    await screenshot(page, "account-08-setup-password");
    await page.getByRole("button", { name: "Set the password and sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => header(page).locator(".account-menu").innerText()).toContain("Nadia Analyst");

    // The password works on the sign-in page; the link does not work twice.
    const fresh = await openPage();
    await visit(fresh, `/setup${path}`);
    await fresh.getByLabel("New password").fill(password);
    await fresh.getByLabel("Repeat the password").fill(password);
    await fresh.getByRole("button", { name: "Set the password and sign in" }).click();
    await fresh.getByText("This setup link does not work any more.").waitFor();
    await screenshot(fresh, "account-09-setup-link-used");
    await visit(fresh, "/sign-in?next=/sources");
    await fresh.getByLabel("E-mail").fill(email);
    await fresh.getByLabel("Password").fill(password);
    await fresh.getByRole("button", { name: "Sign in" }).click();
    await fresh.waitForURL("**/sources");
    await expect.poll(() => header(fresh).locator(".account-menu").innerText()).toContain("Nadia Analyst");
    await page.close();
    await fresh.close();
  });

  it("the first-admin link the server prints at first start creates the admin; OpenID Connect is offered when configured", async () => {
    // A second, empty store (no admin) on its own server, as at first start; OIDC configured (never contacted here).
    const store = await openTemporaryContext({ CONCORD_OIDC_ISSUER: "http://127.0.0.1:9/oidc", CONCORD_OIDC_CLIENT_ID: "concord", CONCORD_OIDC_CLIENT_SECRET: "not-used-in-this-test" });
    const server = await startServer(store.context, { host: "127.0.0.1", port: 0, log: () => {} });
    const browser = await chromium.launch({ executablePath: CHROMIUM as string, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
    try {
      const link = await issueFirstAdminSetupLink(store.context.database.db, store.context.config.publicBaseUrl, SYSTEM_ACTOR, new Date());
      expect(link).not.toBeNull();
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, baseURL: server.url, locale: "en-GB", timezoneId: "UTC" });
      const page = await openPage(context);
      await visit(page, "/sign-in");
      await page.getByRole("link", { name: "Sign in with OpenID Connect" }).waitFor();
      expect(await page.getByRole("link", { name: "Sign in with OpenID Connect" }).getAttribute("href")).toBe("/api/auth/oidc/start");
      expect(await page.locator(".form-notice").innerText()).toContain("No administrator account exists yet");
      await screenshot(page, "account-10-sign-in-first-start-oidc");

      await visit(page, `/setup${new URL((link as { url: string }).url).hash}`);
      await page.getByLabel("Your e-mail").waitFor();
      expect(await page.locator("main h1").innerText()).toBe("Create the first administrator");
      await page.getByLabel("Your e-mail").fill("First.Admin@Example.org");
      await page.getByLabel("Your name").fill("Ada Admin");
      await page.getByLabel("New password").fill("first admin passphrase 2026");
      await page.getByLabel("Repeat the password").fill("first admin passphrase 2026");
      await screenshot(page, "account-11-setup-first-admin");
      await page.getByRole("button", { name: "Create the administrator account" }).click();
      await page.waitForURL("**/admin/users?welcome=1");
      await settle(page);
      await expect.poll(() => header(page).locator(".account-menu").innerText()).toContain("Ada Admin");
      await page.locator("tbody tr", { hasText: "first.admin@example.org" }).waitFor();
      expect(await page.locator(".form-confirmation").first().innerText()).toContain("Your administrator account is ready");
      await screenshot(page, "account-12-first-admin-ready");
      await context.close();
    } finally {
      await browser.close();
      await server.close();
      await store.dispose();
    }
  });

  it("an invitation link shows the consultation, is accepted once with a new stakeholder account, then shows that it was used", async () => {
    const db = workspace.fixture.context.database.db;
    const analyst = { userId: workspace.fixture.users.analyst.id, label: workspace.fixture.users.analyst.email };
    const now = new Date();
    const deadline = new Date(now.getTime() + 10 * 86_400_000).toISOString();
    const consultation = await openConsultation(
      db,
      { title: "Draft guidelines on commercial rendezvous and proximity operations", kind: "best-practice", positionId: null, draftMarkdown: "## Scope\n\nOperators notify 30 days ahead.", internalNote: null, deadline },
      analyst,
      now,
    );
    const invitee = `orbit.ops.${Date.now()}@example.com`;
    await inviteStakeholders(db, consultation.id, [{ email: invitee, sector: "commercial", organisation: "Orbit Ops Ltd" }], mailingThrough(workspace.smtp.url, workspace.fixture.server.url), analyst, now);
    const { token } = invitationLinkIn(await workspace.smtp.nextFor(invitee));

    const page = await openPage();
    await visit(page, `/invitations/${token}`);
    const facts = page.locator(".invitation-facts");
    await facts.waitFor();
    const factsText = await facts.innerText();
    expect(factsText).toContain("Draft guidelines on commercial rendezvous and proximity operations");
    expect(factsText).toContain("Analyst One");
    expect(factsText).toContain(`${deadline.slice(0, 10)}`);
    // No account has the invited address yet: the page asks for a name and a new password, not a sign-in.
    expect(await page.locator("#invitation-mode-heading").innerText()).toBe("Choose a password to create your account");
    await page.getByLabel("Your name").fill("Oskar Orbit");
    await page.getByLabel("Choose a password").fill("orbit ops passphrase 99");
    await page.getByLabel("Repeat the password").fill("orbit ops passphrase 99");
    await screenshot(page, "account-13-invitation");
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await page.waitForURL(`**/consultations/${consultation.id}`);
    await expect.poll(() => header(page).locator(".account-menu").innerText()).toContain("Oskar Orbit");
    expect(await header(page).locator(".account-menu").innerText()).toMatch(/stakeholder/i);
    // A stakeholder's workspace navigation holds its consultations only (no sessions, positions or admin pages).
    const stakeholderLinks = await page.getByRole("navigation", { name: "Workspace" }).getByRole("link").allInnerTexts();
    console.log(`stakeholder's workspace navigation: ${stakeholderLinks.join(", ") || "(none)"}`);
    expect(stakeholderLinks.every((text) => /consultation/i.test(text))).toBe(true);

    const again = await openPage();
    await visit(again, `/invitations/${token}`);
    const unusable = again.locator("[data-state=invitation-unusable]");
    await unusable.waitFor();
    expect(await unusable.innerText()).toContain("This invitation link cannot be used.");
    await screenshot(again, "account-14-invitation-used");

    // An invitation to another consultation: the address has an account now, so the page asks to sign in with its password.
    const another = await openConsultation(db, { title: "Draft practices for on-orbit servicing", kind: "best-practice", positionId: null, draftMarkdown: "## Scope\n\nServicers share plans.", internalNote: null, deadline }, analyst, now);
    await inviteStakeholders(db, another.id, [{ email: invitee, sector: "commercial", organisation: "Orbit Ops Ltd" }], mailingThrough(workspace.smtp.url, workspace.fixture.server.url), analyst, now);
    const second = invitationLinkIn(await workspace.smtp.nextFor(invitee));
    await visit(again, `/invitations/${second.token}`);
    await again.locator("#invitation-mode-heading").waitFor();
    expect(await again.locator("#invitation-mode-heading").innerText()).toBe("Sign in to accept");
    expect(await again.getByLabel("Your name").count()).toBe(0);
    await again.getByLabel("Your account's password").fill("orbit ops passphrase 99");
    await screenshot(again, "account-15-invitation-sign-in");
    await again.getByRole("button", { name: "Sign in and accept" }).click();
    await again.waitForURL(`**/consultations/${another.id}`);
    await page.close();
    await again.close();
  });

  it("ran without console errors or uncaught exceptions", () => {
    expect(problems).toEqual([]);
  });
});
