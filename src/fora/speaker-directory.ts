import type { ForaRegistry } from "../store/fora-registry.queries.ts";
import { groupMemberStates } from "./speaker-group.ts";
import type { SpeakerGroup } from "./speaker-group.ts";
import type { GroupRef } from "./stance-derivation.ts";
import type { SpeakerKind } from "./statement.ts";

/**
 * Who may speak in a statement, and under what name: the registry's states (ISO alpha-3), the curated speaker groups,
 * and the registry's organisations. Pure over the registry and the groups.
 */
export interface SpeakerDirectory {
  /** The speaker's display name, or null when the code is unknown for that kind. */
  nameOf(kind: SpeakerKind, code: string): string | null;
  /** The groups with their member States resolved (null where not recorded). */
  readonly groups: ReadonlyMap<string, GroupRef>;
}

export function speakerDirectory(registry: ForaRegistry, speakerGroups: ReadonlyMap<string, SpeakerGroup>): SpeakerDirectory {
  const facts = {
    states: [...registry.states.values()],
    organisationMembers: new Map([...registry.organisations.values()].map((o) => [o.code, o.memberStates])),
  };
  const groups = new Map<string, GroupRef>(
    [...speakerGroups.values()].map((g) => [g.id, { id: g.id, name: g.name, memberStates: groupMemberStates(g, facts) }]),
  );
  return {
    groups,
    nameOf(kind, code) {
      if (kind === "state") return registry.states.get(code)?.name ?? null;
      if (kind === "group") return speakerGroups.get(code)?.name ?? null;
      return registry.organisations.get(code)?.name ?? null;
    },
  };
}
