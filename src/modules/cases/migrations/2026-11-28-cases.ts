/**
 * Human-rights cases (HURIDOCS Events Standard Formats) and their thesaurus.
 * Frozen in time: never edit a migration that has shipped; add a new one.
 */
import { sql, type Kysely } from 'kysely';
import { withId } from '../../../platform/db/dialect.js';
import { DEFAULT_TERMS } from '../thesaurus/default-terms.js';

const DATE_PRECISION = sql`in ('exact','month','year','approximate')`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('thesaurus_term'))
    .addColumn('thesaurus', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('label_ky', 'text', (c) => c.notNull())
    .addColumn('label_ru', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('sdg', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('thesaurus_term_code_uq', ['thesaurus', 'code'])
    .execute();

  await withId(db, db.schema.createTable('hr_case'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('title_enc', 'text', (c) => c.notNull())
    .addColumn('summary_enc', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('territory_id', 'integer', (c) => c.references('territory.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('hr_case_state_check', sql`state in ('intake','documented','verified','closed')`)
    .execute();

  await withId(db, db.schema.createTable('case_member'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('hr_case.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('added_by', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_member_uq', ['case_id', 'user_id'])
    .addCheckConstraint('case_member_access_check', sql`access in ('read','edit')`)
    .execute();
  await db.schema.createIndex('case_member_user_idx').on('case_member').column('user_id').execute();

  await withId(db, db.schema.createTable('case_event'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('hr_case.id'))
    .addColumn('title_enc', 'text', (c) => c.notNull())
    .addColumn('description_enc', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('start_precision', 'text', (c) => c.notNull().check(sql`start_precision ${DATE_PRECISION}`))
    .addColumn('start_label', 'text')
    .addColumn('end_date', 'text')
    .addColumn('end_precision', 'text')
    .addColumn('end_label', 'text')
    .addColumn('territory_id', 'integer', (c) => c.references('territory.id'))
    .addColumn('place_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_event_case_idx').on('case_event').column('case_id').execute();

  await withId(db, db.schema.createTable('case_event_link'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('hr_case.id'))
    .addColumn('from_event_id', 'integer', (c) => c.notNull().references('case_event.id'))
    .addColumn('to_event_id', 'integer', (c) => c.notNull().references('case_event.id'))
    .addColumn('relation', 'text', (c) => c.notNull().check(sql`relation in ('led_to','part_of','followed_by')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_event_link_uq', ['from_event_id', 'to_event_id'])
    .execute();

  await withId(db, db.schema.createTable('case_person'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('hr_case.id'))
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('other_names_enc', 'text')
    .addColumn('contact_enc', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('address_enc', 'text')
    .addColumn('birth_date_enc', 'text')
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('female','male','other','unknown')`))
    .addColumn('age_group', 'text', (c) => c.notNull().check(sql`age_group in ('child','youth','adult','older','unknown')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_person_pseudonym_uq', ['case_id', 'pseudonym'])
    .execute();

  await withId(db, db.schema.createTable('case_person_group'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('case_person.id'))
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_person_group_uq', ['person_id', 'group_code'])
    .execute();

  await withId(db, db.schema.createTable('case_act'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('hr_case.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('case_event.id'))
    .addColumn('act_type', 'text', (c) => c.notNull())
    // HURIDOCS: an act is something done to one victim; there is no act without a victim.
    .addColumn('victim_id', 'integer', (c) => c.notNull().references('case_person.id'))
    .addColumn('methods', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('start_precision', 'text', (c) => c.notNull().check(sql`start_precision ${DATE_PRECISION}`))
    .addColumn('start_label', 'text')
    .addColumn('end_date', 'text')
    .addColumn('end_precision', 'text')
    .addColumn('end_label', 'text')
    .addColumn('notes_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_act_case_idx').on('case_act').column('case_id').execute();
  await db.schema.createIndex('case_act_start_idx').on('case_act').column('start_date').execute();

  await withId(db, db.schema.createTable('case_involvement'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('hr_case.id'))
    .addColumn('act_id', 'integer', (c) => c.references('case_act.id'))
    .addColumn('event_id', 'integer', (c) => c.references('case_event.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('victim','perpetrator','witness','source')`))
    .addColumn('person_id', 'integer', (c) => c.references('case_person.id'))
    .addColumn('body_id', 'integer', (c) => c.references('body.id'))
    .addColumn('degree', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('case_involvement_who_check', sql`(person_id is null) <> (body_id is null)`)
    .addCheckConstraint('case_involvement_what_check', sql`act_id is not null or event_id is not null`)
    .execute();
  // A person is linked to an act at most once (whatever the role); the command says so first.
  await db.schema.createIndex('case_involvement_act_person_uq').on('case_involvement').columns(['act_id', 'person_id']).unique().execute();
  await db.schema.createIndex('case_involvement_case_idx').on('case_involvement').column('case_id').execute();

  await withId(db, db.schema.createTable('case_intervention'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('hr_case.id'))
    .addColumn('act_id', 'integer', (c) => c.references('case_act.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('body_id', 'integer', (c) => c.references('body.id'))
    .addColumn('response', 'text')
    .addColumn('parties_enc', 'text')
    .addColumn('claim_amount', 'text')
    .addColumn('claim_currency', 'text')
    .addColumn('decision', 'text')
    .addColumn('mechanism', 'text')
    .addColumn('reference', 'text')
    .addColumn('outlet', 'text')
    .addColumn('appeal_id', 'integer')
    .addColumn('notes_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_intervention_case_idx').on('case_intervention').column('case_id').execute();

  await withId(db, db.schema.createTable('case_hearing'))
    .addColumn('intervention_id', 'integer', (c) => c.notNull().references('case_intervention.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();

  await withId(db, db.schema.createTable('case_source'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('hr_case.id'))
    .addColumn('event_id', 'integer', (c) => c.references('case_event.id'))
    .addColumn('person_id', 'integer', (c) => c.references('case_person.id'))
    .addColumn('description_enc', 'text', (c) => c.notNull())
    .addColumn('reliability', 'text', (c) => c.notNull())
    .addColumn('obtained_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('case_evidence'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('hr_case.id'))
    .addColumn('original_name_enc', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('ext', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('last_verified_at', 'text')
    .addColumn('last_verified_ok', 'integer')
    .execute();

  await withId(db, db.schema.createTable('case_custody'))
    .addColumn('evidence_id', 'integer', (c) => c.notNull().references('case_evidence.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .execute();
  await db.schema.createIndex('case_custody_evidence_idx').on('case_custody').column('evidence_id').execute();

  const at = '2026-11-28T00:00:00.000Z';
  const rows = DEFAULT_TERMS.map(([thesaurus, code, parent, ky, ru, en, sdg], i) => ({
    thesaurus,
    code,
    parent_code: parent,
    label_ky: ky,
    label_ru: ru,
    label_en: en,
    sdg: sdg ?? null,
    sort: i + 1,
    active: 1,
    created_at: at,
    updated_at: at,
  }));
  await db.insertInto('thesaurus_term').values(rows).execute();
}
