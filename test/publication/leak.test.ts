/**
 * The leak test (Alaveteli's lesson: leaks happen wherever a page bypasses the visibility rule).
 * A unique marker is planted in every private and confidential field: the subject and text of an
 * unpublished appeal, the person acted for and their contact, the owner's name and e-mail, private
 * notes, the classification note, the body's answer, an attachment's name and content, a withdrawn
 * publication; and personal data (phone, e-mail, PIN, passport, address, a manual phrase) inside a
 * published appeal. Then every public page, feed, export, search and API answer is fetched as an
 * anonymous visitor: no marker may appear anywhere.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { refreshStats } from '../../src/modules/stats/refresh.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';
import { upload } from '../appeals/support.js';
import { buildSeededApp } from '../directory/support.js';
import { event, publish, sentAppeal } from './support.js';

const MARKERS = [
  'Zqxprivsubj',
  'Zqxprivtext',
  'Zqxprivperson',
  'zqxprivcontact',
  'Zqxprivnote',
  'Zqxprivanswer',
  'zqxprivfile',
  'Zqxprivfiletext',
  'Zqxpubperson',
  '987 654',
  '987654',
  'zqxpubmail',
  '21203199000777',
  'AN7654321',
  'Zqxpubstreet',
  'Zqxmanual',
  'Zqxpubnote',
  'Zqxpubclassnote',
  '111 222',
  'AN1112223',
  '21203199000888',
  'Zqxownername',
  'zqxowner',
  'Zqxwithdrawn',
  'Zqxfilesecret',
];

forEachDialect('publication: nothing private reaches a public page, feed, export, search or API answer', (dialect) => {
  let t: TestApp;
  let bodyId: number;
  let pub: number;
  let priv: number;
  let withdrawn: number;
  let fileId: number;
  before(async () => {
    t = await buildSeededApp(dialect);
    t.clock.now = new Date('2026-03-10T06:00:00Z');
    const db = t.db.conn.db;
    bodyId = (
      await db.selectFrom('body').select('id').where('kind', '=', 'aiyl_okmotu').orderBy('id').executeTakeFirstOrThrow()
    ).id;
    const monitor = await buildUser(t, { role: 'monitor', email: 'zqxowner@example.org' });
    await db.updateTable('user').set({ display_name: 'Zqxownername Test' }).where('id', '=', monitor.id).execute();
    const m = await signIn(t, monitor, new Agent(t.app, { 'accept-language': 'ru' }));

    // An appeal that is never published: every field holds a marker.
    priv = await sentAppeal(m, bodyId, {
      language: 'ru',
      subject: 'Zqxprivsubj',
      text: 'Zqxprivtext',
      person_name: 'Zqxprivperson',
      person_contact: 'zqxprivcontact@example.org',
    });
    await event(m, priv, { kind: 'note', text: 'Zqxprivnote' });
    await event(m, priv, { kind: 'answer', on: '2026-03-05', text: 'Zqxprivanswer' });
    await upload(m, `/appeals/${priv}/files`, 'zqxprivfile.txt', 'Zqxprivfiletext');

    // A published appeal full of personal data.
    pub = await sentAppeal(m, bodyId, {
      language: 'ru',
      subject: 'Детский сад в селе',
      text: 'Мен Айгерим Zqxpubperson, тел. +996 555 987 654, почта zqxpubmail@example.org, ПИН 21203199000777, паспорт AN7654321, адрес: ул. Zqxpubstreet, 12, кв. 5. Прошу проверить детский сад. Zqxmanual фраза.',
      person_name: 'Айгерим Zqxpubperson',
      person_contact: '+996 555 987 654',
    });
    await event(m, pub, { kind: 'note', text: 'Zqxpubnote' });
    await event(m, pub, {
      kind: 'answer',
      on: '2026-03-05',
      text: 'Уважаемая Zqxpubperson, детский сад проверен. Справки: 0 555 111 222.',
    });
    await event(m, pub, { kind: 'classify', classification: 'partially_satisfied', text: 'Zqxpubclassnote' });
    const up = await upload(
      m,
      `/appeals/${pub}/files`,
      'паспорт AN1112223.txt',
      'Копия: Zqxpubperson ПИН 21203199000888 Zqxfilesecret',
    );
    assert.equal(up.statusCode, 303, up.body.slice(0, 500));
    fileId = (await db.selectFrom('appeal_file').select('id').where('appeal_id', '=', pub).executeTakeFirstOrThrow())
      .id;
    assert.equal(
      (await m.post(`/appeals/${pub}/publication/choices`, { kind: 'redact', value: 'Zqxmanual' })).statusCode,
      303,
    );
    assert.equal(
      (await m.post(`/appeals/${pub}/publication/choices`, { kind: 'redact', value: 'Zqxfilesecret' })).statusCode,
      303,
    );
    await publish(m, pub);

    // Published, then withdrawn.
    withdrawn = await sentAppeal(m, bodyId, { language: 'ru', subject: 'Zqxwithdrawn', text: 'Zqxwithdrawn text' });
    await publish(m, withdrawn);
    assert.equal((await m.post(`/appeals/${withdrawn}/publication/withdraw`)).statusCode, 303);

    await refreshStats(db, '2026-03-10', t.clock.now);
  });
  after(async () => t.close());

  test('the public copy is readable and redacted', async () => {
    const page = await new Agent(t.app, { 'accept-language': 'ru' }).get(`/published/${pub}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Детский сад в селе/);
    assert.match(page.body, /Прошу проверить детский сад/);
    assert.match(page.body, /детский сад проверен/);
    assert.ok((page.body.match(/\[…\]/g) ?? []).length >= 8);
  });

  test('every public page, feed, export, search result and API answer is free of every marker (anonymous)', async () => {
    const anon = new Agent(t.app, { 'accept-language': 'en' });
    const urls = [
      '/',
      '/search',
      '/search?q=сад',
      '/search?q=detskii+sad',
      `/search?body=${bodyId}`,
      `/published/${pub}`,
      `/published/${priv}`,
      `/published/${withdrawn}`,
      `/published/${pub}/files/${fileId}`,
      `/published/${priv}/files/${fileId}`,
      `/feeds/bodies/${bodyId}.atom`,
      '/feeds/search.atom?q=сад',
      '/feeds/search.atom?q=',
      '/data',
      ...['bodies', 'territories', 'appeals', 'stats'].flatMap((d) => [`/data/${d}.csv`, `/data/${d}.json`]),
      '/api/v1/search?q=сад',
      '/api/v1/search',
      '/api/v1/appeals?published=true',
      `/api/v1/appeals?published=true&body=${bodyId}`,
      `/api/v1/stats/bodies/${bodyId}`,
      '/stats',
      `/stats/bodies/${bodyId}`,
      '/stats/league',
      '/stats/map',
      '/stats/map?level=rayon',
      `/directory/bodies/${bodyId}`,
      ...MARKERS.flatMap((mk) => [
        `/search?q=${encodeURIComponent(mk)}`,
        `/api/v1/search?q=${encodeURIComponent(mk)}`,
        `/feeds/search.atom?q=${encodeURIComponent(mk)}`,
      ]),
    ];
    for (const url of urls) {
      const res = await anon.get(url);
      assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
      const body = res.body
        .replace(/q=[^"&<]*/g, '')
        .replace(/<input[^>]*name="q"[^>]*>/g, '')
        .replace(/«[^»]*»|“[^”]*”/g, '');
      for (const mk of MARKERS) assert.ok(!body.toLowerCase().includes(mk.toLowerCase()), `${mk} leaked in ${url}`);
    }
    // Searching for a marker finds nothing.
    for (const mk of MARKERS)
      assert.equal((await anon.get(`/api/v1/search?q=${encodeURIComponent(mk)}`)).json().total, 0, mk);
    assert.equal((await anon.get(`/published/${priv}`)).statusCode, 404);
    assert.equal((await anon.get(`/published/${withdrawn}`)).statusCode, 404);
    assert.equal((await anon.get(`/published/${pub}/files/${fileId}`)).statusCode, 404, 'original not marked safe');
  });

  test('the owner’s management page is not public, nor readable by other users', async () => {
    const anon = new Agent(t.app);
    assert.notEqual((await anon.get(`/appeals/${pub}/publication`)).statusCode, 200);
    const other = await signIn(t, await buildUser(t), new Agent(t.app));
    assert.equal((await other.get(`/appeals/${pub}/publication`)).statusCode, 404);
    assert.equal((await other.post(`/appeals/${pub}/publication/withdraw`)).statusCode, 404);
    assert.equal((await other.post(`/appeals/${priv}/publication/publish`)).statusCode, 404);
    assert.equal((await anon.get(`/published/${priv}`)).statusCode, 404);
  });

  test('the audit log records publication and redactions, never the hidden text', async () => {
    const rows = await t.db.conn.db
      .selectFrom('audit_event')
      .select(['action', 'data'])
      .where('action', 'like', 'publication.%')
      .execute();
    const actions = rows.map((r) => r.action);
    for (const a of ['publication.publish', 'publication.redact', 'publication.withdraw'])
      assert.ok(actions.includes(a), a);
    const text = JSON.stringify(rows);
    for (const mk of MARKERS) assert.ok(!text.includes(mk), `${mk} in audit`);
  });
});
