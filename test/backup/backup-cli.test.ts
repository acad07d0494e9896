import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { databaseDigest } from '../../src/platform/backup/table-digest.js';
import { appliedMigrations, listTables } from '../../src/platform/backup/schema-info.js';
import { verifyAuditChain } from '../../src/platform/audit/audit-log.js';
import { createFieldCipher } from '../../src/platform/crypto/field-encryption.js';
import { loadOrCreateKeyFile } from '../../src/platform/crypto/key-file.js';
import { openDatabase } from '../../src/platform/db/connect.js';
import { createUser } from '../../src/modules/accounts/commands/create-user.js';
import { createPgDatabase, openTestDatabase, pgAvailable } from '../support/dialects.js';
import { TEST_SCRYPT_LOG2N } from '../support/test-app.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLANTED = 'planted TOTP secret JBSWY3DPEHPK3PXP';

/** Runs the real `achyk` command as an operator would, with `npm start`'s data layout under dataDir. */
function achyk(args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [path.join(ROOT, 'bin/achyk.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ACHYK_KEY_FILE: '', ...env },
    timeout: 120_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('achyk backup / achyk restore', () => {
  let dir: string;
  let source: string;
  let file: string;
  let sourceDigest: Awaited<ReturnType<typeof databaseDigest>>;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-backup-cli-'));
    source = path.join(dir, 'source');
    file = path.join(dir, 'backups', 'achyk.backup.gz');
    // An installation as `npm start` lays it out: data/achyk.sqlite and data/keys.json.
    const db = await openTestDatabase('sqlite', { file: path.join(source, 'achyk.sqlite') });
    const cipher = createFieldCipher(loadOrCreateKeyFile(path.join(source, 'keys.json')).keys);
    const now = new Date('2026-03-02T06:00:00Z');
    for (const role of ['admin', 'lawyer', 'citizen'] as const) {
      const id = await db.conn.db.transaction().execute((trx) =>
        createUser({
          trx,
          email: `${role}@example.org`,
          displayName: role,
          role,
          password: `correct horse battery ${role}`,
          status: 'active',
          actor: 'test',
          hash: { log2n: TEST_SCRYPT_LOG2N, r: 8, p: 1 },
          now,
        }),
      );
      if (role === 'admin')
        await db.conn.db
          .updateTable('user')
          .set({ totp_secret_enc: cipher.encrypt(PLANTED, 'user.totp_secret') })
          .where('id', '=', id)
          .execute();
    }
    sourceDigest = await databaseDigest(db.conn.db, 'sqlite');
    await db.close();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('backup writes an archive that verifies and holds no plaintext of encrypted fields', () => {
    const res = achyk(['backup', file], { ACHYK_DATA_DIR: source });
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /Backed up \d+ rows in \d+ tables to .*achyk\.backup\.gz/);
    assert.match(res.stdout, /keep a copy of the key file/);
    assert.equal(res.stderr, '', 'no progress bar when the output is not a terminal');
    assert.equal(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').includes(PLANTED), false);

    const verify = achyk(['backup', '--verify', file], { ACHYK_DATA_DIR: source });
    assert.equal(verify.status, 0, verify.stderr);
    assert.match(verify.stdout, /is complete and intact: \d+ rows in \d+ tables/);
  });

  test('restore refuses to go on without the key file, then restores into SQLite once it is in place', async () => {
    const target = path.join(dir, 'target-sqlite');
    const refused = achyk(['restore', file], { ACHYK_DATA_DIR: target });
    assert.equal(refused.status, 1);
    assert.match(
      refused.stderr,
      /Not restoring: the archive holds values encrypted with key\(s\) .* there is no key file at .*keys\.json/,
    );
    assert.equal(fs.existsSync(path.join(target, 'keys.json')), false, 'no new key file was made up');
    const untouched = openDatabase({ dialect: 'sqlite', file: path.join(target, 'achyk.sqlite') });
    try {
      assert.deepEqual(await listTables(untouched.db, 'sqlite'), []);
      assert.deepEqual(await appliedMigrations(untouched.db, 'sqlite'), []);
    } finally {
      await untouched.close();
    }

    fs.copyFileSync(path.join(source, 'keys.json'), path.join(target, 'keys.json'));
    const res = achyk(['restore', file], { ACHYK_DATA_DIR: target });
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /Restored \d+ rows in \d+ tables into the sqlite database\./);
    assert.match(res.stdout, /Audit chain OK: 3 entries verified\./);
    const restored = openDatabase({ dialect: 'sqlite', file: path.join(target, 'achyk.sqlite') });
    try {
      assert.deepEqual(await databaseDigest(restored.db, 'sqlite'), sourceDigest);
    } finally {
      await restored.close();
    }
  });

  test(
    'restore moves the SQLite installation to PostgreSQL',
    { skip: !pgAvailable() && 'no PostgreSQL server (run through npm test)' },
    async () => {
      const pgDb = await createPgDatabase();
      try {
        const res = achyk(['restore', file], { ACHYK_DATA_DIR: source, DATABASE_URL: pgDb.url });
        assert.equal(res.status, 0, res.stderr);
        assert.match(res.stdout, /into the postgres database/);
        const conn = openDatabase({ dialect: 'postgres', url: pgDb.url });
        try {
          assert.deepEqual(await databaseDigest(conn.db, 'postgres'), sourceDigest);
          assert.ok((await verifyAuditChain(conn.db)).ok);
          const admin = await conn.db
            .selectFrom('user')
            .select('totp_secret_enc')
            .where('email', '=', 'admin@example.org')
            .executeTakeFirstOrThrow();
          const cipher = createFieldCipher(loadOrCreateKeyFile(path.join(source, 'keys.json')).keys);
          assert.equal(cipher.decrypt(admin.totp_secret_enc!, 'user.totp_secret'), PLANTED);
        } finally {
          await conn.close();
        }
      } finally {
        await pgDb.drop();
      }
    },
  );
});
