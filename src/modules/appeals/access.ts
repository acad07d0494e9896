/** Loading an appeal for a request: missing and forbidden answer the same 404 (SECURITY.md). */
import type { FastifyRequest } from 'fastify';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import { can } from '../../platform/policy/policy.js';
import { findAppeal, type Appeal } from './queries.js';
import { parseRecordId } from '../../platform/http/validation.js';

export async function appealFor(
  request: FastifyRequest,
  rawId: string,
  action: 'appeals.read' | 'appeals.act' = 'appeals.read',
): Promise<Appeal> {
  const id = parseRecordId(rawId) ?? NaN;
  const appeal = Number.isNaN(id) ? undefined : await findAppeal(request.server.achyk.db, id);
  if (!appeal || !can(request.ctx.user, action, appeal)) throw notFound();
  return appeal;
}

/** The applicant named in letters: the person acted for (decrypted), else the owner. */
export async function applicantOf(
  db: Executor,
  cipher: FieldCipher,
  appeal: Appeal,
): Promise<{ name: string; contact: string | null }> {
  if (appeal.person_name_enc) {
    return {
      name: cipher.decrypt(appeal.person_name_enc, 'appeal.person_name'),
      contact: cipher.decryptNullable(appeal.person_contact_enc, 'appeal.person_contact'),
    };
  }
  const owner = await db
    .selectFrom('user')
    .select(['display_name', 'email'])
    .where('id', '=', appeal.owner_id)
    .executeTakeFirstOrThrow();
  return { name: owner.display_name, contact: owner.email };
}
