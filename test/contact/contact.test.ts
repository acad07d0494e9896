/**
 * The contact form: no address of the organisation in any page source, the honeypot and the signed
 * timestamp (bots get a fake success and store nothing), rate limits, translated field errors with
 * nothing half-written, encryption at rest, the staff inbox (read, handled, delete) and retention.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { ClientThrottle } from '../../src/platform/http/client-throttle.js';
import { issueFormToken } from '../../src/modules/contact/form-token.js';
import { sweepHandled } from '../../src/modules/contact/jobs.js';
import { CONTACT_LIMITS } from '../../src/modules/contact/routes-public.js';
import { runJobs } from '../appeals/support.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const ORG_EMAIL = 'info@ngo-secret.example.kg';
const EMAIL_RE = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const DAY = 24 * 3600_000;
let ipCounter = 0;
const newAgent = (t: TestApp, lang = 'en') =>
  new Agent(t.app, { 'accept-language': lang }, `198.51.100.${++ipCounter}`);

/** The form token of a contact page. */
const tokenOf = (html: string) => /name="form_token" value="([^"]+)"/.exec(html)?.[1] ?? '';

forEachDialect('contact form and inbox', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { env: { CONTACT_EMAIL: ORG_EMAIL, CONTACT_RETENTION_DAYS: '30' } });
  });
  after(async () => t.close());
  beforeEach(async () => {
    await t.db.conn.db.deleteFrom('contact_message').execute();
  });
  const db = () => t.db.conn.db;
  const count = async () => (await db().selectFrom('contact_message').select('id').execute()).length;
  const mailCount = async () =>
    (await db().selectFrom('mail_delivery').select('id').where('related_type', '=', 'contact_message').execute())
      .length;

  /** Loads the form, lets a person's writing time pass, and sends it. */
  async function send(agent: Agent, form: Record<string, string>, waitMs = 20_000) {
    const page = await agent.get('/contact');
    t.clock.advance(waitMs);
    return agent.post('/contact', { form_token: tokenOf(page.body), website: '', ...form });
  }

  test('the contact pages never show an e-mail address in their source, in any language', async () => {
    for (const lang of ['ky', 'ru', 'en']) {
      const agent = newAgent(t, lang);
      const page = await agent.get('/contact');
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, EMAIL_RE, `GET /contact (${lang})`);
      assert.doesNotMatch(page.body, /mailto:/i);
      assert.ok(!page.body.includes('ngo-secret'));
      t.clock.advance(10_000);
      const invalid = await agent.post('/contact', { form_token: tokenOf(page.body), subject: '', message: '' });
      assert.equal(invalid.statusCode, 422);
      assert.doesNotMatch(invalid.body, EMAIL_RE, `422 page (${lang})`);
      const sent = await agent.get('/contact/sent');
      assert.doesNotMatch(sent.body, EMAIL_RE, `sent page (${lang})`);
    }
  });

  test('the honeypot is hidden by a CSS class, out of the tab order, and labelled for screen readers', async () => {
    const page = await newAgent(t).get('/contact');
    assert.match(
      page.body,
      /<div class="visually-hidden"><label for="field-website">Leave this field empty[^<]*<\/label><input type="text" id="field-website" name="website" value(="")? tabindex="-1" autocomplete="off"\/><\/div>/,
    );
    assert.doesNotMatch(page.body, /style=/);
    for (const label of ['field-name', 'field-reply_to', 'field-subject', 'field-message'])
      assert.match(page.body, new RegExp(`<label for="${label}">`));
  });

  test('a message is stored encrypted, mailed to the organisation with the reply address, and audited without its content', async () => {
    const agent = newAgent(t);
    const res = await send(agent, {
      name: 'Айгүл Т.',
      reply_to: 'aigul@example.org',
      subject: 'Пытки в ИВС',
      message: 'Моего брата избили в ИВС Октябрьского района.',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
    assert.equal(res.headers.location, '/contact/sent');
    const row = await db().selectFrom('contact_message').selectAll().executeTakeFirstOrThrow();
    assert.doesNotMatch(JSON.stringify(row), /избили|aigul|Айгүл|Пытки/);
    assert.equal(row.status, 'new');
    assert.equal(row.language, 'en');
    const audit = await db()
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'contact.received')
      .where('object_id', '=', String(row.id))
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(audit.data, /избили|aigul|Пытки/);

    await runJobs(t);
    const mail = (await t.sentMail()).find((m) => m.text.includes('избили'));
    assert.ok(mail, 'the letter was sent');
    assert.equal(mail.to, ORG_EMAIL);
    assert.equal(mail.subject, `Байланыш формасы: жаңы билдирүү № ${row.id}`);
    assert.match(mail.text, /Тема: Пытки в ИВС/);
    // The outbox's delivery log (plain text) holds neither the subject nor the text.
    const delivery = await db()
      .selectFrom('mail_delivery')
      .selectAll()
      .where('related_type', '=', 'contact_message')
      .where('related_id', '=', String(row.id))
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(JSON.stringify(delivery), /Пытки|избили|aigul/);
    assert.match(mail.text, /aigul@example\.org/);
    assert.match(mail.text, new RegExp(`/contact/inbox/${row.id}`));
    for (const line of t.logs) assert.doesNotMatch(line, /избили|aigul|198\.51\.100\./);
  });

  test('bots are answered like people but nothing is stored or mailed: honeypot, no token, forged token, too fast', async () => {
    const form = { subject: 'Buy now', message: 'Cheap pills' };
    const before = await mailCount();
    const honeypot = await send(newAgent(t), { ...form, website: 'http://spam.example' });
    const noToken = await newAgent(t).post('/contact', form);
    const forged = await newAgent(t).post('/contact', {
      ...form,
      form_token: `${Date.now() - 60_000}.${'x'.repeat(43)}`,
    });
    const fast = await send(newAgent(t), form, 500);
    for (const r of [honeypot, noToken, forged, fast]) {
      assert.equal(r.statusCode, 303);
      assert.equal(r.headers.location, '/contact/sent');
    }
    assert.equal(await count(), 0);
    assert.equal(await mailCount(), before);
  });

  test('empty and oversize messages get translated field errors, keep the input, and write nothing', async () => {
    const agent = newAgent(t);
    const empty = await send(agent, { subject: 'Hello', message: '   ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Write a message\./);
    assert.match(empty.body, /value="Hello"/);
    const long = 'я'.repeat(5001);
    const oversize = await send(agent, { subject: 'Long', message: long });
    assert.equal(oversize.statusCode, 422);
    assert.match(oversize.body, /The message is too long: 5001 characters, at most 5000 are allowed\./);
    assert.ok(oversize.body.includes(long), 'the text is given back to be shortened');
    const ru = await send(newAgent(t, 'ru'), { subject: '', message: 'x', reply_to: 'not-an-address' });
    assert.equal(ru.statusCode, 422);
    assert.match(ru.body, /Укажите тему\./);
    assert.match(ru.body, /id="field-reply_to-error"/);
    const unknown = await send(agent, { subject: 'a', message: 'b', extra: '1' });
    assert.equal(unknown.statusCode, 422);
    assert.equal((await agent.post('/contact', { subject: 'a', message: 'b' }, { csrf: false })).statusCode, 403);
    // A body over the 1 MB limit is refused whole (413), not a 500.
    const huge = await send(agent, { subject: 'a', message: 'x'.repeat(1_100_000) });
    assert.equal(huge.statusCode, 413);
    assert.equal(await count(), 0);
  });

  test('a form left open for more than a day asks to send again, keeping the text', async () => {
    const agent = newAgent(t);
    const res = await send(agent, { subject: 'Later', message: 'Written slowly' }, 25 * 3600_000);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /The form was open too long/);
    assert.match(res.body, /Written slowly/);
    t.clock.advance(10_000);
    const again = await agent.post('/contact', {
      form_token: tokenOf(res.body),
      website: '',
      subject: 'Later',
      message: 'Written slowly',
    });
    assert.equal(again.statusCode, 303);
    assert.equal(await count(), 1);
  });

  test('the form is rate-limited per client with a translated 429', async () => {
    const agent = newAgent(t);
    for (let i = 0; i < CONTACT_LIMITS.perClient; i++)
      assert.equal((await send(agent, { subject: `s${i}`, message: 'm' })).statusCode, 303);
    const limited = await send(agent, { subject: 'one more', message: 'm' });
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.match(limited.body, /Too many messages\. Try again in \d+ minutes\./);
    assert.match(limited.body, /one more/, 'the text is kept');
    assert.equal(await count(), CONTACT_LIMITS.perClient);
    assert.equal(
      (await send(newAgent(t), { subject: 'other', message: 'm' })).statusCode,
      303,
      'another client may still write',
    );
  });

  test('the inbox: coordinators and admins read, mark handled and delete; other roles and visitors cannot', async () => {
    await send(newAgent(t), { subject: 'Вопрос о пресс-конференции', message: 'Когда следующая?\nСпасибо.' });
    const id = (await db().selectFrom('contact_message').select('id').executeTakeFirstOrThrow()).id;

    const anonymous = await newAgent(t).get('/contact/inbox');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login/);
    for (const role of ['lawyer', 'monitor', 'citizen'] as const) {
      const a = await signIn(t, await buildUser(t, { role }));
      assert.equal((await a.get('/contact/inbox')).statusCode, 403, role);
      assert.equal((await a.get(`/contact/inbox/${id}`)).statusCode, 403, role);
      assert.equal((await a.post(`/contact/inbox/${id}/delete`)).statusCode, 403, role);
    }

    const coordinator = await buildUser(t, { role: 'coordinator' });
    const agent = await signIn(t, coordinator);
    const inbox = await agent.get('/contact/inbox');
    assert.equal(inbox.statusCode, 200);
    assert.match(inbox.body, /Вопрос о пресс-конференции/);
    assert.match(inbox.body, /<th scope="col">/);
    assert.equal(inbox.headers['cache-control'], 'no-store');
    const page = await agent.get(`/contact/inbox/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Когда следующая\?<br\/>Спасибо\./);
    assert.ok(
      await db()
        .selectFrom('audit_event')
        .select('seq')
        .where('action', '=', 'contact.read')
        .where('object_id', '=', String(id))
        .executeTakeFirst(),
    );
    assert.equal((await agent.get('/contact/inbox/999999')).statusCode, 404);
    assert.equal((await agent.get('/contact/inbox/abc')).statusCode, 404);

    const handled = await agent.post(`/contact/inbox/${id}/handled`);
    assert.equal(handled.statusCode, 303);
    assert.equal(
      (await db().selectFrom('contact_message').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
      'handled',
    );
    assert.equal((await agent.post(`/contact/inbox/${id}/handled`, {}, { csrf: false })).statusCode, 403);

    // Deleting asks for the password again once the sign-in is more than a few minutes old.
    t.clock.advance(11 * 60_000);
    const del = await agent.post(`/contact/inbox/${id}/delete`);
    assert.equal(del.statusCode, 303);
    assert.match(String(del.headers.location), /^\/reauth/);
    assert.equal(await count(), 1);
    await agent.post('/reauth', { password: coordinator.password, next: `/contact/inbox/${id}` });
    const deleted = await agent.post(`/contact/inbox/${id}/delete`);
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/contact/inbox?done=deleted');
    assert.equal(await count(), 0);
    assert.equal((await agent.post(`/contact/inbox/${id}/delete`)).statusCode, 404);
    const actions = (
      await db()
        .selectFrom('audit_event')
        .select('action')
        .where('object_type', '=', 'contact_message')
        .where('object_id', '=', String(id))
        .orderBy('seq')
        .execute()
    ).map((a) => a.action);
    assert.deepEqual(actions, ['contact.received', 'contact.read', 'contact.handled', 'contact.deleted']);

    const admin = await signIn(t, await buildUser(t, { role: 'admin' }));
    assert.equal((await admin.get('/contact/inbox')).statusCode, 200);
  });

  test('handled messages are deleted after the retention period; new ones are kept', async () => {
    await send(newAgent(t), { subject: 'old', message: 'handled long ago' });
    await send(newAgent(t), { subject: 'open', message: 'not handled' });
    const [first] = await db().selectFrom('contact_message').select('id').orderBy('id').execute();
    await db()
      .updateTable('contact_message')
      .set({ status: 'handled', handled_at: t.clock.now.toISOString() })
      .where('id', '=', first!.id)
      .execute();
    t.clock.advance(29 * DAY);
    assert.equal(await sweepHandled(db(), 30, t.clock.now), 0);
    t.clock.advance(2 * DAY);
    assert.equal(await sweepHandled(db(), 30, t.clock.now), 1);
    const left = await db().selectFrom('contact_message').select('status').execute();
    assert.deepEqual(
      left.map((r) => r.status),
      ['new'],
    );
    assert.ok(
      await db()
        .selectFrom('audit_event')
        .select('seq')
        .where('action', '=', 'contact.expired')
        .where('object_id', '=', String(first!.id))
        .executeTakeFirst(),
    );
  });
});

test('ClientThrottle: per-client limit, global ceiling, and a new window', () => {
  const th = new ClientThrottle({ perClient: 2, global: 3, windowMs: 60_000 });
  const at = new Date('2026-03-02T06:00:00Z');
  assert.equal(th.take('a', at), 0);
  assert.equal(th.take('a', at), 0);
  assert.ok(th.take('a', at) > 0, 'client a is limited');
  assert.equal(th.take('b', at), 0);
  assert.ok(th.take('c', at) > 0, 'the global ceiling holds for a new client');
  assert.equal(th.take('c', new Date(at.getTime() + 60_000)), 0, 'a new window starts');
});

test('form tokens: a forged signature or a missing token is a bot; the fill time counts', async () => {
  const { checkFormToken } = await import('../../src/modules/contact/form-token.js');
  const cipher = { hmac: (d: string) => Buffer.from(d.padEnd(32, '-').slice(0, 32)).toString('base64url') };
  const at = new Date('2026-03-02T06:00:00Z');
  const token = issueFormToken(cipher, at);
  assert.equal(checkFormToken(cipher, token, at), 'bot');
  assert.equal(checkFormToken(cipher, token, new Date(at.getTime() + 5_000)), 'ok');
  assert.equal(checkFormToken(cipher, token, new Date(at.getTime() + 2 * DAY)), 'stale');
  assert.equal(checkFormToken(cipher, undefined, at), 'bot');
  assert.equal(
    checkFormToken(
      cipher,
      token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      new Date(at.getTime() + 5_000),
    ),
    'bot',
  );
});

forEachDialect('contact form without CONTACT_EMAIL', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('messages are mailed to every active coordinator, in their language', async () => {
    const c1 = await buildUser(t, { role: 'coordinator' });
    const c2 = await buildUser(t, { role: 'coordinator' });
    await t.db.conn.db.updateTable('user').set({ locale: 'en' }).where('id', '=', c2.id).execute();
    await buildUser(t, { role: 'lawyer' });
    await buildUser(t, { role: 'coordinator', status: 'disabled' });
    const agent = newAgent(t);
    const page = await agent.get('/contact');
    t.clock.advance(10_000);
    const res = await agent.post('/contact', {
      form_token: tokenOf(page.body),
      website: '',
      subject: 'Question',
      message: 'Is the hearing open to the public?',
    });
    assert.equal(res.statusCode, 303);
    await runJobs(t);
    const mail = (await t.sentMail()).filter((m) => m.text.includes('hearing open'));
    assert.deepEqual(mail.map((m) => m.to).sort(), [c1.email, c2.email].sort());
    assert.match(mail.find((m) => m.to === c2.email)!.subject, /^Contact form: new message no\. \d+$/);
  });
});
