/**
 * Indexes for the report card and the league table at national size (docs/performance.md). Frozen.
 *
 * - A report card reads one body's cells over a period; with only the month index it read every
 *   body's cells of the period (35,000 rows at a million appeals) to keep one body's 60.
 * - "Overdue now" counts one body's open facts past their due date; through the (body, month, kind)
 *   index that walked every fact of the body (180,000 for the busiest one). The new index holds
 *   open, body and due date first and the filtered columns after, so the count reads only the
 *   overdue entries and never the table (a covering index); the league table uses the same index
 *   with the list of bodies.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('stats_body_month_body_idx').on('stats_body_month').columns(['body_id', 'month', 'kind']).execute();
  await db.schema.createIndex('stats_fact_overdue_idx').on('stats_appeal_fact').columns(['open', 'body_id', 'due_date', 'included', 'kind']).execute();
}
