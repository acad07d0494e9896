/**
 * The data model of the Kyrgyz working-day calendar, and the defaults Achyk ships with.
 *
 * Why rules plus dated exceptions instead of a list of days off: the Labour Code fixes most
 * holidays by day and month, but the two Islamic holidays (Orozo Ait, Kurman Ait) follow the lunar
 * calendar and are announced each year, and the government keeps adding one-off days off (for
 * example 1-12 January 2026). Deadlines already running must not change silently when the rules
 * change, so each rule set belongs to a Labour-Code era with the date it took effect, and every
 * one-off decision is a dated exception the administrator enters with its source.
 *
 * Everything here is plain JSON-compatible data, so the administrator's edits can be stored in the
 * database and passed back in as a {@link CalendarData} value. Treat a `CalendarData` value as
 * immutable: `working-days.ts` caches per-year indexes keyed on the object.
 *
 * @module
 */
import type { IsoDate } from './iso-date.js';

/** A text in the three languages of Achyk: Kyrgyz, Russian, English. */
export interface LocalizedText {
  readonly ky: string;
  readonly ru: string;
  readonly en: string;
}

/**
 * A holiday fixed by day and month (or a run of days, such as the May holidays 1-9 May).
 *
 * `nonWorking: false` models the holidays the 2025 Labour Code keeps as state holidays but makes
 * ordinary working days (23 Feb, 7 Apr, 7-8 Nov): they are shown to the user, never skipped.
 */
export interface FixedHolidayRule {
  /** Stable identifier, e.g. `'nooruz'`; several rules may share one (a run split by names). */
  readonly id: string;
  readonly name: LocalizedText;
  /** Month 1-12. */
  readonly month: number;
  /** First day of the month covered. */
  readonly day: number;
  /** Last day covered, inclusive, for runs such as 2-4 May; absent for a single day. */
  readonly lastDay?: number;
  readonly nonWorking: boolean;
  /** A note for the administrator when the rule is best knowledge rather than a checked text. */
  readonly toVerify?: string;
}

/** A holiday whose date changes every year; its dates live in {@link CalendarData.movableHolidayDates}. */
export interface MovableHolidayRule {
  readonly id: string;
  readonly name: LocalizedText;
  readonly nonWorking: boolean;
}

/**
 * What happens when a non-working holiday falls on Saturday or Sunday.
 * - `next_working_day`: the day off moves to the next working day (Labour Code of 2004, art. 113).
 * - `none`: the holiday is simply lost (Labour Code in force from 2025).
 */
export type WeekendHolidayTransfer = 'next_working_day' | 'none';

/** The holiday rules of one Labour Code, in force from `validFrom` until the next era begins. */
export interface LabourCodeEra {
  readonly id: string;
  /** First day the rules apply. Dates before the earliest era use the earliest era. */
  readonly validFrom: IsoDate;
  readonly title: LocalizedText;
  /** Citation shown to users and administrators ("why is this day off?"). */
  readonly legalBasis: LocalizedText;
  readonly fixedHolidays: readonly FixedHolidayRule[];
  readonly movableHolidays: readonly MovableHolidayRule[];
  readonly weekendHolidayTransfer: WeekendHolidayTransfer;
}

/** The date of a movable holiday in one year, as announced (Muftiate, then the government). */
export interface MovableHolidayDate {
  /** The `id` of a {@link MovableHolidayRule}. */
  readonly holiday: string;
  readonly date: IsoDate;
  readonly source?: string;
}

/** `day_off`: an extra non-working day; `working_day`: a day made working (e.g. a Saturday). */
export type CalendarExceptionKind = 'day_off' | 'working_day';

/**
 * A one-off decision for one date, entered by the administrator. It overrides the rules; see
 * `isWorkingDay` for the exact precedence.
 */
export interface CalendarException {
  readonly date: IsoDate;
  readonly kind: CalendarExceptionKind;
  readonly reason: LocalizedText;
  /** The act it comes from (resolution number and date), for the audit trail. */
  readonly source?: string;
}

/** Everything the calendar needs: eras (ordered by `validFrom`), movable dates, exceptions. */
export interface CalendarData {
  readonly eras: readonly LabourCodeEra[];
  readonly movableHolidayDates: readonly MovableHolidayDate[];
  readonly exceptions: readonly CalendarException[];
}

// --- Holiday names (official Kyrgyz and Russian names as used by the Ministry of Labour) ---

