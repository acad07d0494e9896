import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addExtension,
  computeDue,
  defaultCalendarData,
  workingDaysBetween,
  type CalendarData,
  type ComputeDueInput,
  type TermUnit,
} from '../../src/modules/calendar/index.js';

const calendar = defaultCalendarData();
const reason = { ky: 'Сынак', ru: 'Тест', en: 'Test' };

interface Row {
  readonly name: string;
  readonly from: string;
  readonly term: number;
  readonly unit: TermUnit;
  readonly due: string;
  readonly rollForwardIfNonWorking?: boolean;
  readonly calendar?: CalendarData;
}

// Every expected date is computed by hand in the comment above its row. Counting starts the day
// after receipt; (n) marks the n-th counted day, "off" a skipped day.
const rows: Row[] = [
  // Appeal, New Year 2026. Received Mon 29 Dec 2025: 30 Tue (1), 31 Wed (2); 1-7 Jan Code holidays,
  // 8-12 Jan government break (incl. Sat 10, Sun 11); 13 Tue (3), 14 (4), 15 (5), 16 Fri (6),
  // 17-18 off, 19 Mon (7), 20 (8), 21 (9), 22 (10), 23 Fri (11), 24-25 off, 26 Mon (12), 27 (13), 28 Wed (14).
  {
    name: 'appeal across the New Year break of 2026',
    from: '2025-12-29',
    term: 14,
    unit: 'working',
    due: '2026-01-28',
  },
  // Appeal, March 2026. Received Wed 18 Mar: 19 Thu (1); 20 Fri Orozo Ait off; 21 Sat Nooruz off
  // (not moved); 22 Sun off; 23 Mon (2) ordinary working day, 24 (3), 25 (4), 26 (5), 27 Fri (6);
  // 28-29 off; 30 Mon (7), 31 (8), 1 Apr (9), 2 (10), 3 Fri (11); 4-5 off; 6 Mon (12),
  // 7 Tue (13) April Revolution Day is a working day, 8 Wed (14).
  {
    name: 'appeal across Orozo Ait and Nooruz on a Saturday, 2026',
    from: '2026-03-18',
    term: 14,
    unit: 'working',
    due: '2026-04-08',
  },
  // Information request (10 working days), same dates: 19 (1), 23 (2) … 27 (6), 30 (7), 31 (8), 1 Apr (9), 2 Apr (10).
  {
    name: 'information request across Orozo Ait and Nooruz, 2026',
    from: '2026-03-18',
    term: 10,
    unit: 'working',
    due: '2026-04-02',
  },
  // Appeal, Kurman Ait 2024 (old transfer rule). Received Fri 14 Jun: 15 Sat off, 16 Sun Kurman Ait
  // off, 17 Mon transferred day off; 18 Tue (1), 19 (2), 20 (3), 21 Fri (4); 24 Mon (5) … 28 Fri (9);
  // 1 Jul Mon (10), 2 (11), 3 (12), 4 (13), 5 Fri (14).
  {
    name: 'appeal across Kurman Ait 2024 moved from Sunday to Monday',
    from: '2024-06-14',
    term: 14,
    unit: 'working',
    due: '2024-07-05',
  },
  // Information request, May 2025. Received Wed 30 Apr: 1-9 May off (Thu 1 … Fri 9), 10-11 off;
  // 12 Mon (1) … 16 Fri (5); 17-18 off; 19 Mon (6) … 23 Fri (10).
  {
    name: 'information request across the May holidays 2025',
    from: '2025-04-30',
    term: 10,
    unit: 'working',
    due: '2025-05-23',
  },
  // Old Code, 7-8 Nov 2020 on Sat-Sun. Received Thu 5 Nov: 6 Fri (1); 7-8 off; 9 Mon and 10 Tue
  // transferred days off; 11 Wed (2), 12 (3), 13 Fri (4); 16 Mon (5) … 20 Fri (9); 23 Mon (10) … 27 Fri (14).
  {
    name: 'appeal across 7-8 November 2020 under the old transfer rule',
    from: '2020-11-05',
    term: 14,
    unit: 'working',
    due: '2020-11-27',
  },
  // New Code, 7-8 Nov 2025 (Fri-Sat) are working / ordinary weekend. Received Wed 5 Nov: 6 Thu (1),
  // 7 Fri (2); 8-9 off; 10 Mon (3) … 14 Fri (7); 17 Mon (8) … 21 Fri (12); 24 Mon (13), 25 Tue (14).
  {
    name: 'appeal across 7-8 November 2025, working days since 2025',
    from: '2025-11-05',
    term: 14,
    unit: 'working',
    due: '2025-11-25',
  },
  // 23 Feb 2026 is a working Monday. Received Fri 20 Feb: 21-22 off; 23 Mon (1), 24 (2), 25 Wed (3).
  { name: '23 February 2026 counts as a working day', from: '2026-02-20', term: 3, unit: 'working', due: '2026-02-25' },
  // 23 Feb 2024 was a day off (Friday). Received Thu 22 Feb: 23 off, 24-25 off; 26 Mon (1), 27 (2), 28 Wed (3).
  {
    name: '23 February 2024 was a day off under the old Code',
    from: '2024-02-22',
    term: 3,
    unit: 'working',
    due: '2024-02-28',
  },
  // Registration within 1 working day. Received Fri 4 Apr 2025: 5-6 off; 7 Apr Mon (1), a working holiday.
  {
    name: 'registration on 7 April 2025, a working day',
    from: '2025-04-04',
    term: 1,
    unit: 'working',
    due: '2025-04-07',
  },
  // Administrator makes Sat 28 Mar 2026 a working day. Received Wed 18 Mar: 19 (1); 20-22 off;
  // 23 (2) … 27 (6), 28 Sat (7); 29 off; 30 (8), 31 (9), 1 Apr (10), 2 (11), 3 (12); 4-5 off; 6 (13), 7 Tue (14).
  {
    name: 'a Saturday made a working day by the administrator shortens the count by one day',
    from: '2026-03-18',
    term: 14,
    unit: 'working',
    due: '2026-04-07',
    calendar: {
      ...calendar,
      exceptions: [...calendar.exceptions, { date: '2026-03-28', kind: 'working_day', reason }],
    },
  },
  // 30 calendar days. Received Thu 5 Feb 2026: 6 Feb (1) … 28 Feb (23), 1 Mar (24) … 7 Mar (30),
  // a Saturday; 8 Mar is Sunday and Women's Day (not moved); next working day Mon 9 Mar.
  {
    name: '30 calendar days ending on a Saturday roll to Monday',
    from: '2026-02-05',
    term: 30,
    unit: 'calendar',
    due: '2026-03-09',
  },
  {
    name: '… unless rolling forward is switched off',
    from: '2026-02-05',
    term: 30,
    unit: 'calendar',
    due: '2026-03-07',
    rollForwardIfNonWorking: false,
  },
  // 30 calendar days. Received Mon 2 Mar 2026: 3 Mar (1) … 31 Mar (29), 1 Apr (30), a Wednesday;
  // Orozo Ait and Nooruz inside the term are counted like any calendar day.
  {
    name: '30 calendar days ending on a working day count holidays inside the term',
    from: '2026-03-02',
    term: 30,
    unit: 'calendar',
    due: '2026-04-01',
  },
  // 30 calendar days. Received Wed 9 Apr 2025: 10 Apr (1) … 30 Apr (21), 1 May (22) … 9 May (30),
  // Victory Day (Friday); 10-11 weekend; next working day Mon 12 May.
  {
    name: '30 calendar days ending on Victory Day 2025 roll over the weekend',
    from: '2025-04-09',
    term: 30,
    unit: 'calendar',
    due: '2025-05-12',
  },
  // 30 calendar days. Received Sat 13 Dec 2025: 14 Dec (1) … 31 Dec (18), 1 Jan (19) … 12 Jan (30),
  // Monday but inside the government break; next working day Tue 13 Jan.
  {
    name: '30 calendar days ending inside the 2026 government break',
    from: '2025-12-13',
    term: 30,
    unit: 'calendar',
    due: '2026-01-13',
  },
  // A term of 0 days ends on the day of receipt.
  {
    name: 'a term of zero days ends on the day of receipt',
    from: '2026-03-21',
    term: 0,
    unit: 'working',
    due: '2026-03-21',
  },
];

