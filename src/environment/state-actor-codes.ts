import type { ActorTable } from "../catalog/actor-table.ts";

/** A state's own actor code and those of the historic states it succeeds (the USSR for Russia), as the state profile counts them. Pure. */
export function stateActorCodes(actors: ActorTable, iso3: string): string[] {
  return [iso3, ...[...actors.actors.values()].filter((a) => a.kind === "historic-state" && a.successors.includes(iso3)).map((a) => a.code)];
}
