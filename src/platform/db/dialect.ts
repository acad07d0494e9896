/** Small helpers for the few places where SQLite and PostgreSQL differ; each use says why. */
import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

/** A database of any schema: migrations and backups work below the typed `Database`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;

export function isPostgres(db: AnyKysely): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * An auto-incrementing integer primary key. SQLite: INTEGER PRIMARY KEY AUTOINCREMENT (ids are never
 * reused after a delete, which keeps audit references unambiguous); PostgreSQL: an identity column.
 */
export function withId<T extends string>(
  db: AnyKysely,
  tb: CreateTableBuilder<T, never>,
  name = 'id',
): CreateTableBuilder<T, never> {
  return isPostgres(db)
    ? tb.addColumn(name, 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : tb.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());
}
