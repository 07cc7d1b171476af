import { Suspense, use, useEffect } from "react";
import { NavLink, Outlet, ScrollRestoration, useLocation, useNavigation } from "react-router";
import { loadApiPaths, pathsUnder } from "../api/api-paths.ts";
import { signInHref } from "../auth/require-role.tsx";
import { useSession } from "../auth/session-context.tsx";
import { formatUtc, PAGE_LOADED_MS } from "../format/figures.ts";
import { AccountMenu } from "./account-menu.tsx";
import { PAGES } from "./page-registry.ts";
import type { PageEntry } from "./page-registry.ts";
import "./app-shell.css";

/** Evidence pages (no roles): everyone's, in the main navigation. */
const EVIDENCE_PAGES = PAGES.filter((page) => page.navLabel !== undefined && page.roles === undefined);
/** Workspace pages (issue 7): in a second group, each shown only to the roles it lists; administration last. */
const WORKSPACE_PAGES = PAGES.filter((page) => page.navLabel !== undefined && page.roles !== undefined).sort((a, b) => Number(adminOnly(a)) - Number(adminOnly(b)));

function adminOnly(page: PageEntry): boolean {
  return page.roles !== undefined && page.roles.length === 1 && page.roles[0] === "admin";
}

function navTarget(page: PageEntry): string {
  return page.path.replace(/\/\*$/, "");
}

function PendingBadge({ page }: { readonly page: PageEntry }) {
  const paths = use(loadApiPaths());
  if (page.pending === undefined || pathsUnder(paths, page.pending.apiPrefixes).length > 0) return null;
  return (
    <span className="nav-badge" title={`Coming with ${page.pending.analysis}`}>
      soon
    </span>
  );
}

function NavItem({ page }: { readonly page: PageEntry }) {
  return (
    <li>
      <NavLink to={navTarget(page)} end={page.path === "/"}>
        {page.navLabel}
        {page.pending === undefined ? null : (
          <Suspense fallback={null}>
            <PendingBadge page={page} />
          </Suspense>
        )}
      </NavLink>
    </li>
  );
}

/**
 * The workspace's navigation: the pages the signed-in user's role may use (a stakeholder: its consultations only), or
 * a sign-in hint when signed out. Always one row high, so the page does not move when the session arrives.
 */
function WorkspaceNav() {
  const { loading, user, hasRole } = useSession();
  const location = useLocation();
  const pages = WORKSPACE_PAGES.filter((page) => page.roles !== undefined && hasRole(...page.roles));
  const onSignIn = location.pathname === "/sign-in";
  return (
    <nav aria-label="Workspace" className="nav-workspace">
      <ul className="nav-list">
        <li className="nav-group-label" aria-hidden="true">
          Workspace
        </li>
        {loading ? null : user === null ? (
          <li className="nav-hint">
            {onSignIn ? "Sign in" : <NavLink to={signInHref(`${location.pathname}${location.search}`)}>Sign in</NavLink>} for sessions, positions and consultations.
          </li>
        ) : pages.length === 0 ? (
          <li className="nav-hint">No workspace pages for your role yet.</li>
        ) : (
          pages.map((page) => <NavItem key={page.id} page={page} />)
        )}
      </ul>
    </nav>
  );
}

/** The layout of every page: skip link, header with navigation, the page, a footer with sources, and a print footer. */
export function AppShell() {
  const location = useLocation();
  const navigation = useNavigation();

  // Keyboard and screen-reader users land on the new page's heading after a navigation (not on a filter change).
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading !== null && document.activeElement !== document.body) heading.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="brand-row">
          <div className="brand">
            <NavLink to="/" className="brand-name">
              Concord
            </NavLink>
            <span className="brand-tagline">evidence workbench for multilateral space diplomacy</span>
          </div>
          <AccountMenu />
        </div>
        <nav aria-label="Main">
          <ul className="nav-list">
            {EVIDENCE_PAGES.map((page) => (
              <NavItem key={page.id} page={page} />
            ))}
          </ul>
        </nav>
        <WorkspaceNav />
        <div className={`progress ${navigation.state === "idle" ? "" : "progress-active"}`} role="presentation" />
      </header>
      <main id="main" className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>
          Catalog data: Space-Track.org (under its user agreement) and CelesTrak; attribution: Concord's curated table, each row sourced. Every figure names its
          source and as-of date; the <a href="/api/docs">HTTP API</a> (<a href="/openapi.json">OpenAPI</a>) serves the same data.
        </p>
        <p className="print-only">
          Printed from {window.location.href} · page loaded {formatUtc(new Date(PAGE_LOADED_MS).toISOString())}
        </p>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
