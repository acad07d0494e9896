/** "14 working days" / "14 рабочих дней" / "14 иш күнү": a term in words, in a language. */
import type { AppealLanguage } from './kinds.js';

function ruPlural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

export function termWords(lang: AppealLanguage, n: number, unit: 'working' | 'calendar'): string {
  if (lang === 'en') return `${n} ${unit} day${n === 1 ? '' : 's'}`;
  if (lang === 'ky') return `${n} ${unit === 'working' ? 'иш' : 'календардык'} күн`;
  const adj = unit === 'working' ? ruPlural(n, 'рабочий', 'рабочих', 'рабочих') : ruPlural(n, 'календарный', 'календарных', 'календарных');
  return `${n} ${adj} ${ruPlural(n, 'день', 'дня', 'дней')}`;
}
