/**
 * SECURITY.md "Stored data": AES-256-GCM field encryption under a key kept outside the database, with
 * a key id beside each value. Tampering fails loudly; a value is bound to its column; the plaintext
 * is absent from the raw database file; the key file is private and checked; keys rotate.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createFieldCipher, DecryptionError, encryptedColumns } from '../../src/platform/crypto/field-encryption.js';
import { generateKeyFile, KeyFileError, loadOrCreateKeyFile } from '../../src/platform/crypto/key-file.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Flips one bit of the byte at `index` of the envelope's binary payload (iv | ciphertext | tag). */
function flipByte(envelope: string, index: number): string {
  const [tag, keyId, payload] = envelope.split(':') as [string, string, string];
  const raw = Buffer.from(payload, 'base64url');
  raw[index < 0 ? raw.length + index : index]! ^= 0x01;
  return `${tag}:${keyId}:${raw.toString('base64url')}`;
}

describe('field cipher (pure)', () => {
  const cipher = createFieldCipher(generateKeyFile());

  test('round trip, with a fresh IV each time and the key id in the envelope', () => {
    for (const text of ['Айгүл Садыкова', '', 'x'.repeat(10_000), '🙂 emoji and \u0000 nul']) {
      const a = cipher.encrypt(text, 'person.name');
      assert.equal(cipher.decrypt(a, 'person.name'), text);
      assert.notEqual(cipher.encrypt(text, 'person.name'), a, 'the same text encrypts differently each time');
      assert.match(a, new RegExp(`^enc1:${cipher.activeKeyId}:[\\w-]+$`));
      assert.equal(cipher.keyIdOf(a), cipher.activeKeyId);
    }
    assert.equal(cipher.encryptNullable(null, 'x'), null);
    assert.equal(cipher.decryptNullable(null, 'x'), null);
  });

  test('flipping any one byte (IV, ciphertext or tag) makes decryption throw', () => {
    const env = cipher.encrypt('Victim name: Бакыт', 'person.name');
    for (const i of [0, 11, 12, 20, -17, -1])
      assert.throws(() => cipher.decrypt(flipByte(env, i), 'person.name'), DecryptionError, `byte ${i}`);
    assert.throws(() => cipher.decrypt(env.slice(0, -4), 'person.name'), DecryptionError, 'truncated');
    assert.throws(
      () => cipher.decrypt(env.replace(/^enc1/, 'enc2'), 'person.name'),
      DecryptionError,
      'unknown version',
    );
    assert.throws(() => cipher.decrypt('plain text', 'person.name'), DecryptionError);
  });

  test('a value does not decrypt under another context, nor under another key file', () => {
    const env = cipher.encrypt('secret', 'user.totp_secret');
    assert.throws(() => cipher.decrypt(env, 'person.name'), DecryptionError);
    const other = createFieldCipher(generateKeyFile());
    assert.throws(() => other.decrypt(env, 'user.totp_secret'), DecryptionError);
    // The error names the context only, never the value.
    assert.throws(
      () => cipher.decrypt(env, 'person.name'),
      (err: Error) => err.message.includes('person.name') && !err.message.includes(env.split(':')[2]!),
    );
  });
});

describe('key file', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-keys-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('is created with mode 0600 and read back unchanged', () => {
    const file = path.join(dir, 'sub', 'keys.json');
    const first = loadOrCreateKeyFile(file);
    assert.equal(first.created, true);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const second = loadOrCreateKeyFile(file);
    assert.equal(second.created, false);
    assert.deepEqual(second.keys, first.keys);
  });

  test('an unreadable or malformed key file gives a clear KeyFileError and is never replaced', () => {
    const unreadable = path.join(dir, 'is-a-directory.json');
    fs.mkdirSync(unreadable);
    assert.throws(
      () => loadOrCreateKeyFile(unreadable),
      (e: Error) => e instanceof KeyFileError && /cannot be read \(EISDIR\)/.test(e.message),
    );
    const cases: [string, RegExp][] = [
      ['{ not json', /is not valid JSON; restore it from your backup/],
      [JSON.stringify({ version: 2 }), /unknown version/],
      [JSON.stringify({ ...generateKeyFile(), active: 'missing' }), /active key missing is missing/],
      [JSON.stringify({ ...generateKeyFile(), keys: { k1: 'c2hvcnQ=' }, active: 'k1' }), /key k1 is not 32 bytes/],
      [JSON.stringify({ ...generateKeyFile(), hmacSecret: '' }), /hmacSecret/],
    ];
    for (const [text, message] of cases) {
      const file = path.join(dir, 'bad.json');
      fs.writeFileSync(file, text);
      assert.throws(
        () => loadOrCreateKeyFile(file),
        (e: Error) => e instanceof KeyFileError && message.test(e.message),
        text,
      );
      assert.equal(fs.readFileSync(file, 'utf8'), text, 'the bad file is left alone');
    }
  });
});

