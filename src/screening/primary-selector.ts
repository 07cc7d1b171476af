import { InvalidInputError } from "../core/concord-error.ts";

/** Which objects are screened as primaries (against everything); `all` screens every pair once. */
export type PrimarySelector =
  | { readonly kind: "all" }
  | { readonly kind: "numbers"; readonly numbers: readonly number[] }
  | { readonly kind: "actor"; readonly code: string }
  | { readonly kind: "owner"; readonly code: string }
  | { readonly kind: "type"; readonly objectType: string }
  | { readonly kind: "regime"; readonly regime: string }
  | { readonly kind: "active" };

const TYPE_ALIASES: Readonly<Record<string, string>> = {
  PAYLOAD: "PAYLOAD",
  PAY: "PAYLOAD",
  "ROCKET BODY": "ROCKET BODY",
  "ROCKET-BODY": "ROCKET BODY",
  "R/B": "ROCKET BODY",
  RB: "ROCKET BODY",
  DEBRIS: "DEBRIS",
  DEB: "DEBRIS",
  UNKNOWN: "UNKNOWN",
  UNK: "UNKNOWN",
};

const USAGE = "give catalog numbers (25544,48274), actor:CODE, owner:CODE, type:PAYLOAD|ROCKET-BODY|DEBRIS|UNKNOWN, regime:CODE, active or all";

/** Parses `--primaries`: `25544,48274`, `actor:USA`, `owner:PRC`, `type:PAYLOAD`, `regime:GEO`, `active`, `all` (default). */
export function parsePrimarySelector(text: string | undefined): PrimarySelector {
  const value = text?.trim() ?? "all";
  if (value === "" || value.toLowerCase() === "all") return { kind: "all" };
  if (value.toLowerCase() === "active") return { kind: "active" };
  if (/^\d{1,9}(\s*,\s*\d{1,9})*$/.test(value)) {
    return { kind: "numbers", numbers: [...new Set(value.split(",").map((n) => Number(n.trim())))].sort((a, b) => a - b) };
  }
  const match = /^(actor|owner|type|regime):(.+)$/i.exec(value);
  if (!match) throw new InvalidInputError("--primaries", `${USAGE}; got ${JSON.stringify(value)}`);
  const key = match[1]!.toLowerCase();
  const argument = match[2]!.trim().toUpperCase();
  if (key === "actor") return { kind: "actor", code: argument };
  if (key === "owner") return { kind: "owner", code: argument };
  if (key === "regime") return { kind: "regime", regime: argument };
  const objectType = TYPE_ALIASES[argument];
  if (objectType === undefined) throw new InvalidInputError("--primaries", `unknown object type ${JSON.stringify(argument)}; ${USAGE}`);
  return { kind: "type", objectType };
}

/** The selector written back as text (stored with the run). */
export function formatPrimarySelector(selector: PrimarySelector): string {
  switch (selector.kind) {
    case "all":
    case "active":
      return selector.kind;
    case "numbers":
      return selector.numbers.join(",");
    case "actor":
      return `actor:${selector.code}`;
    case "owner":
      return `owner:${selector.code}`;
    case "type":
      return `type:${selector.objectType}`;
    case "regime":
      return `regime:${selector.regime}`;
  }
}

export interface SelectableObject {
  readonly catalogNumber: number;
  readonly actorCode: string | null;
  readonly ownerCode: string | null;
  readonly objectType: string | null;
  readonly orbitRegime: string | null;
}

/**
 * The primaries among the screened objects (ascending catalog numbers), or null for `all` (every pair). Numbers named
 * but not screened (no element set, decayed) are left out. Pure.
 */
export function selectPrimaries(
  selector: PrimarySelector,
  objects: readonly SelectableObject[],
  isActive: (catalogNumber: number) => boolean,
): number[] | null {
  if (selector.kind === "all") return null;
  const keep = (o: SelectableObject): boolean => {
    switch (selector.kind) {
      case "numbers":
        return selector.numbers.includes(o.catalogNumber);
      case "actor":
        return (o.actorCode ?? "UNKNOWN").toUpperCase() === selector.code;
      case "owner":
        return (o.ownerCode ?? "").toUpperCase() === selector.code;
      case "type":
        return o.objectType === selector.objectType;
      case "regime":
        return (o.orbitRegime ?? "").toUpperCase() === selector.regime;
      case "active":
        return isActive(o.catalogNumber);
    }
  };
  return objects.filter(keep).map((o) => o.catalogNumber).sort((a, b) => a - b);
}
