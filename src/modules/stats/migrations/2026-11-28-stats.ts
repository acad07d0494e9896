/** Statistics: consent opt-outs, per-appeal facts and per-body-month aggregates. Frozen. */
import type { Kysely } from 'kysely';
import { withId } from '../../../platform/db/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('stats_opt_out'))
    .addColumn('appeal_id', 'integer', (c) => c.notNull().unique().references('appeal.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('stats_appeal_fact'))
    .addColumn('appeal_id', 'integer', (c) => c.notNull().unique().references('appeal.id'))
    .addColumn('body_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('open', 'integer', (c) => c.notNull())
    .addColumn('answered_on', 'text')
    .addColumn('answer_days', 'integer')
    .addColumn('on_time', 'integer')
    .addColumn('classification', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('oblast_id', 'integer')
    .addColumn('rayon_id', 'integer')
    .addColumn('included', 'integer', (c) => c.notNull())
    .addColumn('appeal_updated_at', 'text', (c) => c.notNull())
    .execute();
  // Report cards read one body's facts; "overdue now" reads open facts by due date.
  await db.schema.createIndex('stats_fact_body_idx').on('stats_appeal_fact').columns(['body_id', 'month', 'kind']).execute();
  await db.schema.createIndex('stats_fact_open_idx').on('stats_appeal_fact').columns(['open', 'due_date']).execute();

  await withId(db, db.schema.createTable('stats_body_month'))
    .addColumn('body_id', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('oblast_id', 'integer')
    .addColumn('rayon_id', 'integer')
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('answered', 'integer', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('outcomes', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('days_hist', 'text', (c) => c.notNull())
    .addUniqueConstraint('stats_body_month_cell', ['body_id', 'month', 'kind'])
    .execute();
  await db.schema.createIndex('stats_body_month_month_idx').on('stats_body_month').column('month').execute();
}
