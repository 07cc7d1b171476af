import type { Kysely } from "kysely";
import { findUserNames } from "../store/user.repository.ts";
import type { StoreSchema } from "../store/schema.ts";

/**
 * The people a position names (its author, last editor, each version's editor, each clearer, each citer), as a
 * reader sees them: the user's display name, with the e-mail beside it. The label recorded with the write (the
 * e-mail the actor signed in with, or "system" / the CLI's label) stays, and stands in for the name when the write
 * had no user.
 */
export interface PositionPerson {
  readonly userId: number | null;
  /** The actor label recorded with the write. */
  readonly label: string;
  /** The user's display name now; the recorded label when the write had no user (or the user is gone). */
  readonly displayName: string;
  /** The user's e-mail now; null when the write had no user. */
  readonly email: string | null;
}

/** Resolves a recorded (user id, label) pair to the person a page shows. */
export type PositionPeople = (userId: number | null, label: string) => PositionPerson;

/** Reads the names of these users once and answers for each of them (ids may repeat or be null). */
export async function loadPositionPeople(db: Kysely<StoreSchema>, userIds: Iterable<number | null>): Promise<PositionPeople> {
  const ids = [...userIds].filter((id): id is number => id !== null);
  const names = await findUserNames(db, ids);
  return (userId, label) => {
    const user = userId === null ? undefined : names.get(userId);
    return user === undefined ? { userId, label, displayName: label, email: null } : { userId, label, displayName: user.displayName, email: user.email };
  };
}
