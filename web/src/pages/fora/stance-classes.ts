import { CATEGORY } from "../../components/palette.ts";
import type { MapClass } from "../../map/world-map.tsx";
import type { DerivedStance } from "./fora-queries.ts";

/**
 * Stances on maps and in tallies: supports, opposes, reserves, silent. Each has its own colour (Okabe & Ito) and, for
 * opposes and reserves, a texture, so that they differ without colour too; silent is a light grey, never "opposes".
 */
export const STANCE_ORDER: readonly DerivedStance[] = ["supports", "opposes", "reserves", "silent"];

export const STANCE_CODES: Readonly<Record<DerivedStance, number>> = { supports: 1, opposes: 2, reserves: 3, silent: 4 };

export const STANCE_LABELS: Readonly<Record<DerivedStance, string>> = {
  supports: "supports",
  opposes: "opposes",
  reserves: "reserves its position",
  silent: "silent (no statement recorded)",
};

const SILENT_GREY = "#d0d0d0";

export function stanceClasses(counts: Readonly<Record<DerivedStance, number>>): MapClass[] {
  return [
    { label: `supports (${counts.supports})`, color: CATEGORY.blue, contains: (v) => v === 1 },
    { label: `opposes (${counts.opposes})`, color: CATEGORY.vermillion, pattern: "hatch", contains: (v) => v === 2 },
    { label: `reserves (${counts.reserves})`, color: CATEGORY.orange, pattern: "dots", contains: (v) => v === 3 },
    { label: `silent (${counts.silent})`, color: SILENT_GREY, contains: (v) => v === 4 },
  ];
}

/** "own statement", "via the European Union", "no statement". */
export function basisLabel(basis: "statement" | "group" | "none", via: string | null): string {
  if (basis === "statement") return "its own statement";
  if (basis === "group") return `via ${via ?? "a group"} (group statement)`;
  return "no statement";
}
