import { Suspense, use, useEffect } from "react";
import { NavLink, Outlet, ScrollRestoration, useLocation, useNavigation } from "react-router";
import { loadApiPaths, pathsUnder } from "../api/api-paths.ts";
import { formatUtc, PAGE_LOADED_MS } from "../format/figures.ts";
import { PAGES } from "./page-registry.ts";
import type { PageEntry } from "./page-registry.ts";

const NAV_PAGES = PAGES.filter((page) => page.navLabel !== undefined);

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
        <div className="brand">
          <NavLink to="/" className="brand-name">
            Concord
          </NavLink>
          <span className="brand-tagline">evidence workbench for multilateral space diplomacy</span>
        </div>
        <nav aria-label="Main">
          <ul className="nav-list">
            {NAV_PAGES.map((page) => (
              <li key={page.id}>
                <NavLink to={navTarget(page)} end={page.path === "/"}>
                  {page.navLabel}
                  {page.pending === undefined ? null : (
                    <Suspense fallback={null}>
                      <PendingBadge page={page} />
                    </Suspense>
                  )}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
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
