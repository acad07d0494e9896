import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sweepAppeals } from '../../src/modules/appeals/jobs.js';
import { sha256 } from '../../src/platform/auth/sessions.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser, signIn, type TestUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { draftThroughWizard, runJobs } from './support.js';

const en = (t: TestApp, u: TestUser) => signIn(t, u, new Agent(t.app, { 'accept-language': 'en' }));

async function apiToken(t: TestApp, user: TestUser): Promise<string> {
  const token = `achyk_${'x'.repeat(10)}${user.id}${'y'.repeat(20)}`;
  await t.db.conn.db
    .insertInto('api_token')
    .values({
      user_id: user.id,
      name: 'test',
      token_hash: sha256(token),
      prefix: token.slice(0, 10),
      created_at: t.clock.now.toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return token;
}

forEachDialect('appeals: reminders and the overdue sweep, API, administration', (dialect) => {
  let t: TestApp;
  before(async () => {
    // Monday 2 March 2026, 12:00 in Bishkek; outgoing mail goes to the outbox folder.
    t = await buildTestApp(dialect, { now: new Date('2026-03-02T06:00:00Z'), env: { MAIL_DOMAIN: 'achyk.test' } });
  });
  after(async () => t.close());

  test('reminders before the due date, on it, when overdue and long overdue, each once; time is a parameter', async () => {
    const body = await buildBody(t, { emails: null });
    const owner = await buildUser(t, { email: 'owner.reminders@example.org' });
    const a = await en(t, owner);
    const id = await draftThroughWizard(a, body, {
      channel: 'paper',
      submitted_on: '2026-03-02',
      subject: 'Road repair',
    });
    assert.equal((await a.post(`/appeals/${id}/send`)).statusCode, 303);
    const due = (
      await t.db.conn.db.selectFrom('appeal').select('due_date').where('id', '=', id).executeTakeFirstOrThrow()
    ).due_date;
    assert.equal(due, '2026-03-23');
    const { db, cipher, config } = t.app.achyk;
    const sweep = (iso: string) => sweepAppeals({ db, cipher, publicUrl: config.publicUrl, now: new Date(iso) });
    const stages = async () =>
      (
        await db
          .selectFrom('appeal_event')
          .select('data')
          .where('appeal_id', '=', id)
          .where('kind', '=', 'reminder')
          .orderBy('id')
          .execute()
      ).map((e) => (JSON.parse(e.data) as { stage: string }).stage);

    await sweep('2026-03-16T04:00:00Z'); // a week before: nothing yet
    assert.deepEqual(await stages(), []);
    await sweep('2026-03-19T04:00:00Z'); // Thu 19: 1 working day left (20 Orozo Ait, 21-22 weekend)
    await sweep('2026-03-19T10:00:00Z'); // again the same day: nothing new
    assert.deepEqual(await stages(), ['before']);
    await sweep('2026-03-23T04:00:00Z');
    assert.deepEqual(await stages(), ['before', 'due']);
    await sweep('2026-03-24T04:00:00Z');
    await sweep('2026-03-25T04:00:00Z');
    assert.deepEqual(await stages(), ['before', 'due', 'overdue']);
    await sweep('2026-04-23T04:00:00Z'); // 31 days after the due date
    assert.deepEqual(await stages(), ['before', 'due', 'overdue', 'long_overdue']);

    t.clock.now = new Date('2026-04-23T05:00:00Z');
    await runJobs(t);
    const mail = (await t.sentMail()).filter((m) => m.to.includes('owner.reminders@example.org'));
    assert.equal(mail.length, 4);
    assert.ok(
      mail.some((m) => /overdue/.test(m.subject) && /Road repair/.test(m.text) && /escalat|complaint/i.test(m.text)),
    );
    t.clock.now = new Date('2026-03-02T06:00:00Z');
  });

  test('an answered appeal gets no reminder; the sweep reads only open appeals due soon', async () => {
    const body = await buildBody(t, { emails: null });
    const a = await en(t, await buildUser(t));
    const id = await draftThroughWizard(a, body, { channel: 'paper', submitted_on: '2026-03-02' });
    await a.post(`/appeals/${id}/send`);
    await a.post(`/appeals/${id}/events`, { kind: 'answer', on: '2026-03-02', text: 'Done' });
    const { db, cipher, config } = t.app.achyk;
    await sweepAppeals({ db, cipher, publicUrl: config.publicUrl, now: new Date('2026-05-01T04:00:00Z') });
    assert.equal(
      (
        await db
          .selectFrom('appeal_event')
          .select('id')
          .where('appeal_id', '=', id)
          .where('kind', '=', 'reminder')
          .execute()
      ).length,
      0,
    );
  });

  test('the overdue sweep uses a (state, due_date) index', async () => {
    if (dialect !== 'sqlite') return; // the plan text is SQLite's; PostgreSQL may choose a scan on tiny tables
    const plan = await t.db.conn
      .sqlite!.prepare(
        "explain query plan select id from appeal where state in ('sent','registered','extended','redirected') and due_date <= '2026-04-01' and reminder_stage < 4",
      )
      .all();
    // appeal_sweep_idx (state, due_date, reminder_stage, id) also covers the stage: index only (docs/performance.md)
    assert.match(JSON.stringify(plan), /appeal_state_due_idx|appeal_sweep_idx/);
  });

  test('API: create and send, read, record events; same validation and permissions as the pages', async () => {
    const body = await buildBody(t, { emails: 'api@body.example.kg' });
    const user = await buildUser(t);
    const token = await apiToken(t, user);
    const auth = { authorization: `Bearer ${token}`, 'accept-language': 'en' };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: auth,
      payload: {
        bodyId: body,
        kind: 'information_request',
        language: 'ru',
        subject: 'Бюджет',
        text: 'Прошу предоставить бюджет.',
        send: true,
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const appeal = created.json() as {
      id: number;
      state: string;
      due: string;
      explanation: string[];
      legalBasis: string;
    };
    assert.equal(appeal.state, 'sent');
    assert.equal(appeal.due, '2026-03-16'); // 10 working days from Mon 2 Mar (8 Mar is a Sunday)
    assert.match(appeal.legalBasis, /No\. 217/);
    assert.ok(appeal.explanation.length > 2);

    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/appeals/${appeal.id}/events`,
      headers: auth,
      payload: { kind: 'classify', classification: 'satisfied' },
    });
    assert.equal(bad.statusCode, 409);
    assert.match(bad.body, /There is no answer yet/);
    const unknownKey = await t.app.inject({
      method: 'POST',
      url: `/api/v1/appeals/${appeal.id}/events`,
      headers: auth,
      payload: { kind: 'note', text: 'x', evil: 1 },
    });
    assert.equal(unknownKey.statusCode, 400);
    const reg = await t.app.inject({
      method: 'POST',
      url: `/api/v1/appeals/${appeal.id}/events`,
      headers: auth,
      payload: { kind: 'register', number: '42', on: '2026-03-02' },
    });
    assert.equal(reg.statusCode, 201, reg.body);
    assert.equal((reg.json() as { registrationNumber: string }).registrationNumber, '42');

    const got = await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${appeal.id}`, headers: auth });
    assert.equal(got.statusCode, 200);
    const other = await apiToken(t, await buildUser(t));
    assert.equal(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/appeals/${appeal.id}`,
          headers: { authorization: `Bearer ${other}` },
        })
      ).statusCode,
      404,
    );
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/appeals/${appeal.id}` })).statusCode, 401);
    const inactive = await buildBody(t, { active_to: '2026-01-01' });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: auth,
      payload: { bodyId: inactive, kind: 'complaint', language: 'en', subject: 'x', text: 'y' },
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /dissolved or merged/);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    for (const p of ['/api/v1/appeals', '/api/v1/appeals/{id}', '/api/v1/appeals/{id}/events', '/api/v1/calendar/due'])
      assert.ok(p in openapi.paths, p);
  });

  test('GET /api/v1/calendar/due explains the due date; unknown kind and impossible date are 400', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/due?kind=complaint&from=2026-03-18&lang=en',
    });
    assert.equal(ok.statusCode, 200);
    const d = ok.json() as { due: string; explanation: string[]; disputed: boolean };
    assert.equal(d.due, '2026-04-08');
    assert.ok(d.explanation.some((l) => /Nooruz/.test(l)));
    assert.equal(d.disputed, true);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/due?kind=petition&from=2026-02-30',
      headers: { 'accept-language': 'en' },
    });
    assert.equal(bad.statusCode, 400);
    const fields = (bad.json() as { error: { fields: { field: string; message: string }[] } }).error.fields;
    assert.deepEqual(
      fields.map((f) => f.field),
      ['kind', 'from'],
    );
    assert.match(fields[1]!.message, /No such date/);
  });

  test('administrators add a calendar exception (with history) and open appeals are recomputed; rules get versions', async () => {
    const body = await buildBody(t, { emails: null });
    const a = await en(t, await buildUser(t));
    const id = await draftThroughWizard(a, body, { channel: 'paper', submitted_on: '2026-03-02' });
    await a.post(`/appeals/${id}/send`);
    const dueOf = async () =>
      (await t.db.conn.db.selectFrom('appeal').select('due_date').where('id', '=', id).executeTakeFirstOrThrow())
        .due_date;
    assert.equal(await dueOf(), '2026-03-23');
    const admin = await en(t, await buildUser(t, { role: 'admin' }));
    assert.equal((await a.get('/admin/appeals/calendar')).statusCode, 403);
    const added = await admin.post('/admin/appeals/calendar/exceptions', {
      date: '2026-03-10',
      kind: 'day_off',
      reason_ky: 'Кошумча дем алыш',
      reason_ru: 'Дополнительный выходной',
      reason_en: 'Extra day off',
      source: 'Resolution No. 1',
    });
    assert.equal(added.statusCode, 303, added.body.slice(0, 1500));
    assert.equal(await dueOf(), '2026-03-24');
    const dup = await admin.post('/admin/appeals/calendar/exceptions', {
      date: '2026-03-10',
      kind: 'day_off',
      reason_ky: 'a',
      reason_ru: 'b',
      reason_en: 'c',
      source: '',
    });
    assert.equal(dup.statusCode, 422);
    const badDate = await admin.post('/admin/appeals/calendar/exceptions', {
      date: '2026-02-30',
      kind: 'day_off',
      reason_ky: 'a',
      reason_ru: 'b',
      reason_en: 'c',
      source: '',
    });
    assert.equal(badDate.statusCode, 422);
    const exc = await t.db.conn.db
      .selectFrom('calendar_exception')
      .select('id')
      .where('date', '=', '2026-03-10')
      .executeTakeFirstOrThrow();
    assert.equal((await admin.post(`/admin/appeals/calendar/exceptions/${exc.id}/delete`)).statusCode, 303);
    assert.equal(await dueOf(), '2026-03-23');
    const page = await admin.get('/admin/appeals/calendar');
    assert.match(page.body, /deleted by user:/);
    // Kurman Ait 2026, once announced.
    assert.equal(
      (
        await admin.post('/admin/appeals/calendar/movable', {
          holiday: 'kurman_ait',
          date: '2026-05-27',
          source: 'Muftiate',
        })
      ).statusCode,
      303,
    );

    const rules = await admin.get('/admin/appeals/rules');
    assert.match(rules.body, /Disputed/);
    const saved = await admin.post('/admin/appeals/rules', {
      kind: 'application',
      valid_from: '2027-01-01',
      legal_basis_ky: 'a',
      legal_basis_ru: 'b',
      legal_basis_en: 'c',
      registration_term: '1',
      registration_unit: 'working',
      answer_term: '10',
      answer_unit: 'working',
      max_extension: '10',
      extension_unit: 'working',
      redirection_term: '5',
      redirection_unit: 'working',
      note: 'future amendment',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 1500));
    const zero = await admin.post('/admin/appeals/rules', {
      kind: 'application',
      valid_from: '2027-01-01',
      legal_basis_ky: 'a',
      legal_basis_ru: 'b',
      legal_basis_en: 'c',
      registration_term: '1',
      registration_unit: 'working',
      answer_term: '0',
      answer_unit: 'working',
      max_extension: '10',
      extension_unit: 'working',
      redirection_term: '5',
      redirection_unit: 'working',
      note: '',
    });
    assert.equal(zero.statusCode, 422);
    // The appeal received in 2026 keeps its rule version.
    assert.equal(await dueOf(), '2026-03-23');
  });

  test('the holding pen: an administrator attaches a held message to an appeal', async () => {
    const { processInbound } = await import('../../src/modules/appeals/inbound/process-message.js');
    const body = await buildBody(t, { emails: null });
    const owner = await buildUser(t);
    const a = await en(t, owner);
    const id = await draftThroughWizard(a, body, { channel: 'paper', submitted_on: '2026-03-02' });
    await a.post(`/appeals/${id}/send`);
    const { db, cipher, config } = t.app.achyk;
    const raw = Buffer.from(
      'From: official@gov.kg\r\nTo: wrong@achyk.test\r\nSubject: Answer\r\n\r\nYour request is granted.\r\n',
    );
    const held = await processInbound(
      { db, cipher, dataDir: config.dataDir, mailDomain: 'achyk.test' },
      raw,
      { mailFrom: 'official@gov.kg', rcptTo: ['wrong@achyk.test'] },
      { now: t.clock.now },
    );
    assert.equal(held.status, 'held');
    const malformed = await processInbound(
      { db, cipher, dataDir: config.dataDir, mailDomain: 'achyk.test' },
      Buffer.from('\x00\x01 not a message'),
      { mailFrom: 'x@y', rcptTo: ['a@achyk.test'] },
      { now: t.clock.now },
    );
    assert.deepEqual(malformed.status === 'held' && malformed.reason, 'malformed');
    const large = await processInbound(
      { db, cipher, dataDir: config.dataDir, mailDomain: 'achyk.test' },
      raw,
      { mailFrom: 'x@y', rcptTo: ['a@achyk.test'] },
      { now: t.clock.now, tooLarge: true, size: 99_000_000 },
    );
    assert.deepEqual(large.status === 'held' && large.reason, 'too_large');

    const admin = await en(t, await buildUser(t, { role: 'admin' }));
    const pen = await admin.get('/admin/mail');
    assert.match(pen.body, /Your request|Answer/);
    assert.equal((await a.get('/admin/mail')).statusCode, 403);
    const wrong = await admin.post(`/admin/mail/${held.id}/attach`, { appeal_id: '999999' });
    assert.equal(wrong.statusCode, 422);
    const ok = await admin.post(`/admin/mail/${held.id}/attach`, { appeal_id: `A-${id}` });
    assert.equal(ok.statusCode, 303);
    const appeal = await db.selectFrom('appeal').select('state').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(appeal.state, 'answered');
    assert.match((await a.get(`/appeals/${id}`)).body, /Your request is granted/);
    assert.equal((await admin.post(`/admin/mail/${malformed.id}/discard`)).statusCode, 303);
    const statuses = await db
      .selectFrom('inbound_message')
      .select(['id', 'status'])
      .where('id', 'in', [held.id, malformed.id])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      statuses.map((s) => s.status),
      ['sorted', 'discarded'],
    );
  });

  test('the NGO dashboard lists overdue, due this week and awaiting classification', async () => {
    const body = await buildBody(t, { emails: null });
    const lawyer = await en(t, await buildUser(t, { role: 'lawyer' }));
    const overdue = await draftThroughWizard(lawyer, body, {
      channel: 'paper',
      submitted_on: '2026-01-30',
      subject: 'Old one',
    });
    await lawyer.post(`/appeals/${overdue}/send`);
    const coordinator = await en(t, await buildUser(t, { role: 'coordinator' }));
    const page = await coordinator.get('/appeals/dashboard');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Old one/);
    assert.match(page.body, /overdue by \d+ working days/);
    assert.equal((await (await en(t, await buildUser(t))).get('/appeals/dashboard')).statusCode, 403);
  });
});
