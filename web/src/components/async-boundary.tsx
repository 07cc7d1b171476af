import { Component, Suspense } from "react";
import type { ReactNode } from "react";
import { clearQueryCache } from "../api/query-cache.ts";
import { ErrorState, Loading } from "./status-states.tsx";

interface Props {
  /** What is loading, in words ("the object list"): shown while loading and on failure. */
  readonly what: string;
  /** Height reserved while loading (no layout jump). */
  readonly minHeight?: number;
  /** Changing it clears a shown error (e.g. the URL's filters). */
  readonly resetKey?: string;
  /** Shown above the loading and error states only (the page's heading, before its data names it). */
  readonly header?: ReactNode;
  readonly children: ReactNode;
}

interface State {
  readonly error: unknown;
  readonly resetKey: string | undefined;
}

class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  retry = () => {
    clearQueryCache();
    this.setState({ error: null });
  };

  override render() {
    if (this.state.error !== null) {
      return (
        <>
          {this.props.header}
          <ErrorState what={this.props.what} error={this.state.error} onRetry={this.retry} {...(this.props.minHeight === undefined ? {} : { minHeight: this.props.minHeight })} />
        </>
      );
    }
    return this.props.children;
  }
}

/**
 * Loading and error states for a part of a page that reads data with `use()`. A new `resetKey` (new filters in the URL)
 * mounts a new Suspense boundary, so the placeholder replaces the old results at once instead of stale rows staying
 * on screen, unmarked, while the new ones load.
 */
export function AsyncBoundary({ what, minHeight = 160, resetKey, header, children }: Props) {
  return (
    <ErrorBoundary what={what} minHeight={minHeight} header={header} {...(resetKey === undefined ? {} : { resetKey })}>
      <Suspense
        key={resetKey}
        fallback={
          <>
            {header}
            <Loading what={what} minHeight={minHeight} />
          </>
        }
      >
        {children}
      </Suspense>
    </ErrorBoundary>
  );
}
