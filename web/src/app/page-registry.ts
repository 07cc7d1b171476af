import type { ComponentType } from "react";
import type { Role } from "../auth/session-context.tsx";

/** An analysis whose API is being built by other work; its pages say so until the API and the page exist. */
export interface PendingAnalysis {
  /** Which analysis brings the page ("the diplomacy analyses"). */
  readonly analysis: string;
  /** API paths (prefixes) whose presence in GET /openapi.json means the data exists. */
  readonly apiPrefixes: readonly string[];
  /** What the page will show, in one sentence. */
  readonly willShow: string;
}

/**
 * One page of the app. Every page is code-split: `load` imports its module only when the page is visited.
 * To add a page: write web/src/pages/<area>/<name>-page.tsx with a default export, add an entry here (or replace a
 * pending entry's `load`), and it appears in the router and, with a navLabel, in the navigation.
 */
export interface PageEntry {
  readonly id: string;
  /** Route path (react-router syntax: /objects/:catalogNumber). */
  readonly path: string;
  /** Shown in the main navigation when set (top-level pages only). */
  readonly navLabel?: string;
  readonly load: () => Promise<{ default: ComponentType }>;
  /** Set while the page's API or the page itself does not exist yet. */
  readonly pending?: PendingAnalysis;
  /**
   * Workspace pages (issue 7): the roles that see the page in the navigation; the page itself shows a sign-in prompt
   * or a "not allowed" state to others (the API enforces access either way). Unset: a public evidence page.
   */
  readonly roles?: readonly Role[];
}

export const PAGES: readonly PageEntry[] = [
  { id: "overview", path: "/", navLabel: "Overview", load: () => import("../pages/overview/overview-page.tsx") },
  { id: "states", path: "/states", navLabel: "States", load: () => import("../pages/states/states-page.tsx") },
  { id: "state", path: "/states/:iso3", load: () => import("../pages/states/state-page.tsx") },
  { id: "instruments", path: "/instruments", navLabel: "Instruments", load: () => import("../pages/instruments/instruments-page.tsx") },
  { id: "instrument", path: "/instruments/:id", load: () => import("../pages/instruments/instrument-page.tsx") },
  { id: "conjunctions", path: "/conjunctions", navLabel: "Conjunctions", load: () => import("../pages/conjunctions/conjunctions-page.tsx") },
  { id: "conjunction-event", path: "/conjunctions/events/:eventId", load: () => import("../pages/conjunctions/event-page.tsx") },
  { id: "exposure", path: "/conjunctions/exposure", load: () => import("../pages/conjunctions/exposure-page.tsx") },
  { id: "debris", path: "/debris/*", navLabel: "Debris & compliance", load: () => import("../pages/debris/debris-page.tsx") },
  { id: "objects", path: "/objects", navLabel: "Objects", load: () => import("../pages/objects/objects-page.tsx") },
  { id: "object", path: "/objects/:catalogNumber", load: () => import("../pages/objects/object-page.tsx") },
  { id: "outreach", path: "/outreach", navLabel: "Outreach", load: () => import("../pages/outreach/outreach-page.tsx") },
  { id: "sources", path: "/sources", navLabel: "Sources", load: () => import("../pages/sources/sources-page.tsx") },
  { id: "ingest", path: "/sources/:ingestId", load: () => import("../pages/sources/ingest-page.tsx") },
  // Workspace (issue 7): accounts and admin pages below this line
  { id: "sign-in", path: "/sign-in", load: () => import("../pages/account/sign-in-page.tsx") },
  { id: "account-setup", path: "/setup", load: () => import("../pages/account/setup-page.tsx") },
  { id: "invitation", path: "/invitations/:token", load: () => import("../pages/account/invitation-page.tsx") },
  { id: "admin-users", path: "/admin/users", navLabel: "Users", roles: ["admin"], load: () => import("../pages/account/admin-users-page.tsx") },
  { id: "admin-audit", path: "/admin/audit", navLabel: "Audit log", roles: ["admin"], load: () => import("../pages/account/admin-audit-page.tsx") },
  // Workspace: fora, sessions, statements, proposals and positions below this line
  { id: "sessions", path: "/sessions", navLabel: "Sessions", roles: ["admin", "analyst", "viewer"], load: () => import("../pages/fora/sessions-page.tsx") },
  { id: "session", path: "/sessions/:id", roles: ["admin", "analyst", "viewer"], load: () => import("../pages/fora/session-page.tsx") },
  { id: "proposal", path: "/proposals/:id", roles: ["admin", "analyst", "viewer"], load: () => import("../pages/fora/proposal-page.tsx") },
  { id: "positions", path: "/positions", navLabel: "Positions", roles: ["admin", "analyst", "viewer"], load: () => import("../pages/positions/positions-page.tsx") },
  { id: "position", path: "/positions/:id", roles: ["admin", "analyst", "viewer"], load: () => import("../pages/positions/position-page.tsx") },
  // Workspace: consultations below this line
  { id: "consultations", path: "/consultations", navLabel: "Consultations", roles: ["admin", "analyst", "viewer", "stakeholder"], load: () => import("../pages/consultations/consultations-page.tsx") },
  { id: "consultation-new", path: "/consultations/new", roles: ["admin", "analyst"], load: () => import("../pages/consultations/new-consultation-page.tsx") },
  { id: "consultation", path: "/consultations/:id", roles: ["admin", "analyst", "viewer", "stakeholder"], load: () => import("../pages/consultations/consultation-page.tsx") },
];

/** The registry entry of a route id (pages read their own entry through the route's handle). */
export function pageById(id: string): PageEntry | undefined {
  return PAGES.find((page) => page.id === id);
}
