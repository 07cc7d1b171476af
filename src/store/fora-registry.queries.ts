import type { Kysely, Transaction } from "kysely";
import type { StoreSchema } from "./schema.ts";

/** What the fora services check against in the store's copy of the diplomacy registry. */

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

export interface RegistryForumRow {
  readonly id: string;
  readonly name: string;
  readonly parentBody: string;
  readonly meetingSeason: string;
}

export interface RegistryStateRow {
  readonly iso3: string;
  readonly name: string;
  readonly regionalGroup: string;
  readonly groupStatus: string;
}

export interface RegistryOrganisationRow {
  readonly code: string;
  readonly name: string;
  readonly memberStates: readonly string[];
}

export interface ForaRegistry {
  readonly fora: ReadonlyMap<string, RegistryForumRow>;
  readonly states: ReadonlyMap<string, RegistryStateRow>;
  readonly organisations: ReadonlyMap<string, RegistryOrganisationRow>;
}

/** The registry's fora, states (ISO order) and organisations. */
export async function loadForaRegistry(db: Db): Promise<ForaRegistry> {
  const [fora, states, organisations] = await Promise.all([
    db.selectFrom("diplomacy_fora").select(["id", "name", "parent_body", "meeting_season"]).orderBy("id").execute(),
    db.selectFrom("diplomacy_states").select(["iso3", "name", "regional_group", "group_status"]).orderBy("iso3").execute(),
    db.selectFrom("diplomacy_organisations").select(["code", "name", "member_states"]).orderBy("code").execute(),
  ]);
  return {
    fora: new Map(fora.map((f) => [f.id, { id: f.id, name: f.name, parentBody: f.parent_body, meetingSeason: f.meeting_season }])),
    states: new Map(states.map((s) => [s.iso3, { iso3: s.iso3, name: s.name, regionalGroup: s.regional_group, groupStatus: s.group_status }])),
    organisations: new Map(
      organisations.map((o) => [o.code, { code: o.code, name: o.name, memberStates: o.member_states === "" ? [] : o.member_states.split(";").map((x) => x.trim()) }]),
    ),
  };
}
