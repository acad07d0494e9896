import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runDueJobs } from '../../src/platform/jobs/queue.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { currentParagraphs, makeDocx, postMultipart, RU_DRAFT, seedConsultation, text } from './fixtures.js';

const KY_DRAFT = `1-берене. Жалпы жоболор
Ушул Мыйзам коомдук угууларды өткөрүү тартибин аныктайт.

2-берене. Мөөнөттөр
Талкуу 15 күндөн кем эмес убакытка созулат.`;

forEachDialect('consultations: versions, uploads, hearings and e-mail to followers', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect, { now: new Date('2026-03-02T06:00:00Z') });
  });
  after(async () => t.close());

  const services = () => ({ config: t.config, cipher: t.cipher, mailer: t.app.achyk.mailer });

  test('a revised version shows word-level changes; unchanged paragraphs keep their anchors; followers get a letter in their language', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id);
    const follower = await buildUser(t);
    await t.db.conn.db.updateTable('user').set({ locale: 'ru' }).where('id', '=', follower.id).execute();
    const fa = await signIn(t, follower);
    assert.equal((await fa.post(`/consultations/${id}/follow`)).statusCode, 303);
    const v1 = await currentParagraphs(t, id);
    const agent = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
    const res = await postMultipart(agent, `/consultations/${id}/versions`, {
      text: RU_DRAFT.replace('не менее 15 дней', 'не менее 30 календарных дней'),
      format: 'text',
      change_note: 'Срок',
    });
    assert.equal(res.statusCode, 303, res.body);
    const v2 = await currentParagraphs(t, id);
    assert.deepEqual(
      v2.slice(0, 3).map((p) => p.anchor),
      v1.slice(0, 3).map((p) => p.anchor),
    );
    assert.notEqual(v2[3]!.anchor, v1[3]!.anchor);
    const page = await agent.get(String(res.headers.location));
    assert.match(page.body, /Changes from version 1/);
    assert.match(page.body, /<del aria-label="deleted">15<\/del>/);
    assert.match(page.body, /<ins aria-label="inserted">30 календарных<\/ins>/);
    const deliveries = await t.db.conn.db
      .selectFrom('mail_delivery')
      .selectAll()
      .where('related_type', '=', 'consultation')
      .where('related_id', '=', String(id))
      .execute();
    assert.equal(deliveries.length, 1);
    assert.equal(deliveries[0]!.to_address, follower.email);
    assert.match(deliveries[0]!.subject, /новая редакция проекта/);
    await runDueJobs({ db: t.db.conn.db, services: services(), now: t.clock.now });
    const sent = (await t.sentMail()).filter((m) => m.to === follower.email);
    assert.equal(sent.length, 1);
    assert.match(sent[0]!.text, new RegExp(`/consultations/${id}/versions/2`));
  });

  test('"closing soon" goes out three days before the end, once, with time as a parameter; the report letter on publication', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id, { closesOn: '2026-03-20' });
    const follower = await buildUser(t);
    await (await signIn(t, follower)).post(`/consultations/${id}/follow`);
    const count = async () =>
      (
        await t.db.conn.db
          .selectFrom('mail_delivery')
          .select('subject')
          .where('related_id', '=', String(id))
          .where('to_address', '=', follower.email)
          .execute()
      ).map((r) => r.subject);
    // 17 March 23:59 Bishkek is still more than three days before the end of 20 March.
    await runDueJobs({ db: t.db.conn.db, services: services(), now: new Date('2026-03-17T17:59:00Z') });
    assert.deepEqual(await count(), []);
    await runDueJobs({ db: t.db.conn.db, services: services(), now: new Date('2026-03-17T18:00:00Z') });
    assert.equal((await count()).length, 1);
    assert.match((await count())[0]!, /2026/);
    await runDueJobs({ db: t.db.conn.db, services: services(), now: new Date('2026-03-18T18:00:00Z') });
    assert.equal((await count()).length, 1, 'only once');
    const saved = t.clock.now;
    t.clock.now = new Date('2026-03-21T06:00:00Z');
    const agent = await signIn(t, coordinator);
    assert.equal((await agent.post(`/consultations/${id}/report`, { conclusion: '' })).statusCode, 303);
    assert.equal((await count()).length, 2);
    t.clock.now = saved;
  });

  test('uploads: a Kyrgyz DOCX is split into articles; wrong types, fake DOCX and oversize files are refused', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id, { published: false });
    const agent = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
    const url = `/consultations/${id}/versions`;
    const ok = await postMultipart(
      agent,
      url,
      { text: '', format: 'text', change_note: '' },
      { field: 'file', filename: 'мыйзам.docx', content: makeDocx(KY_DRAFT.split('\n')) },
    );
    assert.equal(ok.statusCode, 303, ok.body);
    const paras = await currentParagraphs(t, id);
    assert.deepEqual(
      paras.map((p) => p.article_number),
      ['1', '2'],
    );
    const version = await t.db.conn.db
      .selectFrom('consultation_version')
      .select(['source_format', 'split_ok'])
      .where('consultation_id', '=', id)
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(version, { source_format: 'docx', split_ok: 1 });
    const versionsBefore = (
      await t.db.conn.db.selectFrom('consultation_version').select('id').where('consultation_id', '=', id).execute()
    ).length;

    let res = await postMultipart(
      agent,
      url,
      { text: '', format: 'text', change_note: '' },
      { field: 'file', filename: 'draft.pdf', content: '%PDF-1.4' },
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /upload a \.txt, \.md or \.docx file/);
    res = await postMultipart(
      agent,
      url,
      { text: '', format: 'text', change_note: '' },
      { field: 'file', filename: 'draft.docx', content: 'not a zip at all' },
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /could not be read/);
    res = await postMultipart(
      agent,
      url,
      { text: '', format: 'text', change_note: '' },
      { field: 'file', filename: 'draft.txt', content: Buffer.from([0x53, 0x00, 0xff, 0xfe]) },
    );
    assert.equal(res.statusCode, 422);
    res = await postMultipart(
      agent,
      url,
      { text: '', format: 'text', change_note: '' },
      { field: 'file', filename: 'big.txt', content: Buffer.alloc(5 * 1024 * 1024 + 10, 0x61) },
    );
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /too large \(at most 5 MB\)/);
    res = await postMultipart(agent, url, { text: '   ', format: 'text', change_note: '' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Paste the text or upload a file/);
    // A Markdown file is split as Markdown.
    res = await postMultipart(
      agent,
      url,
      { text: '', format: 'text', change_note: '' },
      {
        field: 'file',
        filename: 'draft.md',
        content: '# Draft\n\n## Article 1. Scope\nThis Law\napplies to everyone.\n',
      },
    );
    assert.equal(res.statusCode, 303);
    const md = await currentParagraphs(t, id);
    assert.equal(md[md.length - 1]!.text, 'This Law applies to everyone.');
    const versionsAfter = (
      await t.db.conn.db.selectFrom('consultation_version').select('id').where('consultation_id', '=', id).execute()
    ).length;
    assert.equal(versionsAfter, versionsBefore + 1, 'refused uploads wrote nothing');
    // Without the CSRF token in the query, a multipart post is refused.
    const noCsrf = await t.app.inject({
      method: 'POST',
      url,
      payload: 'x',
      headers: { 'content-type': 'multipart/form-data; boundary=x', cookie: agent.cookieHeader() },
    });
    assert.equal(noCsrf.statusCode, 403);
  });

  test('hearings: date, place, participants and minutes (typed or a .txt upload) with SHA-256; minutes download as an attachment', async () => {
    const coordinator = await buildUser(t, { role: 'coordinator' });
    const id = await seedConsultation(t, coordinator.id);
    const agent = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
    const url = `/consultations/${id}/hearings`;
    let res = await postMultipart(agent, url, {
      held_on: '2026-03-05',
      place: 'Бишкек, Жогорку Кеңеш',
      participants: 'many',
      minutes: '',
    });
    assert.equal(res.statusCode, 422);
    const minutes = 'Протокол публичных слушаний\nПрисутствовали: 42 человека.';
    res = await postMultipart(
      agent,
      url,
      { held_on: '2026-03-05', place: 'Бишкек, Жогорку Кеңеш', participants: '42', minutes: '' },
      { field: 'file', filename: 'протокол\u202Efdp.txt', content: minutes },
    );
    assert.equal(res.statusCode, 303, res.body);
    const h = await t.db.conn.db
      .selectFrom('consultation_hearing')
      .selectAll()
      .where('consultation_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(h.participants, 42);
    assert.equal(h.minutes_name, 'протокол_fdp.txt', 'the bidi override is not kept in the file name');
    assert.equal(h.minutes_sha256, (await import('node:crypto')).createHash('sha256').update(minutes).digest('hex'));
    const dl = await new Agent(t.app).get(`/consultations/${id}/hearings/${h.id}/minutes`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers['content-disposition']), /^attachment;/);
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    assert.equal(dl.body, minutes);
    const page = await new Agent(t.app, { 'accept-language': 'en' }).get(`/consultations/${id}`);
    assert.match(text(page.body), /Бишкек, Жогорку Кеңеш/);
    res = await postMultipart(
      agent,
      url,
      { held_on: '2026-03-06', place: 'Ош', participants: '10', minutes: '' },
      { field: 'file', filename: 'minutes.exe', content: 'MZ' },
    );
    assert.equal(res.statusCode, 422);
    const citizen = await signIn(t, await buildUser(t));
    assert.equal(
      (await postMultipart(citizen, url, { held_on: '2026-03-06', place: 'Ош', participants: '10', minutes: 'x' }))
        .statusCode,
      403,
    );
  });
});
