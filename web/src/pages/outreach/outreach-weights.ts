/** The outreach score's factors, in the API's order, with short labels for sliders, legends and column headers. */
export const FACTORS = [
  { id: "space-objects", label: "Objects on orbit" },
  { id: "active-satellites", label: "Active satellites" },
  { id: "recent-launches", label: "Recent launches" },
  { id: "copuos-member", label: "COPUOS member" },
  { id: "related-commitments", label: "Related commitments" },
  { id: "related-votes", label: "Related votes" },
  { id: "regional-peers", label: "Regional peers" },
] as const;

export type FactorId = (typeof FACTORS)[number]["id"];

export function factorLabel(id: string): string {
  return FACTORS.find((f) => f.id === id)?.label ?? id;
}

/** The URL's and the API's `weights` text ("space-objects:2,copuos-member:0") as a record; unknown or bad pairs dropped. */
export function parseWeights(text: string): Partial<Record<FactorId, number>> {
  const weights: Partial<Record<FactorId, number>> = {};
  for (const pair of text.split(",")) {
    const [factor, value] = pair.split(":");
    const number = Number(value);
    if (FACTORS.some((f) => f.id === factor) && value !== undefined && value !== "" && Number.isFinite(number) && number >= 0 && number <= 1000) weights[factor as FactorId] = number;
  }
  return weights;
}

/** The weights that differ from the configured ones, as `weights` text (empty: the configuration as it is). */
export function formatWeights(weights: Readonly<Record<string, number>>, configured: Readonly<Record<string, number>>): string {
  return FACTORS.filter((f) => weights[f.id] !== undefined && weights[f.id] !== configured[f.id])
    .map((f) => `${f.id}:${weights[f.id]}`)
    .join(",");
}
