/**
 * Persons of a case. Identity fields (names, contacts, ID numbers, addresses, date of birth) are
 * encrypted before they reach the database; sex, age group and vulnerable-group tags stay in clear so
 * reports can count them. Each person gets a case-local pseudonym (P1, P2 …) used wherever a name
 * must not appear.
 */
import { sql } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { isIsoDate } from '../../calendar/index.js';
import { ctxOf } from '../encrypted-columns.js';
import { AGE_GROUPS, SEXES, type AgeGroup, type Sex } from '../tables.js';
import { notFound } from '../../../platform/errors.js';
import { Problems, belongsToCase, checkTerm, touchCase, type CaseCommandProps } from './shared.js';
import { userActor } from '../../../platform/audit/actor.js';

export interface PersonInput {
  name: string;
  other_names?: string;
  contact?: string;
  id_number?: string;
  address?: string;
  birth_date?: string;
  sex: string;
  age_group: string;
  groups?: string[];
}

async function checkPerson(
  p: CaseCommandProps & { input: PersonInput },
): Promise<{ name: string; birth: string; groups: string[] }> {
  const problems = new Problems();
  const name = p.input.name.trim();
  if (!name) problems.add('name', 'validation.required');
  if (!(SEXES as readonly string[]).includes(p.input.sex)) problems.add('sex', 'validation.choice');
  if (!(AGE_GROUPS as readonly string[]).includes(p.input.age_group)) problems.add('age_group', 'validation.choice');
  const birth = p.input.birth_date?.trim() ?? '';
  if (birth && !isIsoDate(birth) && !/^\d{4}$/.test(birth)) problems.add('birth_date', 'cases.error.birth_date');
  const groups = [...new Set(p.input.groups ?? [])].filter((g) => g !== '');
  for (const g of groups) await checkTerm(p.trx, problems, 'groups', 'vulnerable_group', g, false);
  problems.throwIfAny();
  return { name, birth, groups };
}

function identity(p: CaseCommandProps & { input: PersonInput }, name: string, birth: string) {
  const enc = (
    v: string | undefined,
    column: 'other_names_enc' | 'contact_enc' | 'id_number_enc' | 'address_enc' | 'birth_date_enc',
  ) => p.cipher.encryptNullable(v?.trim() || null, ctxOf('case_person', column));
  return {
    name_enc: p.cipher.encrypt(name, ctxOf('case_person', 'name_enc')),
    other_names_enc: enc(p.input.other_names, 'other_names_enc'),
    contact_enc: enc(p.input.contact, 'contact_enc'),
    id_number_enc: enc(p.input.id_number, 'id_number_enc'),
    address_enc: enc(p.input.address, 'address_enc'),
    birth_date_enc: enc(birth, 'birth_date_enc'),
    sex: p.input.sex as Sex,
    age_group: p.input.age_group as AgeGroup,
  };
}

export async function addPerson(
  p: CaseCommandProps & { input: PersonInput },
): Promise<{ id: number; pseudonym: string }> {
  const { name, birth, groups } = await checkPerson(p);
  const n = await p.trx
    .selectFrom('case_person')
    .select(sql<number>`count(*)`.as('n'))
    .where('case_id', '=', p.caseId)
    .executeTakeFirstOrThrow();
  const pseudonym = `P${Number(n.n) + 1}`;
  const row = await p.trx
    .insertInto('case_person')
    .values({ case_id: p.caseId, pseudonym, ...identity(p, name, birth), created_at: p.now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (groups.length)
    await p.trx
      .insertInto('case_person_group')
      .values(groups.map((g) => ({ person_id: row.id, group_code: g })))
      .execute();
  await touchCase(p.trx, p.caseId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.person_added',
    objectType: 'case',
    objectId: p.caseId,
    data: { person: row.id, pseudonym },
    at: p.now,
  });
  return { id: row.id, pseudonym };
}

/** Corrects a person's identity fields, sex, age group and tags (the pseudonym stays). */
export async function updatePerson(p: CaseCommandProps & { personId: number; input: PersonInput }): Promise<void> {
  if (!(await belongsToCase(p.trx, 'case_person', p.personId, p.caseId))) throw notFound();
  const { name, birth, groups } = await checkPerson(p);
  await p.trx
    .updateTable('case_person')
    .set(identity(p, name, birth))
    .where('id', '=', p.personId)
    .execute();
  await p.trx.deleteFrom('case_person_group').where('person_id', '=', p.personId).execute();
  if (groups.length)
    await p.trx
      .insertInto('case_person_group')
      .values(groups.map((g) => ({ person_id: p.personId, group_code: g })))
      .execute();
  await touchCase(p.trx, p.caseId, p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.person_updated',
    objectType: 'case',
    objectId: p.caseId,
    data: { person: p.personId },
    at: p.now,
  });
}
