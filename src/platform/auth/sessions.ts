/**
 * Server-side sessions (SECURITY.md): a 256-bit random opaque token in the cookie, only its SHA-256
 * in the database; idle timeout 30 minutes, absolute lifetime 12 hours; a new token at every sign-in
 * step; sign-out deletes the row.
 */
import crypto from 'node:crypto';
import type { Executor, SessionTable } from '../db/database.js';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reading a page is not a write each time */
const TOUCH_INTERVAL_MS = 60 * 1000;

export function newToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export async function createSession(
  db: Executor,
  userId: number,
  stage: SessionTable['stage'],
  now: Date,
  pendingTotpEnc: string | null = null,
): Promise<string> {
  const token = newToken();
  const at = now.toISOString();
  await db
    .insertInto('session')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      stage,
      pending_totp_enc: pendingTotpEnc,
      created_at: at,
      last_seen_at: at,
      reauth_at: stage === 'full' ? at : null,
    })
    .execute();
  return token;
}

export type LoadedSession = { status: 'ok'; session: SessionTable } | { status: 'expired' } | { status: 'none' };

export async function loadSession(db: Executor, token: string | undefined, now: Date): Promise<LoadedSession> {
  if (!token || token.length > 100) return { status: 'none' };
  const hash = sha256(token);
  const session = await db.selectFrom('session').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  if (!session) return { status: 'none' };
  const t = now.getTime();
  if (
    t - Date.parse(session.last_seen_at) > IDLE_TIMEOUT_MS ||
    t - Date.parse(session.created_at) > ABSOLUTE_TIMEOUT_MS
  ) {
    await db.deleteFrom('session').where('token_hash', '=', hash).execute();
    return { status: 'expired' };
  }
  if (t - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
    await db.updateTable('session').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', hash).execute();
  }
  return { status: 'ok', session };
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Ends every other session of the user (after a password or TOTP change). */
export async function deleteOtherSessions(db: Executor, userId: number, keepHash: string | null): Promise<void> {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (keepHash) q = q.where('token_hash', '!=', keepHash);
  await q.execute();
}

/**
 * Revokes every API token of the user: with a disabled account, and with a password reset (the way
 * back into an account someone else may have used; a token they made there would outlive the new
 * password otherwise). A password change by the signed-in user keeps their tokens.
 */
export async function revokeApiTokens(db: Executor, userId: number, at: Date): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ revoked_at: at.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
