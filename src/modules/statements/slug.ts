/**
 * URL words for a statement: the id first (which alone identifies it, so a changed title never
 * breaks a shared link), then the title transliterated to Latin letters.
 *
 * @example slugFor(12, 'Пресс-конференция: өкмөт') // '12-press-konferenciya-okmot'
 */
import { RECORD_ID_DIGITS } from '../../platform/http/validation.js';

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ng',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

export function slugFor(id: number, title: string | null): string {
  const words = (title ?? '')
    .toLowerCase()
    .split('')
    .map((c) => TRANSLIT[c] ?? c)
    .join('')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return words ? `${id}-${words}` : String(id);
}

const SLUG = new RegExp(`^(${RECORD_ID_DIGITS})(?:-[a-z0-9-]{0,80})?$`);

/** The id at the start of a slug ("12-title" or "12"), or null. */
export function idOfSlug(slug: string): number | null {
  const m = SLUG.exec(slug);
  return m ? Number(m[1]) : null;
}
