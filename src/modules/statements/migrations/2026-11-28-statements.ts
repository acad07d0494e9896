/**
 * Statements, press releases and events (issue #11, part 1). Frozen in time: never edit a migration
 * that has shipped; add a new one. The same DDL runs on both dialects.
 */
import { sql, type Kysely } from 'kysely';
import { withId } from '../../../platform/db/dialect.js';

const LANGS = ['ky', 'ru', 'en'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  let statement = withId(db, db.schema.createTable('statement'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo(''));
  for (const l of LANGS) statement = statement.addColumn(`title_${l}`, 'text').addColumn(`summary_${l}`, 'text').addColumn(`body_${l}`, 'text');
  await statement
    .addColumn('published_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('statement_kind_check', sql`kind in ('statement','press_release')`)
    .execute();
  await db.schema.createIndex('statement_published_idx').on('statement').column('published_at').execute();

  await withId(db, db.schema.createTable('statement_tag'))
    .addColumn('statement_id', 'integer', (c) => c.notNull().references('statement.id'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addUniqueConstraint('statement_tag_uq', ['statement_id', 'tag'])
    .execute();
  await db.schema.createIndex('statement_tag_tag_idx').on('statement_tag').column('tag').execute();

  let version = withId(db, db.schema.createTable('statement_version'))
    .addColumn('statement_id', 'integer', (c) => c.notNull().references('statement.id'))
    .addColumn('number', 'integer', (c) => c.notNull());
  for (const l of LANGS) version = version.addColumn(`title_${l}`, 'text').addColumn(`summary_${l}`, 'text').addColumn(`body_${l}`, 'text');
  await version
    .addColumn('correction_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('statement_version_uq', ['statement_id', 'number'])
    .execute();

  await withId(db, db.schema.createTable('statement_embed'))
    .addColumn('statement_id', 'integer', (c) => c.notNull().references('statement.id'))
    .addColumn('embed_key', 'text', (c) => c.notNull())
    .addColumn('figure', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('statement_embed_uq', ['statement_id', 'embed_key'])
    .execute();

  let event = withId(db, db.schema.createTable('event'));
  for (const l of LANGS) event = event.addColumn(`title_${l}`, 'text').addColumn(`description_${l}`, 'text');
  await event
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('contacts', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // ISO UTC text of the same shape compares like the instants it names.
    .addCheckConstraint('event_times_check', sql`starts_at <= ends_at`)
    .execute();
  await db.schema.createIndex('event_starts_idx').on('event').column('starts_at').execute();

  await withId(db, db.schema.createTable('event_statement'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('event.id'))
    .addColumn('statement_id', 'integer', (c) => c.notNull().references('statement.id'))
    .addUniqueConstraint('event_statement_uq', ['event_id', 'statement_id'])
    .execute();
}
