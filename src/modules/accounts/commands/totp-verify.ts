import crypto from 'node:crypto';
import type { Db, Executor } from '../../../platform/db/database.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { checkTotp } from '../../../platform/auth/totp.js';
import { recordFailure, clearThrottle, throttleKey, throttleWait } from '../../../platform/auth/login-throttle.js';
import { createSession, deleteSession, sha256 } from '../../../platform/auth/sessions.js';
import { userActor } from '../../../platform/audit/actor.js';

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function recoveryCode(): string {
  const bytes = crypto.randomBytes(10);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const normaliseRecovery = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');

/** Creates 10 single-use recovery codes (stored hashed) and returns them to show once. */
export async function issueRecoveryCodes(trx: Executor, userId: number): Promise<string[]> {
  await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: 10 }, recoveryCode);
  await trx
    .insertInto('recovery_code')
    .values(codes.map((c) => ({ user_id: userId, code_hash: sha256(normaliseRecovery(c)), used_at: null })))
    .execute();
  return codes;
}

export type TotpStepResult = { kind: 'ok'; token: string } | { kind: 'wrong' } | { kind: 'throttled'; wait: number };

/**
 * Second step of sign-in: a TOTP code (each usable once) or a recovery code (each usable once).
 * On success the half-signed-in session is replaced by a new, fully signed-in one.
 */
export async function completeTotpSignIn(p: {
  db: Db;
  cipher: FieldCipher;
  userId: number;
  sessionHash: string;
  code: string;
  now: Date;
}): Promise<TotpStepResult> {
  const key = throttleKey('totp', String(p.userId));
  const wait = await throttleWait(p.db, key, p.now);
  if (wait > 0) return { kind: 'throttled', wait };
  return p.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('user')
      .select(['id', 'totp_secret_enc', 'totp_last_step'])
      .where('id', '=', p.userId)
      .executeTakeFirstOrThrow();
    let method: 'totp' | 'recovery' | null = null;
    if (user.totp_secret_enc) {
      const step = checkTotp(
        p.cipher.decrypt(user.totp_secret_enc, 'user.totp_secret'),
        p.code,
        user.totp_last_step,
        p.now,
      );
      if (step !== null) {
        const res = await trx
          .updateTable('user')
          .set({ totp_last_step: step })
          .where('id', '=', user.id)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 1) method = 'totp';
      }
    }
    if (!method) {
      const hash = sha256(normaliseRecovery(p.code));
      const res = await trx
        .updateTable('recovery_code')
        .set({ used_at: p.now.toISOString() })
        .where('user_id', '=', user.id)
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) method = 'recovery';
    }
    if (!method) {
      await recordFailure(trx, key, p.now);
      await appendAudit(trx, {
        actor: userActor(user.id),
        action: 'auth.totp_failed',
        objectType: 'user',
        objectId: user.id,
        at: p.now,
      });
      return { kind: 'wrong' };
    }
    await clearThrottle(trx, key);
    await deleteSession(trx, p.sessionHash);
    const token = await createSession(trx, user.id, 'full', p.now);
    await appendAudit(trx, {
      actor: userActor(user.id),
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      data: { method },
      at: p.now,
    });
    return { kind: 'ok', token };
  });
}
