import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { Loading } from "../components/status-states.tsx";
import { useSession } from "./session-context.tsx";
import type { Role } from "./session-context.tsx";

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInHref(path: string): string {
  return `/sign-in?next=${encodeURIComponent(path)}`;
}

const ROLE_NAMES: Readonly<Record<Role, string>> = { admin: "administrator", analyst: "analyst", viewer: "viewer", stakeholder: "stakeholder" };

/** A role as people read it ("administrator"). */
export function roleName(role: Role): string {
  return ROLE_NAMES[role];
}

/** Signed out on a workspace page: what to do, with a link back here after signing in. */
export function SignInPrompt({ what = "this page" }: { readonly what?: string }) {
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;
  return (
    <div className="state state-empty auth-state" role="status" data-state="sign-in-required">
      <p className="state-title">Sign in to see {what}.</p>
      <p>This is a workspace page; it needs a Concord account.</p>
      <p>
        <Link className="button-link" to={signInHref(here)}>
          Sign in
        </Link>
      </p>
    </div>
  );
}

/** Signed in, but the role may not use the page: says which roles may, and what to do. */
export function NotAllowedState({ role, roles, what = "this page" }: { readonly role: Role; readonly roles: readonly Role[]; readonly what?: string }) {
  return (
    <div className="state state-empty auth-state" role="status" data-state="not-allowed">
      <p className="state-title">
        {capitalised(what)} is not allowed for your role ({roleName(role)}).
      </p>
      <p>
        It is open to: {roles.map(roleName).join(", ")}. Ask an administrator if you need access, or go back to the{" "}
        <Link to="/">overview</Link>.
      </p>
    </div>
  );
}

function capitalised(text: string): string {
  return text.length === 0 ? text : `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;
}

/**
 * Guards a workspace page: renders `children` only for a signed-in user with one of `roles`; otherwise a sign-in
 * prompt (signed out) or a "not allowed for your role" state. The API enforces access either way; this only keeps the
 * page from showing a wall of 401/403 errors.
 */
export function RequireRole({ roles, what, children }: { readonly roles: readonly Role[]; readonly what?: string; readonly children: ReactNode }) {
  const { loading, user } = useSession();
  if (loading) return <Loading what="your session" />;
  if (user === null) return what === undefined ? <SignInPrompt /> : <SignInPrompt what={what} />;
  if (!roles.includes(user.role)) return what === undefined ? <NotAllowedState role={user.role} roles={roles} /> : <NotAllowedState role={user.role} roles={roles} what={what} />;
  return <>{children}</>;
}
