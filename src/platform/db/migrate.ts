/**
 * Runs the migrations, in name order. The list is static (imported, not read from disk) so that it
 * works the same under tsx, a bundler or a compiled build.
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as foundation from './migrations/2026-11-28-foundation.js';
import * as jobs from './migrations/2026-11-28-jobs.js';
import { moduleMigrations } from './module-migrations.js';

export const migrations: Record<string, Migration> = {
  '2026-11-28-0000-foundation': foundation,
  '2026-11-28-0001-jobs': jobs,
  ...moduleMigrations,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
