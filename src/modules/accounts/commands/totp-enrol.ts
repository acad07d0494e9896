import type { Db } from '../../../platform/db/database.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { checkTotp, newTotpSecret } from '../../../platform/auth/totp.js';
import { createSession, deleteOtherSessions, deleteSession } from '../../../platform/auth/sessions.js';
import { issueRecoveryCodes } from './totp-verify.js';
import { userActor } from '../../../platform/audit/actor.js';

/**
 * The secret being enrolled lives in the session row, never in a form field or URL parameter: so the
 * enrolment binds to the session's own user and cannot be aimed at another account (the IDOR found in
 * GlobaLeaks' 2FA enrolment, SECURITY.md).
 */
export async function pendingTotpSecret(p: { db: Db; cipher: FieldCipher; sessionHash: string }): Promise<string> {
  const row = await p.db
    .selectFrom('session')
    .select('pending_totp_enc')
    .where('token_hash', '=', p.sessionHash)
    .executeTakeFirstOrThrow();
  if (row.pending_totp_enc) return p.cipher.decrypt(row.pending_totp_enc, 'session.pending_totp');
  const secret = newTotpSecret();
  await p.db
    .updateTable('session')
    .set({ pending_totp_enc: p.cipher.encrypt(secret, 'session.pending_totp') })
    .where('token_hash', '=', p.sessionHash)
    .execute();
  return secret;
}

export type EnrolResult = { kind: 'ok'; token: string; recoveryCodes: string[] } | { kind: 'wrong' };

/** Confirms enrolment with a code from the app; ends the user's other sessions (SECURITY.md). */
export async function confirmTotpEnrolment(p: {
  db: Db;
  cipher: FieldCipher;
  userId: number;
  sessionHash: string;
  code: string;
  now: Date;
}): Promise<EnrolResult> {
  const secret = await pendingTotpSecret(p);
  const step = checkTotp(secret, p.code, null, p.now);
  if (step === null) return { kind: 'wrong' };
  return p.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('user')
      .set({
        totp_secret_enc: p.cipher.encrypt(secret, 'user.totp_secret'),
        totp_last_step: step,
        updated_at: p.now.toISOString(),
      })
      .where('id', '=', p.userId)
      .execute();
    const recoveryCodes = await issueRecoveryCodes(trx, p.userId);
    await deleteSession(trx, p.sessionHash);
    await deleteOtherSessions(trx, p.userId, null);
    const token = await createSession(trx, p.userId, 'full', p.now);
    await appendAudit(trx, {
      actor: userActor(p.userId),
      action: 'auth.totp_enabled',
      objectType: 'user',
      objectId: p.userId,
      at: p.now,
    });
    return { kind: 'ok', token, recoveryCodes };
  });
}
