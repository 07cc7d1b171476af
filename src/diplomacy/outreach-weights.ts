import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { InvalidInputError, SourceFormatError } from "../core/concord-error.ts";
import { VOTES } from "./act.ts";
import type { Vote } from "./act.ts";

/**
 * The outreach score's configuration (`data/outreach-weights.json`): a weight per factor, the related commitments and
 * votes the score looks at, how many recent years of launches count, and what each vote is worth; a `default` and
 * per-instrument overrides (merged over the default, weights key by key). Documented in data/diplomacy/README.md.
 */
export const OUTREACH_FACTORS = [
  "space-objects",
  "active-satellites",
  "recent-launches",
  "copuos-member",
  "related-commitments",
  "related-votes",
  "regional-peers",
] as const;
export type OutreachFactor = (typeof OUTREACH_FACTORS)[number];

/** What a vote (or an unknown vote) is worth in the `related-votes` factor, from 0 to 1. */
export type VoteValues = Readonly<Record<Vote | "unknown", number>>;

export interface OutreachSettings {
  readonly weights: Readonly<Record<OutreachFactor, number>>;
  /** Instruments (treaties, accords, commitments) whose participants are counted as already committed to related norms. */
  readonly relatedCommitments: readonly string[];
  /** Recorded votes whose votes count. */
  readonly relatedVotes: readonly string[];
  readonly voteValues: VoteValues;
  /** Launches in this many calendar years up to the catalog's as-of year count as recent. */
  readonly recentLaunchYears: number;
}

export interface OutreachConfig {
  readonly default: OutreachSettings;
  readonly instruments: Readonly<Record<string, Partial<OutreachSettings>>>;
  /** Where the configuration was read from. */
  readonly source: string;
}

export const DEFAULT_OUTREACH_WEIGHTS_FILE = fileURLToPath(new URL("../../data/outreach-weights.json", import.meta.url));

const weight = z.number().min(0, "must be 0 or more").max(1000, "must be 1000 or less");
const ids = z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be instrument ids"));
const weightsSchema = z.strictObject(Object.fromEntries(OUTREACH_FACTORS.map((f) => [f, weight])) as Record<OutreachFactor, typeof weight>);
const voteValuesSchema = z.strictObject(Object.fromEntries([...VOTES, "unknown"].map((v) => [v, z.number().min(0).max(1)])) as Record<Vote | "unknown", z.ZodNumber>);
const settingsShape = {
  relatedCommitments: ids,
  relatedVotes: ids,
  voteValues: voteValuesSchema,
  recentLaunchYears: z.number().int().min(1).max(100),
};
const configSchema = z.strictObject({
  about: z.string().optional(),
  factors: z.record(z.enum(OUTREACH_FACTORS), z.string()).optional(),
  default: z.strictObject({ weights: weightsSchema, ...settingsShape }),
  instruments: z.record(
    z.string(),
    z.strictObject({
      note: z.string().optional(),
      weights: weightsSchema.partial().optional(),
      relatedCommitments: ids.optional(),
      relatedVotes: ids.optional(),
      voteValues: voteValuesSchema.partial().optional(),
      recentLaunchYears: settingsShape.recentLaunchYears.optional(),
    }),
  ),
});

/** Pure: validates the JSON text; a bad file is an InvalidInputError naming the file and the offending key. */
export function parseOutreachConfig(text: string, source: string): OutreachConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(source, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError(source, `${issue?.path.join(".") || "(top level)"}: ${issue?.message ?? "invalid"}`);
  }
  const instruments: Record<string, Partial<OutreachSettings>> = {};
  for (const [id, override] of Object.entries(parsed.data.instruments)) {
    const { note: _note, weights, voteValues, ...rest } = override;
    instruments[id] = {
      ...definedOnly(rest),
      ...(weights === undefined ? {} : { weights: { ...parsed.data.default.weights, ...definedOnly(weights) } }),
      ...(voteValues === undefined ? {} : { voteValues: { ...parsed.data.default.voteValues, ...definedOnly(voteValues) } }),
    };
  }
  return { default: parsed.data.default, instruments, source };
}

/** The settings for one instrument: its override merged over the default. */
export function outreachSettingsFor(config: OutreachConfig, instrumentId: string): OutreachSettings {
  return { ...config.default, ...(config.instruments[instrumentId] ?? {}) };
}

/** Reads a configuration file (default: the repository's `data/outreach-weights.json`). */
export function loadOutreachConfig(path: string = DEFAULT_OUTREACH_WEIGHTS_FILE): OutreachConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new SourceFormatError(path, error instanceof Error ? error.message : String(error));
  }
  return parseOutreachConfig(text, path === DEFAULT_OUTREACH_WEIGHTS_FILE ? "data/outreach-weights.json" : path);
}

function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
