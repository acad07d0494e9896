/**
 * SECURITY.md "Authentication": 12 to 128 characters of any Unicode, no truncation, common passwords
 * refused; scrypt with N >= 2^17 stored as a self-describing string; a changed cost rehashes at the
 * next sign-in.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { hashPassword, needsRehash, verifyPassword } from '../../src/platform/auth/password-hash.js';
import { checkNewPassword, isCommonPassword } from '../../src/platform/auth/password-rules.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser } from '../support/factories.js';
import { buildTestApp, TEST_SCRYPT_LOG2N, type TestApp } from '../support/test-app.js';

const cheap = { log2n: TEST_SCRYPT_LOG2N, r: 8, p: 1 };
const messages = (pw: string) => checkNewPassword(pw).map((e) => e.message);

describe('password rules (pure)', () => {
  test('11 characters are refused, 12 accepted', () => {
    assert.deepEqual(checkNewPassword('rivers-flow'), [
      { field: 'password', message: 'validation.too_short', params: { min: 12 } },
    ]);
    assert.deepEqual(checkNewPassword('rivers-flows'), []);
  });

  test('length counts code points: 12 with emoji is accepted, 11 with emoji is refused', () => {
    const twelve = 'blue🦄rivers🌊'; // 12 code points, 14 UTF-16 units
    assert.equal([...twelve].length, 12);
    assert.deepEqual(checkNewPassword(twelve), []);
    const eleven = 'blue🦄river🌊';
    assert.equal(eleven.length, 13, 'longer than 12 in UTF-16 units');
    assert.deepEqual(messages(eleven), ['validation.too_short']);
    assert.deepEqual(checkNewPassword('Көк асман, ак булут'), [], 'Cyrillic passphrases are fine');
  });

  test('up to 128 characters; 129 are refused (never truncated)', () => {
    assert.deepEqual(checkNewPassword('a quiet walk '.repeat(10).slice(0, 128)), []);
    assert.deepEqual(checkNewPassword('a quiet walk '.repeat(10).slice(0, 129)), [
      { field: 'password', message: 'validation.too_long', params: { max: 128 } },
    ]);
  });

  test('common passwords and their digit-padded forms are refused', () => {
    for (const pw of [
      'password123456',
      'qwertyuiop123',
      '123456789012',
      'aaaaaaaaaaaa',
      'abcdefghijkl',
      '2024password!',
      'PASSWORD123456',
    ]) {
      assert.deepEqual(messages(pw), ['accounts.password_common'], pw);
      assert.equal(isCommonPassword(pw), true, pw);
    }
    assert.equal(isCommonPassword('correct horse battery staple'), false);
  });

  test('no composition rules: a long lower-case phrase passes', () => {
    assert.deepEqual(checkNewPassword('tea with my grandmother in naryn'), []);
  });
});

describe('password hashing (pure)', () => {
  test('the stored string names scrypt and its parameters, with a random salt', async () => {
    const a = await hashPassword('tea with my grandmother', cheap);
    const b = await hashPassword('tea with my grandmother', cheap);
    assert.match(a, new RegExp(`^\\$scrypt\\$ln=${TEST_SCRYPT_LOG2N},r=8,p=1\\$[\\w-]{22}\\$[\\w-]{43}$`));
    assert.notEqual(a, b, 'a fresh salt each time');
    assert.equal(await verifyPassword('tea with my grandmother', a), true);
    assert.equal(await verifyPassword('tea with my grandmother ', a), false);
    assert.equal(await verifyPassword('tea with my grandmother', 'not a hash'), false);
  });

  test('the production cost is N = 2^17 and the configuration refuses less', async () => {
    const config = loadConfig({ ACHYK_DATA_DIR: '/tmp/achyk-x' });
    assert.equal(config.scryptLog2N, 17);
    const stored = await hashPassword('tea with my grandmother', { log2n: config.scryptLog2N, r: 8, p: 1 });
    assert.match(stored, /^\$scrypt\$ln=17,r=8,p=1\$/);
    assert.equal(await verifyPassword('tea with my grandmother', stored), true);
    assert.throws(
      () => loadConfig({ ACHYK_DATA_DIR: '/tmp/achyk-x', ACHYK_SCRYPT_LOG2N: '16' }),
      /ACHYK_SCRYPT_LOG2N must be an integer from 17 to 22/,
    );
  });

  test('Unicode is normalised, so the same password typed differently still matches', async () => {
    const stored = await hashPassword('caf\u00e9 in bishkek', cheap);
    assert.equal(await verifyPassword('cafe\u0301 in bishkek', stored), true);
  });

  test('needsRehash notices any changed parameter', async () => {
    const stored = await hashPassword('tea with my grandmother', cheap);
    assert.equal(needsRehash(stored, cheap), false);
    assert.equal(needsRehash(stored, { ...cheap, log2n: cheap.log2n + 1 }), true);
    assert.equal(needsRehash(stored, { ...cheap, r: 16 }), true);
    assert.equal(needsRehash(stored, { ...cheap, p: 2 }), true);
    assert.equal(needsRehash('$argon2id$v=19$m=65536,t=3,p=1$x$y', cheap), true);
  });
});

forEachDialect('rehash at sign-in', (dialect) => {
  let t: TestApp;
  let upgraded: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
    // The same database served by an app configured with a higher cost.
    upgraded = await buildTestApp(dialect, { scryptLog2N: TEST_SCRYPT_LOG2N + 1, reuse: { db: t.db, dir: t.dir } });
  });
  after(async () => {
    await upgraded.close();
    await t.close();
  });

  test('a changed cost parameter rehashes the stored password at the next sign-in, once', async () => {
    const user = await buildUser(t);
    const stored = async () =>
      (
        await t.db.conn.db
          .selectFrom('user')
          .select('password_hash')
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).password_hash;
    const old = await stored();
    assert.match(old, new RegExp(`^\\$scrypt\\$ln=${TEST_SCRYPT_LOG2N},`));

    // A failed sign-in changes nothing.
    assert.equal(
      (await new Agent(upgraded.app).post('/login', { email: user.email, password: 'not the password at all' }))
        .statusCode,
      422,
    );
    assert.equal(await stored(), old);

    assert.equal(
      (await new Agent(upgraded.app).post('/login', { email: user.email, password: user.password })).statusCode,
      303,
    );
    const renewed = await stored();
    assert.notEqual(renewed, old);
    assert.match(renewed, new RegExp(`^\\$scrypt\\$ln=${TEST_SCRYPT_LOG2N + 1},r=8,p=1\\$`));
    assert.equal(await verifyPassword(user.password, renewed), true);
    const audit = await t.db.conn.db
      .selectFrom('audit_event')
      .select('data')
      .where('action', '=', 'auth.login')
      .where('object_id', '=', String(user.id))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.data), { rehashed: true, stage: 'full' });

    // Signed in again at the same cost: no second rehash.
    assert.equal(
      (await new Agent(upgraded.app).post('/login', { email: user.email, password: user.password })).statusCode,
      303,
    );
    assert.equal(await stored(), renewed);
  });
});
