import type { Kysely, Selectable } from "kysely";
import { insertInChunks } from "./chunked-insert.ts";
import type { ActorTable, OwnerCodeTable, StoreSchema } from "./schema.ts";

/** An actor (state, historic state, organisation, company, the explicit unknown) as the curated table gives it. */
export interface ActorRecord {
  readonly code: string;
  readonly kind: string;
  readonly name: string;
  /** ISO 3166 alpha-3 member or host states; empty for a state. */
  readonly memberStates: readonly string[];
  readonly membershipBasis?: string | null;
  /** Successor actor code(s), `;`-separated as in `data/actors.csv`. */
  readonly successor: string | null;
  readonly validTo?: string | null;
  readonly source: string;
  readonly asOf: string;
  readonly note?: string | null;
}

/** One SATCAT owner code and the actor it is attributed to. */
export interface OwnerCodeRecord {
  readonly ownerCode: string;
  readonly ownerName: string;
  readonly actorCode: string;
  readonly historicActorCode?: string | null;
  readonly note: string | null;
  readonly source: string;
  readonly asOf: string;
}

const MEMBER_SEPARATOR = ";";

/**
 * Makes the store's actor and owner-code tables equal to the curated ones: inserts or overwrites every given row and
 * deletes rows no longer given. Runs in one transaction (the caller's, or its own).
 */
export async function syncActors(
  db: Kysely<StoreSchema>,
  actors: readonly ActorRecord[],
  ownerCodes: readonly OwnerCodeRecord[],
): Promise<{ actors: number; ownerCodes: number; removed: number }> {
  const sync = async (trx: Kysely<StoreSchema>) => {
    const actorRows: ActorTable[] = actors.map((a) => ({
      code: a.code,
      kind: a.kind,
      name: a.name,
      member_states: a.memberStates.join(MEMBER_SEPARATOR),
      membership_basis: a.membershipBasis ?? null,
      successor: a.successor,
      valid_to: a.validTo ?? null,
      source: a.source,
      as_of: a.asOf,
      note: a.note ?? null,
    }));
    const ownerRows: OwnerCodeTable[] = ownerCodes.map((o) => ({
      owner_code: o.ownerCode,
      owner_name: o.ownerName,
      actor_code: o.actorCode,
      historic_actor_code: o.historicActorCode ?? null,
      note: o.note,
      source: o.source,
      as_of: o.asOf,
    }));
    const storedOwners = await trx.selectFrom("owner_codes").select("owner_code").execute();
    const staleOwners = notIn(storedOwners.map((r) => r.owner_code), ownerRows.map((r) => r.owner_code));
    if (staleOwners.length > 0) await trx.deleteFrom("owner_codes").where("owner_code", "in", staleOwners).execute();
    const storedActors = await trx.selectFrom("actors").select("code").execute();
    const staleActors = notIn(storedActors.map((r) => r.code), actorRows.map((r) => r.code));
    if (staleActors.length > 0) await trx.deleteFrom("actors").where("code", "in", staleActors).execute();
    await insertInChunks(trx, "actors", actorRows, (insert) =>
      insert
        .onConflict((oc) =>
          oc.column("code").doUpdateSet((eb) => ({
            kind: eb.ref("excluded.kind"),
            name: eb.ref("excluded.name"),
            member_states: eb.ref("excluded.member_states"),
            membership_basis: eb.ref("excluded.membership_basis"),
            successor: eb.ref("excluded.successor"),
            valid_to: eb.ref("excluded.valid_to"),
            source: eb.ref("excluded.source"),
            as_of: eb.ref("excluded.as_of"),
            note: eb.ref("excluded.note"),
          })),
        ),
    );
    await insertInChunks(trx, "owner_codes", ownerRows, (insert) =>
      insert
        .onConflict((oc) =>
          oc.column("owner_code").doUpdateSet((eb) => ({
            owner_name: eb.ref("excluded.owner_name"),
            actor_code: eb.ref("excluded.actor_code"),
            historic_actor_code: eb.ref("excluded.historic_actor_code"),
            note: eb.ref("excluded.note"),
            source: eb.ref("excluded.source"),
            as_of: eb.ref("excluded.as_of"),
          })),
        ),
    );
    return { actors: actorRows.length, ownerCodes: ownerRows.length, removed: staleOwners.length + staleActors.length };
  };
  return db.isTransaction ? sync(db) : db.transaction().execute(sync);
}

function notIn(keys: readonly string[], keep: readonly string[]): string[] {
  const keepSet = new Set(keep);
  return keys.filter((key) => !keepSet.has(key));
}

/** Every actor, by code. */
export async function listActors(db: Kysely<StoreSchema>): Promise<ActorRecord[]> {
  const rows = await db.selectFrom("actors").selectAll().orderBy("code").execute();
  return rows.map(toActorRecord);
}

/** Every owner code with its attribution, by owner code. */
export async function listOwnerCodes(db: Kysely<StoreSchema>): Promise<OwnerCodeRecord[]> {
  const rows = await db.selectFrom("owner_codes").selectAll().orderBy("owner_code").execute();
  return rows.map((row) => ({
    ownerCode: row.owner_code,
    ownerName: row.owner_name,
    actorCode: row.actor_code,
    historicActorCode: row.historic_actor_code,
    note: row.note,
    source: row.source,
    asOf: row.as_of,
  }));
}

function toActorRecord(row: Selectable<ActorTable>): ActorRecord {
  return {
    code: row.code,
    kind: row.kind,
    name: row.name,
    memberStates: row.member_states === "" ? [] : row.member_states.split(MEMBER_SEPARATOR),
    membershipBasis: row.membership_basis,
    successor: row.successor,
    validTo: row.valid_to,
    source: row.source,
    asOf: row.as_of,
    note: row.note,
  };
}
