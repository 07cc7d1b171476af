import { Component } from "react";
import type { ReactNode } from "react";
import { ApiError } from "../../api/api-error.ts";

interface Props {
  /** Shown when a read below answers 404 (the page's not-found state). */
  readonly fallback: ReactNode;
  readonly children: ReactNode;
}

interface State {
  readonly error: unknown;
}

/**
 * Turns a 404 of the page's main read into the page's not-found state; any other failure goes on to the surrounding
 * AsyncBoundary (its error state and retry). Put it inside the AsyncBoundary, around the part that reads.
 */
export class NotFoundBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (error instanceof ApiError && error.status === 404) return this.props.fallback;
    throw error;
  }
}
