/**
 * Issue #10 part 7, audit tampering. An attacker with database access first gets past the append-only
 * triggers the way such an attacker would (SQLite: drop them, or edit the database file's bytes with no
 * SQL at all; PostgreSQL: `ALTER TABLE … DISABLE TRIGGER USER`, or `session_replication_role = replica`,
 * which skips triggers for the session), then changes, deletes, reorders, inserts or truncates entries.
 * The real `achyk audit verify` (a child process with the environment pointing at the database) must
 * exit 1 and name the first bad row every time.
 *
 * What the chain cannot detect on its own, pinned here so nobody believes otherwise (docs/security-tests.md):
 * the hash is an unkeyed SHA-256, and `audit_head` lives in the same database, so an attacker who
 * truncates the tail AND rewinds the head to the new last row, or who rewrites a row and recomputes
 * every later hash and the head, leaves a chain that verifies. Only an anchor kept outside the database
 * (the `SEQ:HASH` line `achyk audit verify` prints, kept off the server, and given back with
 * `--anchor`) exposes it. The tests show the rewritten chain verifies and that the anchor catches it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { appendAudit, checkAuditAnchor, hashAuditRow, verifyAuditChain } from '../../src/platform/audit/audit-log.js';
import type { Dialect } from '../../src/platform/db/connect.js';
import type { Db } from '../../src/platform/db/database.js';
import { forEachDialect, openTestDatabase, type TestDatabase } from '../support/dialects.js';
import { achyk } from './support/achyk-cli.js';

const ENTRIES = 8;
const ZERO = '0'.repeat(64);

/** A chain of realistic entries, each in its own transaction as real changes write them. */
async function writeChain(db: Db, n = ENTRIES): Promise<void> {
  const actions = [
    'account.sign_in',
    'appeal.create',
    'appeal.send',
    'case.read',
    'case.person.add',
    'anonymous.report',
    'publication.publish',
    'admin.role',
  ];
  for (let i = 1; i <= n; i++) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: `user:${10 + i}`,
        action: i === 5 ? 'case.tamper-target' : actions[(i - 1) % actions.length]!,
        objectType: 'thing',
        objectId: 100 + i,
        data: { n: i, note: 'кыргызча өңү' },
        at: new Date(Date.UTC(2026, 2, 2, 6, i)),
      }),
    );
  }
}

type Bypass = 'drop-triggers' | 'disable-trigger' | 'replication-role';

/** Runs `fn` with the append-only triggers out of the way, as a database attacker would. */
async function asAttacker(db: Db, dialect: Dialect, how: Bypass, fn: (db: Db) => Promise<void>): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`drop trigger if exists audit_event_no_update`.execute(db);
    await sql`drop trigger if exists audit_event_no_delete`.execute(db);
    await fn(db);
    return;
  }
  if (how === 'replication-role') {
    // Triggers do not fire for a session in replica mode (superuser only: an attacker with DB access).
    await db.connection().execute(async (conn) => {
      await sql`set session_replication_role = replica`.execute(conn);
      try {
        await fn(conn);
      } finally {
        await sql`set session_replication_role = origin`.execute(conn);
      }
    });
    return;
  }
  await sql`alter table audit_event disable trigger user`.execute(db);
  await fn(db);
}

/** Exchanges two rows' sequence numbers (the rows themselves, hashes included, stay as written). */
async function swapSeq(db: Db, a: number, b: number): Promise<void> {
  await sql`update audit_event set seq = -1 where seq = ${a}`.execute(db);
  await sql`update audit_event set seq = ${a} where seq = ${b}`.execute(db);
  await sql`update audit_event set seq = ${b} where seq = -1`.execute(db);
}

interface Verdict {
  ok: boolean;
  row: number | null;
  message: string;
}