const NAMES = {
  newYear: { ky: 'Жаңы жыл', ru: 'Новый год', en: 'New Year' },
  newYearHolidays: { ky: 'Жаңы жылдык каникулдар', ru: 'Новогодние каникулы', en: 'New Year holidays' },
  christmas: { ky: 'Рождество', ru: 'Рождество Христово', en: 'Orthodox Christmas' },
  defenders: {
    ky: 'Ата Мекенди коргоочулар күнү',
    ru: 'День защитника Отечества',
    en: 'Defender of the Fatherland Day',
  },
  womensDay: { ky: 'Эл аралык аялдар күнү', ru: 'Международный женский день', en: "International Women's Day" },
  nooruz: { ky: 'Нооруз', ru: 'Нооруз', en: 'Nooruz' },
  aprilRevolution: {
    ky: 'Элдик Апрель революциясынын күнү',
    ru: 'День народной Апрельской революции',
    en: "Day of the People's April Revolution",
  },
  labourDay: { ky: 'Эмгек майрамы', ru: 'Праздник труда', en: 'Labour Day' },
  mayHolidays: { ky: 'Май майрамдары', ru: 'Майские праздники', en: 'May holidays' },
  constitutionDay: {
    ky: 'Кыргыз Республикасынын Конституциясынын күнү',
    ru: 'День Конституции Кыргызской Республики',
    en: 'Constitution Day',
  },
  victoryDay: { ky: 'Жеңиш күнү', ru: 'День Победы', en: 'Victory Day' },
  independenceDay: { ky: 'Эгемендүүлүк күнү', ru: 'День независимости', en: 'Independence Day' },
  historyDays: {
    ky: 'Тарых жана ата-бабаларды эскерүү күндөрү',
    ru: 'Дни истории и памяти предков',
    en: 'Days of History and Commemoration of Ancestors',
  },
  orozoAit: { ky: 'Орозо айт', ru: 'Орозо айт', en: 'Orozo Ait (Eid al-Fitr)' },
  kurmanAit: { ky: 'Курман айт', ru: 'Курман айт', en: 'Kurman Ait (Eid al-Adha)' },
} as const satisfies Record<string, LocalizedText>;

/** Identifiers of the two lunar-calendar holidays. */
export const OROZO_AIT = 'orozo_ait';
export const KURMAN_AIT = 'kurman_ait';

/**
 * Builds the default calendar: the Labour Code of 2004 (until 31 Dec 2024), the Labour Code in
 * force from 2025, the announced Orozo Ait and Kurman Ait dates, and the 1-12 January 2026 break.
 *
 * Returns a fresh value on every call, so callers may copy and edit it.
 *
 * @example
 * const data = defaultCalendarData();
 * isWorkingDay('2026-03-20', data); // { working: false, reason: { kind: 'holiday', name: Orozo Ait … } }
 */
