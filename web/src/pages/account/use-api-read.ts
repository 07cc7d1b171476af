import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../api/api-error.ts";

/** A private read (users, audit entries): never cached across pages, re-read after every write with `reload`. */
export interface ApiRead<T> {
  /** The last answer (kept while a reload runs, so nothing jumps). */
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  reload(): void;
}

/** Reads with `load` whenever `key` changes (the URL's filters) or `reload()` is called. */
export function useApiRead<T>(key: string, load: () => Promise<T>): ApiRead<T> {
  const [state, setState] = useState<{ readonly data: T | null; readonly error: ApiError | null; readonly loadedKey: string | null }>({ data: null, error: null, loadedKey: null });
  const [generation, setGeneration] = useState(0);
  const requestKey = `${key}#${generation}`;
  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setState({ data, error: null, loadedKey: requestKey });
      },
      (error: unknown) => {
        if (current) setState((previous) => ({ data: previous.data, error: error instanceof ApiError ? error : new ApiError(0, "NETWORK", String(error)), loadedKey: requestKey }));
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure every render; `requestKey` names what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loadedKey !== requestKey, reload };
}