forEachDialect('encrypted fields in the database', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { sqliteFile: true });
  });
  after(async () => t.close());

  test("the test app's key file is private", () => {
    assert.equal(fs.statSync(t.config.keyFile).mode & 0o777, 0o600);
  });

  test('planted TOTP secrets are absent from the raw database file; an e-mail address (not encrypted) is found', async (ctx) => {
    const admin = await buildUser(t, { role: 'admin' });
    const lawyer = await buildUser(t, { role: 'lawyer', totp: false });
    // An enrolment in progress keeps its secret in the session row.
    const agent = new Agent(t.app);
    await agent.post('/login', { email: lawyer.email, password: lawyer.password });
    const setup = await agent.get('/account/totp/setup');
    const pending = /class="secret">([A-Z2-7 ]+)</.exec(setup.body)![1]!.replace(/ /g, '');
    const row = await t.db.conn.db
      .selectFrom('user')
      .select('totp_secret_enc')
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    assert.match(row.totp_secret_enc!, /^enc1:/);
    assert.equal(t.cipher.decrypt(row.totp_secret_enc!, 'user.totp_secret'), admin.totpSecret);
    if (dialect !== 'sqlite') return ctx.skip('the raw file check reads the SQLite file');
    t.db.conn.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    const files = fs.readdirSync(t.dir).filter((f) => f.startsWith('achyk.sqlite'));
    const raw = Buffer.concat(files.map((f) => fs.readFileSync(path.join(t.dir, f))));
    assert.ok(raw.includes(Buffer.from(admin.email)), 'the search itself works');
    for (const secret of [admin.totpSecret!, pending]) {
      assert.equal(raw.includes(Buffer.from(secret)), false);
      assert.equal(raw.includes(Buffer.from(secret.toLowerCase())), false);
      assert.equal(raw.includes(Buffer.from(secret.slice(0, 16))), false);
    }
  });

  test('`achyk keys rotate` re-encrypts every registered column under a new key id', async () => {
    const user = await buildUser(t, { role: 'coordinator' });
    const db = t.db.conn.db;
    const before = new Map<string, string>();
    for (const col of encryptedColumns) {
      const { rows } = await sql<{
        k: string | number;
        v: string;
      }>`select ${sql.ref(col.key)} as k, ${sql.ref(col.column)} as v from ${sql.table(col.table)} where ${sql.ref(col.column)} is not null`.execute(
        db,
      );
      for (const r of rows) before.set(`${col.table}.${col.column}.${r.k}`, t.cipher.decrypt(r.v, col.context));
    }
    assert.ok(before.has(`user.totp_secret_enc.${user.id}`));
    assert.ok(
      [...before.keys()].some((k) => k.startsWith('session.pending_totp_enc.')),
      'a pending enrolment is re-encrypted too',
    );
    const oldKey = t.cipher.activeKeyId;

    const env: Record<string, string> = { PATH: process.env.PATH ?? '', ACHYK_DATA_DIR: t.dir, LOG_LEVEL: 'silent' };
    if (t.db.config.dialect === 'postgres') env.DATABASE_URL = t.db.config.url;
    const res = spawnSync(process.execPath, [path.join(ROOT, 'bin/achyk.js'), 'keys', 'rotate'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(res.status, 0, res.stderr);
    const { keys } = loadOrCreateKeyFile(t.config.keyFile);
    assert.notEqual(keys.active, oldKey);
    assert.ok(oldKey in keys.keys, 'old keys stay for old backups');
    assert.equal(fs.statSync(t.config.keyFile).mode & 0o777, 0o600);
    assert.match(res.stdout, new RegExp(`New active key ${keys.active}; re-encrypted ${before.size} values`));

    const rotated = createFieldCipher(keys);
    let seen = 0;
    for (const col of encryptedColumns) {
      const { rows } = await sql<{
        k: string | number;
        v: string;
      }>`select ${sql.ref(col.key)} as k, ${sql.ref(col.column)} as v from ${sql.table(col.table)} where ${sql.ref(col.column)} is not null`.execute(
        db,
      );
      for (const r of rows) {
        assert.equal(rotated.keyIdOf(r.v), keys.active, `${col.table}.${col.column}`);
        assert.equal(rotated.decrypt(r.v, col.context), before.get(`${col.table}.${col.column}.${r.k}`));
        seen++;
      }
    }
    assert.equal(seen, before.size);
  });
});
