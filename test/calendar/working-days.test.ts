import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultCalendarData,
  describeYear,
  isWorkingDay,
  missingMovableHolidays,
  validateCalendarData,
  type CalendarData,
  type CalendarException,
  type NonWorkingReason,
} from '../../src/modules/calendar/index.js';

const calendar = defaultCalendarData();

const reason = { ky: 'Сынак', ru: 'Тест', en: 'Test' };

/** The default calendar plus extra administrator exceptions (appended: later entries win). */
function withExceptions(...extra: CalendarException[]): CalendarData {
  const base = defaultCalendarData();
  return { ...base, exceptions: [...base.exceptions, ...extra] };
}

function reasonOf(date: string, data: CalendarData = calendar): NonWorkingReason {
  const status = isWorkingDay(date, data);
  assert.equal(status.working, false, `${date} should not be a working day`);
  if (status.working) throw new Error('unreachable');
  return status.reason;
}

describe('isWorkingDay: holidays of the Labour Code in force from 2025', () => {
  // [date, weekday, expected reason kind, holiday id] — weekdays checked against a printed calendar.
  const daysOff: [string, string, NonWorkingReason['kind'], string | undefined][] = [
    ['2026-01-01', 'Thu', 'holiday', 'new_year_holidays'],
    ['2026-01-03', 'Sat', 'holiday', 'new_year_holidays'], // holiday reported before weekend
    ['2026-01-07', 'Wed', 'holiday', 'christmas'],
    ['2026-03-08', 'Sun', 'holiday', 'womens_day'], // on a Sunday, not moved
    ['2026-03-20', 'Fri', 'holiday', 'orozo_ait'],
    ['2026-03-21', 'Sat', 'holiday', 'nooruz'],
    ['2025-03-30', 'Sun', 'holiday', 'orozo_ait'],
    ['2025-05-02', 'Fri', 'holiday', 'may_holidays'], // 1-9 May is one run of days off
    ['2025-05-05', 'Mon', 'holiday', 'constitution_day'],
    ['2026-05-09', 'Sat', 'holiday', 'victory_day'],
    ['2025-06-06', 'Fri', 'holiday', 'kurman_ait'],
    ['2026-08-31', 'Mon', 'holiday', 'independence_day'],
    ['2026-03-22', 'Sun', 'weekend', undefined],
  ];
  for (const [date, weekday, kind, holiday] of daysOff) {
    it(`${date} (${weekday}) is a day off: ${holiday ?? kind}`, () => {
      const why = reasonOf(date);
      assert.equal(why.kind, kind);
      if (why.kind === 'holiday') assert.equal(why.holiday, holiday);
    });
  }

  it('Nooruz on Saturday 21 March 2026 is not moved: Monday 23 March is a working day', () => {
    assert.deepEqual(reasonOf('2026-03-21'), {
      kind: 'holiday',
      holiday: 'nooruz',
      name: { ky: 'Нооруз', ru: 'Нооруз', en: 'Nooruz' },
      era: 'labour-code-2025',
      onWeekend: true,
    });
    assert.deepEqual(isWorkingDay('2026-03-23', calendar), { working: true });
  });

  it('Orozo Ait on Sunday 30 March 2025 is not moved: Monday 31 March is a working day', () => {
    assert.equal(isWorkingDay('2025-03-31', calendar).working, true);
  });

  // 23 Feb, 7 Apr and 7-8 Nov stay state holidays but are working days since 2025.
  const workingHolidays: [string, string, string][] = [
    ['2025-04-07', 'Mon', 'april_revolution_day'],
    ['2026-02-23', 'Mon', 'defenders_day'],
    ['2026-04-07', 'Tue', 'april_revolution_day'],
    ['2025-11-07', 'Fri', 'history_days'],
  ];
  for (const [date, weekday, holiday] of workingHolidays) {
    it(`${date} (${weekday}, ${holiday}) is a working day with the holiday as an observance`, () => {
      const status = isWorkingDay(date, calendar);
      assert.equal(status.working, true);
      if (!status.working) return;
      assert.equal(status.observance?.holiday, holiday);
      assert.equal(status.observance?.era, 'labour-code-2025');
    });
  }

  it('8 November 2025 is an ordinary Saturday and Monday 10 November is not a transferred day off', () => {
    assert.equal(reasonOf('2025-11-08').kind, 'weekend');
    assert.equal(isWorkingDay('2025-11-10', calendar).working, true);
  });
});

