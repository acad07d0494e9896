/**
 * E-mail subscriptions to statements and events (double opt-in). Frozen in time: never edit a
 * migration that has shipped; add a new one.
 */
import type { Kysely } from 'kysely';
import { withId } from '../../../platform/db/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('subscription'))
    .addColumn('email_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email_enc', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('topic_statements', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('topic_events', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirm_token_hash', 'text', (c) => c.unique())
    .addColumn('unsubscribe_salt', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema.createIndex('subscription_send_idx').on('subscription').columns(['status', 'language']).execute();
  await db.schema.createIndex('subscription_expiry_idx').on('subscription').column('expires_at').execute();
}
