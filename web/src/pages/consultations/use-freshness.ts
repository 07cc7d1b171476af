import { useCallback, useState, useTransition } from "react";

let visits = 0;

/**
 * A token that changes on every visit of a page and after each of its own writes (`reload`), for keying reads of data
 * that others change (see consultation-queries.ts). `reload` runs as a transition: the page keeps showing what it has
 * until the new data is there (no loading placeholder, no layout jump); `reloading` says it is under way.
 */
export function useFreshness(): { readonly freshness: string; readonly reload: () => void; readonly reloading: boolean } {
  const [visit] = useState(() => ++visits);
  const [version, setVersion] = useState(0);
  const [reloading, startTransition] = useTransition();
  const reload = useCallback(() => startTransition(() => setVersion((v) => v + 1)), []);
  return { freshness: `${visit}.${version}`, reload, reloading };
}
