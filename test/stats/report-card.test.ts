/**
 * Report-card figures on a fixture whose answers are known by hand. Body A, received Mon 2 Feb 2026,
 * due Fri 20 Feb (14 working days; 23 Feb is a holiday that is a working day):
 *
 *   answered after 1, 2, 3, 3, 4, 5, 6, 8, 10, 12 working days (on time) and 15, 20 (late),
 *   one still open and overdue (due 20 Feb), one open and not yet due (received 2 Mar),
 *   one answered late whose owner opted out (never counted).
 *
 * So: received 14 (13 in Feb, 1 in Mar); on time 10 of 13 decided → 76.9%, Wilson 95% 49.7–91.8%;
 * median 5 working days, 90th percentile 15 (nearest rank of 12 answer times); overdue now 1.
 * Body B has 4 answered appeals: below the minimum sample, no rate is shown.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { refreshStats } from '../../src/modules/stats/refresh.js';
import { kyrgyzDateOf } from '../../src/modules/calendar/index.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { insertAppeal } from './support.js';

const ANSWERS: [string, number][] = [
  ['2026-02-03', 1],
  ['2026-02-04', 2],
  ['2026-02-05', 3],
  ['2026-02-05', 3],
  ['2026-02-06', 4],
  ['2026-02-09', 5],
  ['2026-02-10', 6],
  ['2026-02-12', 8],
  ['2026-02-16', 10],
  ['2026-02-18', 12],
  ['2026-02-23', 15],
  ['2026-03-02', 20],
];

forEachDialect('stats: report cards, league tables, map and the stats API on a hand-checked fixture', (dialect) => {
  let t: TestApp;
  let bodyA: number;
  let bodyB: number;
  before(async () => {
    t = await buildTestApp(dialect, { now: new Date('2026-03-10T06:00:00Z') });
    const owner = await buildUser(t);
    bodyA = await buildBody(t, { name_en: 'Ministry of Fixtures', kind: 'ministry' });
    bodyB = await buildBody(t, { name_en: 'Small Agency', kind: 'agency' });
    for (const [on] of ANSWERS)
      await insertAppeal(t, {
        bodyId: bodyA,
        ownerId: owner.id,
        state: 'answered',
        receivedOn: '2026-02-02',
        dueDate: '2026-02-20',
        answeredOn: on,
        classification: on === '2026-03-02' ? 'refused' : on === '2026-02-23' ? null : 'satisfied',
        refusalReason: on === '2026-03-02' ? 'no_grounds' : null,
      });
    await insertAppeal(t, {
      bodyId: bodyA,
      ownerId: owner.id,
      state: 'registered',
      receivedOn: '2026-02-02',
      dueDate: '2026-02-20',
    });
    await insertAppeal(t, {
      bodyId: bodyA,
      ownerId: owner.id,
      state: 'sent',
      receivedOn: '2026-03-02',
      dueDate: '2026-03-20',
      kind: 'information_request',
    });
    const optedOut = await insertAppeal(t, {
      bodyId: bodyA,
      ownerId: owner.id,
      state: 'answered',
      receivedOn: '2026-02-02',
      dueDate: '2026-02-20',
      answeredOn: '2026-03-05',
    });
    await t.db.conn.db
      .insertInto('stats_opt_out')
      .values({ appeal_id: optedOut, created_at: t.clock.now.toISOString() })
      .execute();
    for (const on of ['2026-02-03', '2026-02-04', '2026-02-05', '2026-02-23'])
      await insertAppeal(t, {
        bodyId: bodyB,
        ownerId: owner.id,
        state: 'answered',
        receivedOn: '2026-02-02',
        dueDate: '2026-02-20',
        answeredOn: on,
      });
    await refreshStats(t.db.conn.db, kyrgyzDateOf(t.clock.now), t.clock.now);
  });
  after(async () => t.close());

  test('GET /api/v1/stats/bodies/:id gives the hand-computed figures', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/stats/bodies/${bodyA}?from=2026-01&to=2026-03` });
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json();
    assert.equal(s.figures.received, 14);
    assert.equal(s.figures.answered, 12);
    assert.equal(s.figures.onTimeRate.x, 10);
    assert.equal(s.figures.onTimeRate.n, 13);
    assert.ok(Math.abs(s.figures.onTimeRate.rate - 10 / 13) < 1e-9);
    assert.ok(Math.abs(s.figures.onTimeRate.low - 0.4974) < 0.0005, String(s.figures.onTimeRate.low));
    assert.ok(Math.abs(s.figures.onTimeRate.high - 0.9182) < 0.0005, String(s.figures.onTimeRate.high));
    assert.equal(s.figures.medianWorkingDays, 5);
    assert.equal(s.figures.p90WorkingDays, 15);
    assert.equal(s.overdueNow, 1);
    assert.deepEqual(s.outcomes, { satisfied: 10, refused: 1 });
    assert.deepEqual(s.refusalReasons, { no_grounds: 1 });
    assert.deepEqual(
      s.trend.map((m: { month: string; received: number }) => [m.month, m.received]),
      [
        ['2026-01', 0],
        ['2026-02', 13],
        ['2026-03', 1],
      ],
    );
    assert.deepEqual(
      s.byKind.map((k: { kind: string }) => k.kind),
      ['application', 'information_request'],
    );
  });

  test('below the minimum sample the rate is withheld, on the API and on the page', async () => {
    const s = (
      await t.app.inject({ method: 'GET', url: `/api/v1/stats/bodies/${bodyB}?from=2026-01&to=2026-03` })
    ).json();
    assert.equal(s.figures.onTimeRate.n, 4);
    assert.equal(s.figures.onTimeRate.rate, null);
    const page = await new Agent(t.app, { 'accept-language': 'en' }).get(
      `/stats/bodies/${bodyB}?from=2026-01&to=2026-03`,
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Too few cases \(4; at least 10 needed\)/);
  });

  test('the report card page shows the figures, the basis and a chart with a table alternative', async () => {
    const page = await new Agent(t.app, { 'accept-language': 'en' }).get(
      `/stats/bodies/${bodyA}?from=2026-01&to=2026-03`,
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /77% \(95% interval 50%–92%; 10 of 13\)/);
    assert.match(page.body, /whose owners allow statistical use \(allowed by default\)/);
    assert.match(page.body, /<svg[^>]*role="img"[^>]*aria-labelledby="trend-t trend-d"/);
    assert.match(page.body, /<title id="trend-t">/);
    assert.match(page.body, /<th scope="row">2026-02<\/th><td>13<\/td>/);
  });

  test('the league table ranks by the lower end of the interval; rates below the minimum are unranked', async () => {
    const page = await new Agent(t.app, { 'accept-language': 'en' }).get('/stats/league?from=2026-01&to=2026-03');
    assert.equal(page.statusCode, 200);
    const a = page.body.indexOf('Ministry of Fixtures');
    const b = page.body.indexOf('Small Agency');
    assert.ok(a > 0 && b > a);
    const onlyAgencies = await new Agent(t.app, { 'accept-language': 'en' }).get(
      '/stats/league?from=2026-01&to=2026-03&body_kind=agency',
    );
    assert.doesNotMatch(onlyAgencies.body, /Ministry of Fixtures/);
  });

  test('consent withdrawn later: the aggregates follow in the same transaction', async () => {
    const db = t.db.conn.db;
    const before = (
      await t.app.inject({ method: 'GET', url: `/api/v1/stats/bodies/${bodyB}?from=2026-01&to=2026-03` })
    ).json();
    const id = (
      await db.selectFrom('appeal').select('id').where('body_id', '=', bodyB).orderBy('id').executeTakeFirstOrThrow()
    ).id;
    const { refreshAppeals } = await import('../../src/modules/stats/refresh.js');
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('stats_opt_out').values({ appeal_id: id, created_at: t.clock.now.toISOString() }).execute();
      await refreshAppeals(trx, [id], '2026-03-10');
    });
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/v1/stats/bodies/${bodyB}?from=2026-01&to=2026-03` })
    ).json();
    assert.equal(after.figures.received, before.figures.received - 1);
  });

  test('an answer recorded later is picked up by the next incremental run; a report card reads only aggregates', async () => {
    const db = t.db.conn.db;
    const open = await db
      .selectFrom('appeal')
      .select('id')
      .where('body_id', '=', bodyA)
      .where('state', '=', 'registered')
      .executeTakeFirstOrThrow();
    t.clock.advance(60_000);
    await db
      .updateTable('appeal')
      .set({ state: 'answered', answered_on: '2026-03-09', updated_at: t.clock.now.toISOString() })
      .where('id', '=', open.id)
      .execute();
    const looked = await refreshStats(db, '2026-03-10', t.clock.now);
    assert.equal(looked, 1, 'incremental: only the changed appeal is looked at');
    const s = (
      await t.app.inject({ method: 'GET', url: `/api/v1/stats/bodies/${bodyA}?from=2026-01&to=2026-03` })
    ).json();
    assert.equal(s.overdueNow, 0);
    assert.equal(s.figures.answered, 13);
    assert.equal(s.figures.onTimeRate.n, 13);
  });

  test('computed figures are kept until the statistics version changes in the database, then recomputed', async () => {
    const db = t.db.conn.db;
    const { bumpStatsVersion } = await import('../../src/modules/stats/cache.js');
    const url = `/api/v1/stats/bodies/${bodyA}?from=2026-01&to=2026-03`;
    const first = (await t.app.inject({ method: 'GET', url })).json();
    // A write that does not bump the version (what no writer does) is not seen: the figures are kept…
    await db
      .updateTable('stats_body_month')
      .set((eb) => ({ received: eb('received', '+', 1000) }))
      .where('body_id', '=', bodyA)
      .where('month', '=', '2026-02')
      .execute();
    assert.equal((await t.app.inject({ method: 'GET', url })).json().figures.received, first.figures.received);
    // …and a new version, as any process writing the aggregates sets it, is seen on the next request.
    await bumpStatsVersion(db);
    assert.equal((await t.app.inject({ method: 'GET', url })).json().figures.received, first.figures.received + 1000);
    await db
      .updateTable('stats_body_month')
      .set((eb) => ({ received: eb('received', '-', 1000) }))
      .where('body_id', '=', bodyA)
      .where('month', '=', '2026-02')
      .execute();
    await bumpStatsVersion(db);
    assert.equal((await t.app.inject({ method: 'GET', url })).json().figures.received, first.figures.received);
    // The league table also follows the directory: a body whose kind changes leaves its table at once.
    const en = new Agent(t.app, { 'accept-language': 'en' });
    const league = '/stats/league?from=2026-01&to=2026-03&body_kind=ministry';
    assert.match((await en.get(league)).body, /Ministry of Fixtures/);
    const kind = (await db.selectFrom('body').select('kind').where('id', '=', bodyA).executeTakeFirstOrThrow()).kind;
    t.clock.advance(1000);
    await db
      .updateTable('body')
      .set({ kind: 'agency', updated_at: t.clock.now.toISOString() })
      .where('id', '=', bodyA)
      .execute();
    assert.doesNotMatch((await en.get(league)).body, /Ministry of Fixtures/);
    await db
      .updateTable('body')
      .set({ kind, updated_at: new Date(t.clock.now.getTime() + 1000).toISOString() })
      .where('id', '=', bodyA)
      .execute();
  });

  test('bad period filters and unknown export formats answer clearly, never 500', async () => {
    const en = new Agent(t.app, { 'accept-language': 'en' });
    for (const q of [
      'from=2026-13',
      'from=2026-02-30',
      'to=abc',
      'from=2026-05&to=2026-01',
      `from=${'9'.repeat(5000)}`,
    ]) {
      const page = await en.get(`/stats/bodies/${bodyA}?${q}`);
      assert.equal(page.statusCode, 400, q);
      assert.match(page.body, /Enter a month as YYYY-MM|The start must not be after the end/);
      assert.equal((await en.get(`/stats/league?${q}`)).statusCode, 400, q);
      assert.equal((await en.get(`/stats/map?${q}`)).statusCode, 400, q);
    }
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/stats/bodies/${bodyA}?from=2026-13` });
    assert.equal(api.statusCode, 400);
    const reversed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/stats/bodies/${bodyA}?from=2026-05&to=2026-01`,
    });
    assert.equal(reversed.statusCode, 400);
    assert.equal(reversed.json().error.fields[0].field, 'from');
    for (const f of ['bodies.xml', 'secrets.csv', 'appeals.csv.exe', '..%2f..%2fetc.csv']) {
      const r = await en.get(`/data/${f}`);
      assert.equal(r.statusCode, 404, f);
      assert.match(r.body, /There is no such dataset or format/);
    }
    assert.equal((await en.get('/stats/bodies/999999')).statusCode, 404);
    assert.equal((await en.get('/stats/bodies/abc')).statusCode, 404);
  });

  test('a rebuild from scratch gives the same figures as the incremental runs', async () => {
    const url = `/api/v1/stats/bodies/${bodyA}?from=2026-01&to=2026-03`;
    const before = (await t.app.inject({ method: 'GET', url })).json();
    const { rebuildStats } = await import('../../src/modules/stats/refresh.js');
    await t.db.conn.db.transaction().execute((trx) => rebuildStats(trx, '2026-03-10', t.clock.now));
    const after = (await t.app.inject({ method: 'GET', url })).json();
    assert.deepEqual({ ...after, updatedAt: null }, { ...before, updatedAt: null });
  });

  test('the public API routes are in the OpenAPI document with their schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const paths = Object.keys(doc.paths);
    for (const p of ['/api/v1/stats/bodies/{id}', '/api/v1/search', '/api/v1/appeals']) assert.ok(paths.includes(p), p);
    assert.ok(doc.paths['/api/v1/appeals'].get, 'GET /api/v1/appeals (published=true)');
    assert.ok(JSON.stringify(doc.paths['/api/v1/stats/bodies/{id}'].get).includes('medianWorkingDays'));
  });

  test('the statistics download has every cell, streamed as CSV and JSON with the licence', async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/data/stats.csv' });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for spreadsheets');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'body_id,month,kind,received,answered,on_time,late,outcomes,reasons,days_hist');
    const json = (await t.app.inject({ method: 'GET', url: '/data/stats.json' })).json();
    assert.equal(json.licence, 'CC BY 4.0');
    assert.equal(json.rows.length, lines.length - 1);
  });
});
