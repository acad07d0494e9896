/**
 * Subscriptions by e-mail: double opt-in and one-click unsubscribe through a real SMTP exchange on
 * loopback (the outbox sends with nodemailer to an smtp-server), duplicates, bad input, expiry of
 * unconfirmed addresses, rate limiting, and the address kept only encrypted.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { announceToSubscribers } from '../../src/modules/subscriptions/announce.js';
import { deleteSubscriptionByEmail } from '../../src/modules/subscriptions/cli.js';
import { sweepPending } from '../../src/modules/subscriptions/jobs.js';
import { SUBSCRIBE_LIMITS } from '../../src/modules/subscriptions/routes.js';
import { runJobs, startTestSmtp, type Smtp } from '../appeals/support.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;
let ipCounter = 0;
/** A fresh client address per agent, so the per-client rate limit only meets the test that wants it. */
const newAgent = (t: TestApp) => new Agent(t.app, {}, `192.0.2.${++ipCounter}`);

const unfold = (raw: Buffer) => raw.toString('utf8').replace(/\r?\n[ \t]+/g, ' ');

forEachDialect('subscriptions', (dialect) => {
  let t: TestApp;
  let smtp: Smtp;
  before(async () => {
    smtp = await startTestSmtp();
    t = await buildTestApp(dialect, {
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        MAIL_DOMAIN: 'achyk.test',
        MAIL_FROM: 'Achyk <no-reply@achyk.test>',
      },
    });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    await t.db.conn.db.deleteFrom('subscription').execute();
  });
  const db = () => t.db.conn.db;

  async function subscribe(
    agent: Agent,
    email: string,
    form: Record<string, string> = { topic_statements: '1', language: 'ru' },
  ) {
    return agent.post('/subscribe', { email, ...form });
  }

  /** Runs the outbox and returns (and forgets) the letters that reached the SMTP server for `to` since the last call. */
  async function lettersTo(to: string) {
    await runJobs(t);
    const mine = smtp.received.filter((m) => m.envelope.to.includes(to));
    smtp.received.splice(0, smtp.received.length, ...smtp.received.filter((m) => !mine.includes(m)));
    return mine;
  }

  test('double opt-in and one-click unsubscribe over real SMTP', async () => {
    const agent = newAgent(t);
    const page = await agent.get('/subscribe');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<label for="field-email">/);
    const res = await subscribe(agent, ' Journalist@Example.KG ', {
      topic_statements: '1',
      topic_events: '1',
      language: 'ru',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
    assert.equal(res.headers.location, '/subscribe/sent');
    assert.equal((await agent.get('/subscribe/sent')).statusCode, 200);

    const [confirmLetter] = await lettersTo('journalist@example.kg');
    assert.ok(confirmLetter, 'the confirmation letter arrived');
    assert.equal(confirmLetter.parsed.subject, 'Подтвердите подписку');
    const token = /\/subscribe\/confirm\?token=([\w-]+)/.exec(confirmLetter.parsed.text ?? '')?.[1];
    assert.ok(token);
    let row = await db().selectFrom('subscription').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');

    // Nothing is subscribed over GET (mail scanners open links): the page shows a button.
    const confirmPage = await agent.get(`/subscribe/confirm?token=${token}`);
    assert.equal(confirmPage.statusCode, 200);
    assert.match(
      confirmPage.body,
      /Заявления и пресс-релизы, Мероприятия|Statements and press releases, Events|Билдирүүлөр/,
    );
    assert.equal((await db().selectFrom('subscription').select('status').executeTakeFirstOrThrow()).status, 'pending');
    assert.equal(
      await announceToSubscribers(
        db(),
        { topic: 'statements', language: 'ru', subject: 'x', text: 'y', url: 'http://localhost:3000/statements/1' },
        { cipher: t.cipher, now: t.clock.now },
      ),
      0,
      'nobody is announced to before confirming',
    );

    // Confirmation is a POST with the CSRF token; without it, 403.
    assert.equal((await newAgent(t).post('/subscribe/confirm', { token }, { csrf: false })).statusCode, 403);
    const confirmed = await agent.post('/subscribe/confirm', { token: token! });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/subscribe/confirmed');
    row = await db().selectFrom('subscription').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'confirmed');
    assert.equal(row.confirm_token_hash, null);
    assert.equal(row.expires_at, null);
    // The token is used up.
    assert.equal((await agent.post('/subscribe/confirm', { token: token! })).statusCode, 404);

    const [welcome] = await lettersTo('journalist@example.kg');
    assert.ok(welcome);
    const raw = unfold(welcome.raw);
    const unsubscribeUrl = /^List-Unsubscribe: <(http:\/\/localhost:3000\/unsubscribe\?token=[\w.%-]+)>/m.exec(
      raw,
    )?.[1];
    assert.ok(unsubscribeUrl, raw.slice(0, 1500));
    assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

    // An announcement goes to confirmed subscribers of the topic in the language only.
    const counts = await db()
      .transaction()
      .execute(async (trx) => ({
        ru: await announceToSubscribers(
          trx,
          {
            topic: 'events',
            language: 'ru',
            subject: 'Пресс-конференция 5 марта',
            text: 'Приглашаем журналистов.',
            url: 'http://localhost:3000/events/7',
          },
          { cipher: t.cipher, now: t.clock.now },
        ),
        en: await announceToSubscribers(
          trx,
          {
            topic: 'events',
            language: 'en',
            subject: 'Press conference',
            text: 'Invitation.',
            url: 'http://localhost:3000/events/7',
          },
          { cipher: t.cipher, now: t.clock.now },
        ),
      }));
    assert.deepEqual(counts, { ru: 1, en: 0 });
    const [announcement] = await lettersTo('journalist@example.kg');
    assert.ok(announcement);
    assert.equal(announcement.parsed.subject, 'Пресс-конференция 5 марта');
    assert.match(
      announcement.parsed.text ?? '',
      /Приглашаем журналистов\.[\s\S]*http:\/\/localhost:3000\/events\/7[\s\S]*Отписаться/,
    );
    const announceUrl = /^List-Unsubscribe: <([^>]+)>/m.exec(unfold(announcement.raw))?.[1];
    assert.equal(announceUrl, unsubscribeUrl, 'every letter to the subscriber carries the same working link');
    assert.match(unfold(announcement.raw), /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

    // Opening the link shows a button and changes nothing.
    const path = unsubscribeUrl.replace('http://localhost:3000', '');
    const unsubPage = await newAgent(t).get(path);
    assert.equal(unsubPage.statusCode, 200);
    assert.match(unsubPage.body, /<form method="post" action="\/unsubscribe\?token=/);
    assert.equal((await db().selectFrom('subscription').select('id').execute()).length, 1);

    // A forged token (right id, wrong MAC) does nothing.
    const forged = path.replace(/\.[\w-]{43}$/, `.${'A'.repeat(43)}`);
    assert.notEqual(forged, path);
    assert.equal(
      (
        await t.app.inject({
          method: 'POST',
          url: forged,
          payload: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).statusCode,
      404,
    );

    // RFC 8058 one-click: the mail provider POSTs without cookies or a CSRF token.
    const oneClick = await t.app.inject({
      method: 'POST',
      url: path,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(oneClick.statusCode, 200, oneClick.body.slice(0, 500));
    assert.equal((await db().selectFrom('subscription').select('id').execute()).length, 0, 'the address is deleted');
    const deliveries = await db()
      .selectFrom('mail_delivery')
      .select('to_address')
      .where('related_type', '=', 'subscription')
      .execute();
    assert.equal(deliveries.length, 3, 'confirmation, welcome and announcement');
    for (const d of deliveries)
      assert.doesNotMatch(d.to_address, /journalist/, 'the delivery log forgets the address too');
    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'data'])
      .where('action', 'like', 'subscription.%')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['subscription.requested', 'subscription.confirmed', 'subscription.deleted'],
    );
    for (const a of audit) assert.doesNotMatch(a.data, /example\.kg/i);
    // Used twice: the link no longer names anything.
    assert.equal(
      (
        await t.app.inject({
          method: 'POST',
          url: path,
          payload: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).statusCode,
      404,
    );
    assert.equal(
      await announceToSubscribers(
        db(),
        { topic: 'events', language: 'ru', subject: 'x', text: 'y', url: 'http://localhost:3000/events/8' },
        { cipher: t.cipher, now: t.clock.now },
      ),
      0,
    );
  });

  test('the unsubscribe page button works too (a form POST from the browser)', async () => {
    const agent = newAgent(t);
    await subscribe(agent, 'button@example.kg', { topic_events: '1', language: 'en' });
    const [letter] = await lettersTo('button@example.kg');
    const token = /token=([\w-]+)/.exec(letter!.parsed.text ?? '')![1]!;
    await agent.post('/subscribe/confirm', { token });
    const [welcome] = await lettersTo('button@example.kg');
    assert.match(welcome!.parsed.text ?? '', /Your subscription is confirmed: Events/);
    const path = /http:\/\/localhost:3000(\/unsubscribe\?token=[\w.%-]+)/.exec(welcome!.parsed.text ?? '')![1]!;
    const res = await agent.post(path, {}, { headers: { 'accept-language': 'en' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /You are unsubscribed/);
    assert.equal((await db().selectFrom('subscription').select('id').execute()).length, 0);
  });

  test('a one-click POST sent as multipart/form-data (also allowed by RFC 8058) unsubscribes', async () => {
    const agent = newAgent(t);
    await subscribe(agent, 'multipart@example.kg', { topic_events: '1', language: 'ky' });
    const [letter] = await lettersTo('multipart@example.kg');
    await agent.post('/subscribe/confirm', { token: /token=([\w-]+)/.exec(letter!.parsed.text ?? '')![1]! });
    const [welcome] = await lettersTo('multipart@example.kg');
    const path = /^List-Unsubscribe: <http:\/\/localhost:3000([^>]+)>/m.exec(unfold(welcome!.raw))![1]!;
    // A mail client's one-click POST: no cookie, no CSRF token (RFC 8058).
    const res = await new Agent(t.app).postMultipart(path, { 'List-Unsubscribe': 'One-Click' }, [], { csrf: false });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.equal((await db().selectFrom('subscription').select('id').execute()).length, 0);
    const audit = await db()
      .selectFrom('audit_event')
      .select('data')
      .where('action', '=', 'subscription.deleted')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(audit.data, /"one_click":true/);
  });

  test('a duplicate subscription gets a clear message and writes nothing', async () => {
    const agent = newAgent(t);
    assert.equal((await subscribe(agent, 'dup@example.kg')).statusCode, 303);
    const mailBefore = (await db().selectFrom('mail_delivery').select('id').execute()).length;
    const pending = await subscribe(agent, 'DUP@example.kg', { topic_events: '1', language: 'en' });
    assert.equal(pending.statusCode, 422);
    assert.match(
      pending.body,
      /Письмо с подтверждением уже отправлено|confirmation letter was already sent|ырастоо каты буга чейин/,
    );

    const [letter] = await lettersTo('dup@example.kg');
    const token = /token=([\w-]+)/.exec(letter!.parsed.text ?? '')![1]!;
    await agent.post('/subscribe/confirm', { token });
    const mailAfterConfirm = (await db().selectFrom('mail_delivery').select('id').execute()).length;
    const again = await newAgent(t).post(
      '/subscribe',
      { email: 'dup@example.kg', topic_statements: '1', language: 'en' },
      { headers: { 'accept-language': 'en' } },
    );
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /already subscribed|уже подписан|мурунтан эле жазылган/);
    assert.equal(
      (await db().selectFrom('subscription').select('id').where('status', '=', 'confirmed').execute()).length,
      1,
    );
    assert.equal(
      (await db().selectFrom('mail_delivery').select('id').execute()).length,
      mailAfterConfirm,
      'no letter for a duplicate',
    );
    assert.equal(mailAfterConfirm, mailBefore + 1, 'only the welcome letter was added');
    await db().deleteFrom('subscription').execute();
  });

  test('two requests for the same address at once: one letter, one clear message, never a 500', async () => {
    const [a, b] = [newAgent(t), newAgent(t)];
    await Promise.all([a.csrf(), b.csrf()]);
    const results = await Promise.all([subscribe(a, 'race@example.kg'), subscribe(b, 'race@example.kg')]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 422]);
    assert.equal((await db().selectFrom('subscription').select('id').execute()).length, 1);
    assert.equal((await lettersTo('race@example.kg')).length, 1);
  });

  test('bad input answers 422 with a message per field, in the visitor’s language, and stores nothing', async () => {
    const agent = newAgent(t);
    const en = { 'accept-language': 'en' };
    const noTopic = await agent.post('/subscribe', { email: 'a@example.kg', language: 'ru' }, { headers: en });
    assert.equal(noTopic.statusCode, 422);
    assert.match(noTopic.body, /Choose at least one topic/);
    assert.match(noTopic.body, /value="a@example.kg"/, 'the input is kept');
    const badEmail = await agent.post(
      '/subscribe',
      { email: 'not-an-address', topic_events: '1', language: 'ru' },
      { headers: en },
    );
    assert.equal(badEmail.statusCode, 422);
    assert.match(badEmail.body, /id="field-email-error"/);
    const badLang = await agent.post(
      '/subscribe',
      { email: 'b@example.kg', topic_events: '1', language: 'de' },
      { headers: en },
    );
    assert.equal(badLang.statusCode, 422);
    const unknown = await agent.post(
      '/subscribe',
      { email: 'c@example.kg', topic_events: '1', language: 'ru', name: 'x' },
      { headers: en },
    );
    assert.equal(unknown.statusCode, 422);
    assert.equal(
      (await agent.post('/subscribe', { email: 'd@example.kg', topic_events: '1', language: 'ru' }, { csrf: false }))
        .statusCode,
      403,
    );
    assert.equal((await db().selectFrom('subscription').select('id').execute()).length, 0);
    assert.equal((await agent.get('/subscribe/confirm?token=nonsense')).statusCode, 404);
    assert.equal((await agent.get('/unsubscribe?token=1.nonsense')).statusCode, 404);
    assert.equal((await agent.get('/unsubscribe')).statusCode, 404);
  });

  test('the address is stored encrypted, and an unconfirmed one is deleted when the link expires', async () => {
    const agent = newAgent(t);
    await subscribe(agent, 'expiring@example.kg');
    const row = await db().selectFrom('subscription').selectAll().executeTakeFirstOrThrow();
    assert.doesNotMatch(JSON.stringify(row), /expiring/);
    assert.match(row.email_enc, /^enc1:/);
    const [letter] = await lettersTo('expiring@example.kg');
    const token = /token=([\w-]+)/.exec(letter!.parsed.text ?? '')![1]!;

    t.clock.advance(47 * HOUR);
    assert.equal(await sweepPending(db(), t.clock.now), 0);
    t.clock.advance(2 * HOUR);
    assert.equal(
      (await agent.get(`/subscribe/confirm?token=${token}`)).statusCode,
      404,
      'an expired link no longer confirms',
    );
    assert.equal(await sweepPending(db(), t.clock.now), 1);
    assert.equal((await db().selectFrom('subscription').select('id').execute()).length, 0);
    const deliveries = await db()
      .selectFrom('mail_delivery')
      .select('to_address')
      .where('related_type', '=', 'subscription')
      .where('related_id', '=', String(row.id))
      .execute();
    assert.equal(deliveries.length, 1);
    assert.doesNotMatch(deliveries[0]!.to_address, /expiring/);
    // The address may subscribe again afterwards.
    assert.equal((await subscribe(agent, 'expiring@example.kg')).statusCode, 303);
    await db().deleteFrom('subscription').execute();
  });

  test('an address is deleted on request by the CLI, found by its keyed hash', async () => {
    await subscribe(newAgent(t), 'Asks.By.Phone@example.kg');
    const del = (email: string) =>
      db()
        .transaction()
        .execute((trx) => deleteSubscriptionByEmail(trx, t.cipher, email, t.clock.now));
    assert.equal(await del('someone-else@example.kg'), false);
    assert.equal(await del(' asks.by.phone@EXAMPLE.kg '), true);
    assert.equal((await db().selectFrom('subscription').select('id').execute()).length, 0);
    const last = await db().selectFrom('audit_event').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(last.action, 'subscription.deleted');
    assert.equal(last.actor, 'cli');
    assert.doesNotMatch(last.data, /phone/i);
  });

  test('the subscribe form is rate-limited per client (429, translated)', async () => {
    const agent = newAgent(t);
    for (let i = 0; i < SUBSCRIBE_LIMITS.perClient; i++)
      assert.equal((await subscribe(agent, `many${i}@example.kg`)).statusCode, 303);
    const limited = await subscribe(agent, 'one-more@example.kg');
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.match(limited.body, /Слишком много запросов|Too many requests|Өтө көп/);
    assert.equal(
      (await subscribe(newAgent(t), 'other-client@example.kg')).statusCode,
      303,
      'another client is not affected',
    );
    for (const line of t.logs) assert.doesNotMatch(line, /192\.0\.2\.|example\.kg/);
    await db().deleteFrom('subscription').execute();
  });
});
