/**
 * The period report on a fixture whose answers are worked out by hand (see the comments), including
 * SDG 16.10.1, on both dialects. The fixture is written through the commands (as the forms do).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createCase } from '../../src/modules/cases/commands/create-case.js';
import { addAct } from '../../src/modules/cases/commands/record-act.js';
import { addEvent } from '../../src/modules/cases/commands/record-event.js';
import { addIntervention } from '../../src/modules/cases/commands/record-intervention.js';
import { addInvolvement } from '../../src/modules/cases/commands/record-involvement.js';
import { addPerson } from '../../src/modules/cases/commands/record-person.js';
import { buildCaseReport, defaultPeriod } from '../../src/modules/cases/reports/build-report.js';
import type { CaseState } from '../../src/modules/cases/tables.js';
import { forEachDialect } from '../support/dialects.js';
import { buildUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { directoryFixture, staff } from './support.js';

const counts = (xs: { key: string; count: number }[]) => Object.fromEntries(xs.map((x) => [x.key, x.count]));
const NAMES = [
  'Aibek Secretname',
  'Cholpon Hiddenova',
  'Dastan Private',
  'Elnura Confidential',
  'Farid Perpetratorov',
  'Gulnara Witness',
];

forEachDialect('case report', (dialect) => {
  let t: TestApp;
  let dir: Awaited<ReturnType<typeof directoryFixture>>;

  before(async () => {
    t = await buildTestApp(dialect);
    dir = await directoryFixture(t);
    const owner = await buildUser(t, { role: 'lawyer' });
    const db = t.db.conn.db;
    const now = t.clock.now;
    const run = <T>(fn: (p: { trx: typeof db; cipher: typeof t.cipher; userId: number; now: Date }) => Promise<T>) =>
      db.transaction().execute((trx) => fn({ trx: trx as never, cipher: t.cipher, userId: owner.id, now }));
    const newCase = async (title: string, territory: number, state: CaseState) => {
      const c = await run((p) => createCase({ ...p, input: { title, territory_id: String(territory) } }));
      await db.updateTable('hr_case').set({ state }).where('id', '=', c.id).execute();
      return c.id;
    };
    const person = (caseId: number, name: string, sex: string, age: string, groups: string[]) =>
      run((p) => addPerson({ ...p, caseId, input: { name, sex, age_group: age, groups } })).then((r) => r.id);
    const event = (caseId: number, start: string, precision: string, territory?: number, label?: string) =>
      run((p) =>
        addEvent({
          ...p,
          caseId,
          input: {
            title: 'event',
            start,
            start_precision: precision,
            start_label: label,
            territory_id: territory ? String(territory) : '',
          },
        }),
      );
    const act = (
      caseId: number,
      eventId: number,
      type: string,
      victim: number,
      start?: string,
      precision?: string,
      label?: string,
    ) =>
      run((p) =>
        addAct({
          ...p,
          caseId,
          input: {
            event_id: String(eventId),
            act_type: type,
            victim_id: String(victim),
            start,
            start_precision: precision,
            start_label: label,
          },
        }),
      );
    const perp = (caseId: number, actId: number, who: { body?: string; person?: number }) =>
      run((p) =>
        addInvolvement({
          ...p,
          caseId,
          input: {
            target: `act:${actId}`,
            role: 'perpetrator',
            body: who.body,
            person_id: who.person ? String(who.person) : '',
          },
        }),
      );
    const intervention = (
      caseId: number,
      kind: string,
      on: string,
      response: string,
      extra: Record<string, string> = {},
    ) => run((p) => addIntervention({ ...p, caseId, input: { kind, on_date: on, response, ...extra } }));

    // C1, verified, Chui: V1 journalist woman adult; V2 HRD + journalist man youth; W1 (perpetrator, a person).
    const c1 = await newCase('Case one', dir.chui, 'verified');
    const v1 = await person(c1, NAMES[0]!, 'female', 'adult', ['journalist']);
    const v2 = await person(c1, NAMES[1]!, 'male', 'youth', ['hrd', 'journalist']);
    const w1 = await person(c1, NAMES[4]!, 'male', 'adult', []);
    const e1 = await event(c1, '2025-03-10', 'exact', dir.chui);
    const a1 = await act(c1, e1, 'torture', v1); // 2025-03-10, police → SDG torture (journalist)
    const a2 = await act(c1, e1, 'arbitrary_detention', v2, '2025-03', 'month'); // police + a person → SDG detention (HRD, journalist)
    await act(c1, e1, 'threats', v1, '2025-04-01', 'exact'); // no perpetrator; not an SDG violation
    await perp(c1, a1, { body: 'police.test' });
    await perp(c1, a2, { body: 'police.test' });
    await perp(c1, a2, { person: w1 });
    await intervention(c1, 'appeal', '2025-03-20', 'no_response', { body: 'police.test' });
    await intervention(c1, 'lawsuit', '2025-05-01', 'claim_withdrawn', {
      body: 'court.test',
      claim_amount: '50000',
      claim_currency: 'KGS',
    });

    // C2, documented (not verified), Bishkek: a killing of a journalist — counted everywhere except SDG 16.10.1.
    const c2 = await newCase('Case two', dir.bishkek, 'documented');
    const v3 = await person(c2, NAMES[2]!, 'male', 'adult', ['journalist']);
    const e2 = await event(c2, '2025', 'year');
    const a4 = await act(c2, e2, 'killing', v3);
    await perp(c2, a4, { body: 'police.test' });
    await intervention(c2, 'un_communication', '2026-01-05', 'pending', { mechanism: 'CCPR' }); // after the period

    // C3, closed, Chui: an HRD girl; a torture before the period (excluded), a kidnapping in "summer 2025" by a person.
    const c3 = await newCase('Case three', dir.chui, 'closed');
    const v4 = await person(c3, NAMES[3]!, 'female', 'child', ['hrd']);
    const p3 = await person(c3, NAMES[5]!, 'male', 'adult', []);
    const e3 = await event(c3, '2024-12-31', 'exact');
    await act(c3, e3, 'torture', v4); // 2024-12-31: outside the period
    const a6 = await act(c3, e3, 'kidnapping', v4, '2025-06', 'approximate', 'summer 2025');
    await perp(c3, a6, { person: p3 });

    // Also a stray case of another team in intake, with no acts: must not change any number.
    const other = (await staff(t, 'lawyer')).user;
    await db
      .transaction()
      .execute((trx) => createCase({ trx, cipher: t.cipher, userId: other.id, input: { title: 'empty' }, now }));
  });
  after(async () => t.close());

  const PERIOD = { from: '2025-01-01', to: '2025-12-31' };

  test('counts by type, territory, sex, age group, vulnerable group, perpetrator kind and outcome', async () => {
    const r = await buildCaseReport(t.db.conn.db, { filters: PERIOD, now: t.clock.now });
    // Acts in 2025: A1, A2, A3 (C1), A4 (C2), A6 (C3); the 2024 torture is outside.
    assert.deepEqual(r.totals, { acts: 5, victims: 4, cases: 3 });
    assert.deepEqual(counts(r.byType), { torture: 1, arbitrary_detention: 1, threats: 1, killing: 1, kidnapping: 1 });
    // C1's event is in Chui (3 acts), C3's event has no territory so the case's (Chui) counts; C2 → Bishkek.
    assert.deepEqual(counts(r.byTerritory), { [dir.chui]: 4, [dir.bishkek]: 1 });
    assert.deepEqual(counts(r.bySex), { female: 2, male: 2 });
    assert.deepEqual(counts(r.byAgeGroup), { adult: 2, youth: 1, child: 1 });
    assert.deepEqual(counts(r.byGroup), { journalist: 3, hrd: 2 });
    // police: A1, A2, A4; a person: A2, A6; none: A3.
    assert.deepEqual(counts(r.byPerpetrator), { police: 3, person: 2, unknown: 1 });
    // Interventions dated in 2025 only (the 2026 UN communication is outside).
    assert.deepEqual(counts(r.byOutcome), { no_response: 1, claim_withdrawn: 1 });
  });

  test('SDG 16.10.1 counts verified acts against journalists, media workers, trade unionists and defenders', async () => {
    const r = await buildCaseReport(t.db.conn.db, { filters: PERIOD, now: t.clock.now });
    // A1 torture (journalist, verified), A2 detention (HRD + journalist, verified), A6 kidnapping (HRD, closed).
    // Not counted: A3 threats (not an indicator violation), A4 killing (case only documented).
    assert.equal(r.sdg16101.total, 3);
    assert.deepEqual(counts(r.sdg16101.byViolation), { torture: 1, arbitrary_detention: 1, kidnapping: 1 });
    assert.deepEqual(counts(r.sdg16101.byGroup), { journalist: 2, hrd: 2 });
  });

  test('filters by state, territory and violation type, and the default period is the last twelve months', async () => {
    const db = t.db.conn.db;
    const verified = await buildCaseReport(db, { filters: { ...PERIOD, state: 'verified' }, now: t.clock.now });
    assert.deepEqual(verified.totals, { acts: 4, victims: 3, cases: 2 });
    const bishkek = await buildCaseReport(db, { filters: { ...PERIOD, territoryId: dir.bishkek }, now: t.clock.now });
    assert.deepEqual(bishkek.totals, { acts: 1, victims: 1, cases: 1 });
    const torture = await buildCaseReport(db, {
      filters: { from: '2024-01-01', to: '2025-12-31', actType: 'torture' },
      now: t.clock.now,
    });
    assert.deepEqual(torture.totals, { acts: 2, victims: 2, cases: 2 });
    assert.deepEqual(defaultPeriod(new Date('2026-03-02T06:00:00Z')), { from: '2025-03-03', to: '2026-03-02' });
    // 2025-03-03 … 2026-03-02: A1 (10 March), A3 (April), A6 (June) are in; A2 ("March 2025" counts from
    // 1 March) and A4 ("2025" counts from 1 January) are out. Victims V1, V4; cases C1, C3.
    const dflt = await buildCaseReport(db, { filters: {}, now: new Date('2026-03-02T06:00:00Z') });
    assert.deepEqual(dflt.totals, { acts: 3, victims: 2, cases: 2 });
  });

  test('the report page, in three languages, shows pseudonymised summaries and accessible charts, never a name', async () => {
    const coord = (await staff(t, 'coordinator')).agent;
    for (const [lang, heading] of [
      ['en', 'SDG indicator 16.10.1'],
      ['ru', 'Индикатор ЦУР 16.10.1'],
      ['ky', 'ТӨМ 16.10.1 индикатору'],
    ] as const) {
      const page = await coord.get(`/cases/reports?from=2025-01-01&to=2025-12-31`, {
        'accept-language': lang,
        cookie: `${coord.cookieHeader()}; ${t.app.achyk.cookies.lang}=${lang}`,
      });
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(heading), lang);
      for (const n of NAMES) assert.ok(!page.body.includes(n), `${lang}: ${n}`);
      assert.match(page.body, /<svg[^>]+role="img"[^>]+aria-labelledby="sdg-violation-title sdg-violation-desc"/);
      assert.match(page.body, /<title id="sdg-violation-title">/);
      assert.ok(page.body.includes('/cases/assets/cases.css'));
    }
    const en = await coord.get('/cases/reports?from=2025-01-01&to=2025-12-31');
    assert.match(en.body, /Total: 3/);
    assert.match(en.body, /In total: 5 acts, 4 victims, 3 cases/);
    assert.match(en.body, /P1: Female, Adult \(30–59\), Journalist/);
    assert.match(en.body, /summer 2025/);
    const css = await coord.get('/cases/assets/cases.css');
    assert.match(css.body, /@page \{ size: A4/);
    const bad = await coord.get('/cases/reports?from=2025-13-01&act_type=nonsense&colour=red');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Unknown code: nonsense/);
    assert.match(bad.body, /Unknown field: colour/);
  });

  test('the CSV has the same numbers and no names', async () => {
    const coord = (await staff(t, 'coordinator')).agent;
    const csv = await coord.get('/cases/reports.csv?from=2025-01-01&to=2025-12-31');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(
      String(csv.headers['content-disposition']),
      /^attachment; filename="cases-report-2025-01-01-2025-12-31.csv"/,
    );
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    assert.ok(lines.includes('sdg_16_10_1_total,,SDG indicator 16.10.1,3'));
    assert.ok(lines.includes('by_perpetrator,police,Police,3'));
    assert.ok(lines.includes('by_vulnerable_group,journalist,Journalist,3'));
    assert.ok(lines.includes('by_outcome,claim_withdrawn,Claim withdrawn,1'));
    for (const n of NAMES) assert.ok(!csv.body.includes(n));
  });
});
