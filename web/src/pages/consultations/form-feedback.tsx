import { useCallback, useRef, useState } from "react";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { ApiError } from "../../api/api-error.ts";
import { roleName, signInHref } from "../../auth/require-role.tsx";
import { useSession } from "../../auth/session-context.tsx";

/** One form's sending state: `sending` while the request runs, then its error or its confirmation. */
export function useSubmission() {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const busy = useRef(false);
  const submit = useCallback(async <T,>(work: () => Promise<T>, confirm: (result: T) => string): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setSending(true);
    setError(null);
    setConfirmation(null);
    try {
      const result = await work();
      setConfirmation(confirm(result));
      return result;
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      busy.current = false;
      setSending(false);
    }
  }, []);
  const clearConfirmation = useCallback(() => setConfirmation(null), []);
  return { sending, error, confirmation, submit, clearConfirmation };
}

/** The API's message for this field (a 400 naming it, or one of its parts: `invitees.0.email`), else undefined. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 400 || error.field === undefined) return undefined;
  return error.field === field || error.field.startsWith(`${field}.`) ? error.message : undefined;
}

/** Props for an input that may carry the API's error: `aria-invalid` and the id of the message that describes it. */
export function invalidProps(message: string | undefined, id: string): { "aria-invalid"?: true; "aria-describedby"?: string } {
  return message === undefined ? {} : { "aria-invalid": true, "aria-describedby": id };
}

/** The API's error for one field, under it. */
export function FieldMessage({ id, message }: { readonly id: string; readonly message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {message}
    </span>
  );
}

/**
 * A failed submission that no field shows: 401 → sign in again (and come back here), 403 → the role may not, 409 → the
 * conflict and what to do, anything else → the server's message. `fields` are the fields the form shows itself.
 */
export function SubmitError({ error, action, fields = [] }: { readonly error: unknown; readonly action: string; readonly fields?: readonly string[] }) {
  const location = useLocation();
  const { user } = useSession();
  if (error === null) return null;
  if (fields.some((field) => fieldError(error, field) !== undefined)) return null;
  const apiError = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  let advice: ReactNode;
  if (apiError?.status === 401) {
    advice = (
      <>
        Your session has ended: <Link to={signInHref(`${location.pathname}${location.search}`)}>sign in</Link> again, then try once more.
      </>
    );
  } else if (apiError?.status === 403) {
    advice = `Your role (${user === null ? "signed out" : roleName(user.role)}) may not ${action}.`;
  } else if (apiError?.status === 409) {
    advice = "Reload the page to see the consultation as it is now, then decide again.";
  } else {
    advice = apiError?.advice ?? "Try again; if it fails again, the server's log has the details.";
  }
  return (
    <div className="form-error" role="alert">
      <p>
        Could not {action}
        {apiError !== null && apiError.status > 0 ? ` (the server answered ${apiError.status} ${apiError.code})` : ""}: {message}
      </p>
      <p>{advice}</p>
    </div>
  );
}

/** The visible confirmation after a successful submission. */
export function Confirmation({ text }: { readonly text: string | null }) {
  return (
    <p className="form-confirmation" role="status" aria-live="polite">
      {text ?? ""}
    </p>
  );
}
