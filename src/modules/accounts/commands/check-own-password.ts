import type { Db } from '../../../platform/db/database.js';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import { verifyPassword } from '../../../platform/auth/password-hash.js';
import { clearThrottle, recordFailure, throttleKey, throttleWait } from '../../../platform/auth/login-throttle.js';
import { findUserById } from '../queries.js';
import { userActor } from '../../../platform/audit/actor.js';

export type OwnPasswordCheck = { kind: 'ok' } | { kind: 'wrong' } | { kind: 'throttled'; wait: number };

/**
 * Checks the password of a signed-in user (re-authentication, password change) under the sign-in
 * throttle of the same account (SECURITY.md: 5 failures per account per minute), so that a borrowed
 * or stolen session cannot be used to guess the password without limit. Failures are audited.
 */
export async function checkOwnPassword(p: {
  db: Db;
  userId: number;
  password: string;
  failedAction: string;
  now: Date;
}): Promise<OwnPasswordCheck> {
  const user = await findUserById(p.db, p.userId);
  if (!user) return { kind: 'wrong' };
  const key = throttleKey('login', user.email);
  const wait = await throttleWait(p.db, key, p.now);
  if (wait > 0) return { kind: 'throttled', wait };
  if (await verifyPassword(p.password, user.password_hash)) {
    await clearThrottle(p.db, key);
    return { kind: 'ok' };
  }
  await p.db.transaction().execute(async (trx) => {
    await recordFailure(trx, key, p.now);
    await appendAudit(trx, {
      actor: userActor(user.id),
      action: p.failedAction,
      objectType: 'user',
      objectId: user.id,
      at: p.now,
    });
  });
  return { kind: 'wrong' };
}
