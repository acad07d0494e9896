/**
 * Administrators' changes to the thesaurus. Codes never change (reports, exports and the API rely on
 * them); labels can be corrected, terms added, and a term retired (inactive: no longer offered, still
 * shown on the records that use it).
 */
import { sql } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { Problems } from '../commands/shared.js';
import { THESAURI } from './default-terms.js';

export async function addTerm(p: {
  trx: Executor;
  actor: string;
  now: Date;
  input: {
    thesaurus: string;
    code: string;
    parent_code?: string;
    label_ky: string;
    label_ru: string;
    label_en: string;
  };
}): Promise<number> {
  const i = p.input;
  const problems = new Problems();
  if (!(THESAURI as readonly string[]).includes(i.thesaurus)) problems.add('thesaurus', 'validation.choice');
  if (!/^[a-z][a-z0-9_]{1,59}$/.test(i.code)) problems.add('code', 'cases.error.code_format');
  for (const l of ['label_ky', 'label_ru', 'label_en'] as const)
    if (!i[l].trim()) problems.add(l, 'validation.required');
  if (!problems.list.length) {
    const dup = await p.trx
      .selectFrom('thesaurus_term')
      .select('id')
      .where('thesaurus', '=', i.thesaurus)
      .where('code', '=', i.code)
      .executeTakeFirst();
    if (dup) problems.add('code', 'cases.error.code_taken');
    if (i.parent_code) {
      const parent = await p.trx
        .selectFrom('thesaurus_term')
        .select('id')
        .where('thesaurus', '=', i.thesaurus)
        .where('code', '=', i.parent_code)
        .executeTakeFirst();
      if (!parent) problems.add('parent_code', 'cases.error.unknown_term', { code: i.parent_code.slice(0, 60) });
    }
  }
  problems.throwIfAny();
  const max = await p.trx
    .selectFrom('thesaurus_term')
    .select(sql<number>`coalesce(max(sort), 0)`.as('m'))
    .executeTakeFirstOrThrow();
  const at = p.now.toISOString();
  const row = await p.trx
    .insertInto('thesaurus_term')
    .values({
      thesaurus: i.thesaurus,
      code: i.code,
      parent_code: i.parent_code || null,
      label_ky: i.label_ky.trim(),
      label_ru: i.label_ru.trim(),
      label_en: i.label_en.trim(),
      sdg: null,
      sort: Number(max.m) + 1,
      active: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'thesaurus.term_added',
    objectType: 'thesaurus_term',
    objectId: row.id,
    data: { thesaurus: i.thesaurus, code: i.code },
    at: p.now,
  });
  return row.id;
}

export async function editTerm(p: {
  trx: Executor;
  actor: string;
  now: Date;
  id: number;
  input: { label_ky: string; label_ru: string; label_en: string; active?: string };
}): Promise<void> {
  const problems = new Problems();
  for (const l of ['label_ky', 'label_ru', 'label_en'] as const)
    if (!p.input[l].trim()) problems.add(l, 'validation.required');
  problems.throwIfAny();
  const res = await p.trx
    .updateTable('thesaurus_term')
    .set({
      label_ky: p.input.label_ky.trim(),
      label_ru: p.input.label_ru.trim(),
      label_en: p.input.label_en.trim(),
      active: p.input.active === '1' ? 1 : 0,
      updated_at: p.now.toISOString(),
    })
    .where('id', '=', p.id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new AppError('not_found');
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'thesaurus.term_edited',
    objectType: 'thesaurus_term',
    objectId: p.id,
    data: { active: p.input.active === '1' },
    at: p.now,
  });
}
