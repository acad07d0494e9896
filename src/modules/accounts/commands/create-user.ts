import type { Executor, Role, UserTable } from '../../../platform/db/database.js';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { hashPassword, type HashParams } from '../../../platform/auth/password-hash.js';
import { checkNewPassword } from '../../../platform/auth/password-rules.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { isEmail } from '../../../platform/http/validation.js';
import { findUserByEmail, normaliseEmail } from '../queries.js';

export interface CreateUserProps {
  trx: Executor;
  email: string;
  displayName: string;
  role: Role;
  password: string;
  status: UserTable['status'];
  locale?: string | null;
  actor: string;
  hash: HashParams;
  now: Date;
}

/**
 * Creates an account after checking the address and the password rules; refuses a duplicate
 * address. Used by registration, the admin screen, the CLI and the demo seed.
 */
export async function createUser(p: CreateUserProps): Promise<number> {
  const email = normaliseEmail(p.email);
  const errors = [
    ...(isEmail(email) ? [] : [{ field: 'email', message: 'validation.email' as const }]),
    ...checkNewPassword(p.password),
  ];
  if (!p.displayName.trim()) errors.push({ field: 'display_name', message: 'validation.required' });
  if (errors.length) throw invalid(errors);
  if (await findUserByEmail(p.trx, email)) throw conflict('accounts.email_taken');
  const at = p.now.toISOString();
  const row = await p.trx
    .insertInto('user')
    .values({
      email,
      display_name: p.displayName.trim(),
      role: p.role,
      password_hash: await hashPassword(p.password, p.hash),
      status: p.status,
      locale: p.locale ?? null,
      totp_secret_enc: null,
      totp_last_step: null,
      password_changed_at: at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'user.create',
    objectType: 'user',
    objectId: row.id,
    data: { role: p.role, status: p.status },
    at: p.now,
  });
  return row.id;
}
