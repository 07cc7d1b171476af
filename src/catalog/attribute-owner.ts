import type { ActorKind, ActorTable } from "./actor-table.ts";

export type AttributionBasis = "direct" | "historic" | "organisation" | "unknown" | "unmapped-code";

export interface Attribution {
  /** The owner code as given (trimmed), or null. */
  readonly ownerCode: string | null;
  readonly actorCode: string;
  readonly actorKind: ActorKind;
  readonly actorName: string;
  /** Responsible states (ISO 3166-1/-3 alpha-3): the state itself, or an organisation's member/host states; empty for unknown. */
  readonly stateCodes: readonly string[];
  /** For a historic state, its successor states (USSR → RUS); otherwise empty. */
  readonly successorStateCodes: readonly string[];
  readonly basis: AttributionBasis;
  readonly note: string | null;
}

/**
 * Pure: attributes an owner code to an actor, taking the launch date (`YYYY-MM-DD`) into account where
 * one code spans a change of owner (CIS before 1991-12-26 → USSR; CZCH before 1993 → Czechoslovakia;
 * INTELSAT, EUTELSAT, INMARSAT before privatisation → the intergovernmental organisation). Never throws
 * and never guesses: a code not in the table gives the explicit UNKNOWN with basis "unmapped-code".
 */
export function attributeOwner(table: ActorTable, ownerCode: string | null, launchDate: string | null): Attribution {
  const code = ownerCode?.trim() ?? "";
  const entry = code === "" ? undefined : table.ownerCodes.get(code);
  if (entry === undefined) {
    return unknown(
      table,
      code === "" ? null : code,
      code === "" ? "unknown" : "unmapped-code",
      code === "" ? "no owner code given" : `owner code ${JSON.stringify(code)} is not in the curated owner-code table`,
    );
  }
  let actorCode = entry.actorCode;
  let note = entry.note;
  if (entry.historicActorCode !== null) {
    const historic = table.actors.get(entry.historicActorCode);
    if (historic?.validTo != null) {
      if (launchDate === null) {
        note = `${note ?? ""}${note ? " " : ""}Launch date unknown: attributed to the current actor.`;
      } else if (launchDate < historic.validTo) {
        actorCode = historic.code;
      }
    }
  }
  const actor = table.actors.get(actorCode);
  if (actor === undefined) return unknown(table, code, "unmapped-code", `actor ${actorCode} is missing from the actor table`);
  switch (actor.kind) {
    case "unknown":
      return { ...unknown(table, code, "unknown", note), actorCode: actor.code, actorName: actor.name };
    case "state":
      return base(code, actor.code, actor.kind, actor.name, [actor.code], [], "direct", note);
    case "historic-state":
      return base(code, actor.code, actor.kind, actor.name, [actor.code], actor.successors, "historic", note);
    case "organisation":
    case "company":
      return base(code, actor.code, actor.kind, actor.name, actor.memberStates, [], "organisation", note);
  }
}

function base(
  ownerCode: string | null,
  actorCode: string,
  actorKind: ActorKind,
  actorName: string,
  stateCodes: readonly string[],
  successorStateCodes: readonly string[],
  basis: AttributionBasis,
  note: string | null,
): Attribution {
  return { ownerCode, actorCode, actorKind, actorName, stateCodes, successorStateCodes, basis, note };
}

function unknown(table: ActorTable, ownerCode: string | null, basis: AttributionBasis, note: string | null): Attribution {
  const actor = table.actors.get("UNKNOWN");
  return base(ownerCode, "UNKNOWN", "unknown", actor?.name ?? "Unknown owner", [], [], basis, note);
}
