import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIResponse, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/run-cli.ts";
import { chromiumExecutable } from "./chromium.ts";
import { visit } from "./web-fixture.ts";
import { useWorkspaceBrowser } from "./workspace-browser.ts";
import { signInContext } from "./workspace-fixture.ts";
import type { WorkspaceUser } from "./workspace-fixture.ts";

const CHROMIUM = chromiumExecutable();

/**
 * Stored Markdown that would run script if it reached the page as written: every payload calls the trap
 * `window.__xss(name)` that the page's init script installs. Each is its own paragraph, after a visible marker.
 */
const PAYLOADS: readonly (readonly [string, string])[] = [
  ["script", `<script>window.__xss("script")</script>`],
  ["img-onerror", `<img src=x onerror="window.__xss('img-onerror')">`],
  ["svg-onload", `<svg onload="window.__xss('svg-onload')"><circle r="4"></circle></svg>`],
  ["javascript-link", `[javascript link](javascript:window.__xss('javascript-link'))`],
  ["data-link", `<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cub3BlbmVyLl9feHNzKCdkYXRhLWxpbmsnKTwvc2NyaXB0Pg==">data link</a>`],
  ["iframe-srcdoc", `<iframe srcdoc="<script>parent.__xss('iframe')</script>"></iframe>`],
  ["anchor-onclick", `<a href="https://example.org/" onclick="window.__xss('anchor-onclick')" onmouseover="window.__xss('anchor-onmouseover')">hover link</a>`],
  ["markdown-image", `![image](javascript:window.__xss('markdown-image'))`],
  ["entity-javascript", `<a href="jav&#x61;script:window.__xss('entity-javascript')">entity link</a>`],
  ["details-ontoggle", `<details open ontoggle="window.__xss('details-ontoggle')"><summary>s</summary>x</details>`],
];

const markdownWithPayloads = (where: string) => PAYLOADS.map(([name, payload]) => `XSS-MARKER ${where} ${name}: ${payload}`).join("\n\n");

/** The trap: any payload that runs records its name; `__xssFired` is read back by the test. */
const TRAP = `window.__xssFired = []; window.__xss = (name) => window.__xssFired.push(String(name));`;

interface DomAudit {
  readonly markdownBlocks: number;
  readonly markers: number;
  readonly offending: string[];
  readonly scripts: string[];
}

/** Inside `.markdown`: any on* attribute, javascript:/data:/vbscript: URL, or active element; and every script in the document. */
const AUDIT = `(() => {
  const offending = [];
  const blocks = [...document.querySelectorAll(".markdown")];
  for (const block of blocks) {
    for (const element of [block, ...block.querySelectorAll("*")]) {
      const tag = element.tagName.toLowerCase();
      if (["script", "iframe", "object", "embed", "svg", "img", "style", "link", "meta", "form", "input", "base", "details"].includes(tag)) offending.push("<" + tag + ">");
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on")) offending.push(tag + "[" + name + "]");
        if (["href", "src", "xlink:href", "action", "formaction", "srcdoc", "style"].includes(name) && (/^\\s*(javascript|data|vbscript):/i.test(attribute.value) || name === "srcdoc" || name === "style")) {
          offending.push(tag + "[" + name + "=" + attribute.value.slice(0, 40) + "]");
        }
      }
    }
  }
  const markers = blocks.reduce((n, block) => n + (block.textContent.match(/XSS-MARKER/g) || []).length, 0);
  const scripts = [...document.querySelectorAll("script")].map((s) => s.getAttribute("src") ?? "inline: " + s.textContent.slice(0, 60));
  return { markdownBlocks: blocks.length, markers, offending, scripts };
})()`;

