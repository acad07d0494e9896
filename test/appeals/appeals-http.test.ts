import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../support/dialects.js';
import { Agent } from '../support/agent.js';
import { buildBody, buildUser, signIn, type TestUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { draftThroughWizard, tinyPdf, upload } from './support.js';

function listFilesDeep(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFilesDeep(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Signs in with an English-speaking browser. */
const en = (t: TestApp, u: TestUser) => signIn(t, u, new Agent(t.app, { 'accept-language': 'en' }));

forEachDialect('appeals: pages, permissions, bad input, documents, escalation', (dialect) => {
  let t: TestApp;
  before(async () => {
    // Monday 2 March 2026, 12:00 in Bishkek
    t = await buildTestApp(dialect, { now: new Date('2026-03-02T06:00:00Z'), env: { MAIL_DOMAIN: 'achyk.test' } });
  });
  after(async () => t.close());

  test('an appeal is private to its owner: another citizen, a monitor and an administrator get 404', async () => {
    const body = await buildBody(t);
    const owner = await buildUser(t);
    const a = await en(t, owner);
    const id = await draftThroughWizard(a, body, {});
    assert.equal((await a.get(`/appeals/${id}`)).statusCode, 200);
    for (const role of ['citizen', 'monitor', 'admin', 'lawyer'] as const) {
      const other = await en(t, await buildUser(t, { role }));
      assert.equal((await other.get(`/appeals/${id}`)).statusCode, 404, role);
      assert.equal((await other.get(`/appeals/${id}/edit`)).statusCode, 404, role);
      assert.equal((await other.post(`/appeals/${id}/events`, { kind: 'note', text: 'x' })).statusCode, 404, role);
    }
    // Not even listed.
    const other = await en(t, await buildUser(t));
    assert.doesNotMatch((await other.get('/appeals')).body, /Test appeal/);
  });

  test('an NGO appeal is open to coordinators and lawyers, not to monitors or citizens; the person acted for stays encrypted', async () => {
    const body = await buildBody(t);
    const monitor = await buildUser(t, { role: 'monitor' });
    const m = await en(t, monitor);
    const id = await draftThroughWizard(m, body, {
      person_name: 'Гүлнара Секреттүү',
      person_contact: '+996 555 000 111',
    });
    const row = await t.db.conn.db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.ngo, 1);
    assert.match(row.person_name_enc ?? '', /^enc1:/);
    assert.doesNotMatch(JSON.stringify(row), /Гүлнара/);
    const lawyer = await en(t, await buildUser(t, { role: 'lawyer' }));
    const page = await lawyer.get(`/appeals/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Гүлнара Секреттүү/);
    assert.equal((await (await en(t, await buildUser(t, { role: 'monitor' }))).get(`/appeals/${id}`)).statusCode, 404);
    assert.equal((await (await en(t, await buildUser(t))).get(`/appeals/${id}`)).statusCode, 404);
    // The audit log never carries the name.
    const audit = await t.db.conn.db.selectFrom('audit_event').select('data').execute();
    assert.doesNotMatch(JSON.stringify(audit), /Гүлнара/);
    assert.ok(!t.logs.join('').includes('Гүлнара'));
  });

  test('an appeal to a deactivated body is refused with a specific message', async () => {
    const body = await buildBody(t, { active_to: '2025-12-31' });
    const a = await en(t, await buildUser(t));
    const res = await a.post('/appeals/new', { body_id: String(body) });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /dissolved or merged|упразднён|жоюлган/);
    assert.equal(
      (await t.db.conn.db.selectFrom('appeal').select('id').where('body_id', '=', body).execute()).length,
      0,
    );
  });

  test('a body without an e-mail address: sending asks for one; recording a paper appeal works', async () => {
    const body = await buildBody(t, { emails: null });
    const a = await en(t, await buildUser(t));
    const id = await draftThroughWizard(a, body, {});
    const res = await a.post(`/appeals/${id}/send`);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /No e-mail address is known for this body/);
    assert.equal(
      (await t.db.conn.db.selectFrom('appeal').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state,
      'draft',
    );

    const paper = await draftThroughWizard(a, body, {
      channel: 'paper',
      submitted_on: '2026-02-16',
      registration_number: '01-12/345',
      registered_on: '2026-02-17',
    });
    assert.equal((await a.post(`/appeals/${paper}/send`)).statusCode, 303);
    const row = await t.db.conn.db.selectFrom('appeal').selectAll().where('id', '=', paper).executeTakeFirstOrThrow();
    assert.equal(row.state, 'registered');
    assert.equal(row.received_on, '2026-02-16');
    // 14 working days from registration on 17 Feb 2026 (23 Feb is a working day since 2025): 9 Mar;
    // 8 Mar is a Sunday and is not moved.
    assert.equal(row.due_date, '2026-03-09');
    const page = await a.get(`/appeals/${paper}`);
    assert.match(page.body, /01-12\/345/);
    assert.match(page.body, /5 working days left/);
  });

  test('classifying an appeal that has no answer is refused; events follow the state machine', async () => {
    const body = await buildBody(t, { emails: null });
    const a = await en(t, await buildUser(t));
    const id = await draftThroughWizard(a, body, { channel: 'portal', submitted_on: '2026-02-27' });
    assert.equal((await a.post(`/appeals/${id}/send`)).statusCode, 303);
    const res = await a.post(`/appeals/${id}/events`, { kind: 'classify', classification: 'satisfied' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /There is no answer yet, so there is nothing to classify/);
    // Registration in the future, and an over-long extension, get field errors.
    assert.match(
      (await a.post(`/appeals/${id}/events`, { kind: 'register', number: '5', on: '2026-03-09' })).body,
      /cannot be in the future/,
    );
    assert.equal(
      (await a.post(`/appeals/${id}/events`, { kind: 'register', number: '5', on: '2026-02-28' })).statusCode,
      303,
    );
    const tooLong = await a.post(`/appeals/${id}/events`, { kind: 'extend', days: '45', on: '2026-03-02' });
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /between 1 and 30/);
    assert.equal(
      (await a.post(`/appeals/${id}/events`, { kind: 'answer', on: '2026-03-02', text: 'We refuse.' })).statusCode,
      303,
    );
    const refusedWithoutReason = await a.post(`/appeals/${id}/events`, { kind: 'classify', classification: 'refused' });
    assert.equal(refusedWithoutReason.statusCode, 422);
    assert.match(refusedWithoutReason.body, /Choose the reason for the refusal/);
    assert.equal(
      (
        await a.post(`/appeals/${id}/events`, {
          kind: 'classify',
          classification: 'refused',
          refusal_reason: 'no_grounds',
        })
      ).statusCode,
      303,
    );
    const row = await t.db.conn.db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.state, 'classified');
    assert.equal(row.refusal_reason, 'no_grounds');
    const actions = (
      await t.db.conn.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_type', '=', 'appeal')
        .where('object_id', '=', String(id))
        .execute()
    ).map((r) => r.action);
    assert.deepEqual(actions, [
      'appeal.created',
      'appeal.recorded',
      'appeal.registered',
      'appeal.answer',
      'appeal.classified',
    ]);
  });

  test('escalation drafts a linked complaint to the supervising body from the directory', async () => {
    const cabinet = await buildBody(t, {
      kind: 'cabinet',
      name_en: 'Cabinet of Ministers',
      name_ru: 'Кабинет Министров',
      name_ky: 'Министрлер Кабинети',
    });
    const ministry = await buildBody(t, { supervisor_id: cabinet, name_en: 'Ministry of Testing', emails: null });
    const a = await en(t, await buildUser(t));
    const id = await draftThroughWizard(a, ministry, {
      channel: 'paper',
      submitted_on: '2026-01-30',
      registration_number: 'R-77',
      registered_on: '2026-01-30',
      language: 'en',
      subject: 'Water supply',
    });
    assert.equal((await a.post(`/appeals/${id}/send`)).statusCode, 303);
    const res = await a.post(`/appeals/${id}/escalate`, { target: 'supervisor' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const childId = Number(/\/appeals\/(\d+)\/edit/.exec(String(res.headers.location))![1]);
    const child = await t.db.conn.db
      .selectFrom('appeal')
      .selectAll()
      .where('id', '=', childId)
      .executeTakeFirstOrThrow();
    assert.equal(child.parent_id, id);
    assert.equal(child.body_id, cabinet);
    assert.equal(child.kind, 'complaint');
    assert.equal(child.state, 'draft');
    assert.match(child.text, /To: Cabinet of Ministers/);
    assert.match(child.text, /Registration number: R-77/);
    assert.match(child.text, /10,000 som/);
    // The draft is editable in the wizard.
    assert.match((await a.get(`/appeals/${childId}/edit`)).body, /Water supply/);
    // Not yet overdue: refused with the due date.
    const fresh = await draftThroughWizard(a, ministry, { channel: 'paper', submitted_on: '2026-03-02' });
    await a.post(`/appeals/${fresh}/send`);
    const early = await a.post(`/appeals/${fresh}/escalate`, { target: 'ombudsman' });
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /The answer is not due yet/);
    // Closed: the page offers no escalation, and the command refuses it all the same (one rule).
    assert.match((await a.get(`/appeals/${id}`)).body, /action="\/appeals\/\d+\/escalate"/);
    assert.equal((await a.post(`/appeals/${id}/events`, { kind: 'close' })).statusCode, 303);
    assert.doesNotMatch((await a.get(`/appeals/${id}`)).body, /action="\/appeals\/\d+\/escalate"/);
    const closed = await a.post(`/appeals/${id}/escalate`, { target: 'supervisor' });
    assert.equal(closed.statusCode, 422);
    assert.match(closed.body, /A closed appeal cannot be escalated/);
    assert.equal(
      (await t.db.conn.db.selectFrom('appeal').select('id').where('parent_id', '=', id).execute()).length,
      1,
      'no second complaint was drafted',
    );
  });

  test('documents: SHA-256 recorded and shown, content checked against the extension, empty and oversize refused, served as attachments', async () => {
    const body = await buildBody(t);
    const a = await en(t, await buildUser(t));
    const id = await draftThroughWizard(a, body, {});
    const ok = await upload(a, `/appeals/${id}/files?next=/appeals/${id}/documents`, 'note.txt', 'Салам');
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 1000));
    const page = await a.get(`/appeals/${id}/documents`);
    assert.match(page.body, /note\.txt/);
    // sha256("Салам")
    const crypto = await import('node:crypto');
    assert.ok(page.body.replace(/<wbr\/?>/g, '').includes(crypto.createHash('sha256').update('Салам').digest('hex')));

    const fake = await upload(a, `/appeals/${id}/files`, 'scan.pdf', '<script>alert(1)</script>');
    assert.equal(fake.statusCode, 422);
    assert.match(fake.body, /does not match its extension \(PDF\)/);
    const empty = await upload(a, `/appeals/${id}/files`, 'empty.pdf', '');
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /The file is empty/);
    const exe = await upload(a, `/appeals/${id}/files`, 'run.exe', 'MZ');
    assert.equal(exe.statusCode, 422);
    const big = await upload(a, `/appeals/${id}/files`, 'big.txt', Buffer.alloc(10 * 1024 * 1024 + 10, 0x61));
    assert.equal(big.statusCode, 413);
    const files = listFilesDeep(path.join(t.config.dataDir, 'files'));
    assert.equal(files.filter((f) => f.endsWith('.part')).length, 0, 'no temporary file left');
    assert.equal(files.length, 1, 'only the accepted file is stored');

    const row = await t.db.conn.db
      .selectFrom('appeal_file')
      .selectAll()
      .where('appeal_id', '=', id)
      .executeTakeFirstOrThrow();
    const dl = await a.get(`/appeals/${id}/files/${row.id}`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers['content-disposition']), /^attachment;/);
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    assert.equal(dl.body, 'Салам');
    const stranger = await en(t, await buildUser(t));
    assert.equal((await stranger.get(`/appeals/${id}/files/${row.id}`)).statusCode, 404);
    // A PDF's text is extracted for search.
    const pdf = await upload(a, `/appeals/${id}/files`, 'answer.pdf', tinyPdf('Registered under number 77'));
    assert.equal(pdf.statusCode, 303);
    const stored = await t.db.conn.db
      .selectFrom('appeal_file')
      .select('extracted_text')
      .where('appeal_id', '=', id)
      .where('original_name', '=', 'answer.pdf')
      .executeTakeFirstOrThrow();
    assert.match(stored.extracted_text ?? '', /Registered under number 77/);
  });
});
