/**
 * SECURITY.md "Tamper-evident audit log": the chain verifies; a database attacker who first removes
 * the append-only triggers and then changes a field, deletes a row, reorders rows or truncates the
 * tail is caught, and `achyk audit verify` names the first bad row.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { appendAudit, verifyAuditChain, type AuditVerification } from '../../src/platform/audit/audit-log.js';

const withoutHead = ({ headHash: _head, ...rest }: AuditVerification) => rest;
import type { Db } from '../../src/platform/db/database.js';
import type { Dialect } from '../../src/platform/db/connect.js';
import { Agent } from '../support/agent.js';
import { forEachDialect, openTestDatabase, type TestDatabase } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { buildTestApp } from '../support/test-app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Writes n entries, each in its own transaction as real changes do. */
async function writeEntries(db: Db, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: `user:${i}`,
        action: 'test.write',
        objectType: 'thing',
        objectId: i,
        data: { n: i },
        at: new Date(Date.UTC(2026, 2, 2, 6, i)),
      }),
    );
  }
}

/** What an attacker with database access does first. */
async function dropAppendOnlyTriggers(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`alter table audit_event disable trigger user`.execute(db);
  else {
    await sql`drop trigger audit_event_no_update`.execute(db);
    await sql`drop trigger audit_event_no_delete`.execute(db);
  }
}

