/**
 * Opens a case: the person who opens it goes on its access list with edit rights (nobody else reads
 * it until a coordinator adds them). The reference is built from the id, never from the content.
 */
import crypto from 'node:crypto';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import { ctxOf } from '../encrypted-columns.js';
import { Problems, optionalId, territoryExists } from './shared.js';
import { userActor } from '../../../platform/audit/actor.js';

export interface CreateCaseProps {
  trx: Executor;
  cipher: FieldCipher;
  userId: number;
  input: { title: string; summary?: string; territory_id?: string };
  now: Date;
}

export async function createCase(p: CreateCaseProps): Promise<{ id: number; reference: string }> {
  const problems = new Problems();
  const title = p.input.title.trim();
  if (!title) problems.add('title', 'validation.required');
  const territoryId = optionalId(p.input.territory_id);
  if (territoryId === 'bad' || (territoryId !== null && !(await territoryExists(p.trx, territoryId))))
    problems.add('territory_id', 'cases.error.unknown_territory');
  problems.throwIfAny();
  const at = p.now.toISOString();
  const row = await p.trx
    .insertInto('hr_case')
    .values({
      reference: `tmp-${crypto.randomBytes(8).toString('hex')}`,
      title_enc: p.cipher.encrypt(title, ctxOf('hr_case', 'title_enc')),
      summary_enc: p.cipher.encryptNullable(p.input.summary?.trim() || null, ctxOf('hr_case', 'summary_enc')),
      state: 'intake',
      territory_id: territoryId as number | null,
      created_by: p.userId,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const reference = `HR-${at.slice(0, 4)}-${String(row.id).padStart(4, '0')}`;
  await p.trx.updateTable('hr_case').set({ reference }).where('id', '=', row.id).execute();
  await p.trx
    .insertInto('case_member')
    .values({ case_id: row.id, user_id: p.userId, access: 'edit', added_by: p.userId, added_at: at })
    .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.created',
    objectType: 'case',
    objectId: row.id,
    data: { reference },
    at: p.now,
  });
  return { id: row.id, reference };
}

/** Corrects a case's title, summary or territory (the reference never changes). */
export async function updateCase(p: CreateCaseProps & { caseId: number }): Promise<void> {
  const problems = new Problems();
  const title = p.input.title.trim();
  if (!title) problems.add('title', 'validation.required');
  const territoryId = optionalId(p.input.territory_id);
  if (territoryId === 'bad' || (territoryId !== null && !(await territoryExists(p.trx, territoryId))))
    problems.add('territory_id', 'cases.error.unknown_territory');
  problems.throwIfAny();
  await p.trx
    .updateTable('hr_case')
    .set({
      title_enc: p.cipher.encrypt(title, ctxOf('hr_case', 'title_enc')),
      summary_enc: p.cipher.encryptNullable(p.input.summary?.trim() || null, ctxOf('hr_case', 'summary_enc')),
      territory_id: territoryId as number | null,
      updated_at: p.now.toISOString(),
    })
    .where('id', '=', p.caseId)
    .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.updated',
    objectType: 'case',
    objectId: p.caseId,
    at: p.now,
  });
}
