import type { Kysely, Migration } from "kysely";
import type { StoreDialect } from "../store-dialect.ts";

/** The fora tables of the workspace (issue 7). */
export function foraMigration(dialect: StoreDialect): Migration {
  void dialect;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      void db;
    },
    async down(db: Kysely<unknown>): Promise<void> {
      void db;
    },
  };
}
