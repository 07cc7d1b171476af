import { createBrowserRouter } from "react-router";
import type { RouteObject } from "react-router";
import { AppShell } from "./app-shell.tsx";
import { PAGES } from "./page-registry.ts";
import { RouteErrorPage } from "./route-error-page.tsx";

/** Shown while the first page's code loads (before the layout can render). */
function FirstLoad() {
  return (
    <div className="state state-loading" style={{ minHeight: "100vh", border: "none" }} role="status">
      Loading Concord…
    </div>
  );
}

/** Route handle: which registry entry a matched route renders. */
export interface PageHandle {
  readonly pageId: string;
}

/** The app's routes: one layout (header, navigation, footer) and one lazily loaded route per registry entry. */
export function createAppRouter() {
  const children: RouteObject[] = PAGES.map((page) => ({
    path: page.path,
    handle: { pageId: page.id } satisfies PageHandle,
    lazy: async () => ({ Component: (await page.load()).default }),
  }));
  children.push({ path: "*", lazy: async () => ({ Component: (await import("../pages/not-found-page.tsx")).default }) });
  return createBrowserRouter([
    { path: "/", Component: AppShell, HydrateFallback: FirstLoad, errorElement: <RouteErrorPage />, children: [{ errorElement: <RouteErrorPage />, children }] },
  ]);
}
