/**
 * Statements through HTTP on both dialects: a trilingual statement written, previewed, published and
 * corrected (the correction dated and noted, the previous version kept); figures quoted live and
 * frozen; bad embeds refused; scheduling; feeds per language; Open Graph metadata.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { refreshStats } from '../../src/modules/stats/refresh.js';
import { kyrgyzDateOf } from '../../src/modules/calendar/index.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser, signIn } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { insertAppeal } from '../stats/support.js';

const BODY_CODE = 'ministry-of-figures';

function statementForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'statement',
    tags: 'Appeals, Prisons',
    title_ky: 'Кайрылуулар мөөнөтүндө жооп албайт',
    title_ru: 'Обращения остаются без ответа',
    title_en: 'Appeals go unanswered',
    summary_ky: '',
    summary_ru: 'Краткое содержание',
    summary_en: 'Ministries miss the legal deadline.',
    body_ky: 'Министрлик {{figure:overdue body=ministry-of-figures}} кайрылууга жооп берген жок.',
    body_ru: 'Министерство не ответило на {{figure:overdue body=ministry-of-figures}} обращений.',
    body_en:
      'The ministry has {{figure:overdue body=ministry-of-figures}} overdue appeals (live) and {{figure:overdue body=ministry-of-figures freeze}} at publication. <script>alert(1)</script>',
    ...over,
  };
}

forEachDialect('statements', (dialect) => {
  let t: TestApp;
  let coord: Agent;
  let coordinator: Awaited<ReturnType<typeof buildUser>>;
  let owner: number;
  let bodyId: number;

  before(async () => {
    t = await buildTestApp(dialect);
    coordinator = await buildUser(t, { role: 'coordinator' });
    owner = (await buildUser(t)).id;
    bodyId = await buildBody(t, { code: BODY_CODE, name_en: 'Ministry of Figures' } as never);
    // Two appeals overdue now (due in February, still open on 2 March).
    for (let i = 0; i < 2; i++)
      await insertAppeal(t, {
        bodyId,
        ownerId: owner,
        state: 'registered',
        receivedOn: '2026-02-02',
        dueDate: '2026-02-20',
      });
    await refreshStats(t.db.conn.db, kyrgyzDateOf(t.clock.now), t.clock.now);
  });
  after(async () => t.close());
  // Tests move the clock by days: sign in afresh each time (sessions expire after 30 idle minutes).
  beforeEach(async () => {
    coord = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
  });

  async function create(over: Record<string, string> = {}): Promise<number> {
    const res = await coord.post('/statements/manage', statementForm(over));
    assert.equal(res.statusCode, 303, res.body);
    return Number(/\/statements\/manage\/(\d+)/.exec(res.headers.location as string)![1]);
  }

  test('anonymous visitors and citizens cannot reach the editor; a draft is not public', async () => {
    const id = await create();
    const anon = new Agent(t.app, { 'accept-language': 'en' });
    const r = await anon.get(`/statements/manage/${id}`);
    assert.notEqual(r.statusCode, 200);
    const citizen = await signIn(t, await buildUser(t));
    assert.equal((await citizen.get('/statements/manage')).statusCode, 403);
    assert.equal((await citizen.post(`/statements/manage/${id}/publish`, { when: 'now' })).statusCode, 403);
    assert.equal((await anon.get(`/statements/${id}`)).statusCode, 404);
  });

  test('publishing and correcting a trilingual statement', async () => {
    const id = await create();
    const preview = await coord.get(`/statements/manage/${id}/preview?lang=en`);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /This is a preview/);

    const pub = await coord.post(`/statements/manage/${id}/publish`, { when: 'now' });
    assert.equal(pub.statusCode, 303);
    const row = await t.db.conn.db.selectFrom('statement').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const anon = new Agent(t.app, { 'accept-language': 'en' });
    const page = await anon.get(`/statements/${row.slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Appeals go unanswered<\/h1>/);
    assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'raw HTML is escaped');
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.match(page.body, /<meta property="og:title" content="Appeals go unanswered"\/>/);
    assert.match(page.body, /<meta property="og:description" content="Ministries miss the legal deadline."\/>/);
    const ky = await anon.get(`/statements/${row.slug}?lang=ky`);
    assert.match(ky.body, /Кайрылуулар мөөнөтүндө жооп албайт/);
    assert.equal((await anon.get(`/statements/${id}`)).statusCode, 301, 'the id alone redirects to the full address');

    // Editing a public statement needs a correction note; then it is a dated correction.
    const noNote = await coord.post(
      `/statements/manage/${id}`,
      statementForm({ title_en: 'Appeals still go unanswered' }),
    );
    assert.equal(noNote.statusCode, 422);
    assert.match(noNote.body, /To correct a published statement, say what changed/);
    t.clock.advance(24 * 3600_000);
    coord = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
    const fix = await coord.post(
      `/statements/manage/${id}`,
      statementForm({ title_en: 'Appeals still go unanswered', correction_note: 'Title clarified' }),
    );
    assert.equal(fix.statusCode, 303);
    const after = await anon.get(`/statements/${row.slug}`);
    assert.match(after.body, /Appeals still go unanswered/);
    assert.match(after.body, /Corrected on March 3, 2026: Title clarified/);
    const versions = await t.db.conn.db
      .selectFrom('statement_version')
      .select(['number', 'title_en', 'correction_note'])
      .where('statement_id', '=', id)
      .orderBy('number')
      .execute();
    assert.deepEqual(versions, [
      { number: 1, title_en: 'Appeals go unanswered', correction_note: null },
      { number: 2, title_en: 'Appeals still go unanswered', correction_note: 'Title clarified' },
    ]);
    const audit = await t.db.conn.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_type', '=', 'statement')
      .where('object_id', '=', String(id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['statement.create', 'statement.publish', 'statement.correct'],
    );

    // Feeds per language; the archive by year and by tag.
    const feed = await anon.get('/statements/feed.ru.atom');
    assert.match(String(feed.headers['content-type']), /application\/atom\+xml/);
    assert.match(feed.body, /Обращения остаются без ответа/);
    assert.match((await anon.get('/statements/archive/2026')).body, /Appeals still go unanswered/);
    assert.match((await anon.get('/statements/tags/prisons')).body, /Appeals still go unanswered/);
  });

  test('a missing translation is shown in another language with a visible note', async () => {
    const id = await create({ title_en: '', summary_en: '', body_en: '', title_ky: '', body_ky: '' });
    assert.equal((await coord.post(`/statements/manage/${id}/publish`, { when: 'now' })).statusCode, 303);
    const slug = (
      await t.db.conn.db.selectFrom('statement').select('slug').where('id', '=', id).executeTakeFirstOrThrow()
    ).slug;
    const page = await new Agent(t.app, { 'accept-language': 'en' }).get(`/statements/${slug}`);
    assert.match(
      page.body,
      /This text is not available in English; it is shown in Русский|This text is not available in English; it is shown in/,
    );
    assert.match(page.body, /lang="ru"/);
  });

  test('a live figure follows the data; a frozen one keeps the value of publication', async () => {
    const id = await create();
    assert.equal((await coord.post(`/statements/manage/${id}/publish`, { when: 'now' })).statusCode, 303);
    const slug = (
      await t.db.conn.db.selectFrom('statement').select('slug').where('id', '=', id).executeTakeFirstOrThrow()
    ).slug;
    const anon = new Agent(t.app, { 'accept-language': 'en' });
    const before = await anon.get(`/statements/${slug}`);
    const values = (body: string) =>
      [...body.matchAll(/<strong class="figure-value">([^<]*)<\/strong>/g)].map((m) => m[1]);
    assert.deepEqual(values(before.body), ['2', '2']);
    assert.match(before.body, new RegExp(`href="/stats/bodies/${bodyId}"`));
    assert.match(before.body, /as of [A-Z][a-z]+ \d+, 2026, fixed at publication/);
    // A third appeal becomes overdue.
    await insertAppeal(t, {
      bodyId,
      ownerId: owner,
      state: 'registered',
      receivedOn: '2026-02-03',
      dueDate: '2026-02-21',
    });
    t.clock.advance(60_000);
    await refreshStats(t.db.conn.db, kyrgyzDateOf(t.clock.now), t.clock.now);
    const later = await anon.get(`/statements/${slug}`);
    assert.deepEqual(values(later.body), ['3', '2']);
  });

  test('an embed naming an unknown body shows a placeholder to the editor and refuses publication', async () => {
    const id = await create({ body_en: 'Overdue: {{figure:overdue body=no-such-body}} and {{figure:nonsense x=1}}.' });
    const preview = await coord.get(`/statements/manage/${id}/preview?lang=en`);
    assert.match(
      preview.body,
      /<mark class="embed-error"[^>]*>.*no body with the code “no-such-body” is in the directory/,
    );
    const res = await coord.post(`/statements/manage/${id}/publish`, { when: 'now' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /no body with the code “no-such-body”/);
    const row = await t.db.conn.db
      .selectFrom('statement')
      .select(['published_at', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { published_at: null, version: 0 }, 'nothing half-written');
    assert.equal(
      (await t.db.conn.db.selectFrom('statement_version').select('id').where('statement_id', '=', id).execute()).length,
      0,
    );
  });

  test('scheduling: a time in the past is refused; a future one becomes public by itself', async () => {
    const id = await create();
    const past = await coord.post(`/statements/manage/${id}/publish`, {
      when: 'schedule',
      date: '2026-01-01',
      time: '10:00',
    });
    assert.equal(past.statusCode, 422);
    assert.match(past.body, /The scheduled time has already passed/);
    const bad = await coord.post(`/statements/manage/${id}/publish`, {
      when: 'schedule',
      date: '2026-12-01',
      time: '25:00',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Enter a time as HH:MM/);
    const local = new Date(t.clock.now.getTime() + 6 * 3600_000 + 2 * 24 * 3600_000).toISOString();
    const ok = await coord.post(`/statements/manage/${id}/publish`, {
      when: 'schedule',
      date: local.slice(0, 10),
      time: '09:00',
    });
    assert.equal(ok.statusCode, 303);
    const slug = (
      await t.db.conn.db.selectFrom('statement').select('slug').where('id', '=', id).executeTakeFirstOrThrow()
    ).slug;
    const anon = new Agent(t.app);
    assert.equal((await anon.get(`/statements/${slug}`)).statusCode, 404);
    const job = await t.db.conn.db
      .selectFrom('job')
      .select(['kind', 'run_at'])
      .where('kind', '=', 'statements.announce')
      .executeTakeFirstOrThrow();
    assert.equal(job.run_at, new Date(`${local.slice(0, 10)}T03:00:00.000Z`).toISOString());
    t.clock.advance(3 * 24 * 3600_000);
    assert.equal((await anon.get(`/statements/${slug}`)).statusCode, 200);
  });
});
