/** Small helpers for the few places where SQLite and PostgreSQL differ; each use says why. */
import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * An auto-incrementing integer primary key. SQLite: INTEGER PRIMARY KEY AUTOINCREMENT (ids are never
 * reused after a delete, which keeps audit references unambiguous); PostgreSQL: an identity column.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withId<T extends string>(db: Kysely<any>, tb: CreateTableBuilder<T, never>, name = 'id'): CreateTableBuilder<T, never> {
  return isPostgres(db)
    ? tb.addColumn(name, 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : tb.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());
}
