import type { Migration, MigrationProvider } from "kysely";
import type { StoreDialect } from "../store-dialect.ts";
import { catalogMigration } from "./0001-catalog.ts";
import { actorsMigration } from "./0002-actors.ts";
import { screeningMigration } from "./0003-screening.ts";
import { diplomacyMigration } from "./0004-diplomacy.ts";
import { spaceWeatherMigration } from "./0005-space-weather.ts";
import { eventMaximumPcMigration } from "./0006-event-maximum-pc.ts";
import { accountsMigration } from "./0007-accounts.ts";
import { foraMigration } from "./0008-fora.ts";
import { positionsMigration } from "./0009-positions.ts";
import { consultationsMigration } from "./0010-consultations.ts";
import { objectMassEstimatesMigration } from "./0011-object-mass-estimates.ts";

/** Every migration, keyed by name; Kysely's Migrator runs them in name order and records them. Append only. */
export function storeMigrations(dialect: StoreDialect): MigrationProvider {
  const migrations: Record<string, Migration> = {
    "0001-catalog": catalogMigration(dialect),
    "0002-actors": actorsMigration(),
    "0003-screening": screeningMigration(dialect),
    "0004-diplomacy": diplomacyMigration(dialect),
    "0005-space-weather": spaceWeatherMigration(),
    "0006-event-maximum-pc": eventMaximumPcMigration(),
    "0007-accounts": accountsMigration(dialect),
    "0008-fora": foraMigration(dialect),
    "0009-positions": positionsMigration(dialect),
    "0010-consultations": consultationsMigration(dialect),
    "0011-object-mass-estimates": objectMassEstimatesMigration(),
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}
