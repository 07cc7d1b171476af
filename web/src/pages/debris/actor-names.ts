import { use, useMemo } from "react";
import { loadActors } from "../../api/catalog-queries.ts";

/** The display name of a group key: an actor's or owner code's name where the curated table knows it, else the key. */
export function useGroupNames(by: string): (key: string) => string {
  const actors = use(loadActors());
  return useMemo(() => {
    const names =
      by === "state"
        ? new Map(actors.actors.map((a) => [a.code, a.name]))
        : by === "owner"
          ? new Map(actors.ownerCodes.map((o) => [o.ownerCode, o.ownerName]))
          : new Map<string, string>();
    return (key: string) => names.get(key) ?? key;
  }, [actors, by]);
}