describe('isWorkingDay: the 2004 Labour Code and its transfer rule', () => {
  it('Kurman Ait on Sunday 16 June 2024 moves the day off to Monday 17 June', () => {
    assert.deepEqual(reasonOf('2024-06-16'), {
      kind: 'holiday',
      holiday: 'kurman_ait',
      name: { ky: 'Курман айт', ru: 'Курман айт', en: 'Kurman Ait (Eid al-Adha)' },
      era: 'labour-code-2004',
      onWeekend: true,
      movedTo: '2024-06-17',
    });
    const moved = reasonOf('2024-06-17');
    assert.equal(moved.kind, 'transferred_holiday');
    if (moved.kind === 'transferred_holiday') assert.equal(moved.originalDate, '2024-06-16');
    assert.equal(isWorkingDay('2024-06-18', calendar).working, true);
  });

  it('23 February 2024 (Friday) was a non-working holiday', () => {
    const why = reasonOf('2024-02-23');
    assert.equal(why.kind === 'holiday' && why.holiday, 'defenders_day');
  });

  it('7-8 November 2020 (Saturday-Sunday) move to Monday 9 and Tuesday 10 November', () => {
    // 1 Nov 2020 was a Sunday, so 7 Nov is a Saturday; both days need their own working day.
    const nov9 = reasonOf('2020-11-09');
    const nov10 = reasonOf('2020-11-10');
    assert.equal(nov9.kind === 'transferred_holiday' && nov9.originalDate, '2020-11-07');
    assert.equal(nov10.kind === 'transferred_holiday' && nov10.originalDate, '2020-11-08');
    assert.equal(isWorkingDay('2020-11-11', calendar).working, true);
  });

  it('New Year on Sunday 1 January 2023 moves to Monday 2 January; Christmas on Saturday 7 January to Monday 9', () => {
    const jan2 = reasonOf('2023-01-02');
    const jan9 = reasonOf('2023-01-09');
    assert.equal(jan2.kind === 'transferred_holiday' && jan2.originalDate, '2023-01-01');
    assert.equal(jan9.kind === 'transferred_holiday' && jan9.originalDate, '2023-01-07');
  });
});

describe('isWorkingDay: administrator exceptions', () => {
  it('the government break of 8-12 January 2026 is reported as an exception, 1-7 January as holidays', () => {
    assert.equal(reasonOf('2026-01-08').kind, 'exception');
    assert.equal(reasonOf('2026-01-10').kind, 'exception'); // a Saturday, but inside the decided break
    assert.equal(reasonOf('2026-01-12').kind, 'exception'); // Monday
    assert.equal(reasonOf('2026-01-06').kind, 'holiday');
    assert.equal(isWorkingDay('2026-01-13', calendar).working, true);
  });

  it('a working_day exception makes Saturday 28 March 2026 a working day', () => {
    const saturday: CalendarException = { date: '2026-03-28', kind: 'working_day', reason };
    assert.equal(reasonOf('2026-03-28').kind, 'weekend');
    assert.deepEqual(isWorkingDay('2026-03-28', withExceptions(saturday)), { working: true, exception: saturday });
  });

  it('a working_day exception overrides even a holiday', () => {
    const data = withExceptions({ date: '2026-05-04', kind: 'working_day', reason });
    assert.equal(isWorkingDay('2026-05-04', data).working, true);
  });

  it('a day_off exception on a weekday carries its reason and source', () => {
    const data = withExceptions({ date: '2026-09-01', kind: 'day_off', reason, source: 'Resolution No. 1' });
    assert.deepEqual(reasonOf('2026-09-01', data), { kind: 'exception', name: reason, source: 'Resolution No. 1' });
  });

  it('the later of two exceptions for one date wins', () => {
    const data = withExceptions(
      { date: '2026-09-01', kind: 'day_off', reason },
      { date: '2026-09-01', kind: 'working_day', reason },
    );
    assert.equal(isWorkingDay('2026-09-01', data).working, true);
  });
});

describe('calendar data helpers', () => {
  it('rejects invalid dates', () => {
    assert.throws(() => isWorkingDay('2026-02-30', calendar), RangeError);
    assert.throws(() => isWorkingDay('20.03.2026', calendar), RangeError);
  });

  it('2026 has 245 working days', () => {
    // 365 days; 1 Jan 2026 is a Thursday, so 52 weeks + Thursday 31 Dec: 104 weekend days.
    // Weekday days off: 1, 2, 5, 6, 7 Jan (Code) + 8, 9, 12 Jan (government) = 8; 20 Mar (Orozo Ait) = 1;
    // 1, 4, 5, 6, 7, 8 May = 6; 31 Aug = 1; Kurman Ait 2026 not entered. 365 - 104 - 16 = 245.
    assert.equal(describeYear(2026, calendar).filter((d) => d.status.working).length, 245);
  });

  it('reports Kurman Ait 2026 as not entered, estimated from 6 June 2025 minus about 11 days', () => {
    // 2025-06-06 + round(354.367) = 2025-06-06 + 354 days = 2026-05-26.
    assert.deepEqual(
      missingMovableHolidays(2026, calendar).map((m) => [m.holiday, m.expectedAround]),
      [['kurman_ait', '2026-05-26']],
    );
    assert.deepEqual(missingMovableHolidays(2025, calendar), []);
  });

  it('the default data passes validation; typos do not', () => {
    assert.deepEqual(validateCalendarData(calendar), []);
    const base = defaultCalendarData();
    const broken: CalendarData = {
      ...base,
      movableHolidayDates: [...base.movableHolidayDates, { holiday: 'kurman_ait', date: '2025-06-07' }],
      exceptions: [...base.exceptions, { date: '2026-13-01', kind: 'day_off', reason }],
    };
    assert.deepEqual(
      validateCalendarData(broken).map((p) => p.path),
      [`movableHolidayDates[${base.movableHolidayDates.length}]`, `exceptions[${base.exceptions.length}].date`],
    );
  });
});