forEachDialect('audit tampering: achyk audit verify names the first bad row', (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  let cliRuns = 0;
  after(async () => {
    for (const c of cleanups) await c();
    console.log(`# audit tampering [${dialect}]: ${cliRuns} runs of achyk audit verify`);
  });

  /** A fresh database holding an intact chain of ENTRIES rows, and the environment that points the CLI at it. */
  async function chain(): Promise<{ tdb: TestDatabase; db: Db; env: Record<string, string>; file: string | null }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-tamper-'));
    const env: Record<string, string> = { ACHYK_DATA_DIR: dir };
    const file = dialect === 'sqlite' ? path.join(dir, 'achyk.sqlite') : null;
    const tdb = await openTestDatabase(dialect, { file: file ?? undefined });
    if (tdb.config.dialect === 'postgres') env.DATABASE_URL = tdb.config.url;
    cleanups.push(async () => {
      await tdb.close().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    });
    await writeChain(tdb.conn.db);
    return { tdb, db: tdb.conn.db, env, file };
  }

  /** `achyk audit verify`, after handing the SQLite file over (WAL checkpoint) to the child process. */
  function verifyCli(tdb: TestDatabase, env: Record<string, string>): Verdict {
    tdb.conn.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    cliRuns++;
    const res = achyk(['audit', 'verify'], env);
    const okLine = /Audit chain OK: (\d+) entries verified\./.exec(res.stdout);
    if (res.status === 0) {
      assert.ok(okLine, `exit 0 without the OK line: ${res.stdout} ${res.stderr}`);
      return { ok: true, row: null, message: okLine[0] };
    }
    assert.equal(res.status, 1, `audit verify failed to run: ${res.stderr}`);
    const m = /Audit chain BROKEN at row (\d+): (.+)/.exec(res.stderr);
    assert.ok(m, `exit 1 without naming a row: ${res.stderr}`);
    return { ok: false, row: Number(m[1]), message: m[2]! };
  }

  /** The same verdict computed in this process (for the variations, so the suite stays quick). */
  async function verifyHere(db: Db): Promise<Verdict> {
    const r = await verifyAuditChain(db);
    return r.ok
      ? { ok: true, row: null, message: `Audit chain OK: ${r.checked} entries verified.` }
      : { ok: false, row: r.firstBadSeq, message: r.problem! };
  }

  function assertBroken(v: Verdict, row: number, why: RegExp): void {
    assert.equal(v.ok, false, 'the tampering went unnoticed');
    assert.equal(v.row, row, `named row ${v.row} instead of ${row}: ${v.message}`);
    assert.match(v.message, why);
  }

  test('an intact chain verifies (exit 0), and the triggers refuse changes while they are in place', async () => {
    const { tdb, db, env } = await chain();
    assert.deepEqual(verifyCli(tdb, env), {
      ok: true,
      row: null,
      message: `Audit chain OK: ${ENTRIES} entries verified.`,
    });
    await assert.rejects(sql`update audit_event set actor = 'user:1' where seq = 3`.execute(db), /append-only/);
    await assert.rejects(sql`delete from audit_event where seq = ${ENTRIES}`.execute(db), /append-only/);
  });

  test('a changed field (the actor of row 3) is named', async () => {
    const { tdb, db, env } = await chain();
    await asAttacker(db, dialect, 'disable-trigger', (x) =>
      sql`update audit_event set actor = 'user:999' where seq = 3`.execute(x).then(() => {}),
    );
    assertBroken(verifyCli(tdb, env), 3, /row 3 was changed after it was written/);
  });

  test('a changed timestamp, through a session that skips triggers (PostgreSQL replica mode), is named', async () => {
    const { tdb, db, env } = await chain();
    await asAttacker(db, dialect, 'replication-role', (x) =>
      sql`update audit_event set at = '2026-01-01T00:00:00.000Z' where seq = 6`.execute(x).then(() => {}),
    );
    assertBroken(verifyCli(tdb, env), 6, /row 6 was changed/);
  });

  test('every column of a row, changed in turn, is detected at that row (in process)', async () => {
    const { db } = await chain();
    const original = await db.selectFrom('audit_event').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
    const changes: Record<string, string> = {
      at: '2026-03-02T06:04:00.001Z',
      actor: 'user:1',
      action: 'case.other',
      object_type: 'other',
      object_id: '999',
      data: '{"n":4}',
      prev_hash: 'a'.repeat(64),
      hash: 'b'.repeat(64),
    };
    await asAttacker(db, dialect, 'disable-trigger', async (x) => {
      for (const [column, value] of Object.entries(changes)) {
        await sql`update audit_event set ${sql.ref(column)} = ${value} where seq = 4`.execute(x);
        const r = await verifyAuditChain(x);
        assert.equal(r.firstBadSeq, 4, `${column}: ${r.problem}`);
        assert.equal(r.checked, 3);
        await sql`update audit_event set ${sql.ref(column)} = ${(original as Record<string, unknown>)[column] as string} where seq = 4`.execute(
          x,
        );
        assert.equal((await verifyAuditChain(x)).ok, true, `${column} restored`);
      }
      // A NULL where the row had a value is a change too.
      await sql`update audit_event set object_type = null where seq = 4`.execute(x);
      assert.equal((await verifyAuditChain(x)).firstBadSeq, 4);
    });
  });

  test('a deleted middle row is named at the row after the gap', async () => {
    const { tdb, db, env } = await chain();
    await asAttacker(db, dialect, 'disable-trigger', (x) =>
      sql`delete from audit_event where seq = 4`.execute(x).then(() => {}),
    );
    assertBroken(verifyCli(tdb, env), 5, /row 5 follows row 3: rows are missing or reordered/);
  });

  test('a deleted first row is named at row 2', async () => {
    const { db } = await chain();
    await asAttacker(db, dialect, 'disable-trigger', (x) =>
      sql`delete from audit_event where seq = 1`.execute(x).then(() => {}),
    );
    assertBroken(await verifyHere(db), 2, /row 2 follows row 0/);
  });

  test('a deleted row whose successors were renumbered to close the gap is named where the links break', async () => {
    const { db } = await chain();
    await asAttacker(db, dialect, 'disable-trigger', async (x) => {
      await sql`delete from audit_event where seq = 4`.execute(x);
      for (let s = 5; s <= ENTRIES; s++) await sql`update audit_event set seq = ${s - 1} where seq = ${s}`.execute(x);
      await sql`update audit_head set seq = ${ENTRIES - 1}`.execute(x);
    });
    assertBroken(await verifyHere(db), 4, /row 4 does not link to the row before it/);
  });

  test('two reordered rows (sequence numbers exchanged) are named at the first of them', async () => {
    const { tdb, db, env } = await chain();
    await asAttacker(db, dialect, 'disable-trigger', (x) => swapSeq(x, 3, 6));
    assertBroken(verifyCli(tdb, env), 3, /row 3 does not link to the row before it/);
  });

  test('two rows with exchanged contents (each keeping its seq and hashes) are named at the first', async () => {
    const { db } = await chain();
    await asAttacker(db, dialect, 'disable-trigger', async (x) => {
      const [a, b] = await x.selectFrom('audit_event').selectAll().where('seq', 'in', [2, 7]).orderBy('seq').execute();
      const content = (r: typeof a) => ({
        at: r!.at,
        actor: r!.actor,
        action: r!.action,
        object_type: r!.object_type,
        object_id: r!.object_id,
        data: r!.data,
      });
      await x.updateTable('audit_event').set(content(b)).where('seq', '=', 2).execute();
      await x.updateTable('audit_event').set(content(a)).where('seq', '=', 7).execute();
    });
    assertBroken(await verifyHere(db), 2, /row 2 was changed/);
  });

  test('a forged row slipped into the middle (later rows renumbered) is named', async () => {
    const { tdb, db, env } = await chain();
    await asAttacker(db, dialect, 'disable-trigger', async (x) => {
      for (let s = ENTRIES; s >= 4; s--) await sql`update audit_event set seq = ${s + 1} where seq = ${s}`.execute(x);
      const prev = await x.selectFrom('audit_event').select('hash').where('seq', '=', 3).executeTakeFirstOrThrow();
      // The forger even computes a correct hash for the new row: the next row still links to the old one.
      const row = {
        seq: 4,
        at: '2026-03-02T06:03:30.000Z',
        actor: 'user:11',
        action: 'case.read',
        object_type: 'thing',
        object_id: '1',
        data: '{}',
      };
      await x
        .insertInto('audit_event')
        .values({ ...row, prev_hash: prev.hash, hash: hashAuditRow(prev.hash, row) })
        .execute();
    });
    assertBroken(verifyCli(tdb, env), 5, /row 5 does not link/);
  });

  test('a truncated tail is named at the first missing row (the head still records the old end)', async () => {
    const { tdb, db, env } = await chain();
    await asAttacker(db, dialect, 'disable-trigger', (x) =>
      sql`delete from audit_event where seq > 5`.execute(x).then(() => {}),
    );
    assertBroken(verifyCli(tdb, env), 6, /the chain ends at row 5 but the head records row 8: the tail was truncated/);
  });

  test('a table emptied outright (PostgreSQL TRUNCATE, SQLite DELETE) is named at row 1', async () => {
    const { db } = await chain();
    await asAttacker(db, dialect, 'disable-trigger', (x) =>
      (dialect === 'postgres' ? sql`truncate audit_event` : sql`delete from audit_event`).execute(x).then(() => {}),
    );
    assertBroken(await verifyHere(db), 1, /the chain ends at row 0 but the head records row 8/);
  });

  test('an altered head alone is noticed', async () => {
    const { db } = await chain();
    await sql`update audit_head set hash = ${'c'.repeat(64)}`.execute(db);
    assertBroken(await verifyHere(db), ENTRIES + 1, /head altered/);
  });

  test(
    'SQLite: bytes of a row edited in the database file itself (no SQL, triggers irrelevant) are named',
    { skip: dialect !== 'sqlite' },
    async () => {
      const { tdb, env, file } = await chain();
      tdb.conn.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
      await tdb.close();
      const bytes = fs.readFileSync(file!);
      const needle = Buffer.from('case.tamper-target');
      const at = bytes.indexOf(needle);
      assert.ok(at > 0 && bytes.indexOf(needle, at + 1) < 0, 'the action text is stored once, in its row');
      // Same length, so the record header still fits: only the text changes.
      Buffer.from('case.tamper-tarGET').copy(bytes, at);
      fs.writeFileSync(file!, bytes);
      cliRuns++;
      const res = achyk(['audit', 'verify'], env);
      assert.equal(res.status, 1, res.stdout + res.stderr);
      assert.match(res.stderr, /Audit chain BROKEN at row 5: row 5 was changed after it was written/);
    },
  );

  test('LIMITATION: a truncated tail with the head rewound, or a rewritten and rehashed chain, verifies; only an outside anchor (--anchor) exposes it', async () => {
    const { tdb, db, env } = await chain();
    // The anchor an operator keeps outside the database (e.g. the audit_head row of last night's backup).
    const anchor = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const originalHashOf3 = (
      await db.selectFrom('audit_event').select('hash').where('seq', '=', 3).executeTakeFirstOrThrow()
    ).hash;
    await asAttacker(db, dialect, 'disable-trigger', async (x) => {
      await sql`delete from audit_event where seq > 5`.execute(x);
      const last = await x
        .selectFrom('audit_event')
        .select(['seq', 'hash'])
        .where('seq', '=', 5)
        .executeTakeFirstOrThrow();
      await x.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).execute();
      // …and rewrites row 2, recomputing every later hash and the head (SHA-256 is not keyed).
      await x.updateTable('audit_event').set({ actor: 'user:999' }).where('seq', '=', 2).execute();
      const rows = await x.selectFrom('audit_event').selectAll().orderBy('seq').execute();
      let prev = ZERO;
      for (const r of rows) {
        const { prev_hash: _p, hash: _h, ...fields } = r;
        const hash = hashAuditRow(prev, fields);
        await x.updateTable('audit_event').set({ prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
        prev = hash;
      }
      await x.updateTable('audit_head').set({ hash: prev }).execute();
    });
    // achyk audit verify alone cannot tell: the database agrees with itself.
    assert.deepEqual(verifyCli(tdb, env), { ok: true, row: null, message: 'Audit chain OK: 5 entries verified.' });
    // The outside anchor can (`--anchor SEQ:HASH`, as a past verify printed it): its row is gone.
    cliRuns++;
    const anchored = achyk(['audit', 'verify', '--anchor', `${anchor.seq}:${anchor.hash}`], env);
    assert.equal(anchored.status, 1, anchored.stdout + anchored.stderr);
    assert.match(
      anchored.stderr,
      new RegExp(`Audit chain BROKEN: row ${anchor.seq} of the anchor is missing: the log was truncated`),
    );
    // Had the rows only been rewritten, an anchor inside the chain would no longer match its hash.
    const inside = await db
      .selectFrom('audit_event')
      .select(['seq', 'hash'])
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    assert.deepEqual(await checkAuditAnchor(db, `3:${originalHashOf3}`), {
      ok: false,
      problem: 'row 3 no longer has the anchored hash: the log was rewritten',
    });
    assert.deepEqual(await checkAuditAnchor(db, `3:${inside.hash}`), { ok: true, problem: null });
  });
});
