import type { Selectable } from 'kysely';
import type { Db, UserTable } from '../../../platform/db/database.js';
import { recordAudit, appendAudit } from '../../../platform/audit/audit-log.js';
import {
  dummyHash,
  hashPassword,
  needsRehash,
  verifyPassword,
  type HashParams,
} from '../../../platform/auth/password-hash.js';
import { clearThrottle, recordFailure, throttleKey, throttleWait } from '../../../platform/auth/login-throttle.js';
import { createSession } from '../../../platform/auth/sessions.js';
import { requiresTotp } from '../../../platform/policy/policy.js';
import { findUserByEmail } from '../queries.js';
import { userActor } from '../../../platform/audit/actor.js';

export type SignInResult =
  | { kind: 'throttled'; wait: number }
  | { kind: 'failed' }
  | { kind: 'unconfirmed' }
  | { kind: 'ok'; user: Selectable<UserTable>; token: string; stage: 'full' | 'totp' | 'enrol' };

/**
 * Checks a password sign-in. Throttled per account (known or not); an unknown account spends the same
 * time hashing, so timing does not reveal which addresses have accounts. On success a new session is
 * created in the stage the account needs next (TOTP code, TOTP enrolment, or signed in), and an old
 * password hash is upgraded to the current cost (SECURITY.md: rehash on login).
 */
export async function signIn(p: {
  db: Db;
  email: string;
  password: string;
  hash: HashParams;
  now: Date;
}): Promise<SignInResult> {
  const key = throttleKey('login', p.email);
  const wait = await throttleWait(p.db, key, p.now);
  if (wait > 0) {
    await recordAudit(p.db, { actor: 'anonymous', action: 'auth.login_throttled', data: {}, at: p.now });
    return { kind: 'throttled', wait };
  }
  const user = await findUserByEmail(p.db, p.email);
  const ok = user
    ? await verifyPassword(p.password, user.password_hash)
    : (await verifyPassword(p.password, await dummyHash(p.hash)), false);
  if (!user || !ok || user.status === 'disabled') {
    await p.db.transaction().execute(async (trx) => {
      await recordFailure(trx, key, p.now);
      await appendAudit(trx, {
        actor: 'anonymous',
        action: 'auth.login_failed',
        objectType: user ? 'user' : null,
        objectId: user?.id ?? null,
        data: { reason: !user ? 'unknown_account' : user.status === 'disabled' ? 'disabled' : 'bad_password' },
        at: p.now,
      });
    });
    return { kind: 'failed' };
  }
  if (user.status === 'unconfirmed') return { kind: 'unconfirmed' };
  const stage = user.totp_secret_enc ? 'totp' : requiresTotp(user.role) ? 'enrol' : 'full';
  const rehash = needsRehash(user.password_hash, p.hash) ? await hashPassword(p.password, p.hash) : null;
  const token = await p.db.transaction().execute(async (trx) => {
    await clearThrottle(trx, key);
    if (rehash) await trx.updateTable('user').set({ password_hash: rehash }).where('id', '=', user.id).execute();
    await appendAudit(trx, {
      actor: userActor(user.id),
      action: stage === 'full' ? 'auth.login' : 'auth.password_ok',
      objectType: 'user',
      objectId: user.id,
      data: { stage, rehashed: !!rehash },
      at: p.now,
    });
    return createSession(trx, user.id, stage, p.now);
  });
  return { kind: 'ok', user, token, stage };
}
