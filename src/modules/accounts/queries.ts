/** Reads of accounts. Each takes the executor first; the caller owns the transaction. */
import type { Executor } from '../../platform/db/database.js';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('user').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export function findUserById(db: Executor, id: number) {
  return db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Executor) {
  return db
    .selectFrom('user')
    .select(['id', 'email', 'display_name', 'role', 'status', 'created_at', 'totp_secret_enc'])
    .orderBy('id')
    .execute();
}

export function listApiTokens(db: Executor, userId: number) {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function countUnusedRecoveryCodes(db: Executor, userId: number): Promise<number> {
  const rows = await db
    .selectFrom('recovery_code')
    .select('id')
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  return rows.length;
}