export function defaultCalendarData(): CalendarData {
  const islamic = (): MovableHolidayRule[] => [
    { id: OROZO_AIT, name: NAMES.orozoAit, nonWorking: true },
    { id: KURMAN_AIT, name: NAMES.kurmanAit, nonWorking: true },
  ];

  /**
   * Labour Code of 4 August 2004 No. 106, art. 113, as applied until the end of 2024. The list is
   * the widely published one; to be checked against the consolidated text by the administrator:
   * - 7 April (People's April Revolution Day) is not listed as a day off here; it was a day off in
   *   some years after 2010, which this default does not model;
   * - in most years the government also moved days off by resolution (e.g. 1-7 Jan, 21-24 Mar,
   *   1-5 May 2024 with working Saturdays); those were one-off decisions and must be entered as
   *   exceptions if deadlines from those years matter.
   */
  const labourCode2004: LabourCodeEra = {
    id: 'labour-code-2004',
    validFrom: '2004-08-04',
    title: {
      ky: 'Кыргыз Республикасынын Эмгек кодекси (2004)',
      ru: 'Трудовой кодекс Кыргызской Республики (2004)',
      en: 'Labour Code of the Kyrgyz Republic (2004)',
    },
    legalBasis: {
      ky: 'Кыргыз Республикасынын 2004-жылдын 4-августундагы № 106 Эмгек кодекси, 113-берене',
      ru: 'Трудовой кодекс Кыргызской Республики от 4 августа 2004 года № 106, статья 113',
      en: 'Labour Code of the Kyrgyz Republic of 4 August 2004 No. 106, article 113',
    },
    weekendHolidayTransfer: 'next_working_day',
    fixedHolidays: [
      { id: 'new_year', name: NAMES.newYear, month: 1, day: 1, nonWorking: true },
      { id: 'christmas', name: NAMES.christmas, month: 1, day: 7, nonWorking: true },
      {
        id: 'defenders_day',
        name: NAMES.defenders,
        month: 2,
        day: 23,
        nonWorking: true,
        toVerify: 'Best knowledge: non-working day under the 2004 Labour Code.',
      },
      { id: 'womens_day', name: NAMES.womensDay, month: 3, day: 8, nonWorking: true },
      { id: 'nooruz', name: NAMES.nooruz, month: 3, day: 21, nonWorking: true },
      { id: 'labour_day', name: NAMES.labourDay, month: 5, day: 1, nonWorking: true },
      { id: 'constitution_day', name: NAMES.constitutionDay, month: 5, day: 5, nonWorking: true },
      { id: 'victory_day', name: NAMES.victoryDay, month: 5, day: 9, nonWorking: true },
      { id: 'independence_day', name: NAMES.independenceDay, month: 8, day: 31, nonWorking: true },
      {
        id: 'history_days',
        name: NAMES.historyDays,
        month: 11,
        day: 7,
        lastDay: 8,
        nonWorking: true,
        toVerify: 'Best knowledge: 7-8 November non-working under the 2004 Labour Code (since 2017).',
      },
    ],
    movableHolidays: islamic(),
  };

  /**
   * Labour Code in force from 2025 (PRODUCT.md "Domain facts"; Ministry of Labour announcements of
   * February 2025 and the 2026 holiday list). Non-working: 1-7 Jan, 8 Mar, 21 Mar, 1-9 May,
   * 31 Aug, Orozo Ait, Kurman Ait. State holidays that stay working days: 23 Feb, 7 Apr, 7-8 Nov.
   * A holiday on Saturday or Sunday is not moved: the Code abolished the transfer.
   * To verify: the exact date of entry into force (1 January 2025 assumed: the cabinet's 2025
   * transfer resolution was repealed in February 2025, so no 2025 day differs) and the article.
   */
  const labourCode2025: LabourCodeEra = {
    id: 'labour-code-2025',
    validFrom: '2025-01-01',
    title: {
      ky: 'Кыргыз Республикасынын Эмгек кодекси (2025)',
      ru: 'Трудовой кодекс Кыргызской Республики (2025)',
      en: 'Labour Code of the Kyrgyz Republic (2025)',
    },
    legalBasis: {
      ky: 'Кыргыз Республикасынын Эмгек кодекси (2025-жылдан тартып күчүндө), майрам күндөрү',
      ru: 'Трудовой кодекс Кыргызской Республики (действует с 2025 года), праздничные дни',
      en: 'Labour Code of the Kyrgyz Republic (in force from 2025), public holidays',
    },
    weekendHolidayTransfer: 'none',
    fixedHolidays: [
      { id: 'new_year_holidays', name: NAMES.newYearHolidays, month: 1, day: 1, lastDay: 6, nonWorking: true },
      { id: 'christmas', name: NAMES.christmas, month: 1, day: 7, nonWorking: true },
      { id: 'defenders_day', name: NAMES.defenders, month: 2, day: 23, nonWorking: false },
      { id: 'womens_day', name: NAMES.womensDay, month: 3, day: 8, nonWorking: true },
      { id: 'nooruz', name: NAMES.nooruz, month: 3, day: 21, nonWorking: true },
      { id: 'april_revolution_day', name: NAMES.aprilRevolution, month: 4, day: 7, nonWorking: false },
      // 1-9 May is one run of days off; the days without a holiday of their own are "May holidays".
      { id: 'labour_day', name: NAMES.labourDay, month: 5, day: 1, nonWorking: true },
      { id: 'may_holidays', name: NAMES.mayHolidays, month: 5, day: 2, lastDay: 4, nonWorking: true },
      { id: 'constitution_day', name: NAMES.constitutionDay, month: 5, day: 5, nonWorking: true },
      { id: 'may_holidays', name: NAMES.mayHolidays, month: 5, day: 6, lastDay: 8, nonWorking: true },
      { id: 'victory_day', name: NAMES.victoryDay, month: 5, day: 9, nonWorking: true },
      { id: 'independence_day', name: NAMES.independenceDay, month: 8, day: 31, nonWorking: true },
      { id: 'history_days', name: NAMES.historyDays, month: 11, day: 7, lastDay: 8, nonWorking: false },
    ],
    movableHolidays: islamic(),
  };

  const extendedNewYear2026: LocalizedText = {
    ky: 'Өкмөттүн чечими: Жаңы жылдык дем алыш 12-январга чейин узартылды',
    ru: 'Решение правительства: новогодние выходные продлены до 12 января',
    en: 'Government decision: New Year break extended to 12 January',
  };

  return {
    eras: [labourCode2004, labourCode2025],
    movableHolidayDates: [
      { holiday: OROZO_AIT, date: '2024-04-10' },
      // A Sunday under the 2004 Code: the day off moved to Monday 17 June by the transfer rule,
      // which is also the day the Cabinet of Ministers declared.
      { holiday: KURMAN_AIT, date: '2024-06-16' },
      { holiday: OROZO_AIT, date: '2025-03-30' },
      { holiday: KURMAN_AIT, date: '2025-06-06' },
      { holiday: OROZO_AIT, date: '2026-03-20' },
      // Kurman Ait 2026: not announced yet; computeDue warns while it is missing.
    ],
    // The government's one-off decision for 2026. The whole announced range is entered even though
    // 1-7 January are already holidays, so the calendar stays right if the Code's list changes.
    exceptions: Array.from({ length: 12 }, (_, i) => ({
      date: `2026-01-${String(i + 1).padStart(2, '0')}`,
      kind: 'day_off' as const,
      reason: extendedNewYear2026,
      source: 'Decision of the Cabinet of Ministers on the 2026 New Year holidays (number and date to be entered)',
    })),
  };
}