describe.skipIf(!CHROMIUM)("stored Markdown with script and event-handler payloads is rendered inert in the real browser (issue 7, security tests)", () => {
  // The loopback SMTP server takes the invitation's e-mail; the pages are audited for payloads that ran, not watched with openPage.
  const workspace = useWorkspaceBrowser(CHROMIUM, { smtp: true });

  const signedIn = async (user: WorkspaceUser): Promise<{ context: BrowserContext; post: (path: string, data: unknown) => Promise<APIResponse> }> => {
    const context = await workspace.newContext();
    await context.addInitScript(TRAP);
    await signInContext(context, user);
    const { csrfToken } = (await (await context.request.get("/api/auth/session")).json()) as { csrfToken: string };
    return { context, post: (path, data) => context.request.post(path, { data, headers: { "X-CSRF-Token": csrfToken } }) };
  };

  /** Loads a page, waits for late payloads (an image error fires after its request fails), clicks every link that is not http(s) or mailto, and audits. */
  const audit = async (page: Page, path: string, expectedMarkers: number): Promise<DomAudit> => {
    await visit(page, path);
    await page.waitForTimeout(500);
    await page.evaluate(`for (const a of document.querySelectorAll(".markdown a")) { const href = a.getAttribute("href"); if (href === null || !/^(https?|mailto):/i.test(href)) a.click(); }`);
    await page.locator(".markdown a", { hasText: "hover link" }).first().hover();
    await page.waitForTimeout(200);
    const result = (await page.evaluate(AUDIT)) as DomAudit;
    const fired = (await page.evaluate("window.__xssFired")) as string[];
    expect(fired, `${path}: payloads ran`).toEqual([]);
    expect(result.offending, `${path}: active content inside .markdown`).toEqual([]);
    expect(result.scripts.every((src) => /^\/assets\/[\w.-]+\.js$/.test(src)), `${path}: scripts ${result.scripts.join(", ")}`).toBe(true);
    expect(result.markers, `${path}: the payload texts were rendered`).toBe(expectedMarkers);
    return result;
  };

  it("in a consultation's draft, internal note and comments, for the organiser, the stakeholder and the viewer; and in a position text where its page exists", async () => {
    const n = PAYLOADS.length;
    const analyst = await signedIn(workspace.fixture.users.analyst);
    const opened = await analyst.post("/api/consultations", {
      title: `<img src=x onerror="window.__xss('title')"> Payload title`,
      kind: "standard",
      draftMarkdown: markdownWithPayloads("draft"),
      internalNote: markdownWithPayloads("note"),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(opened.status()).toBe(201);
    const consultation = (await opened.json()) as { id: number; paragraphs: unknown[] };
    expect(consultation.paragraphs.length).toBe(n);
    // The fixture's stakeholder already has an account: the invitation gives it access at once.
    const invited = await analyst.post(`/api/consultations/${consultation.id}/invitations`, {
      invitees: [{ email: workspace.fixture.users.stakeholder.email, sector: "commercial", organisation: "Orbit Co" }],
    });
    expect(invited.status()).toBe(201);
    const stakeholder = await signedIn(workspace.fixture.users.stakeholder);
    for (const visibility of ["public", "confidential"] as const) {
      const posted = await stakeholder.post(`/api/consultations/${consultation.id}/comments`, { paragraphNumber: 1, visibility, bodyMarkdown: markdownWithPayloads(`comment-${visibility}`) });
      expect(posted.status()).toBe(201);
    }

    // Organiser: n draft paragraphs + the note + 2 comments. Stakeholder: the draft + its 2 comments. Viewer: the draft + the public comment.
    const organiserPage = await analyst.context.newPage();
    const organiser = await audit(organiserPage, `/consultations/${consultation.id}`, 4 * n);
    expect(await organiserPage.locator("h1").innerText()).toBe(`<img src=x onerror="window.__xss('title')"> Payload title`);
    await workspace.screenshot(organiserPage, "78-consultation-xss-organiser");
    await audit(organiserPage, `/consultations/${consultation.id}?group=sector`, 4 * n);
    const stakeholderPage = await stakeholder.context.newPage();
    await audit(stakeholderPage, `/consultations/${consultation.id}`, 3 * n);
    await workspace.screenshot(stakeholderPage, "79-consultation-xss-stakeholder");
    const viewer = await signedIn(workspace.fixture.users.viewer);
    const viewerPage = await viewer.context.newPage();
    await audit(viewerPage, `/consultations/${consultation.id}`, 2 * n);
    // What stays is harmless text and http(s) links: the link texts are there, without their javascript:/data: targets.
    expect(await viewerPage.locator(".markdown a", { hasText: "javascript link" }).first().getAttribute("href")).toBeNull();
    expect(await viewerPage.locator(".markdown a", { hasText: "data link" }).first().getAttribute("href")).toBeNull();
    expect(await viewerPage.locator(".markdown a", { hasText: "hover link" }).first().getAttribute("href")).toBe("https://example.org/");

    // A position's text, where the positions pages (another helper's) are registered.
    const registry = readFileSync(join(REPO_ROOT, "web/src/app/page-registry.ts"), "utf8");
    if (/path: "\/positions\/:\w+"/.test(registry)) {
      const created = await analyst.post("/api/positions", { title: "Payload position", kind: "position-paper", markdown: markdownWithPayloads("position") });
      expect(created.status()).toBe(201);
      const position = (await created.json()) as { id: number };
      const positionPage = await analyst.context.newPage();
      const result = await audit(positionPage, `/positions/${position.id}`, n);
      await workspace.screenshot(positionPage, "82-position-xss");
      console.log(`position #${position.id}: ${result.markdownBlocks} Markdown blocks audited`);
    } else {
      console.log("no /positions/:id page registered yet: the position text was not checked in the browser");
    }

    // The trap works: the same payload inserted by script (not through the API's sanitised HTML) does fire it.
    await organiserPage.evaluate(`document.body.insertAdjacentHTML("beforeend", '<img src="x" onerror="window.__xss(\\'control\\')">')`);
    await expect.poll(async () => (await organiserPage.evaluate("window.__xssFired")) as string[]).toEqual(["control"]);

    console.log(
      `${n} payloads × (draft, internal note, public and confidential comment): none ran, no on* attribute, javascript:/data: URL or active element inside .markdown; ${organiser.markdownBlocks} Markdown blocks on the organiser's page`,
    );
  }, 240_000);
});
