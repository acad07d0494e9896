/**
 * A term in words, in a language and in the grammatical form its sentence needs: "14 working days",
 * «в течение 14 рабочих дней» / «в течение 1 рабочего дня», «14 иш күнүнүн ичинде». The words and
 * the plural and case forms are the catalogue's (`appeals.term.working`, `appeals.term.calendar`).
 */
import { translator } from '../../platform/i18n/translate.js';
import type { AppealLanguage } from './kinds.js';

/**
 * `count` for a bare term ("registration: 3 working days"), `within` after "within" («в течение»,
 * «… ичинде»), `up_to` after "up to" («до», «… чейин»).
 */
export type TermForm = 'count' | 'within' | 'up_to';

export function termWords(
  lang: AppealLanguage,
  n: number,
  unit: 'working' | 'calendar',
  form: TermForm = 'count',
): string {
  return translator(lang)(`appeals.term.${unit}`, { n, form });
}
