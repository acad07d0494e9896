/**
 * The anonymous reporting channel: reports, the two-way messages, encrypted attachments and the
 * reporters' short-lived follow-up sessions. No column can hold an address or a user agent.
 * Frozen in time: never edit a migration that has shipped; add a new one.
 */
import type { Kysely } from 'kysely';
import { withId } from '../../../platform/db/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('anonymous_report'))
    .addColumn('lookup_id', 'text', (c) => c.notNull())
    .addColumn('receipt_hash', 'text', (c) => c.notNull())
    .addColumn('submission_key', 'text', (c) => c.notNull().unique())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('body_ref_enc', 'text')
    .addColumn('what_enc', 'text', (c) => c.notNull())
    .addColumn('when_enc', 'text')
    .addColumn('where_enc', 'text')
    .addColumn('consent_description', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_details', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_institution', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_files', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'integer', (c) => c.references('user.id'))
    .addColumn('kept', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('staff_unread', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notify_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text')
    // Plain integers, no foreign keys: a case or appeal made from a report outlives the report.
    .addColumn('converted_case_id', 'integer')
    .addColumn('converted_appeal_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('anonymous_report_lookup_idx').on('anonymous_report').column('lookup_id').execute();
  await db.schema.createIndex('anonymous_report_activity_idx').on('anonymous_report').columns(['kept', 'last_activity_at']).execute();

  await withId(db, db.schema.createTable('anonymous_message'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('anonymous_report.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('user.id'))
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('anonymous_message_report_idx').on('anonymous_message').column('report_id').execute();

  await withId(db, db.schema.createTable('anonymous_file'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('anonymous_report.id').onDelete('cascade'))
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('key_enc', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('sha256_enc', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('removed', 'text', (c) => c.notNull())
    .addColumn('kept_properties', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('anonymous_file_report_idx').on('anonymous_file').column('report_id').execute();

  await db.schema
    .createTable('anonymous_access')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    // No foreign key on purpose: when a report is deleted or expires, a reporter still holding a
    // follow-up session is told that the report no longer exists (the row goes at its own expiry).
    .addColumn('report_id', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('anonymous_access_report_idx').on('anonymous_access').column('report_id').execute();
}
