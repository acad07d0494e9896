/**
 * Messages of the contact form. Frozen in time: never edit a migration that has shipped; add a new one.
 */
import type { Kysely } from 'kysely';
import { withId } from '../../../platform/db/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('contact_message'))
    .addColumn('name_enc', 'text')
    .addColumn('reply_to_enc', 'text')
    .addColumn('subject_enc', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('handled_at', 'text')
    // No foreign key: a message outlives neither its retention nor, meaningfully, its handler's account.
    .addColumn('handled_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_message_status_idx').on('contact_message').columns(['status', 'handled_at']).execute();
}
