/**
 * The page cache for anonymous visitors (src/platform/http/page-cache.ts) on the published appeal
 * page and the report card: every visitor gets their own CSRF token in a kept page, a change of the
 * appeal, of its public copy or of the figures is seen on the next request, a withdrawn appeal is
 * gone at once, and signed-in users never get a kept page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { csrfTokenFor } from '../../src/platform/http/request-context.js';
import { bumpStatsVersion } from '../../src/modules/stats/cache.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { event, publish, sentAppeal } from './support.js';

const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

forEachDialect('page cache: anonymous visitors of public pages', (dialect) => {
  let t: TestApp;
  let body: number;
  let owner: Agent;
  let id: number;
  before(async () => {
    t = await buildTestApp(dialect, { now: new Date('2026-03-10T06:00:00Z') });
    body = await buildBody(t, { name_en: 'Cached Ministry' });
    owner = await signIn(t, await buildUser(t), new Agent(t.app, { 'accept-language': 'en' }));
    id = await sentAppeal(owner, body, { subject: 'Broken bridge', text: 'The bridge over the river is broken.' });
    await publish(owner, id);
  });
  after(async () => t.close());

  test("a kept page carries each visitor's own CSRF token, so their language switch still works", async () => {
    const first = new Agent(t.app, { 'accept-language': 'en' });
    const second = new Agent(t.app, { 'accept-language': 'en' });
    const a = await first.get(`/published/${id}`);
    const b = await second.get(`/published/${id}`);
    assert.equal(a.statusCode, 200);
    assert.equal(b.statusCode, 200);
    assert.equal(csrfIn(a.body), csrfTokenFor(t.app, first.cookies.get(t.app.achyk.cookies.csrf)!));
    assert.equal(csrfIn(b.body), csrfTokenFor(t.app, second.cookies.get(t.app.achyk.cookies.csrf)!));
    assert.notEqual(csrfIn(a.body), csrfIn(b.body));
    assert.equal(a.body.replace(csrfIn(a.body)!, ''), b.body.replace(csrfIn(b.body)!, ''), 'the same page otherwise');
    assert.doesNotMatch(b.body, /\u0001/);
    // Kept: a change that leaves the version alone (only a publication rewrites the public events, and
    // it replaces the version) is not seen by the next visitor…
    const db = t.db.conn.db;
    const { on_date } = await db
      .selectFrom('publication_event')
      .select('on_date')
      .where('appeal_id', '=', id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('publication_event').set({ on_date: '2026-01-07' }).where('appeal_id', '=', id).execute();
    assert.doesNotMatch(
      (await new Agent(t.app, { 'accept-language': 'en' }).get(`/published/${id}`)).body,
      /January 7, 2026/,
    );
    // …while a change of a field the page reads with its version (the public text) is seen at once.
    const { text } = await db
      .selectFrom('appeal_publication')
      .select('text')
      .where('appeal_id', '=', id)
      .executeTakeFirstOrThrow();
    await db.updateTable('appeal_publication').set({ text: 'Changed text.' }).where('appeal_id', '=', id).execute();
    const changed = (await new Agent(t.app, { 'accept-language': 'en' }).get(`/published/${id}`)).body;
    assert.match(changed, /Changed text/);
    assert.match(changed, /January 7, 2026/, 'rendered anew');
    await db.updateTable('appeal_publication').set({ text }).where('appeal_id', '=', id).execute();
    await db.updateTable('publication_event').set({ on_date }).where('appeal_id', '=', id).execute();
    const switched = await second.post('/language', { lang: 'ru', next: `/published/${id}` });
    assert.equal(switched.statusCode, 303);
    const ru = await second.get(`/published/${id}`);
    assert.match(ru.body, /<html lang="ru"/, 'another language is another page');
    assert.match(String(ru.headers['cache-control']), /no-store/, 'never kept by browsers or proxies');
  });

  test('a new event of the appeal is seen on the next request; a withdrawn appeal is gone at once', async () => {
    const visitor = new Agent(t.app, { 'accept-language': 'en' });
    assert.doesNotMatch((await visitor.get(`/published/${id}`)).body, /repaired in April/);
    t.clock.advance(60_000);
    await event(owner, id, { kind: 'answer', on: '2026-03-09', text: 'The bridge will be repaired in April.' });
    await publish(owner, id);
    assert.match((await visitor.get(`/published/${id}`)).body, /repaired in April/);
    t.clock.advance(60_000);
    assert.equal((await owner.post(`/appeals/${id}/publication/withdraw`)).statusCode, 303);
    assert.equal((await visitor.get(`/published/${id}`)).statusCode, 404);
    await publish(owner, id);
  });

  test('signed-in users get their own rendering (their menu), and never leave theirs for others', async () => {
    await new Agent(t.app, { 'accept-language': 'en' }).get(`/published/${id}`);
    const mine = await owner.get(`/published/${id}`);
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /action="\/logout"/);
    const anonymous = await new Agent(t.app, { 'accept-language': 'en' }).get(`/published/${id}`);
    assert.doesNotMatch(anonymous.body, /action="\/logout"/);
    assert.match(anonymous.body, /href="\/login"/);
  });

  test('the report card is kept until the statistics version changes', async () => {
    const db = t.db.conn.db;
    const visitor = new Agent(t.app, { 'accept-language': 'en' });
    const before = await visitor.get(`/stats/bodies/${body}`);
    assert.equal(before.statusCode, 200);
    assert.match(before.body, /Cached Ministry/);
    t.clock.advance(1000);
    await db
      .updateTable('body')
      .set({ name_en: 'Renamed Ministry', updated_at: t.clock.now.toISOString() })
      .where('id', '=', body)
      .execute();
    assert.match((await visitor.get(`/stats/bodies/${body}`)).body, /Renamed Ministry/, 'a directory change is seen');
    await bumpStatsVersion(db);
    assert.equal((await visitor.get(`/stats/bodies/${body}`)).statusCode, 200);
    assert.equal((await visitor.get(`/stats/bodies/${body}?from=2026-13`)).statusCode, 400, 'errors are never kept');
  });
});
