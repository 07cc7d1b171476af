/**
 * Promises of API reads by key, shared by every component that asks for the same data (React's `use()` needs a stable
 * promise across renders). Entries live for a few minutes: the store changes only when someone ingests or screens.
 */
const TTL_MS = 5 * 60_000;

interface Entry {
  readonly promise: Promise<unknown>;
  readonly createdMs: number;
}

const entries = new Map<string, Entry>();

/** The cached promise for a key, or a fresh one from `load`. */
export function cachedQuery<T>(key: string, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit !== undefined && now - hit.createdMs < TTL_MS) return hit.promise as Promise<T>;
  const promise = load();
  entries.set(key, { promise, createdMs: now });
  // A failed read is kept (so React shows the error, not a retry loop) until the user retries.
  promise.catch(() => undefined);
  return promise;
}

/** Forgets every cached read (the Retry button). */
export function clearQueryCache(): void {
  entries.clear();
}
