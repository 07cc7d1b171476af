import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeRejection } from "../core/rejection.ts";
import { actSlot } from "./act.ts";
import type { Act } from "./act.ts";
import { readActRows } from "./act-rows.ts";
import type { ActReferences } from "./act-rows.ts";
import { DiplomacyDataError } from "./curated-table.ts";
import type { Forum } from "./forum.ts";
import type { Instrument, InstrumentItem } from "./instrument.ts";
import type { Organisation } from "./organisation.ts";
import { parseFora, parseInstrumentItems, parseInstruments, parseOrganisations, parseStates } from "./reference-tables.ts";
import type { UnState } from "./un-state.ts";

/**
 * The curated diplomacy registry: `data/diplomacy/` (states, organisations, instruments, instrument items, fora, and
 * every `acts-*.csv`), validated as a whole. It seeds the store; the store keeps the history of every change.
 */
export interface DiplomacyRegistry {
  readonly states: ReadonlyMap<string, UnState>;
  readonly organisations: ReadonlyMap<string, Organisation>;
  readonly instruments: ReadonlyMap<string, Instrument>;
  readonly instrumentItems: readonly InstrumentItem[];
  readonly fora: ReadonlyMap<string, Forum>;
  readonly acts: readonly CuratedAct[];
}

/** A curated act with the file and line it came from. */
export interface CuratedAct extends Act {
  readonly file: string;
  readonly line: number;
}

export const DEFAULT_DIPLOMACY_DIR = fileURLToPath(new URL("../../data/diplomacy/", import.meta.url));

const REFERENCE_FILES = ["states.csv", "organisations.csv", "instruments.csv", "instrument-items.csv", "fora.csv"] as const;

/** Reads `data/diplomacy/` (or another directory); `referenceDay` (`YYYY-MM-DD`) is the day no date may lie after. */
export function loadDiplomacyRegistry(referenceDay: string, dir: string = DEFAULT_DIPLOMACY_DIR): DiplomacyRegistry {
  const files = new Map<string, string>();
  const names = [...REFERENCE_FILES, ...readdirSync(dir).filter((name) => /^acts-.*\.csv$/.test(name)).sort()];
  for (const name of names) files.set(name, readFileSync(join(dir, name), "utf8"));
  return parseDiplomacyRegistry(files, referenceDay);
}

/** Pure: validates the files (by name) and cross-checks their references. */
export function parseDiplomacyRegistry(files: ReadonlyMap<string, string>, referenceDay: string): DiplomacyRegistry {
  const text = (name: string): string => {
    const content = files.get(name);
    if (content === undefined) throw new DiplomacyDataError(name, null, null, "file missing");
    return content;
  };
  const states = parseStates(text("states.csv"));
  const organisations = parseOrganisations(text("organisations.csv"));
  const instruments = parseInstruments(text("instruments.csv"));
  const instrumentItems = parseInstrumentItems(text("instrument-items.csv"));
  const fora = parseFora(text("fora.csv"));
  crossCheck({ states, organisations, instruments, instrumentItems, fora });

  const references = actReferencesOf({ states, organisations, instruments, fora });
  const acts: CuratedAct[] = [];
  const seen = new Map<string, string>();
  for (const [name, content] of files) {
    if (!name.startsWith("acts-")) continue;
    const read = readActRows(content, name, references, referenceDay);
    const first = read.rejections[0];
    if (first !== undefined) {
      throw new DiplomacyDataError(name, first.line, first.field, `${describeRejection(first)} (${read.rejections.length} bad row(s))`);
    }
    for (const act of read.acts) {
      const key = `${act.target}\u0000${act.party}\u0000${actSlot(act.kind)}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) throw new DiplomacyDataError(name, act.line, "act", `duplicate of ${earlier}`);
      seen.set(key, `${name}:${act.line}`);
      const { line, ...rest } = act;
      acts.push({ ...rest, file: name, line });
    }
  }
  return { states, organisations, instruments, instrumentItems, fora, acts };
}

/** What act rows may refer to, from a registry (or from the store's copy of it). */
export function actReferencesOf(registry: Pick<DiplomacyRegistry, "states" | "organisations" | "instruments" | "fora">): ActReferences {
  return {
    states: registry.states,
    organisationCodes: new Set(registry.organisations.keys()),
    instruments: registry.instruments,
    forumIds: new Set(registry.fora.keys()),
  };
}

function crossCheck(registry: Omit<DiplomacyRegistry, "acts">): void {
  for (const organisation of registry.organisations.values()) {
    for (const state of [organisation.stateIso3, ...organisation.memberStates]) {
      if (state !== null && !registry.states.has(state)) {
        throw new DiplomacyDataError("organisations.csv", null, "state", `${organisation.code}: ${state} is not in states.csv`);
      }
    }
  }
  for (const instrument of registry.instruments.values()) {
    if (instrument.forumId !== null && !registry.fora.has(instrument.forumId)) {
      throw new DiplomacyDataError("instruments.csv", null, "forum", `${instrument.id}: unknown forum ${instrument.forumId}`);
    }
  }
  for (const item of registry.instrumentItems) {
    if (registry.instruments.get(item.instrumentId)?.kind !== "guidelines") {
      throw new DiplomacyDataError("instrument-items.csv", null, "instrument", `${item.instrumentId} is not a set of guidelines`);
    }
  }
  for (const forum of registry.fora.values()) {
    if (forum.membershipOf !== null && registry.fora.get(forum.membershipOf)?.membershipBasis !== "listed") {
      throw new DiplomacyDataError("fora.csv", null, "membership_basis", `${forum.id}: ${forum.membershipOf} is not a forum with listed members`);
    }
  }
}
