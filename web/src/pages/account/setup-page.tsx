import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { api } from "../../api/api-client.ts";
import type { ApiError } from "../../api/api-error.ts";
import { roleName } from "../../auth/require-role.tsx";
import { useSession } from "../../auth/session-context.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { EmptyState, Loading } from "../../components/status-states.tsx";
import { FormField, fieldAria, fieldError } from "./form-field.tsx";
import { submitted } from "./form-submission.ts";
import { useSessionFlags } from "./session-flags.ts";
import "./account-pages.css";

/** PASSWORD_MIN_LENGTH of src/accounts/password-hash.ts (the server checks it; the form says it up front). */
const PASSWORD_MIN_LENGTH = 12;

/** The token of a setup link: `/setup#token=…` (in the fragment, so it never reaches a server log). */
function tokenOf(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token === null || token.trim() === "" ? null : token.trim();
}

type Outcome = { readonly kind: "refused"; readonly error: ApiError } | { readonly kind: "link-invalid"; readonly message: string } | { readonly kind: "admin-exists"; readonly message: string };

function SetupForm({ token, firstAdmin }: { readonly token: string; readonly firstAdmin: boolean }) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const mismatch = repeated !== "" && repeated !== password;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    setSending(true);
    setOutcome(null);
    const body = firstAdmin ? { token, password, email, displayName } : { token, password };
    const result = await submitted(api.POST("/api/auth/setup", { body }));
    if (result.ok) {
      await refresh();
      void navigate(result.data.user.role === "admin" ? "/admin/users?welcome=1" : "/?welcome=1", { replace: true });
      return;
    }
    setSending(false);
    const { error } = result;
    if (error.status === 401) setOutcome({ kind: "link-invalid", message: error.message });
    else if (error.status === 409) setOutcome({ kind: "admin-exists", message: error.message });
    else setOutcome({ kind: "refused", error });
  };

  if (outcome?.kind === "link-invalid") {
    return (
      <EmptyState title="This setup link does not work any more." minHeight={220}>
        <p>The server says: {outcome.message}.</p>
        <p>
          A setup link works once and only for a limited time (a day for the first administrator, three days for a user). Ask an administrator for a new link (Users page,
          “Setup link”), or, for the first administrator, restart the server to print a new one. Already set up? <Link to="/sign-in">Sign in</Link>.
        </p>
      </EmptyState>
    );
  }
  if (outcome?.kind === "admin-exists") {
    return (
      <EmptyState title="An administrator already exists." minHeight={220}>
        <p>The server says: {outcome.message}.</p>
        <p>
          <Link to="/sign-in">Sign in</Link>, or ask that administrator for an account.
        </p>
      </EmptyState>
    );
  }
  const apiError = outcome?.kind === "refused" ? outcome.error : null;
  const emailError = fieldError(apiError, "email");
  const nameError = fieldError(apiError, "displayName");
  const passwordError = fieldError(apiError, "password");
  const otherError = apiError !== null && emailError === null && nameError === null && passwordError === null ? `${apiError.message} ${apiError.advice}` : null;
  const shortPassword = password.length > 0 && password.length < PASSWORD_MIN_LENGTH;
  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} noValidate>
      {otherError === null ? null : (
        <p className="form-refusal" role="alert">
          {otherError}
        </p>
      )}
      {firstAdmin ? (
        <>
          <FormField id="setup-email" label="Your e-mail" error={emailError}>
            <input id="setup-email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} {...fieldAria("setup-email", emailError, false)} />
          </FormField>
          <FormField id="setup-name" label="Your name" hint="As the audit log and the other users will see it." error={nameError}>
            <input id="setup-name" autoComplete="name" required value={displayName} onChange={(event) => setDisplayName(event.target.value)} {...fieldAria("setup-name", nameError, true)} />
          </FormField>
        </>
      ) : null}
      <FormField id="setup-password" label="New password" hint={`At least ${PASSWORD_MIN_LENGTH} characters; a passphrase of several words is easiest.`} error={passwordError}>
        <input id="setup-password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} value={password} onChange={(event) => setPassword(event.target.value)} {...fieldAria("setup-password", passwordError, true)} />
      </FormField>
      <FormField id="setup-repeat" label="Repeat the password" error={mismatch ? "The two passwords differ." : null}>
        <input id="setup-repeat" type="password" autoComplete="new-password" required value={repeated} onChange={(event) => setRepeated(event.target.value)} {...fieldAria("setup-repeat", mismatch ? "x" : null, false)} />
      </FormField>
      <div className="form-actions">
        <button type="submit" disabled={sending || mismatch || shortPassword || repeated === "" || (firstAdmin && (email.trim() === "" || displayName.trim() === ""))}>
          {sending ? "Setting up…" : firstAdmin ? "Create the administrator account" : "Set the password and sign in"}
        </button>
      </div>
    </form>
  );
}

/**
 * /setup#token=…: the page a setup link opens. While no administrator exists (the link the server prints at first
 * start) it creates the first one (e-mail, name, password); otherwise it sets the password of the user the link was
 * issued for. Either way the user is then signed in.
 */
export default function SetupPage() {
  const location = useLocation();
  const token = tokenOf(location.hash);
  const session = useSession();
  const flags = useSessionFlags();
  const firstAdmin = flags?.setupRequired === true;
  return (
    <section className="page account-page">
      <PageHeader
        title={firstAdmin ? "Create the first administrator" : "Set your password"}
        lead={<p>{firstAdmin ? "No administrator exists yet. This single-use link creates one: it can then add the other users." : "This single-use link sets the password of your Concord account and signs you in."}</p>}
      />
      {token === null ? (
        <EmptyState title="This page needs the token of a setup link." minHeight={220}>
          <p>
            Open the whole link you were given (it ends in <code>#token=…</code>): the server prints one at first start, and an administrator can issue one on the Users page.
          </p>
        </EmptyState>
      ) : flags === null || session.loading ? (
        <Loading what="the workspace's state" minHeight={320} />
      ) : (
        <div className="account-panel">
          {session.user === null ? null : (
            <p className="form-notice">
              You are signed in as {session.user.displayName} ({roleName(session.user.role)}); using this link signs you in as the account it was issued for instead.
            </p>
          )}
          <SetupForm key={token} token={token} firstAdmin={firstAdmin} />
        </div>
      )}
    </section>
  );
}
