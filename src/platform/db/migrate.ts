/**
 * Runs the migrations, in name order. The list is static (imported, not read from disk) so that it
 * works the same under tsx, a bundler or a compiled build: the foundation's are here, each module's
 * come from its manifest, and `collectMigrations` joins them (src/bootstrap.ts).
 */
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { AnyKysely } from './dialect.js';
import * as foundation from './migrations/2026-11-28-foundation.js';
import * as jobs from './migrations/2026-11-28-jobs.js';

/** The platform's own migrations (users, sessions, audit log, jobs). */
export const foundationMigrations: Readonly<Record<string, Migration>> = {
  '2026-11-28-0000-foundation': foundation,
  '2026-11-28-0001-jobs': jobs,
};

/**
 * The foundation's migrations and each module's, keyed by name. Keys are recorded in databases, so
 * they never change; one key declared twice is refused.
 */
export function collectMigrations(
  modules: readonly { name: string; migrations?: Readonly<Record<string, Migration>> }[],
): Readonly<Record<string, Migration>> {
  const all: Record<string, Migration> = { ...foundationMigrations };
  for (const m of modules) {
    for (const [key, migration] of Object.entries(m.migrations ?? {})) {
      if (key in all) throw new Error(`migration ${key} (module ${m.name}) is declared twice`);
      all[key] = migration;
    }
  }
  return all;
}

export async function migrateToLatest(
  db: AnyKysely,
  migrations: Readonly<Record<string, Migration>>,
): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
