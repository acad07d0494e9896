/**
 * Issue #10 part 5, backup and restore under concurrent writes. While several writers keep
 * committing transactions that each touch four tables (insert a row, update a shared counter, delete
 * a row, append an audit entry), `backupDatabase` runs (on SQLite through its own connection, as
 * `achyk backup` beside a running server does). The archive is restored into a fresh SQLite and a
 * fresh PostgreSQL database, and:
 *  - every transaction is in the restore wholly or not at all (all four effects, or none);
 *  - every write acknowledged before the backup started is in it; none acknowledged after it ended;
 *  - each table's content hash equals the source's hash at the snapshot: tables the writers did not
 *    touch hash as the source does now, and the touched ones as the source's rows with the
 *    transactions the snapshot did not see taken back out (their effects are known exactly);
 *  - the audit chain of the restore verifies, and its head is the snapshot's last entry.
 * Then a corrupted archive (a flipped byte, a truncation, a table checksum that does not match, a
 * changed row whose table checksum was recomputed) is refused before anything is written, on both
 * target dialects, and by the real `achyk restore` too.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, test } from 'node:test';
import { appendAudit, verifyAuditChain } from '../../src/platform/audit/audit-log.js';
import { ArchiveError } from '../../src/platform/backup/archive-format.js';
import { backupDatabase } from '../../src/platform/backup/backup.js';
import { restoreDatabase } from '../../src/platform/backup/restore.js';
import { appliedMigrations, listTables } from '../../src/platform/backup/schema-info.js';
import { databaseDigest, type TableDigest } from '../../src/platform/backup/table-digest.js';
import { openDatabase, type Dialect } from '../../src/platform/db/connect.js';
import type { Db } from '../../src/platform/db/database.js';
import { DIALECTS, forEachDialect, openTestDatabase, pgAvailable } from '../support/dialects.js';
import { migrations } from '../../src/bootstrap.js';
import { buildUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { achyk } from './support/achyk-cli.js';
import { rowsDigest, tableRows, type Row } from './support/snapshot-digest.js';

const targets = (): Dialect[] => DIALECTS.filter((d) => d === 'sqlite' || pgAvailable());
const FILL = 12_000; // rows to delete from, and enough of them that the backup reads several pages
const WRITERS = 3;
const BASE = Date.UTC(2026, 2, 2, 6, 0, 0);
const stamp = (k: number) => new Date(BASE + k * 1000).toISOString();
const fillKey = (k: number) => `fill-${String(k).padStart(6, '0')}`;
const fillRow = (k: number) => ({
  key: fillKey(k),
  failures: 0,
  window_start: stamp(0),
  locked_until: null,
  lockouts: k % 7,
});
const TOUCHED = ['setting', 'login_throttle', 'audit_event', 'audit_head'];

/**
 * One write: four effects in one transaction. The counter row is updated by every writer, so on
 * PostgreSQL the transactions queue on its row lock (and on audit_head's): commit order = audit order.
 */
async function write(db: Db, k: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('setting')
      .values({ key: `w-${k}`, value: `written by transaction ${k}`, updated_at: stamp(k) })
      .execute();
    await trx
      .updateTable('setting')
      .set({ value: String(k), updated_at: stamp(k) })
      .where('key', '=', 'counter')
      .execute();
    await trx.deleteFrom('login_throttle').where('key', '=', fillKey(k)).execute();
    await appendAudit(trx, {
      actor: 'test',
      action: 'security.backup-write',
      objectType: 'setting',
      objectId: `w-${k}`,
      at: new Date(BASE + k * 1000),
    });
  });
}

