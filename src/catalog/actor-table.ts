import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { CuratedFileError, readCuratedCsvRows } from "../core/curated-csv.ts";

/**
 * The curated attribution tables: `data/actors.csv` (states, historic states, organisations, companies
 * and the explicit unknown) and `data/owner-codes.csv` (each Space-Track/CelesTrak owner code → actor).
 * Every row carries a source and an as-of date.
 */

export const ACTOR_KINDS = ["state", "historic-state", "organisation", "company", "unknown"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const MEMBERSHIP_BASES = ["members", "partners", "founding-partners", "headquarters", "host"] as const;
export type MembershipBasis = (typeof MEMBERSHIP_BASES)[number];

export interface Actor {
  /** ISO 3166-1 alpha-3 for states, ISO 3166-3 for historic states, a short stable code otherwise. */
  readonly code: string;
  readonly kind: ActorKind;
  readonly name: string;
  /** For organisations and companies: the member, partner or host states (actor codes of states). */
  readonly memberStates: readonly string[];
  readonly membershipBasis: MembershipBasis | null;
  /** Successor actors (for a historic state: its successor states). */
  readonly successors: readonly string[];
  /** Date (`YYYY-MM-DD`) from which the actor no longer owned newly launched objects (dissolution, privatisation). */
  readonly validTo: string | null;
  readonly source: string;
  readonly asOf: string;
  readonly note: string | null;
}

export interface OwnerCodeEntry {
  readonly ownerCode: string;
  readonly ownerName: string;
  readonly actorCode: string;
  /** The actor for objects launched before the historic actor's `validTo` (USSR within `CIS` …), or null. */
  readonly historicActorCode: string | null;
  readonly note: string | null;
  readonly source: string;
  readonly asOf: string;
}

export interface ActorTable {
  readonly actors: ReadonlyMap<string, Actor>;
  readonly ownerCodes: ReadonlyMap<string, OwnerCodeEntry>;
}

/** The curated tables are invalid: names the file, the 1-based line and the field. */
export class ActorTableError extends CuratedFileError {
  readonly code = "ACTOR_TABLE";
  override readonly name = "ActorTableError";
}

export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

/** Reads and validates `actors.csv` and `owner-codes.csv` from a data directory (default: the repository's `data/`). */
export function loadActorTable(dataDir: string = DEFAULT_DATA_DIR): ActorTable {
  const actorsPath = `${dataDir.replace(/\/$/, "")}/actors.csv`;
  const ownerCodesPath = `${dataDir.replace(/\/$/, "")}/owner-codes.csv`;
  return parseActorTable(readFileSync(actorsPath, "utf8"), readFileSync(ownerCodesPath, "utf8"), { actorsPath, ownerCodesPath });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Z][A-Z0-9-]{1,24}$/;
const list = z.string().transform((s) => (s.trim() === "" ? [] : s.split(";").map((x) => x.trim())));
const optional = z.string().transform((s) => (s.trim() === "" ? null : s.trim()));
const required = z.string().trim().min(1, "must not be empty");

const actorRow = z.object({
  code: z.string().regex(CODE, "must be an upper-case code"),
  kind: z.enum(ACTOR_KINDS),
  name: required,
  member_states: list.pipe(z.array(z.string().regex(CODE, "must be actor codes separated by ';'"))),
  membership_basis: z.union([z.literal("").transform(() => null), z.enum(MEMBERSHIP_BASES)]),
  successor: list.pipe(z.array(z.string().regex(CODE, "must be actor codes separated by ';'"))),
  valid_to: z.union([z.literal("").transform(() => null), z.string().regex(DATE, "must be YYYY-MM-DD")]),
  source: required,
  as_of: z.string().regex(DATE, "must be YYYY-MM-DD"),
  note: optional,
});

const ownerCodeRow = z.object({
  owner_code: z.string().regex(/^[A-Z0-9/]{1,8}$/, "must be an upper-case owner code"),
  owner_name: required,
  actor_code: z.string().regex(CODE, "must be an actor code"),
  historic_actor_code: z.union([z.literal("").transform(() => null), z.string().regex(CODE, "must be an actor code")]),
  note: optional,
  source: required,
  as_of: z.string().regex(DATE, "must be YYYY-MM-DD"),
});

/** Pure: validates the two CSV texts and cross-checks their references. */
export function parseActorTable(
  actorsCsv: string,
  ownerCodesCsv: string,
  names: { actorsPath: string; ownerCodesPath: string } = { actorsPath: "actors.csv", ownerCodesPath: "owner-codes.csv" },
): ActorTable {
  const actors = new Map<string, Actor>();
  const actorLines = new Map<string, number>();
  for (const { line, row } of readRows(actorsCsv, names.actorsPath, actorRow)) {
    if (actors.has(row.code)) throw new ActorTableError(names.actorsPath, line, "code", `duplicate actor ${row.code}`);
    actors.set(row.code, {
      code: row.code,
      kind: row.kind,
      name: row.name,
      memberStates: row.member_states,
      membershipBasis: row.membership_basis,
      successors: row.successor,
      validTo: row.valid_to,
      source: row.source,
      asOf: row.as_of,
      note: row.note,
    });
    actorLines.set(row.code, line);
  }
  for (const actor of actors.values()) {
    const line = actorLines.get(actor.code) ?? null;
    const fail = (field: string, message: string): never => {
      throw new ActorTableError(names.actorsPath, line, field, message);
    };
    const isOrg = actor.kind === "organisation" || actor.kind === "company";
    if (isOrg && actor.memberStates.length === 0) fail("member_states", `${actor.kind} ${actor.code} needs member or host states`);
    if (isOrg && actor.membershipBasis === null) fail("membership_basis", `${actor.kind} ${actor.code} needs a membership basis`);
    if (!isOrg && actor.memberStates.length > 0) fail("member_states", `only organisations and companies have member states`);
    for (const member of actor.memberStates) {
      const state = actors.get(member);
      if (state === undefined) fail("member_states", `unknown actor ${member}`);
      else if (state.kind !== "state" && state.kind !== "historic-state") fail("member_states", `${member} is not a state`);
    }
    for (const successor of actor.successors) {
      if (!actors.has(successor)) fail("successor", `unknown actor ${successor}`);
    }
    if (actor.kind === "historic-state" && (actor.validTo === null || actor.successors.length === 0)) {
      fail("valid_to", `historic state ${actor.code} needs valid_to and successor`);
    }
  }
  if (actors.get("UNKNOWN")?.kind !== "unknown") {
    throw new ActorTableError(names.actorsPath, null, "code", "the explicit UNKNOWN actor (kind unknown) is missing");
  }

  const ownerCodes = new Map<string, OwnerCodeEntry>();
  for (const { line, row } of readRows(ownerCodesCsv, names.ownerCodesPath, ownerCodeRow)) {
    const fail = (field: string, message: string): never => {
      throw new ActorTableError(names.ownerCodesPath, line, field, message);
    };
    if (ownerCodes.has(row.owner_code)) fail("owner_code", `duplicate owner code ${row.owner_code}`);
    if (!actors.has(row.actor_code)) fail("actor_code", `unknown actor ${row.actor_code}`);
    if (row.historic_actor_code !== null) {
      const historic = actors.get(row.historic_actor_code);
      if (historic === undefined) fail("historic_actor_code", `unknown actor ${row.historic_actor_code}`);
      else if (historic.validTo === null) fail("historic_actor_code", `${historic.code} has no valid_to date`);
      else if (!historic.successors.includes(row.actor_code)) {
        fail("historic_actor_code", `${historic.code} does not list ${row.actor_code} as its successor`);
      }
    }
    ownerCodes.set(row.owner_code, {
      ownerCode: row.owner_code,
      ownerName: row.owner_name,
      actorCode: row.actor_code,
      historicActorCode: row.historic_actor_code,
      note: row.note,
      source: row.source,
      asOf: row.as_of,
    });
  }
  return { actors, ownerCodes };
}

function readRows<T>(text: string, file: string, schema: z.ZodType<T>): { line: number; row: T }[] {
  return readCuratedCsvRows(text, file, schema, ActorTableError);
}
