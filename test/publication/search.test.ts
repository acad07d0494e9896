/**
 * Search in Kyrgyz, Russian and English with transliteration and н/ң, о/ө, у/ү, ё/е folding; bad
 * queries; facets; highlighting; pagination. The same assertions (exact ids) run on both dialects,
 * which is how "the same results on SQLite and PostgreSQL" is tested.
 */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { searchPublic } from '../../src/modules/publication/search.js';
import { refreshStats } from '../../src/modules/stats/refresh.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser, signIn } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';
import { buildSeededApp } from '../directory/support.js';
import { insertAppeal } from '../stats/support.js';
import { confirmAndPublish, event, publish, sentAppeal } from './support.js';

forEachDialect('publication: search in three languages, facets, snippets, pages, bad input, page weight', (dialect) => {
  let t: TestApp;
  let ky: number;
  let ru: number;
  let en: number;
  let bodyId: number;
  const ids = (res: { json(): { hits: { appealId: number }[] } }) => res.json().hits.map((h) => h.appealId);
  before(async () => {
    t = await buildSeededApp(dialect);
    t.clock.now = new Date('2026-03-10T06:00:00Z');
    const db = t.db.conn.db;
    const bodies = await db
      .selectFrom('body')
      .select('id')
      .where('kind', '=', 'aiyl_okmotu')
      .orderBy('id')
      .limit(2)
      .execute();
    bodyId = bodies[0]!.id;
    const owner = await buildUser(t);
    const a = await signIn(t, owner, new Agent(t.app, { 'accept-language': 'ky' }));
    ky = await sentAppeal(a, bodyId, {
      language: 'ky',
      kind: 'complaint',
      subject: 'Мектептеги көйгөй',
      text: 'Айыл өкмөтү суу түтүгүн оңдобой жатат. Көңүл буруңуз.',
    });
    ru = await sentAppeal(a, bodies[1]!.id, {
      language: 'ru',
      subject: 'Ремонт дороги',
      text: 'Прошу отремонтировать дорогу в селе Ёлкино до весны.',
    });
    en = await sentAppeal(a, bodyId, {
      language: 'en',
      kind: 'proposal',
      subject: 'Water supply',
      text: 'The village water pipe has been broken since January.',
    });
    await event(a, en, {
      kind: 'answer',
      on: '2026-03-05',
      text: 'The pipe will be replaced by the rayon administration.',
    });
    for (const id of [ky, ru, en]) await publish(a, id);
    // 21 more published appeals for the pages
    const filler = await buildUser(t);
    for (let i = 0; i < 21; i++) {
      const id = await insertAppeal(t, {
        bodyId,
        ownerId: filler.id,
        state: 'sent',
        receivedOn: '2025-12-01',
        dueDate: '2025-12-19',
      });
      await db
        .updateTable('appeal')
        .set({ subject: `Жолдун абалы ${i}`, text: 'Жолдор бузулган, оңдоо керек.' })
        .where('id', '=', id)
        .execute();
      const appeal = await db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await db
        .transaction()
        .execute((trx) => confirmAndPublish({ trx, cipher: t.cipher, appeal, actor: 'test', now: t.clock.now }));
    }
    await refreshStats(db, '2026-03-10', t.clock.now);
  });
  after(async () => t.close());

  const api = (q: string) => t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` });

  test('Kyrgyz: exact, without ң/ө/ү, upper case, Latin transliteration', async () => {
    for (const q of ['көйгөй', 'койгой', 'КӨЙГӨЙ', 'koigoi', 'koygoy', 'köygöy', 'тутугун', 'okmotu', 'конул'])
      assert.deepEqual(ids(await api(q)), [ky], q);
  });

  test('Russian: inflected forms, ё/е, Latin', async () => {
    for (const q of ['дороги', 'дорогу', 'ремонт', 'елкино', 'Ёлкино', 'elkino', 'remont dorogi'])
      assert.deepEqual(ids(await api(q)), [ru], q);
  });

  test('English: words of the appeal and of the body’s answer, any case', async () => {
    for (const q of ['water', 'WATER pipe', 'replaced', 'Januar']) assert.deepEqual(ids(await api(q)), [en], q);
    assert.equal((await api('replaced')).json().hits[0].type, 'answer');
  });

  test('FTS syntax, quotes and wildcards are plain text: no error, no 500', async () => {
    for (const q of [
      '"water"',
      "water'",
      'water*',
      'water OR pipe',
      '(water) AND NOT',
      'water:pipe',
      'NEAR(water pipe)',
      '%',
      '_',
      '\\',
      "'; drop table appeal; --",
      '^$.*+?',
    ]) {
      const res = await api(q);
      assert.equal(res.statusCode, 200, q);
    }
    assert.deepEqual(ids(await api('"water"')), [en]);
    assert.deepEqual(ids(await api('water*')), [en]);
  });

  test('only stop words, or a very long query: a clear message (400), on the page and the API', async () => {
    const page = await new Agent(t.app, { 'accept-language': 'en' }).get(
      `/search?q=${encodeURIComponent('и в на the of')}`,
    );
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /only very common words/);
    assert.equal((await api('и в на the of')).statusCode, 400);
    const long = await new Agent(t.app, { 'accept-language': 'en' }).get(`/search?q=${'ab '.repeat(3000)}`);
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /too long/);
    assert.equal((await api('x'.repeat(201))).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/search?q=a&unknown=1' })).statusCode, 400);
  });

  test('snippets mark the matching words; facets count by body, kind, status, territory and year', async () => {
    const page = await new Agent(t.app, { 'accept-language': 'ky' }).get(`/search?q=${encodeURIComponent('тутугун')}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<mark>түтүгүн<\/mark>/);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/search' })).json();
    assert.equal(all.total, 24);
    const kinds = Object.fromEntries(all.facets.kind.map((f: { value: string; count: number }) => [f.value, f.count]));
    assert.deepEqual(kinds, { application: 22, complaint: 1, proposal: 1 });
    const years = Object.fromEntries(all.facets.year.map((f: { value: string; count: number }) => [f.value, f.count]));
    assert.deepEqual(years, { 2025: 21, 2026: 3 });
    assert.ok(all.facets.territory.length >= 1, 'the oblast of the aiyl okmotu');
    const filtered = (await t.app.inject({ method: 'GET', url: `/api/v1/search?kind=proposal` })).json();
    assert.deepEqual(
      filtered.hits.map((h: { appealId: number }) => h.appealId),
      [en],
    );
    const answered = (await t.app.inject({ method: 'GET', url: `/api/v1/search?status=answered` })).json();
    assert.deepEqual(
      answered.hits.map((h: { appealId: number }) => h.appealId),
      [en],
    );
  });

  test('pages of 20, with links that work without JavaScript', async () => {
    const p1 = (await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('жол')}` })).json();
    assert.equal(p1.total, 21);
    assert.equal(p1.pages, 2);
    assert.equal(p1.hits.length, 20);
    const p2 = (
      await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('жол')}&page=2` })
    ).json();
    assert.equal(p2.hits.length, 1);
    assert.ok(!p1.hits.some((h: { appealId: number }) => h.appealId === p2.hits[0].appealId));
    const html = await new Agent(t.app, { 'accept-language': 'en' }).get(`/search?q=${encodeURIComponent('жол')}`);
    assert.match(html.body, /<form method="get" action="\/search" role="search">/);
    assert.match(html.body, /href="\/search\?q=%D0%B6%D0%BE%D0%BB&amp;page=2"/);
  });

  test('a search matching more texts than the window reads the newest, says "more than" and counts facets over them', async () => {
    const db = t.db.conn.db;
    const exact = await searchPublic(db, 'жол', {}, 1, 100);
    assert.equal(exact.more, false);
    assert.equal(exact.total, 21);
    const windowed = await searchPublic(db, 'жол', {}, 1, 5);
    assert.equal(windowed.more, true);
    assert.equal(windowed.total, 5, 'a lower bound: the appeals among the newest five texts');
    assert.equal(windowed.pages, 1);
    const newest = await db
      .selectFrom('search_doc')
      .select('appeal_id')
      .where('search_key', 'like', '% jol%')
      .orderBy('id', 'desc')
      .limit(5)
      .execute();
    assert.deepEqual(
      windowed.hits.map((h) => h.appealId),
      newest.map((r) => r.appeal_id),
      'newest first',
    );
    assert.equal(
      windowed.facets.kind.reduce((n, f) => n + f.count, 0),
      5,
    );
    // A filter is applied before the window, so a filtered search is exact again.
    const filtered = await searchPublic(db, 'жол', { kind: 'proposal' }, 1, 5);
    assert.equal(filtered.more, false);
    assert.equal(filtered.total, 0);
    // The page and the API say so, in the visitor's language.
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/search?q=' + encodeURIComponent('жол') })).json();
    assert.equal(all.more, false);
    const html = await new Agent(t.app, { 'accept-language': 'ru' }).get('/search?q=' + encodeURIComponent('жол'));
    assert.match(html.body, /Найдено 21 обращение/);
  });

  test('bodies are found too, by name in any of the three languages', async () => {
    const page = await new Agent(t.app, { 'accept-language': 'en' }).get(
      `/search?q=${encodeURIComponent('prokuratura')}`,
    );
    assert.equal(page.statusCode, 200);
  });

  test('the published list API and the feeds answer with the public copies', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/appeals?published=true' })).json();
    assert.equal(list.appeals.length, 24);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/v1/appeals' })).statusCode,
      400,
      'published=true is required',
    );
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/appeals?published=false' })).statusCode, 400);
    const feed = await t.app.inject({ method: 'GET', url: `/feeds/bodies/${bodyId}.atom` });
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /application\/atom\+xml/);
    assert.match(feed.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    assert.match(feed.body, /Water supply/);
    const sfeed = await t.app.inject({ method: 'GET', url: `/feeds/search.atom?q=${encodeURIComponent('дороги')}` });
    assert.match(sfeed.body, /Ремонт дороги/);
    assert.doesNotMatch(sfeed.body, /Water supply/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/feeds/bodies/abc.atom' })).statusCode, 404);
  });

  test('public pages weigh under 30 KB compressed and need no JavaScript', async () => {
    const anon = new Agent(t.app, { 'accept-language': 'ru' });
    for (const url of [
      '/stats',
      `/stats/bodies/${bodyId}`,
      '/stats/league',
      '/stats/map',
      '/stats/map?level=rayon',
      '/search',
      '/search?q=жол',
      `/published/${en}`,
      '/data',
    ]) {
      const res = await anon.get(url);
      assert.equal(res.statusCode, 200, url);
      const size = gzipSync(res.rawPayload).length;
      assert.ok(size < 30 * 1024, `${url}: ${size} bytes compressed`);
      assert.doesNotMatch(
        res.body,
        /<script(?![^>]*src="\/assets\/)/,
        `${url}: only the progressive-enhancement asset`,
      );
      assert.doesNotMatch(res.body, / on[a-z]+="/, url);
    }
  });
});
