import { useState } from "react";
import { Link, useLocation } from "react-router";
import { api } from "../api/api-client.ts";
import { roleName, signInHref } from "../auth/require-role.tsx";
import { useSession } from "../auth/session-context.tsx";

/** The header's account area: the signed-in user's name and role with "Sign out", or "Sign in" (back here afterwards). */
export function AccountMenu() {
  const { loading, user, refresh } = useSession();
  const location = useLocation();
  const [signingOut, setSigningOut] = useState(false);
  const [failed, setFailed] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    setFailed(false);
    try {
      const { response } = await api.POST("/api/auth/logout", {});
      if (!response.ok) setFailed(true);
    } catch {
      setFailed(true);
    }
    await refresh().catch(() => undefined);
    setSigningOut(false);
  };

  if (loading) return <div className="account-menu" aria-hidden="true" />;
  if (user === null) {
    const onSignIn = location.pathname === "/sign-in";
    return (
      <div className="account-menu" data-signed-in="false">
        {onSignIn ? null : (
          <Link className="button-like button-secondary" to={signInHref(`${location.pathname}${location.search}`)}>
            Sign in
          </Link>
        )}
      </div>
    );
  }
  return (
    <div className="account-menu" data-signed-in="true">
      <span className="account-user">
        <span className="account-name">{user.displayName}</span> <span className="account-role">{roleName(user.role)}</span>
      </span>
      {failed ? (
        <span className="account-failed" role="alert">
          sign-out failed: try again
        </span>
      ) : null}
      <button type="button" className="button-secondary" disabled={signingOut} onClick={() => void signOut()}>
        {signingOut ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
