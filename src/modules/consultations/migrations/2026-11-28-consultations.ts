/**
 * Public consultations on draft laws: consultations, versions, paragraphs, comments and replies,
 * answers, flags, followers, drafters, hearings. Frozen in time: never edit a migration that has
 * shipped; add a new one. Runs after the directory ('2026-11-28-0100-directory'): the drafting body
 * references body.id.
 */
import { sql, type Kysely } from 'kysely';
import { withId } from '../../../platform/db/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('consultation'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_id', 'integer', (c) => c.notNull().references('body.id'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('official_url', 'text')
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('report_published_at', 'text')
    .addColumn('report_conclusion', 'text')
    .addColumn('closing_notice_for', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('consultation_dates_check', sql`opens_on <= closes_on`)
    .execute();

  await withId(db, db.schema.createTable('consultation_version'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('source_format', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('split_ok', 'integer', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('consultation_version_number_uq', ['consultation_id', 'number'])
    .addCheckConstraint('consultation_version_format_check', sql`source_format in ('text','markdown','docx')`)
    .execute();

  await withId(db, db.schema.createTable('consultation_paragraph'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('consultation_version.id'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('article_number', 'text')
    .addColumn('article_heading', 'text', (c) => c.notNull())
    .addColumn('chapter', 'text')
    .addColumn('paragraph_number', 'integer', (c) => c.notNull())
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addUniqueConstraint('consultation_paragraph_anchor_uq', ['version_id', 'anchor'])
    .execute();
  await db.schema.createIndex('consultation_paragraph_consultation_idx').on('consultation_paragraph').columns(['consultation_id', 'anchor']).execute();

  await withId(db, db.schema.createTable('consultation_comment'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id'))
    .addColumn('paragraph_id', 'integer', (c) => c.notNull().references('consultation_paragraph.id'))
    .addColumn('parent_id', 'integer')
    .addColumn('author_id', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('stance', 'text')
    .addColumn('proposed_wording', 'text')
    .addColumn('show_name', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Self reference: deferrable so that a restore can load rows in primary-key order.
    .addForeignKeyConstraint('consultation_comment_parent_fk', ['parent_id'], 'consultation_comment', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .addCheckConstraint('consultation_comment_format_check', sql`format in ('text','markdown')`)
    .addCheckConstraint('consultation_comment_stance_check', sql`stance is null or stance in ('support','oppose','neutral')`)
    .addCheckConstraint('consultation_comment_status_check', sql`status in ('visible','pending_review','hidden')`)
    .execute();
  await db.schema.createIndex('consultation_comment_paragraph_idx').on('consultation_comment').column('paragraph_id').execute();
  await db.schema.createIndex('consultation_comment_consultation_idx').on('consultation_comment').columns(['consultation_id', 'status']).execute();

  await withId(db, db.schema.createTable('consultation_answer'))
    .addColumn('comment_id', 'integer', (c) => c.notNull().unique().references('consultation_comment.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('consultation_answer_outcome_check', sql`outcome in ('accepted','partly_accepted','rejected')`)
    .execute();

  await withId(db, db.schema.createTable('consultation_flag'))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('consultation_comment.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    // One flag per person and comment: a duplicate is refused by the database too.
    .addUniqueConstraint('consultation_flag_once_uq', ['comment_id', 'user_id'])
    .execute();

  await withId(db, db.schema.createTable('consultation_follower'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('consultation_follower_uq', ['consultation_id', 'user_id'])
    .execute();

  await withId(db, db.schema.createTable('consultation_drafter'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('consultation_drafter_uq', ['consultation_id', 'user_id'])
    .execute();

  await withId(db, db.schema.createTable('consultation_hearing'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('minutes_text', 'text')
    .addColumn('minutes_name', 'text')
    .addColumn('minutes_sha256', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('consultation_hearing_participants_check', sql`participants >= 0`)
    .execute();
}
