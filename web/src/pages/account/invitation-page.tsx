import { useEffect, useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../../api/api-client.ts";
import type { Schemas } from "../../api/api-client.ts";
import type { ApiError } from "../../api/api-error.ts";
import { useSession } from "../../auth/session-context.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { EmptyState, ErrorState, Loading } from "../../components/status-states.tsx";
import { formatUtc } from "../../format/figures.ts";
import { FormField, fieldAria, fieldError } from "./form-field.tsx";
import { submitted, tooManyAttemptsMessage } from "./form-submission.ts";
import "./account-pages.css";

type Preview = Schemas["InvitationPreview"];
type PreviewState = { readonly kind: "loading" } | { readonly kind: "ready"; readonly preview: Preview } | { readonly kind: "unusable"; readonly message: string } | { readonly kind: "failed"; readonly error: ApiError };

const PASSWORD_MIN_LENGTH = 12;

/** A link that no longer works (used, expired, unknown, or its consultation closed): says so and what to do. */
function UnusableLink({ message }: { readonly message: string }) {
  return (
    <div data-state="invitation-unusable">
      <EmptyState title="This invitation link cannot be used." minHeight={220}>
        <p>The server says: {message}.</p>
        <p>
          An invitation link works once, until its deadline. If you already accepted it, <Link to="/sign-in">sign in</Link> to reach the consultation; otherwise ask the organiser who
          invited you for a new link.
        </p>
      </EmptyState>
    </div>
  );
}

/** What the page asks for, by the preview's acceptance mode (the server decides it from the invited address's account). */
const MODE_TEXT: Readonly<Record<Preview["acceptance"], { readonly heading: string; readonly explanation: string; readonly button: string }>> = {
  "create-account": {
    heading: "Choose a password to create your account",
    explanation: "No Concord account exists for the invited e-mail address yet: accepting creates one for you, with this name and password.",
    button: "Accept the invitation",
  },
  "set-password": {
    heading: "Choose a password for your account",
    explanation: "A Concord account already exists for the invited e-mail address, without a password yet: choose one to accept. The account keeps its name.",
    button: "Set the password and accept",
  },
  "sign-in": {
    heading: "Sign in to accept",
    explanation: "A Concord account already exists for the invited e-mail address: enter its password to accept the invitation with it.",
    button: "Sign in and accept",
  },
};

function AcceptForm({ token, preview }: { readonly token: string; readonly preview: Preview }) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const mode = preview.acceptance;
  const newAccount = mode === "create-account";
  const choosesPassword = mode !== "sign-in";
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<{ readonly error: ApiError; readonly retryAfterS: number | null } | null>(null);

  const mismatch = choosesPassword && repeated !== "" && repeated !== password;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    setSending(true);
    setRefusal(null);
    const result = await submitted(api.POST("/api/invitations/accept", { body: newAccount ? { token, displayName, password } : { token, password } }));
    if (result.ok) {
      await refresh();
      void navigate(`/consultations/${result.data.consultationId}`, { replace: true });
      return;
    }
    setSending(false);
    setRefusal({ error: result.error, retryAfterS: result.retryAfterS });
  };

  const error = refusal?.error ?? null;
  if (error !== null && (error.status === 404 || error.status === 409)) return <UnusableLink message={error.message} />;
  const nameError = fieldError(error, "displayName");
  const passwordError = error?.status === 401 ? error.message : fieldError(error, "password");
  const otherError = error === null || nameError !== null || passwordError !== null ? null : error.status === 429 ? tooManyAttemptsMessage(refusal?.retryAfterS ?? null) : `${error.message} ${error.advice}`;
  const text = MODE_TEXT[mode];
  const incomplete = (newAccount && displayName.trim() === "") || password === "" || (choosesPassword && (repeated === "" || mismatch || password.length < PASSWORD_MIN_LENGTH));
  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} noValidate data-acceptance={mode}>
      <dl className="facts invitation-facts">
        <div>
          <dt>Consultation</dt>
          <dd data-field="consultation-title">{preview.consultationTitle}</dd>
        </div>
        <div>
          <dt>Invited by</dt>
          <dd>{preview.invitedBy ?? "the organisers"}</dd>
        </div>
        <div>
          <dt>Comments close</dt>
          <dd>{formatUtc(preview.deadline)}</dd>
        </div>
      </dl>
      <h2 id="invitation-mode-heading">{text.heading}</h2>
      <p className="muted" data-field="acceptance-explanation">
        {text.explanation}
      </p>
      {otherError === null ? null : (
        <p className="form-refusal" role="alert">
          {otherError}
        </p>
      )}
      {newAccount ? (
        <FormField id="invitation-name" label="Your name" hint="As the organisers will see it next to your comments." error={nameError}>
          <input id="invitation-name" autoComplete="name" required value={displayName} onChange={(event) => setDisplayName(event.target.value)} {...fieldAria("invitation-name", nameError, true)} />
        </FormField>
      ) : null}
      <FormField
        id="invitation-password"
        label={choosesPassword ? "Choose a password" : "Your account's password"}
        hint={choosesPassword ? `At least ${PASSWORD_MIN_LENGTH} characters.` : "The password of your existing Concord account."}
        error={passwordError}
      >
        <input
          id="invitation-password"
          type="password"
          autoComplete={choosesPassword ? "new-password" : "current-password"}
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          {...fieldAria("invitation-password", passwordError, true)}
        />
      </FormField>
      {choosesPassword ? (
        <FormField id="invitation-repeat" label="Repeat the password" error={mismatch ? "The two passwords differ." : null}>
          <input id="invitation-repeat" type="password" autoComplete="new-password" required value={repeated} onChange={(event) => setRepeated(event.target.value)} {...fieldAria("invitation-repeat", mismatch ? "x" : null, false)} />
        </FormField>
      ) : null}
      <div className="form-actions">
        <button type="submit" disabled={sending || incomplete}>
          {sending ? "Accepting…" : text.button}
        </button>
      </div>
      <p className="muted">The link works once: accepting it signs you in and opens the consultation. You will see its published draft and can comment per paragraph.</p>
    </form>
  );
}

/** /invitations/:token: what the invitation is for, then accept it (creating the stakeholder account, or signing in to the existing one, as the preview says) and go to the consultation. */
export default function InvitationPage() {
  const { token = "" } = useParams();
  const [state, setState] = useState<PreviewState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void submitted(api.GET("/api/invitations/{token}", { params: { path: { token } } })).then((result) => {
      if (!current) return;
      if (result.ok) setState({ kind: "ready", preview: result.data });
      else if (result.error.status === 404 || result.error.status === 409) setState({ kind: "unusable", message: result.error.message });
      else setState({ kind: "failed", error: result.error });
    });
    return () => {
      current = false;
    };
  }, [token, attempt]);
  return (
    <section className="page account-page">
      <PageHeader title="Invitation to a consultation" lead={<p>You were invited to comment on a draft. Accept the invitation to read it and comment.</p>} />
      {state.kind === "loading" ? (
        <Loading what="the invitation" minHeight={320} />
      ) : state.kind === "unusable" ? (
        <UnusableLink message={state.message} />
      ) : state.kind === "failed" ? (
        <ErrorState what="the invitation" error={state.error} onRetry={() => {
            setState({ kind: "loading" });
            setAttempt((n) => n + 1);
          }} />
      ) : (
        <div className="account-panel">
          <AcceptForm token={token} preview={state.preview} />
        </div>
      )}
    </section>
  );
}
