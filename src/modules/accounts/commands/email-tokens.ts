/**
 * Single-use, expiring links sent by e-mail (address confirmation, password reset). Only a hash of
 * the token is stored; using it marks it used in the same transaction as the change it allows.
 */
import type { Executor, EmailTokenTable } from '../../../platform/db/database.js';
import { newToken, sha256 } from '../../../platform/auth/sessions.js';

export const TOKEN_TTL_MS: Record<EmailTokenTable['purpose'], number> = {
  confirm: 48 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
};

export async function issueEmailToken(
  trx: Executor,
  userId: number,
  purpose: EmailTokenTable['purpose'],
  now: Date,
): Promise<string> {
  // A new link replaces older unused ones of the same purpose.
  await trx
    .deleteFrom('email_token')
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
  const token = newToken();
  await trx
    .insertInto('email_token')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      purpose,
      expires_at: new Date(now.getTime() + TOKEN_TTL_MS[purpose]).toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  return token;
}

/** Returns the user id when the token is valid, unused and unexpired; marks it used. */
export async function consumeEmailToken(
  trx: Executor,
  token: string,
  purpose: EmailTokenTable['purpose'],
  now: Date,
): Promise<number | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const row = await trx
    .selectFrom('email_token')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row || row.used_at || Date.parse(row.expires_at) < now.getTime()) return null;
  const res = await trx
    .updateTable('email_token')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', row.token_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? row.user_id : null;
}

/** Checks a token without using it (to show the form before the new password is chosen). */
export async function peekEmailToken(
  db: Executor,
  token: string,
  purpose: EmailTokenTable['purpose'],
  now: Date,
): Promise<boolean> {
  if (!/^[\w-]{20,100}$/.test(token)) return false;
  const row = await db
    .selectFrom('email_token')
    .select(['used_at', 'expires_at'])
    .where('token_hash', '=', sha256(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  return !!row && !row.used_at && Date.parse(row.expires_at) >= now.getTime();
}