async function swapContents(db: Db, a: number, b: number): Promise<void> {
  const rows = await db.selectFrom('audit_event').selectAll().where('seq', 'in', [a, b]).orderBy('seq').execute();
  const [ra, rb] = rows as [(typeof rows)[number], (typeof rows)[number]];
  const { seq: _a, ...contentA } = ra;
  const { seq: _b, ...contentB } = rb;
  await db.updateTable('audit_event').set(contentB).where('seq', '=', a).execute();
  await db.updateTable('audit_event').set(contentA).where('seq', '=', b).execute();
}

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(ROOT, 'bin/achyk.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

forEachDialect('audit chain', (dialect) => {
  let tdb: TestDatabase;
  let db: Db;
  before(async () => {
    tdb = await openTestDatabase(dialect);
    db = tdb.conn.db;
  });
  after(async () => tdb.close());

  /** Each tampering gets a fresh chain of 6 entries. */
  async function freshChain(): Promise<void> {
    await dropAppendOnlyTriggers(db, dialect).catch(() => {});
    await db.deleteFrom('audit_event').execute();
    await db
      .updateTable('audit_head')
      .set({ seq: 0, hash: '0'.repeat(64) })
      .execute();
    await writeEntries(db, 6);
    assert.deepEqual(withoutHead(await verifyAuditChain(db)), {
      ok: true,
      checked: 6,
      firstBadSeq: null,
      problem: null,
    });
  }

  test('an empty chain and a chain after several writes verify; each row links to the one before', async () => {
    assert.equal((await verifyAuditChain(db)).ok, true);
    await writeEntries(db, 5);
    const result = await verifyAuditChain(db);
    assert.deepEqual(withoutHead(result), { ok: true, checked: 5, firstBadSeq: null, problem: null });
    const rows = await db.selectFrom('audit_event').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    assert.equal(rows[0]!.prev_hash, '0'.repeat(64));
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.prev_hash, rows[i - 1]!.hash);
    const head = await db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    assert.equal(head.seq, 5);
    assert.equal(head.hash, rows[4]!.hash);
  });

  test('while the triggers are in place, UPDATE and DELETE on audit_event raise', async () => {
    await assert.rejects(
      db.updateTable('audit_event').set({ actor: 'someone else' }).where('seq', '=', 1).execute(),
      /append-only/,
    );
    await assert.rejects(db.deleteFrom('audit_event').where('seq', '=', 5).execute(), /append-only/);
    await assert.rejects(db.deleteFrom('audit_event').execute(), /append-only/);
    if (dialect === 'postgres') await assert.rejects(sql`truncate audit_event`.execute(db), /append-only/);
    assert.equal((await verifyAuditChain(db)).checked, 5);
  });

  test('concurrent appends, including rolled-back ones, keep one unbroken chain without gaps', async () => {
    const before = (await verifyAuditChain(db)).checked;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db
          .transaction()
          .execute(async (trx) => {
            await appendAudit(trx, { actor: `user:${i}`, action: 'test.concurrent', data: { i } });
            if (i % 5 === 0) throw new Error('rolled back');
          })
          .catch(() => {}),
      ),
    );
    const r = await verifyAuditChain(db);
    assert.equal(r.ok, true, r.problem ?? '');
    assert.equal(r.checked, before + 16);
  });

  test('a changed field is detected at that row', async () => {
    await freshChain();
    await db.updateTable('audit_event').set({ data: '{"n":99}' }).where('seq', '=', 3).execute();
    const r = await verifyAuditChain(db);
    assert.equal(r.ok, false);
    assert.equal(r.firstBadSeq, 3);
    assert.match(r.problem!, /changed after it was written/);
  });

  test('a deleted row is detected at the row after the gap', async () => {
    await freshChain();
    await db.deleteFrom('audit_event').where('seq', '=', 3).execute();
    const r = await verifyAuditChain(db);
    assert.equal(r.ok, false);
    assert.equal(r.firstBadSeq, 4);
    assert.match(r.problem!, /missing or reordered/);
  });

  test('two rows with swapped contents are detected at the first of them', async () => {
    await freshChain();
    await swapContents(db, 2, 3);
    const r = await verifyAuditChain(db);
    assert.equal(r.ok, false);
    assert.equal(r.firstBadSeq, 2);
    // Swapping the content but keeping each row's own seq, so the sequence looks intact:
    await freshChain();
    const rows = await db.selectFrom('audit_event').selectAll().where('seq', 'in', [4, 5]).orderBy('seq').execute();
    await db
      .updateTable('audit_event')
      .set({ actor: rows[1]!.actor, action: rows[1]!.action, object_id: rows[1]!.object_id, data: rows[1]!.data })
      .where('seq', '=', 4)
      .execute();
    await db
      .updateTable('audit_event')
      .set({ actor: rows[0]!.actor, action: rows[0]!.action, object_id: rows[0]!.object_id, data: rows[0]!.data })
      .where('seq', '=', 5)
      .execute();
    assert.equal((await verifyAuditChain(db)).firstBadSeq, 4);
  });

  test('a truncated tail is detected against the head', async () => {
    await freshChain();
    await db.deleteFrom('audit_event').where('seq', '>', 4).execute();
    const r = await verifyAuditChain(db);
    assert.equal(r.ok, false);
    assert.equal(r.checked, 4);
    assert.equal(r.firstBadSeq, 5);
    assert.match(r.problem!, /truncated/);
  });

  test('a row appended by hand without the chain is detected', async () => {
    await freshChain();
    await db
      .insertInto('audit_event')
      .values({
        seq: 7,
        at: '2026-03-02T07:00:00.000Z',
        actor: 'user:1',
        action: 'forged',
        object_type: null,
        object_id: null,
        data: '{}',
        prev_hash: '0'.repeat(64),
        hash: 'f'.repeat(64),
      })
      .execute();
    const r = await verifyAuditChain(db);
    assert.equal(r.ok, false);
    assert.equal(r.firstBadSeq, 7);
  });

  test('`achyk audit verify` prints OK or BROKEN with the first bad row, and exits 0 or 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-audit-cli-'));
    let own: TestDatabase | null = null;
    try {
      const env: Record<string, string> = { ACHYK_DATA_DIR: dir };
      if (dialect === 'sqlite') own = await openTestDatabase('sqlite', { file: path.join(dir, 'achyk.sqlite') });
      else {
        own = await openTestDatabase('postgres');
        env.DATABASE_URL = (own.config as { url: string }).url;
      }
      await writeEntries(own.conn.db, 4);
      // SQLite: hand the file over to the CLI process (it reads it through its own connection).
      if (own.conn.sqlite) own.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const ok = cli(['audit', 'verify'], env);
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /Audit chain OK: 4 entries verified\./);
      const anchor = /Anchor \(keep a copy off this server\): (\d+:[0-9a-f]{64})/.exec(ok.stdout)?.[1];
      assert.ok(anchor, ok.stdout);
      assert.equal(cli(['audit', 'verify', '--anchor', anchor], env).status, 0);

      await dropAppendOnlyTriggers(own.conn.db, dialect);
      await own.conn.db.updateTable('audit_event').set({ actor: 'user:999' }).where('seq', '=', 2).execute();
      if (own.conn.sqlite) own.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const broken = cli(['audit', 'verify'], env);
      assert.equal(broken.status, 1);
      assert.match(broken.stderr, /Audit chain BROKEN at row 2: row 2 was changed after it was written/);

      // An attacker who truncates the tail AND rewrites the head fools the chain, not the anchor.
      await own.conn.db.deleteFrom('audit_event').execute();
      await own.conn.db
        .updateTable('audit_head')
        .set({ seq: 0, hash: '0'.repeat(64) })
        .execute();
      await writeEntries(own.conn.db, 3);
      if (own.conn.sqlite) own.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      assert.equal(cli(['audit', 'verify'], env).status, 0, 'the rewritten chain is self-consistent');
      const anchored = cli(['audit', 'verify', '--anchor', anchor], env);
      assert.equal(anchored.status, 1);
      assert.match(anchored.stderr, /row 4 of the anchor is missing: the log was truncated/);
    } finally {
      await own?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the audit page tells in the reader's language whether the chain is intact, and where it breaks", async () => {
    const t = await buildTestApp(dialect);
    try {
      const agent = await signIn(
        t,
        await buildUser(t, { role: 'coordinator' }),
        new Agent(t.app, { 'accept-language': 'ru' }),
      );
      const intact = await agent.get('/admin/audit');
      assert.equal(intact.statusCode, 200);
      assert.match(intact.body, /Цепочка цела: (проверена \d*1 запись|проверено \d+ записи|проверено \d+ записей)\./);
      await dropAppendOnlyTriggers(t.db.conn.db, dialect);
      await t.db.conn.db.updateTable('audit_event').set({ actor: 'user:999' }).where('seq', '=', 1).execute();
      const broken = await agent.get('/admin/audit');
      assert.match(broken.body, /Цепочка нарушена: запись №1 не проходит проверку/);
      assert.doesNotMatch(broken.body, /was changed after it was written/, 'no untranslated English');
    } finally {
      await t.close();
    }
  });
});