forEachDialect('backup under concurrent writes: a consistent snapshot that restores exactly', (dialect) => {
  let t: TestApp;
  let dir: string;
  let archive: string;
  let ackedBeforeStart: number[] = [];
  let ackedAfterEnd: number[] = [];
  let acked: number[] = [];
  let source: Record<string, TableDigest>;
  let sourceRows: Record<string, Row[]>;

  before(async () => {
    t = await buildTestApp(dialect, { sqliteFile: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-snapshot-'));
    const db = t.db.conn.db;
    await buildUser(t, { role: 'admin' });
    await buildUser(t, { role: 'lawyer' });
    for (let i = 1; i <= FILL; i += 500) {
      await db
        .insertInto('login_throttle')
        .values(Array.from({ length: Math.min(500, FILL - i + 1) }, (_, j) => fillRow(i + j)))
        .execute();
    }
    await db
      .insertInto('setting')
      .values({ key: 'counter', value: '0', updated_at: stamp(0) })
      .execute();

    let next = 0;
    let stop = false;
    const done: number[] = [];
    // Each writer takes the next number, commits, and only then counts the write as acknowledged.
    const writers = Array.from({ length: WRITERS }, async () => {
      while (!stop && next < FILL) {
        const k = ++next;
        await write(db, k);
        done.push(k);
        // Let the backup's streams run between commits (SQLite's driver answers synchronously).
        await new Promise((r) => setImmediate(r));
      }
    });
    // SQLite: the backup reads through its own connection, as `achyk backup` beside a running server.
    const reader = dialect === 'sqlite' ? openDatabase(t.db.config) : null;
    archive = path.join(dir, 'under-writes.backup.gz');
    try {
      while (done.length < 20) await new Promise((r) => setTimeout(r, 5));
      ackedBeforeStart = [...done];
      await backupDatabase({ db: reader?.db ?? db, dialect, file: archive });
      const atEnd = done.length;
      while (done.length < atEnd + 10) await new Promise((r) => setTimeout(r, 5));
      stop = true;
      await Promise.all(writers);
      ackedAfterEnd = done.slice(atEnd);
      acked = [...done];
    } finally {
      stop = true;
      await Promise.all(writers);
      await reader?.close();
    }
    source = await databaseDigest(db, dialect);
    sourceRows = {};
    for (const table of TOUCHED) sourceRows[table] = await tableRows(db, table);
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the helper digest agrees with databaseDigest (so the snapshot comparison below means something)', () => {
    for (const table of TOUCHED) assert.deepEqual(rowsDigest(table, sourceRows[table]!), source[table], table);
    assert.ok(
      ackedBeforeStart.length >= 20 && ackedAfterEnd.length >= 10,
      `${ackedBeforeStart.length} writes before, ${ackedAfterEnd.length} after`,
    );
  });

  for (const target of targets()) {
    test(`restored into a fresh ${target} database: whole transactions only, every acknowledged write, and each table hashing as the source did at the snapshot`, async () => {
      const fresh = await openTestDatabase(target, { migrate: false });
      try {
        await restoreDatabase({ db: fresh.conn.db, dialect: target, file: archive, migrations });
        const rdb = fresh.conn.db;
        const chain = await verifyAuditChain(rdb);
        assert.ok(chain.ok, chain.problem ?? '');

        // Which transactions the snapshot holds, seen through each of their four effects.
        const inserted = new Set(
          (await rdb.selectFrom('setting').select('key').where('key', 'like', 'w-%').execute()).map((r) =>
            Number(r.key.slice(2)),
          ),
        );
        const audited = (
          await rdb
            .selectFrom('audit_event')
            .select(['seq', 'object_id'])
            .where('action', '=', 'security.backup-write')
            .orderBy('seq')
            .execute()
        ).map((r) => Number(r.object_id!.slice(2)));
        const remaining = new Set(
          (await rdb.selectFrom('login_throttle').select('key').where('key', 'like', 'fill-%').execute()).map((r) =>
            Number(r.key.slice(5)),
          ),
        );
        const counter = Number(
          (await rdb.selectFrom('setting').select('value').where('key', '=', 'counter').executeTakeFirstOrThrow())
            .value,
        );
        const included = acked.filter((k) => inserted.has(k));
        const torn = acked.filter(
          (k) => inserted.has(k) !== audited.includes(k) || inserted.has(k) === remaining.has(k),
        );
        assert.deepEqual(torn, [], 'transactions only partly in the snapshot');
        assert.equal(audited.length, included.length);
        // The counter is the last included transaction's (audit order is commit order).
        assert.equal(counter, audited.at(-1) ?? 0);
        for (const k of ackedBeforeStart)
          assert.ok(inserted.has(k), `write ${k}, acknowledged before the backup started, is missing`);
        for (const k of ackedAfterEnd)
          assert.ok(!inserted.has(k), `write ${k}, acknowledged after the backup ended, is in it`);
        assert.ok(included.length < acked.length);
        console.log(
          `# backup under writes [${dialect} → ${target}]: ${acked.length} transactions acknowledged (${ackedBeforeStart.length} before the backup started, ${acked.length - ackedBeforeStart.length - ackedAfterEnd.length} while it ran, ${ackedAfterEnd.length} after); the snapshot holds ${included.length}, none torn`,
        );

        // The source at the snapshot: today's rows with the transactions it did not see taken back out.
        const excluded = new Set(acked.filter((k) => !inserted.has(k)));
        const lastIncludedSeq = Math.max(
          0,
          ...(await rdb.selectFrom('audit_event').select('seq').execute()).map((r) => r.seq),
        );
        const expected: Record<string, Row[]> = {
          setting: sourceRows
            .setting!.filter(
              (r) => !(typeof r.key === 'string' && r.key.startsWith('w-') && excluded.has(Number(r.key.slice(2)))),
            )
            .map((r) => (r.key === 'counter' ? { ...r, value: String(counter), updated_at: stamp(counter) } : r)),
          login_throttle: [...sourceRows.login_throttle!, ...[...excluded].map(fillRow)],
          audit_event: sourceRows.audit_event!.filter(
            (r) => !(r.action === 'security.backup-write' && excluded.has(Number(String(r.object_id).slice(2)))),
          ),
          audit_head: sourceRows.audit_head!.map((r) => {
            const last = sourceRows.audit_event!.find((e) => Number(e.seq) === lastIncludedSeq);
            return { ...r, seq: lastIncludedSeq, hash: last?.hash ?? '0'.repeat(64) };
          }),
        };
        const restored = await databaseDigest(rdb, target);
        const atSnapshot: Record<string, TableDigest> = { ...source };
        for (const table of TOUCHED) atSnapshot[table] = rowsDigest(table, expected[table]!);
        assert.deepEqual(restored, atSnapshot);
      } finally {
        await fresh.close();
      }
    });
  }

  /** Writes a damaged copy of the archive. */
  function damaged(name: string, change: (bytes: Buffer) => Buffer): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, change(fs.readFileSync(archive)));
    return file;
  }

  /** Rewrites the decompressed text and gzips it again: a well-formed stream whose content lies. */
  function rewritten(name: string, change: (lines: string[]) => string[]): string {
    const lines = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8').split('\n');
    return damaged(name, () => zlib.gzipSync(change(lines).join('\n')));
  }

  const flip = (b: Buffer, at: number, mask: number) => {
    b[at] = b[at]! ^ mask;
    return b;
  };
  const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

  test('a corrupted or truncated archive is refused before anything is written, into either dialect', async () => {
    const size = fs.statSync(archive).size;
    const firstRow = (lines: string[], table: string) =>
      lines.findIndex((l, i) => l.startsWith('[') && JSON.parse(lines[i - 1]!).name === table);
    const cases: [string, string, RegExp][] = [
      [
        damaged('flipped-middle.gz', (b) => flip(b, Math.floor(size / 2), 0x01)),
        'a flipped byte in the middle',
        /damaged|truncated|incorrect|invalid/i,
      ],
      [
        damaged('flipped-crc.gz', (b) => flip(b, size - 6, 0x80)),
        'a flipped byte of the gzip checksum',
        /damaged|truncated|incorrect|invalid/i,
      ],
      [damaged('truncated.gz', (b) => b.subarray(0, Math.floor(size * 0.7))), 'a truncated archive', /truncated/],
      [
        rewritten('wrong-table-hash.gz', (lines) =>
          lines.map((l) =>
            l.includes('"type":"table-end","name":"setting"')
              ? l.replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${'0'.repeat(64)}"`)
              : l,
          ),
        ),
        'a table checksum that does not match',
        /checksum of table setting does not match/,
      ],
      [
        rewritten('changed-row.gz', (lines) => {
          // An edited row with its table checksum recomputed: only the whole-archive checksum tells.
          const i = firstRow(lines, 'setting');
          const row = JSON.parse(lines[i]!) as unknown[];
          row[1] = 'changed by hand';
          lines[i] = JSON.stringify(row);
          const start = i - 1;
          let end = i;
          while (lines[end]!.startsWith('[')) end++;
          const body = lines
            .slice(start + 1, end)
            .map((l) => l + '\n')
            .join('');
          lines[end] = lines[end]!.replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${sha(body)}"`);
          return lines;
        }),
        'a changed row with a recomputed table checksum',
        /archive checksum does not match/,
      ],
    ];
    for (const target of targets()) {
      for (const [file, what, why] of cases) {
        const fresh = await openTestDatabase(target, { migrate: false });
        try {
          await assert.rejects(
            restoreDatabase({ db: fresh.conn.db, dialect: target, file, migrations }),
            (err: Error) => {
              assert.ok(err instanceof ArchiveError, `${what} → ${target}: ${err.message}`);
              assert.match(err.message, why, what);
              return true;
            },
          );
          assert.deepEqual(
            await appliedMigrations(fresh.conn.db, target),
            [],
            `${what}: the ${target} target was not migrated`,
          );
          assert.deepEqual(await listTables(fresh.conn.db, target), [], `${what}: the ${target} target has no tables`);
        } finally {
          await fresh.close();
        }
      }
    }
  });

  test('`achyk restore` refuses a truncated archive, exits non-zero and leaves the new database empty', async () => {
    const file = damaged('cli-truncated.gz', (b) => b.subarray(0, b.length - 100));
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-restore-cli-'));
    try {
      const res = achyk(['restore', file], { ACHYK_DATA_DIR: data });
      assert.notEqual(res.status, 0, res.stdout);
      assert.match(res.stderr, /truncated/);
      const db = path.join(data, 'achyk.sqlite');
      if (fs.existsSync(db)) {
        const conn = openDatabase({ dialect: 'sqlite', file: db });
        try {
          assert.deepEqual(await listTables(conn.db, 'sqlite'), []);
        } finally {
          await conn.close();
        }
      }
    } finally {
      fs.rmSync(data, { recursive: true, force: true });
    }
  });
});
