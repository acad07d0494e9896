/**
 * Appeals: versioned rules, appeals, their timeline and documents, and the administrator's calendar
 * edits. Frozen in time: never edit a migration that has shipped; add a new one.
 */
import { sql, type Kysely } from 'kysely';
import { withId } from '../../../platform/db/dialect.js';
import { DEFAULT_RULES } from '../rules/default-rules.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('appeal_rule'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('legal_basis_ky', 'text', (c) => c.notNull())
    .addColumn('legal_basis_ru', 'text', (c) => c.notNull())
    .addColumn('legal_basis_en', 'text', (c) => c.notNull())
    .addColumn('registration_term', 'integer', (c) => c.notNull())
    .addColumn('registration_unit', 'text', (c) => c.notNull())
    .addColumn('answer_term', 'integer', (c) => c.notNull())
    .addColumn('answer_unit', 'text', (c) => c.notNull())
    .addColumn('max_extension', 'integer', (c) => c.notNull())
    .addColumn('extension_unit', 'text', (c) => c.notNull())
    .addColumn('redirection_term', 'integer', (c) => c.notNull())
    .addColumn('redirection_unit', 'text', (c) => c.notNull())
    .addColumn('disputed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('superseded_by', 'integer')
    .addForeignKeyConstraint('appeal_rule_superseded_fk', ['superseded_by'], 'appeal_rule', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .execute();
  await db.schema.createIndex('appeal_rule_kind_idx').on('appeal_rule').columns(['kind', 'valid_from']).execute();

  await withId(db, db.schema.createTable('appeal'))
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('ngo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('body_id', 'integer', (c) => c.notNull().references('body.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('person_name_enc', 'text')
    .addColumn('person_contact_enc', 'text')
    .addColumn('received_on', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('rule_id', 'integer', (c) => c.references('appeal_rule.id'))
    .addColumn('registration_number', 'text')
    .addColumn('registered_on', 'text')
    .addColumn('registration_due', 'text')
    .addColumn('term_from', 'text')
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_date', 'text')
    .addColumn('redirected_to_body_id', 'integer', (c) => c.references('body.id'))
    .addColumn('redirected_on', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('classification', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('classification_note', 'text')
    .addColumn('parent_id', 'integer')
    .addColumn('escalation_target', 'text')
    .addColumn('reminder_stage', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('appeal_parent_fk', ['parent_id'], 'appeal', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .addCheckConstraint('appeal_state_check', sql`state in ('draft','sent','registered','extended','redirected','answered','classified','closed')`)
    .addCheckConstraint('appeal_kind_check', sql`kind in ('application','complaint','proposal','information_request','corruption_report')`)
    .execute();
  // The overdue sweep and the reminders ask "which open appeals are due by day X?": this index
  // answers from (state, due_date) without scanning the table.
  await db.schema.createIndex('appeal_state_due_idx').on('appeal').columns(['state', 'due_date']).execute();
  await db.schema.createIndex('appeal_owner_idx').on('appeal').columns(['owner_id', 'updated_at']).execute();
  await db.schema.createIndex('appeal_ngo_idx').on('appeal').columns(['ngo', 'state']).execute();
  await db.schema.createIndex('appeal_body_idx').on('appeal').column('body_id').execute();
  await db.schema.createIndex('appeal_parent_idx').on('appeal').column('parent_id').execute();

  await withId(db, db.schema.createTable('appeal_event'))
    .addColumn('appeal_id', 'integer', (c) => c.notNull().references('appeal.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appeal_event_appeal_idx').on('appeal_event').columns(['appeal_id', 'id']).execute();

  await withId(db, db.schema.createTable('appeal_file'))
    .addColumn('appeal_id', 'integer', (c) => c.notNull().references('appeal.id'))
    .addColumn('event_id', 'integer', (c) => c.references('appeal_event.id'))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('extracted_text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appeal_file_appeal_idx').on('appeal_file').column('appeal_id').execute();

  await withId(db, db.schema.createTable('calendar_exception'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason_ky', 'text', (c) => c.notNull())
    .addColumn('reason_ru', 'text', (c) => c.notNull())
    .addColumn('reason_en', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text')
    .addCheckConstraint('calendar_exception_kind_check', sql`kind in ('day_off','working_day')`)
    .execute();
  await db.schema.createIndex('calendar_exception_date_idx').on('calendar_exception').column('date').execute();

  await withId(db, db.schema.createTable('calendar_movable_date'))
    .addColumn('holiday', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text')
    .execute();

  const at = '2026-11-28T00:00:00.000Z';
  for (const rule of DEFAULT_RULES) {
    await db.insertInto('appeal_rule').values({ ...rule, created_at: at, created_by: 'system', superseded_by: null }).execute();
  }
}
