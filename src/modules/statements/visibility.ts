/**
 * THE visibility rule of statements and events (STYLE.md §10): a record is public once its
 * `published_at` is set and not in the future. Scheduling is therefore a date, not a job: a scheduled
 * statement appears by itself at its time. Every public page, archive, feed, calendar file and
 * related-statement list goes through {@link wherePublic} (SQL) or {@link isPublic} (one record).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Is this record public at `now`? */
export function isPublic(r: { published_at: string | null }, now: Date): boolean {
  return r.published_at !== null && r.published_at <= now.toISOString();
}

/**
 * The SQL form of {@link isPublic} for a query with the table in scope (ISO UTC text of one shape
 * compares like the instants it names, on both dialects).
 *
 * @example db.selectFrom('statement').selectAll().where(wherePublic('statement', now))
 */
export function wherePublic(table: 'statement' | 'event', now: Date): RawBuilder<SqlBool> {
  const col = sql.ref(`${table}.published_at`);
  return sql<SqlBool>`(${col} is not null and ${col} <= ${now.toISOString()})`;
}
