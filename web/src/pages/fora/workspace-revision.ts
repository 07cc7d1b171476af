import { useCallback, useState, useTransition } from "react";

/**
 * Workspace data changes under the user's hands (their own writes, a colleague's), so its reads are keyed by a
 * revision: every visit to a workspace page starts a new one (fresh reads, never another visit's cache), and each write
 * moves it on. The move happens in a transition, so the page keeps showing what it has (and its forms keep what was
 * typed) until the new data is there, instead of falling back to a loading placeholder.
 */
let lastRevision = 0;

function nextRevision(): number {
  lastRevision += 1;
  return lastRevision;
}

export interface WorkspaceRevision {
  /** Part of every read's cache key. */
  readonly revision: number;
  /** Re-reads the page's data (after a write). */
  readonly refresh: () => void;
  /** True while the re-read is on its way. */
  readonly refreshing: boolean;
}

/** Call in the page component, outside its AsyncBoundary (a component that suspends would lose the revision). */
export function useWorkspaceRevision(): WorkspaceRevision {
  const [revision, setRevision] = useState(nextRevision);
  const [refreshing, startRefresh] = useTransition();
  const refresh = useCallback(() => startRefresh(() => setRevision(nextRevision())), []);
  return { revision, refresh, refreshing };
}
