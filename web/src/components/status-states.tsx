import type { ReactNode } from "react";
import { ApiError } from "../api/api-error.ts";

/** A placeholder of the size of what is loading, so nothing jumps when it arrives. */
export function Loading({ what, minHeight = 160 }: { readonly what: string; readonly minHeight?: number }) {
  return (
    <div className="state state-loading" style={{ minHeight }} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Loading {what}…
    </div>
  );
}

/** No data: says why and what to do. */
export function EmptyState({ title, children, minHeight }: { readonly title: string; readonly children?: ReactNode; readonly minHeight?: number }) {
  return (
    <div className="state state-empty" style={minHeight === undefined ? undefined : { minHeight }} role="status">
      <p className="state-title">{title}</p>
      {children === undefined ? null : <div className="state-body">{children}</div>}
    </div>
  );
}

/** A failure: what failed, the server's message, what to do, and a retry. */
export function ErrorState({ what, error, onRetry, minHeight }: { readonly what: string; readonly error: unknown; readonly onRetry?: () => void; readonly minHeight?: number }) {
  const apiError = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="state state-error" style={minHeight === undefined ? undefined : { minHeight }} role="alert">
      <p className="state-title">Could not load {what}.</p>
      <p>
        {apiError !== null && apiError.status > 0 ? `The server answered ${apiError.status} (${apiError.code}): ` : ""}
        {message}
      </p>
      <p>{apiError?.advice ?? "Reload the page; if it fails again, the server's log has the details."}</p>
      {onRetry === undefined ? null : (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
