import type { Kysely } from "kysely";
import { SYSTEM_ACTOR } from "../../src/accounts/audit-actor.ts";
import type { Role } from "../../src/accounts/role.ts";
import { createUser } from "../../src/accounts/user.service.ts";
import type { PositionActor } from "../../src/positions/position.ts";
import { searchAuditEntries } from "../../src/store/audit-search.queries.ts";
import type { AuditEntry } from "../../src/store/audit-log.repository.ts";
import type { StoreSchema } from "../../src/store/schema.ts";

let counter = 0;

/** A real user (no password: the positions tests do not sign in) as the actor the services take. */
export async function positionActor(db: Kysely<StoreSchema>, role: Role, name: string): Promise<PositionActor> {
  counter += 1;
  const user = await createUser(db, { email: `${name}-${process.pid}-${counter}@example.org`, displayName: name, role, password: null }, SYSTEM_ACTOR, new Date("2026-11-26T08:00:00Z"));
  return { userId: user.id, label: user.email, role };
}

/** The team of the positions tests: two analysts, an admin and a viewer. */
export async function positionTeam(db: Kysely<StoreSchema>) {
  return {
    alice: await positionActor(db, "analyst", "alice"),
    bob: await positionActor(db, "analyst", "bob"),
    root: await positionActor(db, "admin", "root"),
    vera: await positionActor(db, "viewer", "vera"),
  };
}

/**
 * A forum session with two agenda items, and a second session, written as rows (the fora services are another
 * domain's; these tests only need something to tie positions to).
 */
export async function insertForumSessions(db: Kysely<StoreSchema>) {
  const at = "2026-11-26T08:00:00.000Z";
  const session = (title: string, start: string) => ({ forum_id: "copuos", title, session_number: null, start_date: start, end_date: start, venue: "Vienna", status: "planned", source_url: null, as_of: "2026-11-26", note: null, curated_key: null, created_by: null, created_at: at, updated_at: at });
  const copuos = await db.insertInto("forum_sessions").values(session("COPUOS test session", "2027-06-01")).returning("id").executeTakeFirstOrThrow();
  const other = await db.insertInto("forum_sessions").values(session("STSC test session", "2027-02-01")).returning("id").executeTakeFirstOrThrow();
  const item = (sessionId: number, number: string, title: string) => ({ session_id: sessionId, item_number: number, title, source: null, as_of: null, note: null, curated: 0, created_by: null, created_at: at });
  const spaceDebris = await db.insertInto("agenda_items").values(item(copuos.id, "7", "Space debris")).returning("id").executeTakeFirstOrThrow();
  const longTerm = await db.insertInto("agenda_items").values(item(copuos.id, "8", "Long-term sustainability of outer space activities")).returning("id").executeTakeFirstOrThrow();
  const otherItem = await db.insertInto("agenda_items").values(item(other.id, "4", "General exchange of views")).returning("id").executeTakeFirstOrThrow();
  return { copuosId: copuos.id, otherSessionId: other.id, spaceDebrisItemId: spaceDebris.id, longTermItemId: longTerm.id, otherItemId: otherItem.id };
}

/** The audit log's newest id now: a test reads the entries written after it (the log is append-only across tests). */
export async function auditMark(db: Kysely<StoreSchema>): Promise<number> {
  const row = await db.selectFrom("audit_log").select((eb) => eb.fn.max("id").as("id")).executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function positionAudit(db: Kysely<StoreSchema>, positionId: number, afterId: number): Promise<AuditEntry[]> {
  return searchAuditEntries(db, { order: "asc", entityType: "position", entityId: String(positionId), cursor: afterId });
}

/** A clock that moves one minute per call, from a fixed start. */
export function minuteClock(startIso = "2026-11-26T09:00:00.000Z"): () => Date {
  let t = Date.parse(startIso);
  return () => {
    const now = new Date(t);
    t += 60_000;
    return now;
  };
}
