import { useId, useState } from "react";
import type { ChangeEvent, ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { ApiError } from "../../api/api-error.ts";
import { roleName, signInHref } from "../../auth/require-role.tsx";
import { useSession } from "../../auth/session-context.tsx";

/**
 * The workspace's write forms: plain controlled forms with labels; the API's 400 message beside the field it names
 * (`aria-invalid`), a disabled submit while sending, a visible confirmation after success, and 401 / 403 / 404 / 409
 * answers said in words with what to do.
 */

export interface Submission {
  readonly sending: boolean;
  readonly error: unknown;
  /** The confirmation of the last success (null before, or after a new attempt started). */
  readonly done: ReactNode;
  /**
   * Counts successes: use it as the form element's key, so that a form emptied after a success starts afresh (the
   * browser's :user-invalid marks on its emptied required fields go; the confirmation, kept here, stays).
   */
  readonly generation: number;
  /** Runs a write; its result is the confirmation to show. */
  run(work: () => Promise<ReactNode>): Promise<boolean>;
  /** The API's message when its 400 answer names this field. */
  fieldError(field: string): string | null;
  reset(): void;
}

export function useSubmission(): Submission {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<ReactNode>(null);
  const [generation, setGeneration] = useState(0);
  return {
    sending,
    error,
    done,
    generation,
    async run(work) {
      setSending(true);
      setError(null);
      setDone(null);
      try {
        setDone(await work());
        setGeneration((g) => g + 1);
        return true;
      } catch (failure) {
        setError(failure);
        return false;
      } finally {
        setSending(false);
      }
    },
    fieldError(field) {
      return error instanceof ApiError && error.status === 400 && error.field === field ? error.message : null;
    },
    reset() {
      setError(null);
      setDone(null);
    },
  };
}

/** What went wrong with a write, in words, with what to do; nothing for a field error (shown at its field). */
export function WriteError({ submission, action, fields = [], conflictAdvice }: { readonly submission: Submission; readonly action: string; readonly fields?: readonly string[]; readonly conflictAdvice?: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  const error = submission.error;
  if (error === null) return null;
  if (!(error instanceof ApiError)) return <p className="form-error" role="alert">Could not {action}: {error instanceof Error ? error.message : String(error)}</p>;
  if (error.status === 400 && error.field !== undefined && fields.includes(error.field)) {
    return (
      <p className="form-error" role="alert">
        Could not {action}: correct the field marked below.
      </p>
    );
  }
  if (error.status === 401) {
    return (
      <p className="form-error" role="alert">
        Your session has ended, so the server refused to {action}.{" "}
        <Link to={signInHref(`${location.pathname}${location.search}`)}>Sign in again</Link>, then repeat it.
      </p>
    );
  }
  if (error.status === 403) {
    return (
      <p className="form-error" role="alert" data-status="403">
        Refused (403): {user === null ? "you" : `you (${roleName(user.role)})`} may not {action} — the server says: {error.message}.
      </p>
    );
  }
  if (error.status === 409) {
    return (
      <div className="form-error" role="alert" data-status="409">
        <p>
          Conflict (409): {error.message}.
        </p>
        {conflictAdvice ?? <p>Reload the page to see the latest state, then try again.</p>}
      </div>
    );
  }
  if (error.status === 404) {
    return (
      <p className="form-error" role="alert">
        Not found (404): {error.message}. It may have been removed; reload the page.
      </p>
    );
  }
  return (
    <p className="form-error" role="alert">
      Could not {action}
      {error.status > 0 ? ` (${error.status} ${error.code})` : ""}: {error.message}. {error.advice}
    </p>
  );
}

/**
 * A write form's buttons: submit, worded for adding (`add`, e.g. ["Add the item", "Adding…"]) or for saving an edit
 * (`save`), and Cancel when the form can be closed; `children` follow the buttons.
 */
export function FormActions({
  submission,
  editing,
  add,
  save,
  onCancel,
  children,
}: {
  readonly submission: Submission;
  readonly editing: boolean;
  readonly add: readonly [idle: string, sending: string];
  readonly save: readonly [idle: string, sending: string];
  readonly onCancel?: (() => void) | undefined;
  readonly children?: ReactNode;
}) {
  const [idle, sending] = editing ? save : add;
  return (
    <div className="form-actions">
      <button type="submit" disabled={submission.sending}>
        {submission.sending ? sending : idle}
      </button>
      {onCancel === undefined ? null : (
        <button type="button" className="button-secondary" onClick={onCancel} disabled={submission.sending}>
          Cancel
        </button>
      )}
      {children}
    </div>
  );
}

/** The confirmation after a success. */
export function Confirmation({ submission }: { readonly submission: Submission }) {
  if (submission.done === null) return null;
  return (
    <p className="form-done" role="status">
      {submission.done}
    </p>
  );
}

interface FieldProps {
  readonly label: string;
  /** The API's field name (its 400 answer names it). */
  readonly field: string;
  readonly submission: Submission;
  readonly hint?: ReactNode;
  readonly required?: boolean;
  readonly className?: string;
}

function FieldFrame({ label, field, submission, hint, required, className, id, children }: FieldProps & { readonly id: string; readonly children: ReactNode }) {
  const problem = submission.fieldError(field);
  return (
    <div className={`field ${className ?? ""}`.trim()}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint === undefined ? null : (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {problem === null ? null : (
        <span className="field-error" id={`${id}-error`} role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

function describedBy(id: string, hint: ReactNode, problem: string | null): string | undefined {
  const ids = [hint === undefined ? null : `${id}-hint`, problem === null ? null : `${id}-error`].filter((x) => x !== null);
  return ids.length === 0 ? undefined : ids.join(" ");
}

export function TextField(props: FieldProps & { readonly value: string; readonly onChange: (value: string) => void; readonly type?: string; readonly placeholder?: string; readonly maxLength?: number }) {
  const id = useId();
  const problem = props.submission.fieldError(props.field);
  return (
    <FieldFrame {...props} id={id}>
      <input
        id={id}
        name={props.field}
        type={props.type ?? "text"}
        value={props.value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(e.currentTarget.value)}
        required={props.required}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        aria-invalid={problem === null ? undefined : true}
        aria-describedby={describedBy(id, props.hint, problem)}
        autoComplete="off"
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { readonly value: string; readonly onChange: (value: string) => void; readonly rows?: number; readonly placeholder?: string }) {
  const id = useId();
  const problem = props.submission.fieldError(props.field);
  return (
    <FieldFrame {...props} id={id}>
      <textarea
        id={id}
        name={props.field}
        value={props.value}
        onChange={(e: ChangeEvent<HTMLTextAreaElement>) => props.onChange(e.currentTarget.value)}
        required={props.required}
        rows={props.rows ?? 5}
        placeholder={props.placeholder}
        aria-invalid={problem === null ? undefined : true}
        aria-describedby={describedBy(id, props.hint, problem)}
      />
    </FieldFrame>
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export function SelectField(props: FieldProps & { readonly value: string; readonly onChange: (value: string) => void; readonly choices: readonly Choice[]; readonly emptyLabel?: string }) {
  const id = useId();
  const problem = props.submission.fieldError(props.field);
  return (
    <FieldFrame {...props} id={id}>
      <select
        id={id}
        name={props.field}
        value={props.value}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => props.onChange(e.currentTarget.value)}
        required={props.required}
        aria-invalid={problem === null ? undefined : true}
        aria-describedby={describedBy(id, props.hint, problem)}
      >
        {props.emptyLabel === undefined ? null : <option value="">{props.emptyLabel}</option>}
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Null for an empty text (the API's "not given"), else the trimmed text. */
export function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** Whether the signed-in user may write in the workspace (analysts and admins). */
export function useMayWrite(): boolean {
  return useSession().hasRole("admin", "analyst");
}

/** The roles that read the fora and positions pages, and those that write them. */
export const READER_ROLES = ["admin", "analyst", "viewer"] as const;
export const WRITER_ROLES = ["admin", "analyst"] as const;
