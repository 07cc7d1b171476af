/** The two SQL dialects the store runs on: embedded SQLite (default) and PostgreSQL (multi-user deployment). */
export type StoreDialect = "sqlite" | "postgres";
