/**
 * The owner's publication workflow through the pages: suggestions, preview, manual redactions,
 * kept suggestions, rules (catastrophic ones refused quickly), safe originals (staff only), publish,
 * withdraw, statistics consent, and administrators' global and per-body rules.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { draftThroughWizard, upload } from '../appeals/support.js';
import { event, publish, sentAppeal } from './support.js';

forEachDialect('publication: review, redact, preview, publish, withdraw', (dialect) => {
  let t: TestApp;
  let body: number;
  before(async () => {
    t = await buildTestApp(dialect, { now: new Date('2026-03-10T06:00:00Z') });
    body = await buildBody(t);
  });
  after(async () => t.close());
  const en = async (role: 'citizen' | 'lawyer' | 'monitor' | 'admin' | 'coordinator' = 'citizen') =>
    signIn(t, await buildUser(t, { role }), new Agent(t.app, { 'accept-language': 'en' }));

  test('appeals are private by default; the review page lists suggestions and previews the public text', async () => {
    const a = await en();
    const id = await sentAppeal(a, body, {
      subject: 'Road repair',
      text: 'Call me on +996 555 12 34 56 or write to me@example.org. Passport ID1234567.',
    });
    assert.equal((await new Agent(t.app).get(`/published/${id}`)).statusCode, 404, 'private by default');
    const page = await a.get(`/appeals/${id}/publication`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The appeal is private/);
    for (const s of ['\\+996 555 12 34 56', 'me@example.org', 'ID1234567'])
      assert.match(page.body, new RegExp(`<th scope="row">${s}</th>`));
    const preview = page.body.slice(page.body.indexOf('class="preview"'));
    assert.match(preview, /Call me on \[…\] or write to \[…\]\. Passport \[…\]\./);
  });

  test('keep a suggestion, add a phrase, publish, see it public; withdraw and it is gone', async () => {
    const a = await en();
    const id = await sentAppeal(a, body, {
      subject: 'Pension office',
      text: 'The office phone 0312 62 45 78 never answers. Our village Tash-Bulak waits.',
    });
    assert.equal(
      (await a.post(`/appeals/${id}/publication/choices`, { kind: 'keep', value: '0312 62 45 78' })).statusCode,
      303,
    );
    assert.equal(
      (await a.post(`/appeals/${id}/publication/choices`, { kind: 'redact', value: 'Tash-Bulak' })).statusCode,
      303,
    );
    assert.equal((await a.post(`/appeals/${id}/publication/choices`, { kind: 'redact', value: 'x' })).statusCode, 422);
    await publish(a, id);
    const pub = await new Agent(t.app, { 'accept-language': 'en' }).get(`/published/${id}`);
    assert.equal(pub.statusCode, 200);
    assert.match(pub.body, /The office phone 0312 62 45 78 never answers\. Our village \[…\] waits\./);
    // A redaction added after publication updates the public copy at once.
    assert.equal(
      (await a.post(`/appeals/${id}/publication/choices`, { kind: 'redact', value: 'pension' })).statusCode,
      303,
    );
    assert.match((await new Agent(t.app).get(`/published/${id}`)).body, /<h1>\[…\] office<\/h1>/);
    assert.equal((await a.post(`/appeals/${id}/publication/withdraw`)).statusCode, 303);
    assert.equal((await new Agent(t.app).get(`/published/${id}`)).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/search?q=pension' })).json().total, 0);
    assert.equal((await a.post(`/appeals/${id}/publication/withdraw`)).statusCode, 422, 'already withdrawn');
  });

  test('a draft cannot be published', async () => {
    const a = await en();
    const id = await draftThroughWizard(a, body, {});
    const res = await a.post(`/appeals/${id}/publication/publish`);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /A draft cannot be published/);
  });

  test('a catastrophic regular expression is refused with a message, quickly; a sound one applies', async () => {
    const a = await en();
    const id = await sentAppeal(a, body, {
      subject: 'Case A-123',
      text: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! Case A-123 and A-456.',
    });
    const started = Date.now();
    const bad = await a.post(`/appeals/${id}/publication/rules`, {
      pattern: '(a+)+$',
      is_regex: '1',
      replacement: '[x]',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /catastrophically long/);
    assert.ok(Date.now() - started < 2000);
    assert.equal(
      (await a.post(`/appeals/${id}/publication/rules`, { pattern: '(', is_regex: '1', replacement: '' })).statusCode,
      422,
    );
    assert.equal(
      (await a.post(`/appeals/${id}/publication/rules`, { pattern: 'A-\\d+', is_regex: '1', replacement: '[case]' }))
        .statusCode,
      303,
    );
    await publish(a, id);
    assert.match((await new Agent(t.app).get(`/published/${id}`)).body, /Case \[case\] and \[case\]\./);
  });

  test('original files are published only when NGO staff mark them safe', async () => {
    const monitor = await en('monitor');
    const id = await sentAppeal(monitor, body, { subject: 'Colony visit', text: 'Report attached.' });
    assert.equal((await upload(monitor, `/appeals/${id}/files`, 'report.txt', 'Visit report text')).statusCode, 303);
    const fileId = (
      await t.db.conn.db.selectFrom('appeal_file').select('id').where('appeal_id', '=', id).executeTakeFirstOrThrow()
    ).id;
    // A monitor (not coordinator or lawyer) may not mark it safe.
    assert.equal(
      (await monitor.post(`/appeals/${id}/publication/choices`, { kind: 'safe_file', value: String(fileId) }))
        .statusCode,
      404,
    );
    await publish(monitor, id);
    const anon = new Agent(t.app);
    assert.equal((await anon.get(`/published/${id}/files/${fileId}`)).statusCode, 404);
    assert.match((await anon.get(`/published/${id}`)).body, /Visit report text/);
    const lawyer = await en('lawyer');
    assert.equal(
      (await lawyer.post(`/appeals/${id}/publication/choices`, { kind: 'safe_file', value: String(fileId) }))
        .statusCode,
      303,
    );
    const dl = await anon.get(`/published/${id}/files/${fileId}`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers['content-disposition']), /^attachment;/);
    assert.equal(dl.body, 'Visit report text');
  });

  test('statistics consent: on by default, withdrawn and given again from the page, audited', async () => {
    const a = await en();
    const id = await sentAppeal(a, body, { subject: 'Consent', text: 'x' });
    assert.match((await a.get(`/appeals/${id}/publication`)).body, /counts in the bodies’ report cards/);
    assert.equal((await a.post(`/appeals/${id}/publication/consent`, { include: '0' })).statusCode, 303);
    assert.match((await a.get(`/appeals/${id}/publication`)).body, /left out of the statistics/);
    const fact = await t.db.conn.db
      .selectFrom('stats_appeal_fact')
      .select('included')
      .where('appeal_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(fact.included, 0);
    assert.equal((await a.post(`/appeals/${id}/publication/consent`, { include: '1' })).statusCode, 303);
    const audit = await t.db.conn.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_id', '=', String(id))
      .execute();
    assert.ok(audit.some((r) => r.action === 'stats.consent_withdrawn'));
    assert.ok(audit.some((r) => r.action === 'stats.consent_given'));
  });

  test('administrators add global and per-body rules; they apply to published appeals at once', async () => {
    const a = await en();
    const id = await sentAppeal(a, body, { subject: 'Global rule', text: 'Colony No. 47 is overcrowded.' });
    await publish(a, id);
    const admin = await en('admin');
    const bad = await admin.post('/admin/redaction-rules', {
      pattern: '(x|xx)+',
      is_regex: '1',
      body_id: '',
      replacement: '',
      note: '',
    });
    assert.equal(bad.statusCode, 422);
    assert.equal(
      (
        await admin.post('/admin/redaction-rules', {
          pattern: 'Colony No. 47',
          body_id: '999999',
          replacement: '',
          note: '',
        })
      ).statusCode,
      422,
    );
    assert.equal(
      (
        await admin.post('/admin/redaction-rules', {
          pattern: 'Colony No. 47',
          body_id: String(body),
          replacement: '[institution]',
          note: 'security',
        })
      ).statusCode,
      303,
    );
    assert.match((await new Agent(t.app).get(`/published/${id}`)).body, /\[institution\] is overcrowded/);
    assert.equal((await a.get('/admin/redaction-rules')).statusCode, 403);
  });

  test('the public pages answer anonymous visitors; a withdrawn or unknown appeal is 404 like a missing one', async () => {
    const anon = new Agent(t.app);
    for (const url of ['/published/abc', '/published/0', '/published/99999999', '/published/1/files/abc'])
      assert.equal((await anon.get(url)).statusCode, 404, url);
  });

  test('an answer arriving after publication is not public until the owner updates the publication', async () => {
    const a = await en();
    const id = await sentAppeal(a, body, { subject: 'Later answer', text: 'Question.' });
    await publish(a, id);
    await event(a, id, { kind: 'answer', on: '2026-03-09', text: 'Answer Zlater' });
    assert.doesNotMatch((await new Agent(t.app).get(`/published/${id}`)).body, /Zlater/);
    await publish(a, id);
    assert.match((await new Agent(t.app).get(`/published/${id}`)).body, /Answer Zlater/);
  });
});
