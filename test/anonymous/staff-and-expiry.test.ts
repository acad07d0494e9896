/**
 * The staff side and retention: who reaches the inbox, triage, assignment, messages, keeping;
 * e-mails that say only that something arrived; expiry with time as a parameter (reports inactive
 * for the retention period are deleted with their files, leaving only an audit entry; kept ones
 * stay; staff are reminded first); a reply to an expired report; conversion into a case and an
 * appeal copying only what the reporter agreed to.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CTX } from '../../src/modules/anonymous/encrypted-columns.js';
import { REMIND_DAYS, sweepReports } from '../../src/modules/anonymous/jobs.js';
import { DAY_MS } from '../../src/modules/anonymous/queries.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { runJobs } from '../appeals/support.js';
import { follow, jpegWithGps, reporter, sendReport } from './support.js';

const RETENTION = 30;

forEachDialect('anonymous reporting: staff, expiry and conversion', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { env: { ANONYMOUS_RETENTION_DAYS: String(RETENTION) } });
  });
  after(async () => t.close());
  const db = () => t.db.conn.db;
  const lastReportId = async () =>
    (await db().selectFrom('anonymous_report').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
  const sweep = () =>
    sweepReports({
      db: db(),
      cipher: t.cipher,
      dataDir: t.dir,
      publicUrl: t.config.publicUrl,
      retentionDays: RETENTION,
      now: t.clock.now,
    });

  test('only coordinators and lawyers reach the inbox; a missing report is 404', async () => {
    await sendReport(reporter(t));
    const id = await lastReportId();
    const visitor = await new Agent(t.app).get('/anonymous-reports');
    assert.equal(visitor.statusCode, 303);
    assert.match(String(visitor.headers.location), /^\/login/);
    for (const role of ['citizen', 'monitor', 'admin'] as const) {
      const agent = await signIn(t, await buildUser(t, { role }));
      assert.equal((await agent.get('/anonymous-reports')).statusCode, 403, role);
      assert.equal((await agent.get(`/anonymous-reports/${id}`)).statusCode, 403, role);
      assert.equal((await agent.post(`/anonymous-reports/${id}/keep`, { keep: '1' })).statusCode, 403, role);
    }
    const coordinator = await signIn(t, await buildUser(t, { role: 'coordinator' }));
    const inbox = await coordinator.get('/anonymous-reports');
    assert.equal(inbox.statusCode, 200);
    assert.match(inbox.body, new RegExp(`href="/anonymous-reports/${id}"`));
    assert.doesNotMatch(inbox.body, /colony takes money/, 'the inbox list shows no content');
    assert.equal((await coordinator.get('/anonymous-reports/999999')).statusCode, 404);
    assert.equal((await coordinator.get('/anonymous-reports/abc')).statusCode, 404);
  });

  test('triage, assignment, messages and keeping, each audited; bad input is a 422 with the field', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const lawyer = await buildUser(t, { role: 'lawyer' });
    const citizen = await buildUser(t, { role: 'citizen' });
    const agent = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
    const rep = reporter(t);
    const { receipt } = await sendReport(rep, { what: 'Money for parcels' });
    const id = await lastReportId();
    const page = await agent.get(`/anonymous-reports/${id}`);
    assert.match(page.body, /Money for parcels/);
    const read = await db()
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'anonymous.report_read')
      .where('object_id', '=', String(id))
      .execute();
    assert.equal(read.length, 1);
    assert.equal(read[0]!.actor, `user:${coordinator.id}`);

    assert.equal((await agent.post(`/anonymous-reports/${id}/triage`, { state: 'closed' })).statusCode, 422);
    assert.equal((await agent.post(`/anonymous-reports/${id}/triage`, { state: 'accepted' })).statusCode, 303);
    const badAssign = await agent.post(`/anonymous-reports/${id}/assign`, { assignee: String(citizen.id) });
    assert.equal(badAssign.statusCode, 422);
    assert.match(badAssign.body, /Choose a coordinator or lawyer/);
    assert.equal(
      (await agent.post(`/anonymous-reports/${id}/assign`, { assignee: String(lawyer.id) })).statusCode,
      303,
    );
    assert.equal((await agent.post(`/anonymous-reports/${id}/message`, { message: '' })).statusCode, 422);
    assert.equal(
      (await agent.post(`/anonymous-reports/${id}/message`, { message: 'Thank you, we are looking into it.' }))
        .statusCode,
      303,
    );
    assert.equal((await agent.post(`/anonymous-reports/${id}/keep`, { keep: '1' })).statusCode, 303);
    const row = await db().selectFrom('anonymous_report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.state, row.assigned_to, row.kept], ['accepted', lawyer.id, 1]);
    assert.match((await agent.get(`/anonymous-reports/${id}`)).body, /Kept/);

    await follow(rep, receipt!);
    const status = await rep.get('/report/status');
    assert.match(status.body, /Thank you, we are looking into it\./);
    assert.match(status.body, /Kept by staff/);
    assert.doesNotMatch(status.body, new RegExp(coordinator.email), 'staff names are not shown to the reporter');
    const actions = (
      await db().selectFrom('audit_event').select(['action', 'actor']).where('object_id', '=', String(id)).execute()
    ).map((a) => a.action);
    for (const a of ['anonymous.triaged', 'anonymous.assigned', 'anonymous.staff_message', 'anonymous.kept'])
      assert.ok(actions.includes(a), a);
  });

  test('notifications and reminders say only that something is there; expiry deletes and leaves an audit entry', async () => {
    // A clean slate: earlier tests' reports are kept or expire with the rest.
    await db().updateTable('anonymous_report').set({ kept: 1 }).execute();
    const rep = reporter(t);
    const { receipt } = await sendReport(rep, { what: 'Planted expiring report text' }, [
      { name: 'p.jpg', data: await jpegWithGps() },
    ]);
    const id = await lastReportId();
    const stored = (
      await db()
        .selectFrom('anonymous_file')
        .select('stored_name')
        .where('report_id', '=', id)
        .executeTakeFirstOrThrow()
    ).stored_name;
    const kept = (await sendReport(reporter(t), { what: 'Kept one' })).receipt;
    const keptId = await lastReportId();
    await db().updateTable('anonymous_report').set({ kept: 1 }).where('id', '=', keptId).execute();
    assert.ok(kept);

    const mailBefore = (await t.sentMail()).length;
    t.clock.advance(10 * 60_000);
    await runJobs(t);
    await runJobs(t);
    const notices = (await t.sentMail()).slice(mailBefore);
    assert.ok(notices.length >= 1, 'staff were told something arrived');
    for (const m of notices) {
      assert.doesNotMatch(m.text + m.subject, /Planted|Kept one|corruption|bribe/i);
      assert.match(m.text, /\/anonymous-reports/);
    }

    // Before the reminder point: nothing. At it: one reminder per staff member, no content.
    t.clock.advance((RETENTION - REMIND_DAYS - 1) * DAY_MS);
    assert.deepEqual(await sweep(), { expired: 0, reminded: 0 });
    t.clock.advance(DAY_MS);
    const beforeRemind = (await t.sentMail()).length;
    assert.deepEqual(await sweep(), { expired: 0, reminded: 1 });
    await runJobs(t);
    const reminders = (await t.sentMail()).slice(beforeRemind);
    assert.ok(reminders.length >= 1);
    for (const m of reminders) {
      assert.match(m.subject, /expire soon|жакында өчүрүлөт/);
      assert.doesNotMatch(m.text, /Planted|jpg/);
    }
    assert.deepEqual(await sweep(), { expired: 0, reminded: 0 }, 'reminded once per period of inactivity');

    // One day short of the retention period: still there. Then: gone with its file.
    t.clock.advance((REMIND_DAYS - 1) * DAY_MS);
    assert.equal((await sweep()).expired, 0);
    // The reporter opens the report (reading is not activity) minutes before it expires.
    t.clock.advance(DAY_MS - 5 * 60_000);
    assert.equal((await follow(rep, receipt!)).statusCode, 303);
    t.clock.advance(5 * 60_000);
    assert.deepEqual(await sweep(), { expired: 1, reminded: 0 });
    assert.equal(
      await db().selectFrom('anonymous_report').select('id').where('id', '=', id).executeTakeFirst(),
      undefined,
    );
    assert.equal(
      (await db().selectFrom('anonymous_file').select('id').where('report_id', '=', id).execute()).length,
      0,
    );
    assert.ok(!fs.existsSync(path.join(t.dir, 'anonymous-files', stored)));
    assert.ok(
      await db().selectFrom('anonymous_report').select('id').where('id', '=', keptId).executeTakeFirst(),
      'a kept report stays',
    );
    const expired = await db()
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'anonymous.report_expired')
      .execute();
    assert.equal(expired.length, 1);
    assert.deepEqual([expired[0]!.actor, expired[0]!.object_id, expired[0]!.data], ['system', String(id), '{}']);

    // The reporter's open session: a reply says the report no longer exists; the receipt opens nothing.
    const gone = await rep.post('/report/reply', { message: 'Are you there?' });
    assert.equal(gone.statusCode, 410);
    assert.match(gone.body, /no longer exists/);
    assert.equal((await follow(reporter(t), receipt!)).statusCode, 422);
  });

  test('the sweep runs through the job queue, hourly, with the configured retention', async () => {
    const jobs = await db()
      .selectFrom('job')
      .select(['kind', 'status'])
      .where('kind', '=', 'anonymous.sweep')
      .execute();
    assert.ok(jobs.length >= 1, 'a sweep was scheduled when the app became ready');
    await db().updateTable('anonymous_report').set({ kept: 1 }).execute();
    await sendReport(reporter(t), { what: 'Expires through the queue' });
    const id = await lastReportId();
    t.clock.advance((RETENTION + 1) * DAY_MS);
    await runJobs(t);
    assert.equal(
      await db().selectFrom('anonymous_report').select('id').where('id', '=', id).executeTakeFirst(),
      undefined,
    );
    const next = await db()
      .selectFrom('job')
      .select('run_at')
      .where('kind', '=', 'anonymous.sweep')
      .where('status', '=', 'queued')
      .execute();
    assert.equal(next.length, 1);
    assert.equal(Date.parse(next[0]!.run_at), t.clock.now.getTime() + 3600_000);
  });

  test('conversion into a case and into an appeal copies only the parts the reporter agreed to', async () => {
    const bodyId = await buildBody(t, { name_en: 'Prosecutor of Chui oblast' });
    const lawyer = await buildUser(t, { role: 'lawyer' });
    const agent = await signIn(t, lawyer, new Agent(t.app, { 'accept-language': 'en' }));
    await sendReport(
      reporter(t),
      {
        body_id: String(bodyId),
        what: 'Consented description',
        when: 'Secret when',
        where: 'Secret where',
        consent: ['description', 'files'],
      },
      [{ name: 'evidence.jpg', data: await jpegWithGps() }],
    );
    const id = await lastReportId();

    const refused = await agent.post(`/anonymous-reports/${id}/convert-case`, {
      part_description: '1',
      part_details: '1',
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /did not allow this part/);

    const toCase = await agent.post(`/anonymous-reports/${id}/convert-case`, {
      part_description: '1',
      part_files: '1',
    });
    assert.equal(toCase.statusCode, 303, toCase.body.slice(0, 300));
    const caseId = Number(/^\/cases\/(\d+)$/.exec(String(toCase.headers.location))?.[1]);
    const hrCase = await db().selectFrom('hr_case').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    const summary = t.cipher.decrypt(hrCase.summary_enc!, 'hr_case.summary');
    assert.match(summary, /Consented description/);
    assert.doesNotMatch(summary, /Secret/);
    assert.equal(
      (await db().selectFrom('case_evidence').select('id').where('case_id', '=', caseId).execute()).length,
      1,
    );
    assert.ok(
      await db()
        .selectFrom('case_member')
        .select('id')
        .where('case_id', '=', caseId)
        .where('user_id', '=', lawyer.id)
        .executeTakeFirst(),
    );
    const cases = (await db().selectFrom('hr_case').select('id').execute()).length;
    const again = await agent.post(`/anonymous-reports/${id}/convert-case`, { part_description: '1' });
    assert.equal(again.headers.location, `/cases/${caseId}`, 'a second conversion leads to the case already opened');
    assert.equal((await db().selectFrom('hr_case').select('id').execute()).length, cases, 'no duplicate case');

    assert.equal(
      (await agent.post(`/anonymous-reports/${id}/convert-appeal`, { part_description: '1' })).statusCode,
      422,
      'a body is needed',
    );
    const toAppeal = await agent.post(`/anonymous-reports/${id}/convert-appeal`, {
      part_description: '1',
      part_files: '1',
      body_id: String(bodyId),
    });
    assert.equal(toAppeal.statusCode, 303, toAppeal.body.slice(0, 300));
    const appealId = Number(/^\/appeals\/(\d+)$/.exec(String(toAppeal.headers.location))?.[1]);
    const appeal = await db().selectFrom('appeal').selectAll().where('id', '=', appealId).executeTakeFirstOrThrow();
    assert.deepEqual(
      [appeal.state, appeal.kind, appeal.owner_id, appeal.body_id, appeal.ngo],
      ['draft', 'corruption_report', lawyer.id, bodyId, 1],
    );
    assert.match(appeal.text, /Consented description/);
    assert.doesNotMatch(appeal.text, /Secret/);
    assert.equal(
      (await db().selectFrom('appeal_file').select('id').where('appeal_id', '=', appealId).execute()).length,
      1,
    );
    assert.equal((await agent.get(`/appeals/${appealId}`)).statusCode, 200);
    const againAppeal = await agent.post(`/anonymous-reports/${id}/convert-appeal`, {
      part_description: '1',
      body_id: String(bodyId),
    });
    assert.equal(againAppeal.headers.location, `/appeals/${appealId}`, 'no duplicate appeal either');

    const row = await db().selectFrom('anonymous_report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.converted_case_id, row.converted_appeal_id, row.state], [caseId, appealId, 'accepted']);
    const page = await agent.get(`/anonymous-reports/${id}`);
    assert.match(page.body, new RegExp(`href="/cases/${caseId}"`));
    assert.ok(
      !JSON.stringify(
        await db().selectFrom('audit_event').select('data').where('action', 'like', 'anonymous.converted%').execute(),
      ).includes('Consented'),
    );
    void CTX;
  });
});
