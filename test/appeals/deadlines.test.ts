/**
 * Deadline tables on the stored rules and the administrators' calendar, on both dialects: the New
 * Year break of 2026, Nooruz on a Saturday in 2026, Kurman Ait 2024 under the old transfer rule,
 * calendar-day and working-day rules, extensions and redirections, and the rule version an appeal
 * keeps. Dates are Bishkek dates; "received" starts the count on the next day.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCalendar } from '../../src/modules/appeals/calendar-store.js';
import { saveRuleVersion } from '../../src/modules/appeals/commands/edit-rules.js';
import { appealDeadlines } from '../../src/modules/appeals/deadlines.js';
import { dueFor } from '../../src/modules/appeals/due.js';
import { DEFAULT_RULES } from '../../src/modules/appeals/rules/default-rules.js';
import { ruleInForce } from '../../src/modules/appeals/rules/queries.js';
import { AppError } from '../../src/platform/errors.js';
import { forEachDialect, openTestDatabase, type TestDatabase } from '../support/dialects.js';

const none = { registered_on: null, redirected_on: null, extension_days: 0 };

forEachDialect('appeals: deadlines on stored rules and calendar', (dialect) => {
  let tdb: TestDatabase;
  before(async () => {
    tdb = await openTestDatabase(dialect);
  });
  after(async () => tdb.close());

  const cases: {
    name: string;
    kind: 'application' | 'information_request' | 'complaint';
    from: string;
    registration: string;
    due: string;
  }[] = [
    // 31 Dec 2025 (Wed): 1-12 Jan 2026 are days off (Labour Code 1-7 Jan + the government's extension
    // to 12 Jan), so the first working day counted is Tue 13 Jan: 14 working days end on Fri 30 Jan.
    {
      name: 'New Year break of 2026 (law 67, 14 working days)',
      kind: 'application',
      from: '2025-12-31',
      registration: '2026-01-13',
      due: '2026-01-30',
    },
    // 18 Mar 2026 (Wed): 20 Mar Orozo Ait, 21 Mar Nooruz on a Saturday (not moved since 2025): 8 Apr.
    {
      name: 'Nooruz on a Saturday in 2026 is not moved',
      kind: 'complaint',
      from: '2026-03-18',
      registration: '2026-03-19',
      due: '2026-04-08',
    },
    // Information request 18 Mar 2026: 10 working days: 19, 23-27 Mar, 30, 31 Mar, 1, 2 Apr.
    {
      name: 'information request (law 217, 10 working days)',
      kind: 'information_request',
      from: '2026-03-18',
      registration: '2026-03-19',
      due: '2026-04-02',
    },
    // 13 Jun 2024 (Thu): Kurman Ait on Sunday 16 Jun moved to Mon 17 Jun under the 2004 Code;
    // counting 14, 18-21, 24-28 Jun, 1-4 Jul: 14 working days end on Thu 4 Jul.
    {
      name: 'Kurman Ait 2024 under the old transfer rule',
      kind: 'application',
      from: '2024-06-13',
      registration: '2024-06-14',
      due: '2024-07-04',
    },
  ];
  for (const c of cases) {
    test(`${c.name}: received ${c.from}, due ${c.due}`, async () => {
      const answer = await dueFor(tdb.conn.db, c.kind, c.from, 'en');
      assert.equal(answer.registrationDue, c.registration);
      assert.equal(answer.due, c.due, answer.explanation.join('\n'));
    });
  }

  test('the explanation names the holidays skipped, in every language', async () => {
    const en = await dueFor(tdb.conn.db, 'complaint', '2026-03-18', 'en');
    assert.ok(en.explanation.some((l) => /Orozo Ait/.test(l)));
    assert.ok(en.explanation.some((l) => /Nooruz.*not moved/.test(l)));
    const ru = await dueFor(tdb.conn.db, 'complaint', '2026-03-18', 'ru');
    assert.ok(ru.explanation.some((l) => /не переносится/.test(l)));
    const ky = await dueFor(tdb.conn.db, 'complaint', '2026-03-18', 'ky');
    assert.ok(ky.explanation.some((l) => /Нооруз/.test(l)));
    assert.match(ky.legalBasis, /№ 67/);
    assert.equal(en.disputed, true);
  });

  test('an unknown kind and an impossible date are refused with field errors', async () => {
    await assert.rejects(dueFor(tdb.conn.db, 'petition', '2026-02-30', 'en'), (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.deepEqual(
        err.fields.map((f) => f.field),
        ['kind', 'from'],
      );
      return true;
    });
    await assert.rejects(dueFor(tdb.conn.db, 'information_request', '2020-01-10', 'en'), /invalid/);
  });

  test('calendar-day rules roll a due date on a day off to the next working day; extensions and redirections', async () => {
    const calendar = await loadCalendar(tdb.conn.db);
    const rule = {
      ...(await ruleInForce(tdb.conn.db, 'application', '2026-03-02'))!,
      answer_unit: 'calendar' as const,
      answer_term: 30,
      extension_unit: 'calendar' as const,
    };
    // 2 Mar 2026 + 30 calendar days = Wed 1 Apr (a working day).
    assert.equal(appealDeadlines({ received_on: '2026-03-02', ...none }, rule, calendar).answer!.due, '2026-04-01');
    // 5 Mar + 30 = Sat 4 Apr: rolls to Mon 6 Apr.
    assert.equal(appealDeadlines({ received_on: '2026-03-05', ...none }, rule, calendar).answer!.due, '2026-04-06');
    // Working days (received Mon 2 Mar; 8 Mar is a Sunday, 20 Mar Orozo Ait, 21 Mar a Saturday): 23 Mar.
    const wd = (await ruleInForce(tdb.conn.db, 'application', '2026-03-02'))!;
    assert.equal(appealDeadlines({ received_on: '2026-03-02', ...none }, wd, calendar).answer!.due, '2026-03-23');
    // Registered on time (3 Mar): the term counts from registration: 24 Mar.
    assert.equal(
      appealDeadlines({ received_on: '2026-03-02', ...none, registered_on: '2026-03-03' }, wd, calendar).answer!.due,
      '2026-03-24',
    );
    // Registered late (10 Mar): the term still counts from the registration deadline (3 Mar).
    assert.equal(
      appealDeadlines({ received_on: '2026-03-02', ...none, registered_on: '2026-03-10' }, wd, calendar).answer!.due,
      '2026-03-24',
    );
    // Information request extended by 10 working days after its due date of 2 Apr 2026: 16 Apr.
    const ir = (await ruleInForce(tdb.conn.db, 'information_request', '2026-03-18'))!;
    const ext = appealDeadlines({ received_on: '2026-03-18', ...none, extension_days: 10 }, ir, calendar).answer!;
    assert.equal(ext.due, '2026-04-16');
    assert.ok(ext.explanation.some((i) => i.key === 'deadline.extension'));
    // Redirected on 6 Apr 2026: the receiving body has 14 working days from then: 24 Apr.
    assert.equal(
      appealDeadlines({ received_on: '2026-03-18', ...none, redirected_on: '2026-04-06' }, wd, calendar).answer!.due,
      '2026-04-24',
    );
  });

  test('an appeal keeps the rule version in force on the day it was received', async () => {
    const db = tdb.conn.db;
    const law67 = DEFAULT_RULES.find((r) => r.kind === 'proposal')!;
    // A (hypothetical) amendment from 1 July 2026 cutting the term to 10 working days.
    await db.transaction().execute((trx) =>
      saveRuleVersion({
        trx,
        values: { ...law67, valid_from: '2026-07-01', answer_term: 10, disputed: 0, note: 'test amendment' },
        actor: 'test',
        now: new Date('2026-06-01T00:00:00Z'),
      }),
    );
    assert.equal((await ruleInForce(db, 'proposal', '2026-06-30'))!.answer_term, 14);
    assert.equal((await ruleInForce(db, 'proposal', '2026-07-01'))!.answer_term, 10);
    // Editing the same version again replaces it and keeps the history.
    const second = await db.transaction().execute((trx) =>
      saveRuleVersion({
        trx,
        values: { ...law67, valid_from: '2026-07-01', answer_term: 12, disputed: 0, note: 'corrected' },
        actor: 'test',
        now: new Date('2026-06-02T00:00:00Z'),
      }),
    );
    assert.equal((await ruleInForce(db, 'proposal', '2026-07-02'))!.id, second);
    const history = await db
      .selectFrom('appeal_rule')
      .select(['answer_term', 'superseded_by'])
      .where('kind', '=', 'proposal')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      history.map((h) => h.answer_term),
      [14, 10, 12],
    );
    assert.equal(history[1]!.superseded_by, second);
  });
});
