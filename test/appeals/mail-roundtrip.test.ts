import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodemailer from 'nodemailer';
import { startInboundSmtp, type InboundServer } from '../../src/modules/appeals/inbound/receiver.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { runJobs, startTestSmtp, type Smtp } from './support.js';

forEachDialect('appeals: wizard, outbound and inbound mail over real SMTP', (dialect) => {
  let t: TestApp;
  let smtp: Smtp;
  let inbound: InboundServer;
  before(async () => {
    smtp = await startTestSmtp();
    // Wednesday 18 March 2026, 10:00 in Bishkek
    t = await buildTestApp(dialect, {
      now: new Date('2026-03-18T04:00:00Z'),
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        MAIL_DOMAIN: 'achyk.test',
        MAIL_FROM: 'Achyk <no-reply@achyk.test>',
      },
    });
    const { db, cipher, config } = t.app.achyk;
    inbound = await startInboundSmtp({
      db,
      cipher,
      dataDir: config.dataDir,
      mailDomain: config.mailDomain,
      port: 0,
      host: '127.0.0.1',
      now: () => t.clock.now,
    });
  });
  after(async () => {
    await inbound.close();
    await t.close();
    await smtp.close();
  });

  test('a citizen sends an appeal through the wizard; the body replies by e-mail and the reply lands on the timeline', async () => {
    const bodyId = await buildBody(t, {
      name_ru: 'Министерство юстиции',
      name_ky: 'Юстиция министрлиги',
      name_en: 'Ministry of Justice',
      emails: 'info@minjust.example.kg',
    });
    const citizen = await buildUser(t, { role: 'citizen' });
    const agent = await signIn(t, citizen);

    const search = await agent.get('/appeals/new?q=' + encodeURIComponent('юстиции'));
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /Министерство юстиции|Юстиция министрлиги|Ministry of Justice/);
    const created = await agent.post('/appeals/new', { body_id: String(bodyId) });
    assert.equal(created.statusCode, 303);
    const edit = created.headers.location as string;
    const id = Number(/\/appeals\/(\d+)\/edit/.exec(edit)![1]);
    const saved = await agent.post(edit, {
      kind: 'application',
      language: 'ru',
      subject: 'Выдача справки',
      text: 'Прошу выдать справку о несудимости.',
      channel: 'email',
      to_address: '',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    assert.equal(saved.headers.location, `/appeals/${id}/documents`);
    const review = await agent.get(`/appeals/${id}/review`);
    assert.equal(review.statusCode, 200);
    assert.match(review.body, /Закон Кыргызской Республики «О порядке рассмотрения обращений граждан»/);
    const sent = await agent.post(`/appeals/${id}/send`);
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 3000));

    await runJobs(t);
    assert.equal(smtp.received.length, 1);
    const letter = smtp.received[0]!;
    assert.deepEqual(letter.envelope.to, ['info@minjust.example.kg']);
    const replyTo = letter.parsed.replyTo?.value[0]?.address ?? '';
    assert.match(replyTo, new RegExp(`^appeal-${id}-[0-9a-f]{8}@achyk\\.test$`));
    assert.match(letter.parsed.subject ?? '', /Обращение № A-\d+/);
    // Received Wed 18 Mar 2026: registration due Thu 19 Mar; 14 working days skip Orozo Ait (20 Mar),
    // Nooruz on Saturday 21 Mar (not moved under the 2025 Labour Code) and the weekends: 8 April.
    assert.match(letter.parsed.text ?? '', /срок ответа: 8 апреля 2026/);
    assert.match(letter.parsed.text ?? '', /10 000 сомов/);
    const delivery = await t.db.conn.db
      .selectFrom('mail_delivery')
      .selectAll()
      .where('related_id', '=', String(id))
      .executeTakeFirstOrThrow();
    assert.equal(delivery.status, 'sent');

    // The body answers by replying, through a real SMTP exchange with Achyk's receiver.
    t.clock.advance(5 * 24 * 3600_000);
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: inbound.port,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: 'info@minjust.example.kg',
      to: replyTo,
      subject: 'Re: ' + letter.parsed.subject,
      text: 'Справка будет выдана 25 марта.',
      // The second name hides its extension behind a right-to-left override: stored as "spravka_fdp.txt".
      attachments: [
        { filename: 'otvet.txt', content: 'Ответ министерства' },
        { filename: 'spravka\u202Efdp.txt', content: 'Справка' },
      ],
    });
    transport.close();
    // (the session has expired after five days: sign in again)
    const page = await (await signIn(t, citizen)).get(`/appeals/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Справка будет выдана 25 марта/);
    assert.match(page.body, /otvet\.txt/);
    const names = (
      await t.db.conn.db
        .selectFrom('appeal_file')
        .select('original_name')
        .where('appeal_id', '=', id)
        .orderBy('id')
        .execute()
    ).map((f) => f.original_name);
    assert.deepEqual(names, ['otvet.txt', 'spravka_fdp.txt']);
    const appeal = await t.db.conn.db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(appeal.state, 'answered');
    const msg = await t.db.conn.db
      .selectFrom('inbound_message')
      .selectAll()
      .where('appeal_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(msg.status, 'attached');
    assert.match(msg.sha256, /^[0-9a-f]{64}$/);
  });

  test('a reply to a forged address goes to the holding pen, not onto any timeline', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: inbound.port,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: 'x@example.org',
      to: 'appeal-1-deadbeef@achyk.test',
      subject: 'forged',
      text: 'hello',
    });
    await transport.sendMail({ from: 'x@example.org', to: 'someone@achyk.test', subject: 'unknown', text: 'hello' });
    transport.close();
    const held = await t.db.conn.db
      .selectFrom('inbound_message')
      .selectAll()
      .where('status', '=', 'held')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      held.map((h) => h.hold_reason),
      ['bad_signature', 'unknown_address'],
    );
    const events = await t.db.conn.db
      .selectFrom('appeal_event')
      .select('text')
      .where('text', 'like', '%hello%')
      .execute();
    assert.equal(events.length, 0);
  });

  test('a message over the size limit is refused with 552 and recorded in the holding pen', async () => {
    const { db, cipher, config } = t.app.achyk;
    const small = await startInboundSmtp({
      db,
      cipher,
      dataDir: config.dataDir,
      mailDomain: config.mailDomain,
      port: 0,
      host: '127.0.0.1',
      maxBytes: 4096,
      now: () => t.clock.now,
    });
    try {
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: small.port,
        secure: false,
        ignoreTLS: true,
      });
      await assert.rejects(
        transport.sendMail({
          from: 'big@example.org',
          to: 'appeal-1-00000000@achyk.test',
          subject: 'huge',
          text: 'x'.repeat(20_000),
        }),
        /552|too large/i,
      );
      transport.close();
      const row = await db
        .selectFrom('inbound_message')
        .selectAll()
        .where('hold_reason', '=', 'too_large')
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'held');
      assert.ok(row.size > 4096);
      assert.match(row.sha256, /^[0-9a-f]{64}$/);
      // Mail for another domain is refused outright: the receiver is not a relay.
      const relay = nodemailer.createTransport({ host: '127.0.0.1', port: small.port, secure: false, ignoreTLS: true });
      await assert.rejects(
        relay.sendMail({ from: 'a@example.org', to: 'someone@example.com', subject: 'x', text: 'y' }),
        /550|Relay/i,
      );
      relay.close();
    } finally {
      await small.close();
    }
  });
});
