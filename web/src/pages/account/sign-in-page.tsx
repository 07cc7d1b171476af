import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api } from "../../api/api-client.ts";
import type { ApiError } from "../../api/api-error.ts";
import { roleName } from "../../auth/require-role.tsx";
import { useSession } from "../../auth/session-context.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { Loading } from "../../components/status-states.tsx";
import { FormField, fieldAria, fieldError } from "./form-field.tsx";
import { safeNextPath, submitted, tooManyAttemptsMessage } from "./form-submission.ts";
import { useSessionFlags } from "./session-flags.ts";
import "./account-pages.css";

/** Why an OpenID Connect sign-in came back refused (the callback redirects to /sign-in?error=<code>). */
function oidcErrorMessage(code: string): string {
  if (code === "oidc_access_denied") return "The OpenID Connect provider did not let you sign in (access denied).";
  if (code.startsWith("oidc_")) return `The OpenID Connect provider refused the sign-in (${code.slice(5)}).`;
  if (code === "unauthenticated" || code === "forbidden") return "The OpenID Connect sign-in could not be matched to an enabled Concord account: ask an administrator to link or enable yours.";
  return `The OpenID Connect sign-in failed (${code}). Try again, or sign in with your e-mail and password.`;
}

interface Refusal {
  readonly error: ApiError;
  readonly message: string;
}

function SignInForm({ next }: { readonly next: string }) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setRefusal(null);
    const result = await submitted(api.POST("/api/auth/login", { body: { email, password } }));
    if (result.ok) {
      await refresh();
      void navigate(next, { replace: true });
      return;
    }
    setSending(false);
    const { error } = result;
    if (error.status === 429) setRefusal({ error, message: tooManyAttemptsMessage(result.retryAfterS) });
    else if (error.status === 401) setRefusal({ error, message: "The e-mail or the password is not right. Check both and try again." });
    else if (error.status === 400 && error.field !== undefined) setRefusal({ error, message: "" });
    else setRefusal({ error, message: `${error.message} ${error.advice}` });
  };

  const apiError = refusal?.error ?? null;
  const emailError = fieldError(apiError, "email");
  const passwordError = fieldError(apiError, "password");
  const credentialsWrong = apiError?.status === 401;
  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} noValidate>
      {refusal === null || refusal.message === "" ? null : (
        <p className="form-refusal" role="alert" data-status={refusal.error.status}>
          {refusal.message}
        </p>
      )}
      <FormField id="sign-in-email" label="E-mail" error={emailError}>
        <input
          id="sign-in-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          {...fieldAria("sign-in-email", emailError, false)}
          aria-invalid={emailError !== null || credentialsWrong}
        />
      </FormField>
      <FormField id="sign-in-password" label="Password" error={passwordError}>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          {...fieldAria("sign-in-password", passwordError, false)}
          aria-invalid={passwordError !== null || credentialsWrong}
        />
      </FormField>
      <div className="form-actions">
        <button type="submit" disabled={sending || email.trim() === "" || password === ""}>
          {sending ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}

/** /sign-in?next=…: e-mail and password (and OpenID Connect when the server offers it), then back to `next`. */
export default function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const oidcError = params.get("error");
  const session = useSession();
  const flags = useSessionFlags();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    await submitted(api.POST("/api/auth/logout", {}));
    await session.refresh();
    setSigningOut(false);
  };

  return (
    <section className="page account-page">
      <PageHeader title="Sign in" lead={<p>The workspace (sessions, positions, consultations, administration) needs an account; the evidence pages are open to everyone.</p>} />
      {session.loading ? (
        <Loading what="your session" minHeight={260} />
      ) : session.user !== null ? (
        <div className="state state-empty account-panel" role="status">
          <p className="state-title">
            You are signed in as {session.user.displayName} ({roleName(session.user.role)}).
          </p>
          <div className="button-row">
            <Link to={next}>Continue to {next === "/" ? "the overview" : next}</Link>
            <button type="button" className="button-secondary" disabled={signingOut} onClick={() => void signOut()}>
              {signingOut ? "Signing out…" : "Sign out"}
            </button>
          </div>
        </div>
      ) : (
        <div className="account-panel">
          {oidcError === null ? null : (
            <p className="form-refusal" role="alert">
              {oidcErrorMessage(oidcError)}
            </p>
          )}
          {flags?.setupRequired === true ? (
            <p className="form-notice">No administrator account exists yet: open the single-use setup link that the server printed when it started (or restart it to print a new one).</p>
          ) : null}
          <SignInForm next={next} />
          <div className="oidc-slot">
            {flags?.oidcEnabled === true ? (
              <>
                <p className="muted">or</p>
                <a className="button-like button-secondary" href="/api/auth/oidc/start">
                  Sign in with OpenID Connect
                </a>
              </>
            ) : null}
          </div>
          <p className="muted">No account? Ask an administrator of this Concord workspace. Invited to a consultation? Use the link in your invitation e-mail.</p>
        </div>
      )}
    </section>
  );
}
