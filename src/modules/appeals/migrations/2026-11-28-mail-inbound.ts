/** The record of inbound mail and its holding pen. Frozen in time: add a new migration to change it. */
import type { Kysely } from 'kysely';
import { withId } from '../../../platform/db/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('inbound_message'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('mail_from', 'text', (c) => c.notNull())
    .addColumn('rcpt_to', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('hold_reason', 'text')
    .addColumn('appeal_id', 'integer', (c) => c.references('appeal.id'))
    .addColumn('sorted_by', 'text')
    .addColumn('sorted_at', 'text')
    .execute();
  // The holding pen lists status = 'held'.
  await db.schema.createIndex('inbound_message_status_idx').on('inbound_message').columns(['status', 'id']).execute();
}
