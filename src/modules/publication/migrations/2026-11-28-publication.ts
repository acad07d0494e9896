/** Publication: public copies of appeals, redaction choices and rules, the public search index. Frozen. */
import type { Kysely } from 'kysely';
import { withId } from '../../../platform/db/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('appeal_publication'))
    .addColumn('appeal_id', 'integer', (c) => c.notNull().unique().references('appeal.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appeal_publication_state_idx').on('appeal_publication').columns(['state', 'published_at']).execute();

  await withId(db, db.schema.createTable('publication_event'))
    .addColumn('appeal_id', 'integer', (c) => c.notNull().references('appeal.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('appeal_event.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .execute();
  await db.schema.createIndex('publication_event_appeal_idx').on('publication_event').column('appeal_id').execute();

  await withId(db, db.schema.createTable('publication_file'))
    .addColumn('appeal_id', 'integer', (c) => c.notNull().references('appeal.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('appeal_file.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('original_safe', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('publication_file_appeal_idx').on('publication_file').column('appeal_id').execute();

  await withId(db, db.schema.createTable('redaction_choice'))
    .addColumn('appeal_id', 'integer', (c) => c.notNull().references('appeal.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('redaction_choice_appeal_idx').on('redaction_choice').column('appeal_id').execute();

  await withId(db, db.schema.createTable('redaction_rule'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'integer')
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('is_regex', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replacement', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await withId(db, db.schema.createTable('search_doc'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('appeal_id', 'integer', (c) => c.notNull().references('appeal.id'))
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addColumn('body_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('territory_id', 'integer')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_doc_appeal_idx').on('search_doc').column('appeal_id').execute();
}
