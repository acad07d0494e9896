/** Factories that make tests short: users of each role, signed-in agents. */
import type { Role } from '../../src/platform/db/database.js';
import { totpCode, newTotpSecret } from '../../src/platform/auth/totp.js';
import { createUser } from '../../src/modules/accounts/commands/create-user.js';
import { Agent } from './agent.js';
import { TEST_SCRYPT_LOG2N, type TestApp } from './test-app.js';

let counter = 0;

export interface TestUser {
  id: number;
  email: string;
  password: string;
  role: Role;
  totpSecret: string | null;
}

/** Creates an active user; staff roles get TOTP set up (as the policy requires). */
export async function buildUser(t: TestApp, overrides: Partial<{ role: Role; email: string; password: string; totp: boolean; status: 'active' | 'unconfirmed' | 'disabled' }> = {}): Promise<TestUser> {
  counter++;
  const role = overrides.role ?? 'citizen';
  const email = overrides.email ?? `user${counter}.${role}@example.org`;
  const password = overrides.password ?? `correct horse battery ${counter}`;
  const db = t.db.conn.db;
  const id = await db.transaction().execute((trx) =>
    createUser({ trx, email, displayName: `Test ${role} ${counter}`, role, password, status: overrides.status ?? 'active', actor: 'test', hash: { log2n: TEST_SCRYPT_LOG2N, r: 8, p: 1 }, now: t.clock.now }),
  );
  let totpSecret: string | null = null;
  if (overrides.totp ?? role !== 'citizen') {
    totpSecret = newTotpSecret();
    await db.updateTable('user').set({ totp_secret_enc: t.cipher.encrypt(totpSecret, 'user.totp_secret') }).where('id', '=', id).execute();
  }
  return { id, email, password, role, totpSecret };
}

/** Signs the user in through the real forms (password, then TOTP when enabled). */
export async function signIn(t: TestApp, user: TestUser, agent = new Agent(t.app)): Promise<Agent> {
  const res = await agent.post('/login', { email: user.email, password: user.password });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
  if (res.headers.location === '/login/totp') {
    // Move the clock past the last used step so each sign-in can use a fresh code.
    t.clock.advance(30_000);
    const r2 = await agent.post('/login/totp', { code: totpCode(user.totpSecret!, t.clock.now) });
    if (r2.statusCode !== 303) throw new Error(`TOTP step failed: ${r2.statusCode}`);
  }
  return agent;
}
