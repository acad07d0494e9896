/**
 * `achyk user reset-password` and `achyk user disable` end every way into the account: its sessions
 * and its API tokens (a token made by whoever had the old password must not outlive the reset).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/platform/db/connect.js';
import { capture, cliEnvironment } from '../support/cli.js';
import { forEachDialect } from '../support/dialects.js';

forEachDialect('achyk user reset-password / disable', (dialect) => {
  cliEnvironment(dialect, 'achyk-cli-users-');

  /** The user's live API tokens and sessions, read through a connection of our own. */
  async function access(email: string): Promise<{ tokens: number; sessions: number }> {
    const conn = openDatabase(loadConfig().database);
    try {
      const db = conn.db;
      const user = await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      const tokens = await db
        .selectFrom('api_token')
        .select('id')
        .where('user_id', '=', user.id)
        .where('revoked_at', 'is', null)
        .execute();
      const sessions = await db.selectFrom('session').select('token_hash').where('user_id', '=', user.id).execute();
      return { tokens: tokens.length, sessions: sessions.length };
    } finally {
      await conn.close();
    }
  }

  /** Gives the user an API token and a session, as if they had been using the account. */
  async function useAccount(email: string, n: number): Promise<void> {
    const conn = openDatabase(loadConfig().database);
    try {
      const db = conn.db;
      const at = new Date().toISOString();
      const user = await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      await db
        .insertInto('api_token')
        .values({
          user_id: user.id,
          name: `script ${n}`,
          token_hash: `hash-${dialect}-${n}`,
          prefix: 'achyk_abcd',
          created_at: at,
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
      await db
        .insertInto('session')
        .values({
          token_hash: `session-${dialect}-${n}`,
          user_id: user.id,
          stage: 'full',
          pending_totp_enc: null,
          created_at: at,
          last_seen_at: at,
          reauth_at: at,
        })
        .execute();
    } finally {
      await conn.close();
    }
  }

  test('reset-password and disable revoke the API tokens and end the sessions', async () => {
    const email = `cli-${dialect}@example.org`;
    const added = await capture(() => main(['user', 'add', '--email', email, '--role', 'lawyer']));
    assert.equal(added.code, undefined, added.err);
    await useAccount(email, 1);
    assert.deepEqual(await access(email), { tokens: 1, sessions: 1 });
    const reset = await capture(() => main(['user', 'reset-password', '--email', email]));
    assert.equal(reset.code, undefined, reset.err);
    assert.match(reset.out, /New one-time password/);
    assert.deepEqual(await access(email), { tokens: 0, sessions: 0 });

    await useAccount(email, 2);
    const disabled = await capture(() => main(['user', 'disable', '--email', email]));
    assert.equal(disabled.code, undefined, disabled.err);
    assert.deepEqual(await access(email), { tokens: 0, sessions: 0 });
  });
});
