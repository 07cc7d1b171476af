import type { ReactNode } from "react";

/** The message of an API error when it names this field (400 bodies name `error.field`). */
export function fieldError(error: { readonly field: string | undefined; readonly message: string } | null, field: string): string | null {
  return error !== null && error.field === field ? error.message : null;
}

/**
 * A labelled form control with its hint and, when the API refused its value, the message next to it
 * (`aria-invalid` and `aria-describedby` on the control are the caller's: pass them through `describedBy`).
 */
export function FormField({ id, label, hint, error, children, wide }: { readonly id: string; readonly label: string; readonly hint?: ReactNode; readonly error: string | null; readonly children: ReactNode; readonly wide?: boolean }) {
  return (
    <div className={`form-field${wide === true ? " form-field-wide" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint === undefined ? null : (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error === null ? null : (
        <span className="form-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** The aria attributes of a control inside a FormField. */
export function fieldAria(id: string, error: string | null, hasHint: boolean) {
  const describedBy = [hasHint ? `${id}-hint` : null, error === null ? null : `${id}-error`].filter((part) => part !== null).join(" ");
  return { "aria-invalid": error !== null, ...(describedBy === "" ? {} : { "aria-describedby": describedBy }) };
}
