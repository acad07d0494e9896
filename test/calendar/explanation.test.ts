import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeDue,
  defaultCalendarData,
  formatDate,
  renderExplanation,
  renderExplanationItem,
} from '../../src/modules/calendar/index.js';

const calendar = defaultCalendarData();

describe('deadline explanation', () => {
  const march = computeDue({ from: '2026-03-18', term: 14, unit: 'working', calendar });

  it('lists the term, every skipped day and the due date, in order', () => {
    assert.deepEqual(
      march.explanation.map((e) => e.key),
      [
        'deadline.term',
        'deadline.skipped.holiday', // 20 Mar, Orozo Ait
        'deadline.skipped.holiday_on_weekend_not_moved', // 21 Mar, Nooruz on Saturday
        'deadline.skipped.weekend', // 22 Mar
        'deadline.skipped.weekend', // 28 Mar
        'deadline.skipped.weekend', // 29 Mar
        'deadline.skipped.weekend', // 4 Apr
        'deadline.skipped.weekend', // 5 Apr
        'deadline.due',
      ],
    );
  });

  it('names the holiday, the weekday and the Code that stopped the transfer', () => {
    assert.deepEqual(march.explanation[2], {
      key: 'deadline.skipped.holiday_on_weekend_not_moved',
      params: {
        date: '2026-03-21',
        name: { ky: 'Нооруз', ru: 'Нооруз', en: 'Nooruz' },
        weekday: { ky: 'ишемби', ru: 'суббота', en: 'Saturday' },
        era: {
          ky: 'Кыргыз Республикасынын Эмгек кодекси (2025)',
          ru: 'Трудовой кодекс Кыргызской Республики (2025)',
          en: 'Labour Code of the Kyrgyz Republic (2025)',
        },
      },
    });
  });

  it('reads as a sentence in English', () => {
    assert.deepEqual(renderExplanation(march.explanation, 'en').slice(0, 3), [
      '14 working days from 18 Mar 2026 (counting starts on 19 Mar 2026)',
      'skipped 20 Mar 2026 (Orozo Ait (Eid al-Fitr))',
      'skipped 21 Mar 2026 (Nooruz, Saturday, not moved to a working day under the Labour Code of the Kyrgyz Republic (2025))',
    ]);
    assert.equal(renderExplanation(march.explanation, 'en').at(-1), 'due 8 Apr 2026 (Wednesday)');
  });

  it('reads in Russian and Kyrgyz', () => {
    const ru = renderExplanation(march.explanation, 'ru');
    assert.equal(ru[0], '14 рабочих дней с 18 марта 2026 (отсчёт начинается 19 марта 2026)');
    assert.equal(ru[1], 'пропущено 20 марта 2026 (Орозо айт)');
    const ky = renderExplanation(march.explanation, 'ky');
    assert.equal(ky[1], '20-март 2026-ж. эсептелген жок (Орозо айт)');
    assert.equal(ky.at(-1), 'акыркы мөөнөт — 8-апрель 2026-ж. (шаршемби)');
  });

  it('explains the old transfer rule for Kurman Ait 2024', () => {
    const june = computeDue({ from: '2024-06-14', term: 14, unit: 'working', calendar });
    assert.deepEqual(renderExplanation(june.explanation, 'en').slice(1, 4), [
      'skipped 15 Jun 2024 (Saturday)',
      'skipped 16 Jun 2024 (Kurman Ait (Eid al-Adha), Sunday; the day off moved to 17 Jun 2024)',
      'skipped 17 Jun 2024 (day off for Kurman Ait (Eid al-Adha) of 16 Jun 2024)',
    ]);
  });

  it('explains the government break as an exception', () => {
    const winter = computeDue({ from: '2025-12-29', term: 14, unit: 'working', calendar });
    const en = renderExplanation(winter.explanation, 'en');
    assert.ok(en.includes('skipped 8 Jan 2026 (Government decision: New Year break extended to 12 January)'));
    assert.ok(en.includes('skipped 7 Jan 2026 (Orthodox Christmas)'));
  });

  it('explains a calendar-day term that ends on a weekend and rolls forward', () => {
    const result = computeDue({ from: '2026-02-05', term: 30, unit: 'calendar', calendar, now: '2026-03-05' });
    assert.deepEqual(renderExplanation(result.explanation, 'en'), [
      '30 calendar days from 5 Feb 2026 (counting starts on 6 Feb 2026)',
      'the term ends on 7 Mar 2026',
      'skipped 7 Mar 2026 (Saturday)',
      "skipped 8 Mar 2026 (International Women's Day, Sunday, not moved to a working day under the Labour Code of the Kyrgyz Republic (2025))",
      '7 Mar 2026 is not a working day, so the deadline moves to the next working day, 9 Mar 2026',
      'due 9 Mar 2026 (Monday)',
      // (5 Mar, 9 Mar]: Fri 6, Mon 9 = 2 working days.
      '2 working days left',
    ]);
  });

  it('says when rolling forward is switched off', () => {
    const result = computeDue({
      from: '2026-02-05',
      term: 30,
      unit: 'calendar',
      calendar,
      rollForwardIfNonWorking: false,
    });
    assert.deepEqual(
      result.explanation.map((e) => e.key),
      ['deadline.term', 'deadline.last_day', 'deadline.not_rolled_forward', 'deadline.due'],
    );
  });

  it('states how overdue a deadline is', () => {
    const result = computeDue({ from: '2026-03-18', term: 14, unit: 'working', calendar, now: '2026-04-15' });
    assert.equal(renderExplanation(result.explanation, 'en').at(-1), 'overdue since 9 Apr 2026 (by 5 working days)');
    assert.equal(renderExplanation(result.explanation, 'ru').at(-1), 'просрочено с 9 апреля 2026 (на 5 рабочих дней)');
  });

  it('uses Russian plural forms', () => {
    const left = (count: number): string =>
      renderExplanationItem({ key: 'deadline.status.left', params: { today: '2026-04-01', count } }, 'ru');
    assert.deepEqual([1, 2, 5, 11, 21, 22].map(left), [
      'остался 1 рабочий день',
      'осталось 2 рабочих дня',
      'осталось 5 рабочих дней',
      'осталось 11 рабочих дней',
      'остался 21 рабочий день',
      'осталось 22 рабочих дня',
    ]);
  });

  it('formats dates per language', () => {
    assert.deepEqual(
      (['en', 'ru', 'ky'] as const).map((lang) => formatDate('2026-03-21', lang)),
      ['21 Mar 2026', '21 марта 2026', '21-март 2026-ж.'],
    );
  });
});
