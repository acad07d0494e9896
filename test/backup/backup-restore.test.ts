import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { Migrator, sql, type Kysely } from 'kysely';
import { appendAudit, recordAudit, verifyAuditChain } from '../../src/platform/audit/audit-log.js';
import {
  ArchiveError,
  RestoreRefusedError,
  decodeValue,
  encodeValue,
  isArchiveValue,
} from '../../src/platform/backup/archive-format.js';
import { backupDatabase } from '../../src/platform/backup/backup.js';
import { restoreDatabase } from '../../src/platform/backup/restore.js';
import { appliedMigrations, listTables, loadOrder } from '../../src/platform/backup/schema-info.js';
import { databaseDigest } from '../../src/platform/backup/table-digest.js';
import { verifyArchive } from '../../src/platform/backup/verify-archive.js';
import { openDatabase, type Dialect } from '../../src/platform/db/connect.js';
import type { Database } from '../../src/platform/db/database.js';
import { migrations } from '../../src/bootstrap.js';
import { seedDirectory } from '../../src/modules/directory/seed.js';
import { DIALECTS, forEachDialect, openTestDatabase, pgAvailable, type TestDatabase } from '../support/dialects.js';
import { buildUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const PLANTED = 'planted secret: жалоба № 4711 on the Bishkek detention centre';
const TRICKY = 'line\nbreak, "quotes", back\\slash, \u2028 separator, emoji 🎉, кыргызча: өңү';
const FOUNDATION = '2026-11-28-0000-foundation';

/** Target dialects available in this run (PostgreSQL only when the test server runs). */
const targets = (): Dialect[] => DIALECTS.filter((d) => d === 'sqlite' || pgAvailable());

async function assertUntouched(target: TestDatabase): Promise<void> {
  assert.deepEqual(
    await appliedMigrations(target.conn.db, target.conn.dialect),
    [],
    'the target was not even migrated',
  );
  assert.deepEqual(await listTables(target.conn.db, target.conn.dialect), [], 'the target has no tables');
}

/** A user row inserted directly (no id: the database picks the next one). */
async function insertUser(db: Kysely<Database>, email: string): Promise<number> {
  const at = '2026-03-02T06:00:00.000Z';
  const row = await db
    .insertInto('user')
    .values({
      email,
      display_name: 'New',
      role: 'citizen',
      password_hash: 'x',
      status: 'active',
      locale: null,
      totp_secret_enc: null,
      totp_last_step: null,
      password_changed_at: at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Rewrites an archive's counts and checksums after a test edited its rows: an archive that passes
 * every check yet breaks the database's constraints, as a buggy or hostile tool could make.
 */
function reseal(text: string): Buffer {
  const lines = text.split('\n').filter((l) => l !== '');
  const out: string[] = [];
  const header = JSON.parse(lines[0]!);
  let rows: string[] = [];
  let total = 0;
  for (const line of lines.slice(1, -1)) {
    if (line.startsWith('[')) {
      rows.push(line);
      continue;
    }
    const v = JSON.parse(line);
    if (v.type === 'table') rows = [];
    if (v.type === 'table-end') {
      v.rows = rows.length;
      v.sha256 = crypto
        .createHash('sha256')
        .update(rows.map((r) => r + '\n').join(''))
        .digest('hex');
      header.tables.find((t: { name: string }) => t.name === v.name).rows = rows.length;
      total += rows.length;
      out.push(...rows);
    }
    out.push(JSON.stringify(v));
  }
  header.totalRows = total;
  out.unshift(JSON.stringify(header));
  const body = out.map((l) => l + '\n').join('');
  const trailer = {
    type: 'trailer',
    tables: header.tables.length,
    rows: total,
    sha256: crypto.createHash('sha256').update(body).digest('hex'),
  };
  return zlib.gzipSync(body + JSON.stringify(trailer) + '\n');
}

describe('backup internals', () => {
  test('values the schema does not use still round-trip losslessly', () => {
    for (const v of [null, 0, -1.5, 'text', Buffer.from([0, 255, 10]), 2n ** 64n, NaN, Infinity, -Infinity]) {
      const encoded = JSON.parse(JSON.stringify(encodeValue(v, 't.c')));
      assert.ok(isArchiveValue(encoded));
      assert.deepEqual(decodeValue(encoded), v);
    }
    assert.equal(encodeValue(new Date('2026-01-02T03:04:05Z'), 't.c'), '2026-01-02T03:04:05.000Z');
    assert.throws(() => encodeValue({ a: 1 }, 't.c'), ArchiveError);
    assert.equal(isArchiveValue({ $b64: 'not base64!' }), false);
    assert.equal(isArchiveValue([1]), false);
  });

  test('tables load after the tables they refer to, in creation order otherwise', () => {
    const order = loadOrder([
      { name: 'a', parents: ['c'] }, // a key added later, pointing at a table created after it
      { name: 'b', parents: [] },
      { name: 'c', parents: ['b'] },
      { name: 'd', parents: ['d'] }, // a self-reference does not block
      { name: 'e', parents: ['f'] }, // a cycle: taken in creation order
      { name: 'f', parents: ['e'] },
    ]);
    assert.deepEqual(order, ['b', 'c', 'a', 'd', 'e', 'f']);
  });

  test('SQLite search indexes (virtual tables and their shadow tables) are derived data and not copied', async () => {
    const conn = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    try {
      await sql`create table note (id integer primary key, body text)`.execute(conn.db);
      await sql`create virtual table note_search using fts5(body, content = 'note', content_rowid = 'id')`.execute(
        conn.db,
      );
      assert.deepEqual(await listTables(conn.db, 'sqlite'), [
        { name: 'note', columns: ['id', 'body'], primaryKey: ['id'] },
      ]);
    } finally {
      await conn.close();
    }
  });
});

forEachDialect('backup and restore', (dialect) => {
  let t: TestApp;
  let dir: string;
  let archive: string;
  let deletedId: number;
  let plantedUserId: number;

  before(async () => {
    t = await buildTestApp(dialect, { sqliteFile: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-backup-'));
    const db = t.db.conn.db;
    await buildUser(t, { role: 'admin' });
    await buildUser(t, { role: 'lawyer' });
    const citizen = await buildUser(t, { role: 'citizen' });
    plantedUserId = citizen.id;
    await db
      .updateTable('user')
      .set({ totp_secret_enc: t.cipher.encrypt(PLANTED, 'user.totp_secret'), display_name: TRICKY })
      .where('id', '=', citizen.id)
      .execute();
    await recordAudit(db, {
      actor: 'test',
      action: 'test.event',
      objectType: 'user',
      objectId: citizen.id,
      data: { n: 1 },
    });
    await db
      .insertInto('setting')
      .values({ key: 'note', value: TRICKY, updated_at: '2026-03-02T06:00:00.000Z' })
      .execute();
    // The newest user is deleted: a restore must not hand its id out again (audit entries still name it).
    const gone = await buildUser(t);
    deletedId = gone.id;
    await db.deleteFrom('user').where('id', '=', gone.id).execute();
    archive = path.join(dir, 'achyk.backup.gz');
    await backupDatabase({ db, dialect, file: archive });
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the archive verifies and names the encryption keys its values need', async () => {
    const summary = await verifyArchive(archive);
    assert.equal(summary.header.dialect, dialect);
    assert.deepEqual(summary.header.migrations, Object.keys(migrations).sort());
    assert.ok(!summary.tables.some((x) => x.name.startsWith('kysely_') || x.name.startsWith('sqlite_')));
    assert.equal(summary.tables.find((x) => x.name === 'user')!.rows, 3);
    assert.deepEqual(summary.keyIds, [t.cipher.activeKeyId]);
    assert.equal(fs.existsSync(`${archive}.tmp`), false);
    assert.equal(fs.statSync(archive).mode & 0o777, 0o600);
  });

  test('the plaintext of an encrypted field never appears in the archive, only its ciphertext', async () => {
    const text = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8');
    assert.equal(text.includes(PLANTED), false);
    assert.equal(text.includes('жалоба'), false);
    const envelope = (
      await t.db.conn.db
        .selectFrom('user')
        .select('totp_secret_enc')
        .where('id', '=', plantedUserId)
        .executeTakeFirstOrThrow()
    ).totp_secret_enc!;
    assert.ok(text.includes(envelope));
  });

  for (const target of targets()) {
    test(`restores into a fresh ${target} database with identical content and a valid audit chain`, async () => {
      const fresh = await openTestDatabase(target, { migrate: false });
      try {
        const phases = new Set<string>();
        const result = await restoreDatabase({
          db: fresh.conn.db,
          dialect: target,
          file: archive,
          migrations,
          onProgress: (p) => phases.add(p.phase),
        });
        assert.deepEqual([...phases], ['verify', 'load']);
        assert.deepEqual(result.migratedAfterLoad, []);
        assert.deepEqual(await databaseDigest(fresh.conn.db, target), await databaseDigest(t.db.conn.db, dialect));
        const audit = await verifyAuditChain(fresh.conn.db);
        assert.ok(audit.ok, audit.problem ?? '');
        assert.ok(audit.checked >= 5);
        const planted = await fresh.conn.db
          .selectFrom('user')
          .select(['totp_secret_enc', 'display_name'])
          .where('id', '=', plantedUserId)
          .executeTakeFirstOrThrow();
        assert.equal(t.cipher.decrypt(planted.totp_secret_enc!, 'user.totp_secret'), PLANTED);
        assert.equal(planted.display_name, TRICKY);
        // Counters continue after the deleted newest user instead of reusing its id.
        assert.equal(await insertUser(fresh.conn.db, 'after-restore@example.org'), deletedId + 1);
      } finally {
        await fresh.close();
      }
    });
  }

  test('restores into a database that was migrated but never used (the seed audit head is replaced)', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: true });
    try {
      await restoreDatabase({ db: fresh.conn.db, dialect, file: archive, migrations });
      assert.deepEqual(await databaseDigest(fresh.conn.db, dialect), await databaseDigest(t.db.conn.db, dialect));
      assert.ok((await verifyAuditChain(fresh.conn.db)).ok);
    } finally {
      await fresh.close();
    }
  });

  test('a truncated archive is refused before anything is written', async () => {
    const bytes = fs.readFileSync(archive);
    const fresh = await openTestDatabase(dialect, { migrate: false });
    try {
      for (const length of [bytes.length - 1, bytes.length - 8, Math.floor(bytes.length / 2), 20, 0]) {
        const cut = path.join(dir, `cut-${length}.gz`);
        fs.writeFileSync(cut, bytes.subarray(0, length));
        await assert.rejects(restoreDatabase({ db: fresh.conn.db, dialect, file: cut, migrations }), (err: Error) => {
          assert.ok(err instanceof ArchiveError, `${length}: ${err.message}`);
          assert.match(err.message, /truncated|empty/);
          return true;
        });
      }
      // Cut at a line boundary inside valid gzip: only the missing trailer tells.
      const lines = zlib.gunzipSync(bytes).toString('utf8').split('\n');
      const noTrailer = path.join(dir, 'no-trailer.gz');
      fs.writeFileSync(noTrailer, zlib.gzipSync(lines.slice(0, -2).join('\n') + '\n'));
      await assert.rejects(
        restoreDatabase({ db: fresh.conn.db, dialect, file: noTrailer, migrations }),
        /truncated: it ends after \d+ of \d+ tables|without its final line/,
      );
      await assertUntouched(fresh);
    } finally {
      await fresh.close();
    }
  });

  test('an archive with one byte flipped is refused before anything is written', async () => {
    const bytes = fs.readFileSync(archive);
    // The gzip header and the CRC and length at the end byte by byte, the compressed rows sampled
    // (every position takes seconds on both dialects for no more assurance).
    const n = bytes.length;
    const positions = new Set<number>();
    for (let i = 0; i < 32; i++) positions.add(i).add(n - 1 - i);
    for (let i = 32; i < n - 32; i += Math.ceil(n / 150)) positions.add(i);
    for (const at of positions) {
      const flipped = Buffer.from(bytes);
      flipped[at] = flipped[at]! ^ 0xff;
      const file = path.join(dir, 'flip.gz');
      fs.writeFileSync(file, flipped);
      await assert.rejects(
        verifyArchive(file),
        ArchiveError,
        `a flipped byte ${at} of ${bytes.length} was not noticed`,
      );
    }
    const fresh = await openTestDatabase(dialect, { migrate: false });
    try {
      for (const at of [0, 5, 9, 10, Math.floor(n / 3), Math.floor(n / 2), n - 8, n - 1]) {
        const flipped = Buffer.from(bytes);
        flipped[at] = flipped[at]! ^ 0xff;
        const file = path.join(dir, `flip-${at}.gz`);
        fs.writeFileSync(file, flipped);
        await assert.rejects(restoreDatabase({ db: fresh.conn.db, dialect, file, migrations }), ArchiveError);
      }
      await assertUntouched(fresh);
    } finally {
      await fresh.close();
    }
  });

  test('a changed row inside a well-formed gzip stream fails its table checksum', async () => {
    const text = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8');
    const fresh = await openTestDatabase(dialect, { migrate: false });
    try {
      const edited = path.join(dir, 'edited.gz');
      fs.writeFileSync(edited, zlib.gzipSync(text.replace('"citizen"', '"admin"')));
      await assert.rejects(
        restoreDatabase({ db: fresh.conn.db, dialect, file: edited, migrations }),
        /the checksum of table user does not match/,
      );
      const header = path.join(dir, 'header.gz');
      fs.writeFileSync(
        header,
        zlib.gzipSync(
          text.replace(`"dialect":"${dialect}"`, `"dialect":"${dialect === 'sqlite' ? 'postgres' : 'sqlite'}"`),
        ),
      );
      await assert.rejects(
        restoreDatabase({ db: fresh.conn.db, dialect, file: header, migrations }),
        /archive checksum does not match/,
      );
      const garbage = path.join(dir, 'garbage.gz');
      fs.writeFileSync(garbage, 'this is not a backup at all');
      await assert.rejects(restoreDatabase({ db: fresh.conn.db, dialect, file: garbage, migrations }), ArchiveError);
      await assertUntouched(fresh);
    } finally {
      await fresh.close();
    }
  });

  test('an archive that passes its checks but breaks a constraint rolls back completely; a good one then loads', async () => {
    const text = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8');
    const lines = text.split('\n');
    const userRow = lines.findIndex(
      (l, i) => i > 0 && l.startsWith('[') && lines.slice(0, i).some((x) => x.includes('"type":"table","name":"user"')),
    );
    const duplicate = [...lines.slice(0, userRow + 1), lines[userRow]!, ...lines.slice(userRow + 1)].join('\n');
    // A recovery code pointing at a user that does not exist (checked at the end on SQLite, at once on PostgreSQL).
    const codeTable = lines.findIndex((l) => l.includes('"type":"table","name":"recovery_code"'));
    const columns: string[] = JSON.parse(lines[codeTable]!).columns;
    const orphan = columns.map((c) => (c === 'id' ? 999 : c === 'user_id' ? 4242 : c === 'code_hash' ? 'x' : null));
    const dangling = [...lines.slice(0, codeTable + 1), JSON.stringify(orphan), ...lines.slice(codeTable + 1)].join(
      '\n',
    );
    const fresh = await openTestDatabase(dialect, { migrate: false });
    try {
      for (const [name, edited, problem] of [
        ['duplicate', duplicate, /unique|primary key|duplicate/i],
        ['dangling', dangling, /foreign key/i],
      ] as const) {
        const file = path.join(dir, `${name}.gz`);
        fs.writeFileSync(file, reseal(edited));
        await verifyArchive(file);
        await assert.rejects(restoreDatabase({ db: fresh.conn.db, dialect, file, migrations }), problem);
        const users = await fresh.conn.db.selectFrom('user').select('id').execute();
        assert.deepEqual(users, [], `${name}: nothing was loaded`);
        const audit = await fresh.conn.db.selectFrom('audit_event').select('seq').execute();
        assert.deepEqual(audit, []);
      }
      await restoreDatabase({ db: fresh.conn.db, dialect, file: archive, migrations });
      assert.deepEqual(await databaseDigest(fresh.conn.db, dialect), await databaseDigest(t.db.conn.db, dialect));
      if (dialect === 'sqlite') {
        const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(fresh.conn.db);
        assert.equal(fk.rows[0]!.foreign_keys, 1, 'foreign keys are on again after the load');
      }
    } finally {
      await fresh.close();
    }
  });

  test('restore into a database in use is refused with a clear message and changes nothing', async () => {
    const before = await databaseDigest(t.db.conn.db, dialect);
    await assert.rejects(restoreDatabase({ db: t.db.conn.db, dialect, file: archive, migrations }), (err: Error) => {
      assert.ok(err instanceof RestoreRefusedError);
      assert.match(err.message, /The target database is not empty \(user: 3 rows, .*audit_event: \d+ rows/);
      assert.match(err.message, /only loads into a new, empty database/);
      return true;
    });
    assert.deepEqual(await databaseDigest(t.db.conn.db, dialect), before);

    const foreign = await openTestDatabase(dialect, { migrate: false });
    try {
      await foreign.conn.db.schema
        .createTable('someone_elses')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .execute();
      await assert.rejects(
        restoreDatabase({ db: foreign.conn.db, dialect, file: archive, migrations }),
        /has tables \(someone_elses\) but was not created by Achyk/,
      );
    } finally {
      await foreign.close();
    }
  });

  test('an archive from a version with migrations this code does not know is refused', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    try {
      const older = { [FOUNDATION]: migrations[FOUNDATION]! };
      await assert.rejects(
        restoreDatabase({ db: fresh.conn.db, dialect, file: archive, migrations: older }),
        (err: Error) => {
          assert.ok(err instanceof RestoreRefusedError);
          assert.match(err.message, /made by a newer or different version of Achyk/);
          return true;
        },
      );
      await assertUntouched(fresh);
    } finally {
      await fresh.close();
    }
  });

  test('an archive from an older schema is loaded at its level and then migrated to the latest', async () => {
    const old = await openTestDatabase(dialect, { migrate: false });
    const fresh = await openTestDatabase(dialect, { migrate: false });
    try {
      const migrator = new Migrator({
        db: old.conn.db,
        provider: { getMigrations: async () => ({ [FOUNDATION]: migrations[FOUNDATION]! }) },
      });
      assert.equal((await migrator.migrateToLatest()).error, undefined);
      const id = await insertUser(old.conn.db, 'old@example.org');
      await recordAudit(old.conn.db, { actor: 'test', action: 'user.create', objectType: 'user', objectId: id });
      const file = path.join(dir, 'old.gz');
      await backupDatabase({ db: old.conn.db, dialect, file });
      const result = await restoreDatabase({ db: fresh.conn.db, dialect, file, migrations });
      const later = Object.keys(migrations).sort().slice(1);
      assert.deepEqual(result.migratedAfterLoad, later);
      assert.deepEqual(await appliedMigrations(fresh.conn.db, dialect), Object.keys(migrations).sort());
      const user = await fresh.conn.db
        .selectFrom('user')
        .select('email')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(user.email, 'old@example.org');
      assert.ok((await verifyAuditChain(fresh.conn.db)).ok);
    } finally {
      await old.close();
      await fresh.close();
    }
  });

  test('the shipped directory (tables that refer to themselves) round-trips into both dialects', async () => {
    const source = await buildTestApp(dialect);
    try {
      await source.db.conn.db.transaction().execute((trx) => seedDirectory(trx, source.clock.now));
      const file = path.join(dir, 'directory.gz');
      await backupDatabase({ db: source.db.conn.db, dialect, file });
      const expected = await databaseDigest(source.db.conn.db, dialect);
      assert.ok(expected.territory!.rows > 100 && expected.body!.rows > 100);
      for (const target of targets()) {
        const fresh = await openTestDatabase(target, { migrate: false });
        try {
          await restoreDatabase({ db: fresh.conn.db, dialect: target, file, migrations });
          assert.deepEqual(await databaseDigest(fresh.conn.db, target), expected);
          assert.ok((await verifyAuditChain(fresh.conn.db)).ok);
        } finally {
          await fresh.close();
        }
      }
    } finally {
      await source.close();
    }
  });

  test('a backup refuses to replace an existing file unless asked to', async () => {
    await assert.rejects(backupDatabase({ db: t.db.conn.db, dialect, file: archive }), /already exists/);
    const again = await backupDatabase({ db: t.db.conn.db, dialect, file: archive, overwrite: true });
    assert.equal(again.tables.find((x) => x.name === 'user')!.rows, 3);
  });

  test('a backup taken while writes continue restores to a consistent database', async () => {
    const db = t.db.conn.db;
    // Enough rows that the backup reads several pages while the writer commits in between.
    const at = '2026-03-02T06:00:00.000Z';
    for (let i = 0; i < 30_000; i += 500) {
      const rows = Array.from({ length: 500 }, (_, j) => ({
        key: `fill-${String(i + j).padStart(6, '0')}`,
        failures: 0,
        window_start: at,
        locked_until: null,
        lockouts: 0,
      }));
      await db.insertInto('login_throttle').values(rows).execute();
    }
    let stop = false;
    let writes = 0;
    // Each write is a row plus the audit entry recording it, in one transaction: a consistent snapshot
    // has both or neither, and its audit head matches its last entry.
    const writer = (async () => {
      while (!stop) {
        const key = `w-${writes + 1}`;
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('login_throttle')
            .values({ key, failures: 1, window_start: at, locked_until: null, lockouts: 0 })
            .execute();
          await appendAudit(trx, { actor: 'test', action: 'test.write', objectType: 'login_throttle', objectId: key });
        });
        writes++;
        // Let the backup's stream events run between commits (SQLite's driver answers synchronously).
        await new Promise((r) => setImmediate(r));
      }
    })();
    // SQLite: the backup reads through its own connection, as `achyk backup` beside a running server does.
    const reader = dialect === 'sqlite' ? openDatabase(t.db.config) : null;
    const file = path.join(dir, 'during-writes.gz');
    let writesAtStart = -1;
    try {
      while (writes < 5) await new Promise((r) => setTimeout(r, 5));
      await backupDatabase({
        db: reader?.db ?? db,
        dialect,
        file,
        onProgress: () => {
          if (writesAtStart < 0) writesAtStart = writes;
        },
      });
    } finally {
      const writesAtEnd = writes;
      stop = true;
      await writer;
      await reader?.close();
      assert.ok(writesAtEnd > writesAtStart, `writes went on during the backup (${writesAtStart} → ${writesAtEnd})`);
    }
    for (const target of targets()) {
      const fresh = await openTestDatabase(target, { migrate: false });
      try {
        await restoreDatabase({ db: fresh.conn.db, dialect: target, file, migrations });
        const audit = await verifyAuditChain(fresh.conn.db);
        assert.ok(audit.ok, audit.problem ?? '');
        const keys = (
          await fresh.conn.db.selectFrom('login_throttle').select('key').where('key', 'like', 'w-%').execute()
        )
          .map((r) => r.key)
          .sort();
        const audited = (
          await fresh.conn.db.selectFrom('audit_event').select('object_id').where('action', '=', 'test.write').execute()
        )
          .map((r) => r.object_id!)
          .sort();
        assert.deepEqual(keys, audited);
        assert.ok(keys.length >= 5 && keys.length < writes, `the snapshot holds ${keys.length} of ${writes} writes`);
        assert.equal(
          (
            await fresh.conn.db
              .selectFrom('login_throttle')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('key', 'like', 'fill-%')
              .executeTakeFirstOrThrow()
          ).n,
          30_000,
        );
      } finally {
        await fresh.close();
      }
    }
  });
});
