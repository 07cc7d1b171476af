import { useSearchParams } from "react-router";

/**
 * Every filter lives in the URL (deep links, back button, bookmarks). `update` writes a patch (empty or undefined
 * removes a parameter) and, unless the patch names it, goes back to the first page.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const get = (name: string): string => params.get(name) ?? "";
  const update = (patch: Readonly<Record<string, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(patch)) {
      if (value === undefined || value.trim() === "") next.delete(name);
      else next.set(name, value.trim());
    }
    if (!("page" in patch)) next.delete("page");
    setParams(next);
  };
  return { params, get, update };
}

/** A finite number from a URL parameter, or undefined. */
export function numberParam(value: string): number | undefined {
  if (value.trim() === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
