/** An API token for a test user, inserted the way /account/tokens does it. */
import crypto from 'node:crypto';
import { sha256 } from '../../src/platform/http/request-context.js';
import type { TestApp } from '../support/test-app.js';

export async function createApiToken(t: TestApp, userId: number): Promise<string> {
  const token = `achyk_${crypto.randomBytes(32).toString('base64url')}`;
  await t.db.conn.db
    .insertInto('api_token')
    .values({
      user_id: userId,
      name: 'test',
      token_hash: sha256(token),
      prefix: token.slice(0, 10),
      created_at: t.clock.now.toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return token;
}
