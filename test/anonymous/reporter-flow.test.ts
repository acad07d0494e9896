/**
 * The reporter's whole flow over HTTP, on both dialects, with every log line captured: a report with
 * a photo, the receipt shown once, follow-up with the receipt typed sloppily, a staff question and
 * the reporter's answer, more files, consent, and deletion. Then: neither the client's address nor
 * its user agent nor the receipt is in the logs, the receipt is nowhere in the database in clear
 * (the raw SQLite file is searched after a WAL checkpoint), and the audit entries say 'anonymous'.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { databaseText } from '../support/db-dump.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { runJobs } from '../appeals/support.js';
import {
  CLIENT_IP,
  FORWARDED_IP,
  USER_AGENT,
  follow,
  jpegWithGps,
  postMultipart,
  reporter,
  sendReport,
  TINY_PDF,
} from './support.js';

forEachDialect('anonymous reporting: the reporter flow', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { sqliteFile: true, env: { LOG_LEVEL: 'trace' } });
  });
  after(async () => t.close());

  test('report, receipt once, follow-up, messages, files, consent and deletion leave no trace of the reporter', async () => {
    const bodyId = await buildBody(t, {
      name_en: 'Penal colony No. 47',
      name_ru: 'Исправительная колония № 47',
      name_ky: '47-түзөтүү колониясы',
    });
    const agent = reporter(t);

    // The start page and step one work without an account; the institution is found by search.
    const intro = await agent.get('/report');
    assert.equal(intro.statusCode, 200);
    assert.match(intro.body, /Tor Browser/);
    assert.equal((await agent.get('/report/new')).statusCode, 200);
    const found = await agent.post('/report/new', { topic: 'ill_treatment', q: 'colony 47', action: 'find', what: '' });
    assert.equal(found.statusCode, 200);
    assert.match(found.body, new RegExp(`name="body_id" id="body-${bodyId}" value="${bodyId}"`));
    const missing = await agent.post('/report/new', { topic: 'ill_treatment', what: '', action: 'continue' });
    assert.equal(missing.statusCode, 422);

    // Step two: a photo with GPS, consent to copy the description and the files.
    const what = 'Guards beat detainees in the punishment cell every night (planted report text).';
    const sent = await sendReport(
      agent,
      { topic: 'ill_treatment', body_id: String(bodyId), what, consent: ['description', 'files'] },
      [{ name: 'photo.jpg', data: await jpegWithGps(), type: 'image/jpeg' }],
    );
    assert.equal(sent.res.statusCode, 200, sent.res.body.slice(0, 500));
    const receipt = sent.receipt!;
    assert.ok(receipt, 'the receipt is shown');
    assert.match(sent.res.body, /location \(GPS\)/, 'the reporter is told that the location was removed');
    assert.equal(sent.res.headers['cache-control'], 'no-store');

    // Sending the same form again does not make a second report and does not show a receipt.
    const again = await postMultipart(
      agent,
      '/report/send',
      { topic: 'ill_treatment', body_id: String(bodyId), what, when: '', where: '', form_token: sent.formToken },
      [],
    );
    assert.equal(again.statusCode, 409);
    assert.doesNotMatch(again.body, new RegExp(receipt));
    const db = t.db.conn.db;
    assert.equal((await db.selectFrom('anonymous_report').select('id').execute()).length, 1);

    // Follow-up: lower case, spaces instead of dashes, O for 0: all forgiven.
    const typed = receipt.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const opened = await follow(agent, typed);
    assert.equal(opened.statusCode, 303);
    assert.equal(opened.headers.location, '/report/status');
    const status = await agent.get('/report/status');
    assert.equal(status.statusCode, 200);
    assert.match(status.body, /Received/);
    assert.match(status.body, /photo\.jpg/);
    assert.doesNotMatch(status.body, new RegExp(receipt), 'the receipt is never shown again');

    // Staff are notified without content, ask a question; the reporter sees it and answers.
    t.clock.advance(10 * 60_000);
    const lawyer = await buildUser(t, { role: 'lawyer' });
    await runJobs(t);
    await runJobs(t);
    const letters = (await t.sentMail()).filter((m) => m.to.includes(lawyer.email));
    assert.equal(letters.length, 1);
    assert.doesNotMatch(letters[0]!.text + letters[0]!.subject, /beat|colony|punishment|ill|torture/i);
    const staff = await signIn(t, lawyer);
    const reportId = (await db.selectFrom('anonymous_report').select('id').executeTakeFirstOrThrow()).id;
    const page = await staff.get(`/anonymous-reports/${reportId}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Guards beat detainees'));
    assert.equal((await staff.post(`/anonymous-reports/${reportId}/triage`, { state: 'needs_info' })).statusCode, 303);
    assert.equal(
      (
        await staff.post(`/anonymous-reports/${reportId}/message`, {
          message: 'Which building is the punishment cell in?',
        })
      ).statusCode,
      303,
    );
    const withQuestion = await agent.get('/report/status');
    assert.match(withQuestion.body, /Which building is the punishment cell in\?/);
    assert.match(withQuestion.body, /Needs information/);
    assert.equal((await agent.post('/report/reply', { message: 'Building 3, basement.' })).statusCode, 303);
    assert.match((await agent.get('/report/status?done=reply')).body, /Building 3, basement\./);

    // More files: a PDF (the reporter is told its properties stay), and consent changes.
    const more = await postMultipart(agent, '/report/files', {}, [{ name: 'order.pdf', data: TINY_PDF }]);
    assert.equal(more.statusCode, 200);
    assert.match(more.body, /nothing removed: the document’s properties/);
    assert.equal((await agent.post('/report/consent', { consent_description: '1' })).statusCode, 303);
    const row = await db.selectFrom('anonymous_report').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.consent_description, row.consent_details, row.consent_institution, row.consent_files],
      [1, 0, 0, 0],
    );

    // The reporter leaves; the follow-up page asks for the receipt again.
    assert.equal((await agent.post('/report/leave')).statusCode, 303);
    assert.equal((await agent.get('/report/status')).headers.location, '/report/follow?ended=1');

    // Nothing identifying in the logs, the receipt nowhere in the database or the raw file.
    const logs = t.logs.join('');
    assert.ok(logs.includes('/report/send'), 'the requests were logged (method and path)');
    for (const planted of [
      CLIENT_IP,
      FORWARDED_IP,
      USER_AGENT,
      'Reporter-UA-Marker',
      receipt,
      receipt.replace(/-/g, ''),
      typed,
    ]) {
      assert.ok(
        !logs.includes(planted),
        `the logs contain ${planted}: ${t.logs
          .filter((l) => l.includes(planted))
          .slice(0, 2)
          .join('\n')}`,
      );
    }
    const text = await databaseText(db);
    for (const planted of [
      receipt,
      receipt.replace(/-/g, ''),
      CLIENT_IP,
      FORWARDED_IP,
      'Reporter-UA-Marker',
      'Guards beat detainees',
      'Building 3, basement',
    ]) {
      assert.ok(!text.includes(planted), `the database holds ${planted}`);
    }
    if (t.db.conn.sqlite) {
      t.db.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const raw = fs.readFileSync(path.join(t.dir, 'achyk.sqlite'));
      for (const planted of [
        receipt,
        receipt.replace(/-/g, ''),
        CLIENT_IP,
        'Reporter-UA-Marker',
        'Guards beat detainees',
      ]) {
        assert.ok(!raw.includes(Buffer.from(planted)), `the raw SQLite file holds ${planted}`);
      }
    }
    const audit = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('object_type', '=', 'anonymous_report')
      .orderBy('seq')
      .execute();
    const byReporter = audit.filter((a) =>
      [
        'anonymous.report_created',
        'anonymous.reporter_message',
        'anonymous.reporter_files',
        'anonymous.consent_changed',
      ].includes(a.action),
    );
    assert.equal(byReporter.length, 4);
    for (const a of byReporter) assert.equal(a.actor, 'anonymous');
    assert.ok(!JSON.stringify(audit).includes(CLIENT_IP) && !JSON.stringify(audit).includes('Reporter-UA-Marker'));

    // Deletion: content, messages and files go; one audit entry stays; the receipt opens nothing.
    assert.equal((await follow(agent, receipt)).statusCode, 303);
    const files = await db.selectFrom('anonymous_file').select(['stored_name', 'key_enc']).execute();
    assert.equal(files.length, 2);
    const envelopes = [
      (await db.selectFrom('anonymous_report').select('what_enc').executeTakeFirstOrThrow()).what_enc,
      ...files.map((f) => f.key_enc),
    ];
    assert.equal((await agent.post('/report/delete', {})).statusCode, 422, 'deletion needs the confirmation box');
    const deleted = await agent.post('/report/delete', { confirm: '1' });
    assert.equal(deleted.statusCode, 200);
    assert.equal((await db.selectFrom('anonymous_report').select('id').execute()).length, 0);
    assert.equal((await db.selectFrom('anonymous_message').select('id').execute()).length, 0);
    assert.equal((await db.selectFrom('anonymous_file').select('id').execute()).length, 0);
    for (const f of files) assert.ok(!fs.existsSync(path.join(t.dir, 'anonymous-files', f.stored_name)));
    if (t.db.conn.sqlite) {
      // secure_delete: not even the ciphertext or the wrapped file keys remain in the file's free pages.
      t.db.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const raw = fs.readFileSync(path.join(t.dir, 'achyk.sqlite'));
      for (const e of envelopes)
        assert.ok(!raw.includes(Buffer.from(e.split(':')[2]!.slice(0, 40))), 'a deleted envelope remains in the file');
    }
    const last = await db.selectFrom('audit_event').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(
      [last.actor, last.action, last.object_id, last.data],
      ['anonymous', 'anonymous.report_deleted', String(reportId), '{}'],
    );
    const reopen = await follow(reporter(t), receipt);
    assert.equal(reopen.statusCode, 422);
    assert.match(reopen.body, /No report could be opened with this code/);
  });
});
