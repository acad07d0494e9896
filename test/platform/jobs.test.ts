import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { enqueueJob, registerJobHandler, runDueJobs, backoffMs } from '../../src/platform/jobs/queue.js';
import { queueMail } from '../../src/platform/mail/outbox.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { forEachDialect } from '../support/dialects.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const runs: string[] = [];
registerJobHandler<{ name: string }>('test.record', async (p) => {
  runs.push(p.name);
});
let flaky = 0;
registerJobHandler('test.flaky', async () => {
  flaky++;
  throw new Error('temporary failure');
});

forEachDialect('job queue and mail outbox', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
    // Modules queue their periodic sweeps when the app is ready (appeals, anonymous reports); these
    // tests count the jobs they enqueue themselves, so they start from an empty queue.
    await t.db.conn.db.deleteFrom('job').execute();
  });
  after(async () => t.close());
  const services = () => ({ config: t.config, cipher: t.cipher, mailer: t.app.achyk.mailer });

  test('a job enqueued in a transaction runs once when due, not before', async () => {
    const db = t.db.conn.db;
    const now = new Date('2026-03-02T06:00:00Z');
    await db.transaction().execute((trx) =>
      enqueueJob(trx, {
        kind: 'test.record',
        payload: { name: 'later' },
        runAt: new Date('2026-03-02T07:00:00Z'),
        now,
      }),
    );
    assert.deepEqual(await runDueJobs({ db, services: services(), now }), { done: 0, retried: 0, failed: 0 });
    const r = await runDueJobs({ db, services: services(), now: new Date('2026-03-02T07:00:01Z') });
    assert.equal(r.done, 1);
    assert.ok(runs.includes('later'));
    assert.equal((await runDueJobs({ db, services: services(), now: new Date('2026-03-02T08:00:00Z') })).done, 0);
  });

  test('a rolled-back transaction leaves no job behind', async () => {
    const db = t.db.conn.db;
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { kind: 'test.record', payload: { name: 'never' } });
        throw new Error('abort');
      }),
    );
    const left = await db.selectFrom('job').select('id').where('payload', 'like', '%never%').execute();
    assert.equal(left.length, 0);
  });

  test('a failing job is retried with back-off and marked failed after its last attempt', async () => {
    const db = t.db.conn.db;
    let now = new Date('2026-03-03T00:00:00Z');
    flaky = 0;
    const id = (await enqueueJob(db, { kind: 'test.flaky', payload: {}, now, maxAttempts: 3 }))!;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const r = await runDueJobs({ db, services: services(), now });
      assert.equal(attempt < 3 ? r.retried : r.failed, 1, `attempt ${attempt}`);
      const job = await db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      if (attempt < 3) assert.equal(job.run_at, new Date(now.getTime() + backoffMs(attempt)).toISOString());
      now = new Date(now.getTime() + backoffMs(attempt));
    }
    const job = await db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(job.status, 'failed');
    assert.equal(job.last_error, 'temporary failure');
    assert.equal(flaky, 3);
  });

  test('a dedupe key keeps a second identical job out while the first is pending', async () => {
    const db = t.db.conn.db;
    const a = await enqueueJob(db, {
      kind: 'test.record',
      payload: { name: 'd1' },
      dedupeKey: 'reminder:1:2026-03-04',
      runAt: new Date('2030-01-01T00:00:00Z'),
    });
    const b = await enqueueJob(db, {
      kind: 'test.record',
      payload: { name: 'd2' },
      dedupeKey: 'reminder:1:2026-03-04',
    });
    assert.ok(a);
    assert.equal(b, null);
  });

  test('a job left running by a crashed worker is run again after 10 minutes', async () => {
    const db = t.db.conn.db;
    const now = new Date('2026-04-01T00:00:00Z');
    const id = (await enqueueJob(db, { kind: 'test.record', payload: { name: 'stale' }, now }))!;
    await db
      .updateTable('job')
      .set({ status: 'running', locked_at: now.toISOString(), attempts: 1 })
      .where('id', '=', id)
      .execute();
    assert.equal((await runDueJobs({ db, services: services(), now: new Date(now.getTime() + 60_000) })).done, 0);
    assert.equal((await runDueJobs({ db, services: services(), now: new Date(now.getTime() + 11 * 60_000) })).done, 1);
  });

  test('two workers at once never run the same job twice', async () => {
    const db = t.db.conn.db;
    const now = new Date('2026-05-01T00:00:00Z');
    runs.length = 0;
    for (let i = 0; i < 20; i++) await enqueueJob(db, { kind: 'test.record', payload: { name: `par${i}` }, now });
    const [a, b] = await Promise.all([
      runDueJobs({ db, services: services(), now, limit: 15 }),
      runDueJobs({ db, services: services(), now, limit: 15 }),
    ]);
    assert.equal(a.done + b.done, 20);
    assert.equal(runs.filter((r) => r.startsWith('par')).length, 20);
  });

  test('queued mail is sent by the job, recorded as sent, and stored encrypted while it waits', async () => {
    const db = t.db.conn.db;
    const now = new Date('2026-06-01T00:00:00Z');
    const id = await db.transaction().execute((trx) =>
      queueMail(
        trx,
        {
          to: 'body@example.kg',
          subject: 'Appeal',
          text: 'Victim name Zhyldyz Planted',
          related: { type: 'appeal', id: 7 },
        },
        { cipher: t.cipher, now },
      ),
    );
    const job = await db
      .selectFrom('job')
      .selectAll()
      .where('kind', '=', 'mail.send')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(job.payload, /Zhyldyz/);
    await runDueJobs({ db, services: services(), now });
    const delivery = await db.selectFrom('mail_delivery').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(delivery.status, 'sent');
    assert.ok(delivery.message_id);
    const mail = (await t.sentMail()).find((m) => m.text.includes('Zhyldyz Planted'));
    assert.equal(mail?.to, 'body@example.kg');
  });

  test('queued mail carries its attachments, read from disk when it is sent', async () => {
    const db = t.db.conn.db;
    const now = new Date('2026-06-02T00:00:00Z');
    const file = path.join(t.dir, 'scan.txt');
    fs.writeFileSync(file, 'attached evidence text');
    await db.transaction().execute((trx) =>
      queueMail(
        trx,
        {
          to: 'att@example.kg',
          subject: 'With file',
          text: 'See attached',
          attachments: [{ filename: 'scan.txt', path: file, contentType: 'text/plain' }],
        },
        { cipher: t.cipher, now },
      ),
    );
    await runDueJobs({ db, services: services(), now });
    const eml = fs
      .readdirSync(t.config.mailDir)
      .map((f) => fs.readFileSync(path.join(t.config.mailDir, f)))
      .find((b) => b.includes('att@example.kg'));
    assert.ok(eml);
    const parsed = await simpleParser(eml);
    assert.equal(parsed.attachments.length, 1);
    assert.equal(parsed.attachments[0]!.filename, 'scan.txt');
    assert.equal(parsed.attachments[0]!.content.toString(), 'attached evidence text');
  });

  test('mail to an unreachable SMTP server is retried, then marked failed', async () => {
    const db = t.db.conn.db;
    const broken = createMailer({
      smtp: { host: '127.0.0.1', port: 9, secure: false, from: 'a@b.kg' },
      mailDir: t.config.mailDir,
      mailFrom: 'a@b.kg',
    });
    let now = new Date('2026-07-01T00:00:00Z');
    const id = await db
      .transaction()
      .execute((trx) => queueMail(trx, { to: 'x@example.kg', subject: 'S', text: 'T' }, { cipher: t.cipher, now }));
    await db
      .updateTable('job')
      .set({ max_attempts: 2 })
      .where('kind', '=', 'mail.send')
      .where('status', '=', 'queued')
      .execute();
    for (let i = 1; i <= 2; i++) {
      await runDueJobs({ db, services: { ...services(), mailer: broken }, now });
      now = new Date(now.getTime() + backoffMs(i));
    }
    broken.close();
    const delivery = await db.selectFrom('mail_delivery').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(delivery.status, 'failed');
    assert.equal(delivery.attempts, 2);
  });
});
