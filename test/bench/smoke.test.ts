/**
 * The bench cannot rot: generate a few hundred appeals on each dialect and run one pass of every
 * measure, asserting shapes and sanity, never speed (speed belongs to `npm run bench`).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { forEachDialect } from '../support/dialects.js';
import { parseBenchArgs, UsageError } from '../../bench/args.js';
import { benchDialect, pgDatabase, pgSetup, sqliteSetup, type DialectSetup } from '../../bench/run.js';
import { open, openForGeneration } from '../../bench/bench-db.js';
import { targets } from '../../bench/report.js';
import { generateRows } from '../../bench/data.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-bench-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('bench arguments: impossible sizes and unknown dialects are refused with a clear message', () => {
  assert.throws(
    () => parseBenchArgs(['--appeals', '-5'], { appeals: 10, dialects: 'sqlite' }),
    (e: Error) => e instanceof UsageError && /at least 1/.test(e.message),
  );
  assert.throws(() => parseBenchArgs(['--appeals', 'many'], { appeals: 10, dialects: 'sqlite' }), /whole number/);
  assert.throws(
    () => parseBenchArgs(['--dialect', 'mysql'], { appeals: 10, dialects: 'sqlite' }),
    /unknown dialect "mysql"/,
  );
  assert.throws(() => parseBenchArgs(['--size', '3'], { appeals: 10, dialects: 'sqlite' }), /unknown option --size/);
  assert.deepEqual(
    parseBenchArgs(['--appeals', '1_000', '--seed=7'], { appeals: 10, dialects: 'sqlite,postgres' }).appeals,
    1000,
  );
});

test('the generator is deterministic for a seed and skews traffic towards a few bodies', () => {
  const codes = Array.from({ length: 200 }, (_, i) => `body-${i}`);
  const a = [...generateRows(3000, 42, codes)];
  const b = [...generateRows(3000, 42, codes)];
  assert.deepEqual(a, b);
  const per = new Map<string, number>();
  for (const r of a) per.set(r.body, (per.get(r.body) ?? 0) + 1);
  const top = [...per.values()].sort((x, y) => y - x);
  assert.ok(
    top.slice(0, 10).reduce((s, n) => s + n, 0) > 3000 * 0.4,
    'the ten busiest bodies receive over 40 % of the appeals',
  );
  for (const r of a) assert.ok(r.events!.length >= 3 && r.events!.length <= 8);
  assert.ok(a.some((r) => !r.answered_on) && a.some((r) => r.publish) && a.some((r) => r.language === 'ky'));
});

test('the bench refuses a database that is not a bench database unless forced', async () => {
  const file = path.join(dir, 'foreign.sqlite');
  const conn = await openForGeneration({ dialect: 'sqlite', file }, false);
  const now = new Date().toISOString();
  await conn.db
    .insertInto('user')
    .values({
      email: 'real@example.org',
      display_name: 'Real',
      role: 'admin',
      password_hash: 'x',
      status: 'active',
      locale: null,
      totp_secret_enc: null,
      totp_last_step: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await conn.close();
  await assert.rejects(
    () => openForGeneration({ dialect: 'sqlite', file }, false),
    (e: Error) => e instanceof UsageError && /not a bench database/.test(e.message),
  );
  await assert.rejects(
    () =>
      benchDialect(sqliteSetup(dir, 10, 1, file), {
        appeals: 10,
        seed: 1,
        seconds: 1,
        reuse: false,
        force: false,
        log: () => {},
      }),
    /not a bench database/,
  );
  const again = open({ dialect: 'sqlite', file });
  assert.equal((await again.db.selectFrom('user').selectAll().execute()).length, 1, 'nothing was written');
  await again.close();
});

forEachDialect('bench smoke run', (dialect) => {
  test('generates a few hundred appeals and runs every measure once', { timeout: 240_000 }, async () => {
    let setup: DialectSetup;
    let cleanup = async () => {};
    if (dialect === 'sqlite') setup = sqliteSetup(dir, 300, 3);
    else {
      const admin = process.env.ACHYK_TEST_PG_URL!;
      const target = await pgDatabase(admin, `achyk_bench_smoke_${process.pid}`);
      setup = pgSetup(admin, target.url);
      cleanup = target.drop;
    }
    try {
      const r = await benchDialect(setup, {
        appeals: 300,
        seed: 3,
        seconds: 1,
        reuse: false,
        force: false,
        importSample: 200,
        log: () => {},
      });
      assert.equal(r.sizes.appeal, 300);
      assert.ok(r.sizes.appeal_event >= 900 && r.sizes.appeal_event <= 2400);
      assert.ok(r.sizes.case_person >= 2);
      assert.equal(r.import.rows, 200);
      assert.ok(r.import.ratio > 0);
      assert.equal(r.http.publishedPage.app.errors, 0);
      assert.equal(r.http.reportCard.app.errors, 0);
      assert.ok(r.http.reportCard.bare.requests > 0);
      assert.ok(r.http.rssMb > 0);
      assert.ok(r.http.pageWeight.every((w) => w.gzipBytes > 0 && w.gzipBytes < w.htmlBytes));
      assert.ok(r.search.runs > 0);
      assert.ok(r.league.rows > 0);
      assert.ok(r.sweep.sweepPlan.length > 0);
      // (a 300-row PostgreSQL table is rightly read whole: the plan only matters at size)
      if (dialect === 'sqlite') assert.equal(r.sweep.fullScan, false, r.sweep.sweepPlan.join('\n'));
      assert.equal(targets(r).length, 8);
    } finally {
      await cleanup();
    }
  });
});