describe('computeDue', () => {
  for (const row of rows) {
    it(`${row.name}: ${row.term} ${row.unit} days from ${row.from} → ${row.due}`, () => {
      const input: ComputeDueInput = {
        from: row.from,
        term: row.term,
        unit: row.unit,
        calendar: row.calendar ?? calendar,
        ...(row.rollForwardIfNonWorking === undefined ? {} : { rollForwardIfNonWorking: row.rollForwardIfNonWorking }),
      };
      const result = computeDue(input);
      assert.equal(result.due, row.due);
      assert.equal(result.counted.length, row.term);
    });
  }

  it('lists the counted and skipped days of the March 2026 appeal', () => {
    const result = computeDue({ from: '2026-03-18', term: 14, unit: 'working', calendar });
    assert.deepEqual(result.counted, [
      '2026-03-19',
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-30',
      '2026-03-31',
      '2026-04-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-06',
      '2026-04-07',
      '2026-04-08',
    ]);
    assert.deepEqual(
      result.skipped.map((s) => [s.date, s.reason.kind]),
      [
        ['2026-03-20', 'holiday'],
        ['2026-03-21', 'holiday'],
        ['2026-03-22', 'weekend'],
        ['2026-03-28', 'weekend'],
        ['2026-03-29', 'weekend'],
        ['2026-04-04', 'weekend'],
        ['2026-04-05', 'weekend'],
      ],
    );
  });

  it('for calendar-day terms, counts every day and skips only the days rolled over', () => {
    const result = computeDue({ from: '2025-04-09', term: 30, unit: 'calendar', calendar });
    assert.equal(result.counted[0], '2025-04-10');
    assert.equal(result.counted.at(-1), '2025-05-09');
    assert.deepEqual(
      result.skipped.map((s) => s.date),
      ['2025-05-09', '2025-05-10', '2025-05-11'],
    );
  });

  it('rejects a negative or fractional term and an invalid date', () => {
    assert.throws(() => computeDue({ from: '2026-03-18', term: -1, unit: 'working', calendar }), RangeError);
    assert.throws(() => computeDue({ from: '2026-03-18', term: 1.5, unit: 'working', calendar }), RangeError);
    assert.throws(() => computeDue({ from: '2026-3-18', term: 14, unit: 'working', calendar }), RangeError);
  });

  it('stops instead of looping forever on a calendar with no working days', () => {
    const allOff: CalendarData = {
      ...calendar,
      exceptions: Array.from({ length: 400 }, (_, i) => ({
        date: new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
        kind: 'day_off' as const,
        reason,
      })),
    };
    assert.throws(() => computeDue({ from: '2026-12-31', term: 1, unit: 'working', calendar: allOff }), RangeError);
  });

  it('gives the same answer whatever the server time zone', () => {
    const saved = process.env.TZ;
    try {
      const dues = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Bishkek', 'UTC'].map((tz) => {
        process.env.TZ = tz;
        return computeDue({ from: '2025-12-29', term: 14, unit: 'working', calendar: defaultCalendarData() }).due;
      });
      assert.deepEqual(new Set(dues), new Set(['2026-01-28']));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('computeDue status with now', () => {
  const base = { from: '2026-03-18', term: 14, unit: 'working', calendar } as const; // due Wed 8 Apr 2026

  it('3 working days left on Friday 3 April (6, 7, 8 April remain)', () => {
    assert.deepEqual(computeDue({ ...base, now: '2026-04-03' }).status, {
      today: '2026-04-03',
      workingDaysLeft: 3,
      overdue: false,
    });
  });

  it('due today on 8 April', () => {
    const result = computeDue({ ...base, now: '2026-04-08' });
    assert.deepEqual(result.status, { today: '2026-04-08', workingDaysLeft: 0, overdue: false });
    assert.equal(result.explanation.at(-1)?.key, 'deadline.status.due_today');
  });

  it('overdue by 5 working days on Wednesday 15 April (9, 10, 13, 14, 15 April)', () => {
    assert.deepEqual(computeDue({ ...base, now: '2026-04-15' }).status, {
      today: '2026-04-15',
      workingDaysLeft: -5,
      overdue: true,
    });
  });

  it('reads an instant as a Bishkek date: 19:00 UTC on 8 April is already 9 April', () => {
    const status = computeDue({ ...base, now: new Date('2026-04-08T19:00:00Z') }).status;
    assert.deepEqual(status, { today: '2026-04-09', workingDaysLeft: -1, overdue: true });
  });
});

describe('workingDaysBetween', () => {
  const cases: [string, string, number, string][] = [
    ['2026-03-19', '2026-03-23', 1, '20-22 Mar are days off; only Mon 23 counts'],
    ['2026-03-23', '2026-03-19', -1, 'the same span backwards'],
    ['2026-03-19', '2026-03-19', 0, 'same day'],
    ['2026-04-10', '2026-04-11', 0, 'Friday to Saturday'],
    ['2025-12-31', '2026-01-13', 1, 'the whole New Year break; only Tue 13 Jan counts'],
  ];
  for (const [a, b, expected, why] of cases) {
    it(`${a} → ${b} is ${expected} (${why})`, () => {
      assert.equal(workingDaysBetween(a, b, calendar), expected);
    });
  }
});

describe('addExtension', () => {
  it('extends an information request by 10 working days from its first due date, over Kurman Ait 2025', () => {
    // First term: 2025-04-30 + 10 working days = Fri 23 May 2025 (see the table above).
    // Extension: 26 Mon (1) … 30 Fri (5); 2 Jun Mon (6), 3 (7), 4 (8), 5 Thu (9); 6 Jun Fri Kurman Ait
    // off; 7-8 off; 9 Jun Mon (10).
    const first = computeDue({ from: '2025-04-30', term: 10, unit: 'working', calendar });
    const extended = addExtension({ due: first.due, term: 10, unit: 'working', calendar });
    assert.equal(extended.due, '2025-06-09');
    assert.deepEqual(extended.explanation[0], {
      key: 'deadline.extension',
      params: { term: 10, unit: 'working', previousDue: '2025-05-23', start: '2025-05-24' },
    });
  });
});

describe('unknown movable holidays', () => {
  it('warns when a deadline may cross the not yet announced Kurman Ait 2026', () => {
    // Received Fri 15 May 2026: 18 Mon (1) … 22 (5), 25 (6) … 29 (10), 1 Jun (11) … 4 Thu (14).
    const result = computeDue({ from: '2026-05-15', term: 14, unit: 'working', calendar });
    assert.equal(result.due, '2026-06-04');
    assert.ok(result.explanation.some((e) => e.key === 'deadline.warning.movable_holiday_unknown'));
  });

  it('does not warn for a deadline months away from it', () => {
    const result = computeDue({ from: '2026-03-18', term: 14, unit: 'working', calendar });
    assert.ok(!result.explanation.some((e) => e.key === 'deadline.warning.movable_holiday_unknown'));
  });

  it('once the administrator enters the date (hypothetical Wed 27 May 2026), it is skipped and the warning goes', () => {
    const data: CalendarData = {
      ...calendar,
      movableHolidayDates: [...calendar.movableHolidayDates, { holiday: 'kurman_ait', date: '2026-05-27' }],
    };
    // As above, but 27 May is off: 25 (6), 26 (7), 28 (8), 29 (9), 1 Jun (10) … 5 Fri (14).
    const result = computeDue({ from: '2026-05-15', term: 14, unit: 'working', calendar: data });
    assert.equal(result.due, '2026-06-05');
    assert.ok(!result.explanation.some((e) => e.key === 'deadline.warning.movable_holiday_unknown'));
  });
});
