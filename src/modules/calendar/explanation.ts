/**
 * The structured explanation of a computed deadline, and its default wording in ky/ru/en.
 *
 * Why structured: the same computation is shown on an appeal page, in a reminder e-mail, in an
 * escalation letter and by `achyk calendar due`, in three languages. Each step is a key with typed
 * parameters; {@link renderExplanation} is the default wording, and the i18n layer may replace it
 * per key. Showing the steps matters legally: a citizen or an official can check every skipped day
 * against the Labour Code instead of trusting a bare date.
 *
 * @module
 */
import type { IsoDate } from './iso-date.js';
import type { LocalizedText } from './calendar-rules.js';

/** Days counted as working days (skipping days off) or as calendar days. */
export type TermUnit = 'working' | 'calendar';

/** One step of a deadline computation. The union is closed: renderers can be exhaustive. */
export type ExplanationItem =
  | { readonly key: 'deadline.term'; readonly params: { term: number; unit: TermUnit; from: IsoDate; start: IsoDate } }
  | {
      readonly key: 'deadline.extension';
      readonly params: { term: number; unit: TermUnit; previousDue: IsoDate; start: IsoDate };
    }
  | { readonly key: 'deadline.skipped.weekend'; readonly params: { date: IsoDate; weekday: LocalizedText } }
  | {
      readonly key: 'deadline.skipped.holiday';
      readonly params: { date: IsoDate; name: LocalizedText; weekday: LocalizedText };
    }
  | {
      readonly key: 'deadline.skipped.holiday_on_weekend_not_moved';
      readonly params: { date: IsoDate; name: LocalizedText; weekday: LocalizedText; era: LocalizedText };
    }
  | {
      readonly key: 'deadline.skipped.holiday_on_weekend_moved';
      readonly params: { date: IsoDate; name: LocalizedText; weekday: LocalizedText; movedTo: IsoDate };
    }
  | {
      readonly key: 'deadline.skipped.transferred_holiday';
      readonly params: { date: IsoDate; name: LocalizedText; weekday: LocalizedText; originalDate: IsoDate };
    }
  | {
      readonly key: 'deadline.skipped.exception';
      readonly params: { date: IsoDate; reason: LocalizedText; weekday: LocalizedText };
    }
  | { readonly key: 'deadline.last_day'; readonly params: { date: IsoDate } }
  | { readonly key: 'deadline.rolled_forward'; readonly params: { lastDay: IsoDate; due: IsoDate } }
  | { readonly key: 'deadline.not_rolled_forward'; readonly params: { lastDay: IsoDate } }
  | { readonly key: 'deadline.due'; readonly params: { due: IsoDate; weekday: LocalizedText } }
  | { readonly key: 'deadline.warning.movable_holiday_unknown'; readonly params: { name: LocalizedText; year: number } }
  | { readonly key: 'deadline.status.left'; readonly params: { today: IsoDate; count: number } }
  | { readonly key: 'deadline.status.due_today'; readonly params: { today: IsoDate } }
  | {
      readonly key: 'deadline.status.overdue';
      readonly params: { today: IsoDate; due: IsoDate; since: IsoDate; count: number };
    };

/** Every explanation key, for i18n catalogues that want to check they cover them all. */
export type ExplanationKey = ExplanationItem['key'];

/** A language of Achyk. */
export type Lang = keyof LocalizedText;

const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  ky: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
};

/**
 * A date for people: `20 Mar 2026`, `20 марта 2026`, `20-март 2026-ж.`.
 *
 * @example formatDate('2026-03-20', 'ru') // '20 марта 2026'
 */
export function formatDate(date: IsoDate, lang: Lang): string {
  const year = date.slice(0, 4);
  const month = MONTHS[lang][Number(date.slice(5, 7)) - 1];
  const day = String(Number(date.slice(8, 10)));
  return lang === 'ky' ? `${day}-${month} ${year}-ж.` : `${day} ${month} ${year}`;
}

/** Russian plural form for `n` (1 день, 2 дня, 5 дней). */
function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = Math.abs(n) % 10;
  const mod100 = Math.abs(n) % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

