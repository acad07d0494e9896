/**
 * The directory of territories and state bodies, and the history of its changes.
 * Frozen in time: never edit a migration that has shipped; add a new one.
 *
 * Self references (territory.parent_id, territory.successor_id, body.supervisor_id,
 * body.merged_into_id) are DEFERRABLE INITIALLY DEFERRED: a restore loads rows in primary-key order,
 * and a parent may have a higher id than its child. SQLite accepts the same clause.
 */
import { sql, type Kysely } from 'kysely';
import { withId } from '../../../platform/db/dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('territory'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('name_ky', 'text')
    .addColumn('name_ru', 'text')
    .addColumn('name_en', 'text')
    .addColumn('parent_id', 'integer')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('boundary', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('successor_id', 'integer')
    .addColumn('source', 'text')
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('territory_parent_fk', ['parent_id'], 'territory', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .addForeignKeyConstraint('territory_successor_fk', ['successor_id'], 'territory', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .addCheckConstraint('territory_level_check', sql`level in ('oblast','city_republican','rayon','city','settlement','aiyl_aimak')`)
    .execute();
  await db.schema.createIndex('territory_parent_idx').on('territory').column('parent_id').execute();

  await withId(db, db.schema.createTable('body'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('institution_type', 'text')
    .addColumn('name_ky', 'text')
    .addColumn('name_ru', 'text')
    .addColumn('name_en', 'text')
    .addColumn('territory_id', 'integer', (c) => c.references('territory.id'))
    .addColumn('supervisor_id', 'integer')
    .addColumn('emails', 'text')
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('website', 'text')
    .addColumn('contact_unknown', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active_from', 'text')
    .addColumn('active_to', 'text')
    .addColumn('merged_into_id', 'integer')
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('body_supervisor_fk', ['supervisor_id'], 'body', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .addForeignKeyConstraint('body_merged_into_fk', ['merged_into_id'], 'body', ['id'], (fk) => fk.deferrable().initiallyDeferred())
    .addCheckConstraint(
      'body_kind_check',
      sql`kind in ('cabinet','ministry','agency','court','prosecutor','ombudsman','plenipotentiary_office','rayon_administration','city_hall','aiyl_okmotu','police','closed_institution','other')`,
    )
    .execute();
  await db.schema.createIndex('body_territory_idx').on('body').column('territory_id').execute();
  await db.schema.createIndex('body_supervisor_idx').on('body').column('supervisor_id').execute();

  await withId(db, db.schema.createTable('directory_change'))
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directory_change_object_idx').on('directory_change').columns(['object_type', 'object_id']).execute();
}
