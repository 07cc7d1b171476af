import type { ColumnDefinitionBuilder } from "kysely";
import type { StoreDialect } from "../store-dialect.ts";

/**
 * An auto-assigned integer primary key: SQLite's rowid alias (`integer primary key`), PostgreSQL's identity column.
 * The only schema construct that differs between the dialects.
 */
export function autoIdColumn(dialect: StoreDialect): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialect === "sqlite"
    ? (column) => column.primaryKey()
    : (column) => column.primaryKey().generatedByDefaultAsIdentity();
}
