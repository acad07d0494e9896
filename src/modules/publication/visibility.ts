/**
 * THE visibility rule of public material (STYLE.md §10, Alaveteli's `Prominence::PublicQuery`):
 * appeals are private by default; the public sees an appeal only while its publication is in the
 * state 'published', and then only the redacted copy kept in the publication tables. Every public
 * page, search, feed, export and API route goes through {@link wherePublished} (lists, in SQL),
 * {@link isPublishedAppeal} (rows of tables keyed by appeal) or {@link canRead} (one appeal).
 */
import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Actor } from '../../platform/policy/policy.js';
import { canReadAppeal, type AppealAccess } from '../appeals/index.js';

/**
 * Restricts a query that has `appeal_publication` in scope to published appeals.
 *
 * @example wherePublished(db.selectFrom('appeal_publication').selectAll())
 */
export function wherePublished<TB extends keyof Database, O>(
  qb: SelectQueryBuilder<Database, TB, O>,
): SelectQueryBuilder<Database, TB, O> {
  return qb.where(sql<string>`appeal_publication.state`, '=', 'published');
}

/**
 * "The appeal in this column is published", for rows of tables keyed by appeal (search_doc,
 * publication_*): `.where(isPublishedAppeal('search_doc.appeal_id'))`. A correlated EXISTS answered
 * by the unique index on appeal_publication.appeal_id, one probe per row; the earlier form
 * `appeal_id IN (select … where state = 'published')` made SQLite build the list of every published
 * id (90,000 at a million appeals) on each call (docs/performance.md).
 */
export function isPublishedAppeal(
  column: 'search_doc.appeal_id' | 'w.appeal_id' | 'publication_event.appeal_id' | 'publication_file.appeal_id',
) {
  return sql<SqlBool>`exists (select 1 from appeal_publication as visible where visible.appeal_id = ${sql.ref(column)} and visible.state = 'published')`;
}

/**
 * May this user read this appeal, and which version? The owner and the NGO staff allowed by the
 * appeals policy read the original; anyone else (signed in or not) reads the published copy while
 * it is published; otherwise null (answer 404, like a missing appeal).
 */
export function canRead(
  user: Actor | null,
  appeal: AppealAccess,
  publication: { state: string } | null | undefined,
): 'original' | 'public' | null {
  if (canReadAppeal(user, appeal)) return 'original';
  if (publication?.state === 'published') return 'public';
  return null;
}