function days(n: number, unit: TermUnit, lang: Lang): string {
  if (lang === 'en') return `${n} ${unit === 'working' ? 'working' : 'calendar'} day${n === 1 ? '' : 's'}`;
  if (lang === 'ky') return `${n} ${unit === 'working' ? 'иш' : 'календардык'} күнү`;
  const adjective =
    unit === 'working'
      ? ruPlural(n, 'рабочий', 'рабочих', 'рабочих')
      : ruPlural(n, 'календарный', 'календарных', 'календарных');
  return `${n} ${adjective} ${ruPlural(n, 'день', 'дня', 'дней')}`;
}

/** Renders one explanation step in `lang`. */
export function renderExplanationItem(item: ExplanationItem, lang: Lang): string {
  const d = (date: IsoDate): string => formatDate(date, lang);
  const t = (text: LocalizedText): string => text[lang];
  switch (item.key) {
    case 'deadline.term': {
      const p = item.params;
      return t({
        en: `${days(p.term, p.unit, 'en')} from ${d(p.from)} (counting starts on ${d(p.start)})`,
        ru: `${days(p.term, p.unit, 'ru')} с ${d(p.from)} (отсчёт начинается ${d(p.start)})`,
        ky: `кабыл алынган күн: ${d(p.from)}; мөөнөт: ${days(p.term, p.unit, 'ky')} (эсептин биринчи күнү: ${d(p.start)})`,
      });
    }
    case 'deadline.extension': {
      const p = item.params;
      return t({
        en: `extended by ${days(p.term, p.unit, 'en')} after ${d(p.previousDue)}`,
        ru: `продлено на ${days(p.term, p.unit, 'ru')} после ${d(p.previousDue)}`,
        ky: `мөөнөт дагы ${days(p.term, p.unit, 'ky')} узартылды (мурунку акыркы күн: ${d(p.previousDue)})`,
      });
    }
    case 'deadline.skipped.weekend': {
      const p = item.params;
      return t({
        en: `skipped ${d(p.date)} (${t(p.weekday)})`,
        ru: `пропущено ${d(p.date)} (${t(p.weekday)})`,
        ky: `${d(p.date)} эсептелген жок (${t(p.weekday)})`,
      });
    }
    case 'deadline.skipped.holiday': {
      const p = item.params;
      return t({
        en: `skipped ${d(p.date)} (${t(p.name)})`,
        ru: `пропущено ${d(p.date)} (${t(p.name)})`,
        ky: `${d(p.date)} эсептелген жок (${t(p.name)})`,
      });
    }
    case 'deadline.skipped.holiday_on_weekend_not_moved': {
      const p = item.params;
      return t({
        en: `skipped ${d(p.date)} (${t(p.name)}, ${t(p.weekday)}, not moved to a working day under the ${t(p.era)})`,
        ru: `пропущено ${d(p.date)} (${t(p.name)}, ${t(p.weekday)}; не переносится на рабочий день: ${t(p.era)})`,
        ky: `${d(p.date)} эсептелген жок (${t(p.name)}, ${t(p.weekday)}; иш күнүнө которулбайт: ${t(p.era)})`,
      });
    }
    case 'deadline.skipped.holiday_on_weekend_moved': {
      const p = item.params;
      return t({
        en: `skipped ${d(p.date)} (${t(p.name)}, ${t(p.weekday)}; the day off moved to ${d(p.movedTo)})`,
        ru: `пропущено ${d(p.date)} (${t(p.name)}, ${t(p.weekday)}; выходной перенесён на ${d(p.movedTo)})`,
        ky: `${d(p.date)} эсептелген жок (${t(p.name)}, ${t(p.weekday)}; дем алыш которулган күн: ${d(p.movedTo)})`,
      });
    }
    case 'deadline.skipped.transferred_holiday': {
      const p = item.params;
      return t({
        en: `skipped ${d(p.date)} (day off for ${t(p.name)} of ${d(p.originalDate)})`,
        ru: `пропущено ${d(p.date)} (перенесённый выходной: ${t(p.name)}, ${d(p.originalDate)})`,
        ky: `${d(p.date)} эсептелген жок (которулган дем алыш: ${t(p.name)}, ${d(p.originalDate)})`,
      });
    }
    case 'deadline.skipped.exception': {
      const p = item.params;
      return t({
        en: `skipped ${d(p.date)} (${t(p.reason)})`,
        ru: `пропущено ${d(p.date)} (${t(p.reason)})`,
        ky: `${d(p.date)} эсептелген жок (${t(p.reason)})`,
      });
    }
    case 'deadline.last_day':
      return t({
        en: `the term ends on ${d(item.params.date)}`,
        ru: `срок истекает ${d(item.params.date)}`,
        ky: `мөөнөттүн акыркы күнү: ${d(item.params.date)}`,
      });
    case 'deadline.rolled_forward': {
      const p = item.params;
      return t({
        en: `${d(p.lastDay)} is not a working day, so the deadline moves to the next working day, ${d(p.due)}`,
        ru: `${d(p.lastDay)} — нерабочий день, поэтому срок переносится на ближайший рабочий день, ${d(p.due)}`,
        ky: `${d(p.lastDay)} иш күнү эмес, ошондуктан мөөнөт кийинки иш күнүнө которулат: ${d(p.due)}`,
      });
    }
    case 'deadline.not_rolled_forward':
      return t({
        en: `${d(item.params.lastDay)} is not a working day, but this rule does not move the deadline`,
        ru: `${d(item.params.lastDay)} — нерабочий день, но по этому правилу срок не переносится`,
        ky: `${d(item.params.lastDay)} иш күнү эмес, бирок бул эреже боюнча мөөнөт которулбайт`,
      });
    case 'deadline.due': {
      const p = item.params;
      return t({
        en: `due ${d(p.due)} (${t(p.weekday)})`,
        ru: `срок — ${d(p.due)} (${t(p.weekday)})`,
        ky: `акыркы мөөнөт — ${d(p.due)} (${t(p.weekday)})`,
      });
    }
    case 'deadline.warning.movable_holiday_unknown': {
      const p = item.params;
      return t({
        en: `warning: the date of ${t(p.name)} ${p.year} is not entered yet; the deadline may be a day early`,
        ru: `внимание: дата праздника ${t(p.name)} в ${p.year} году ещё не внесена; срок может оказаться на день раньше`,
        ky: `эскертүү: ${p.year}-жылдагы ${t(p.name)} күнү азырынча киргизиле элек; мөөнөт бир күн эрте чыгышы мүмкүн`,
      });
    }
    case 'deadline.status.left': {
      const n = item.params.count;
      return t({
        en: `${days(n, 'working', 'en')} left`,
        ru: `${ruPlural(n, 'остался', 'осталось', 'осталось')} ${days(n, 'working', 'ru')}`,
        ky: `${days(n, 'working', 'ky')} калды`,
      });
    }
    case 'deadline.status.due_today':
      return t({ en: 'due today', ru: 'срок истекает сегодня', ky: 'мөөнөт бүгүн бүтөт' });
    case 'deadline.status.overdue': {
      const p = item.params;
      return t({
        en: `overdue since ${d(p.since)} (by ${days(p.count, 'working', 'en')})`,
        ru: `просрочено с ${d(p.since)} (на ${days(p.count, 'working', 'ru')})`,
        ky: `мөөнөт өтүп кетти (${days(p.count, 'working', 'ky')}; акыркы күн: ${d(p.due)})`,
      });
    }
  }
}

/**
 * Renders a whole explanation, one line per step.
 *
 * @example renderExplanation(computeDue({ … }).explanation, 'en').join('; ')
 * // '14 working days from 18 Mar 2026 (counting starts on 19 Mar 2026); skipped 20 Mar 2026 (Orozo Ait …); …'
 */
export function renderExplanation(items: readonly ExplanationItem[], lang: Lang): string[] {
  return items.map((item) => renderExplanationItem(item, lang));
}
