/** Checks of a statement's form input shared by saving and publishing (pure). */
import type { FieldError } from '../../../platform/errors.js';
import { LOCALES } from '../../../platform/i18n/locales.js';
import type { StatementKind, StatementTexts } from '../tables.js';

export interface StatementInput {
  kind: StatementKind;
  tags: string;
  title_ky: string;
  title_ru: string;
  title_en: string;
  summary_ky: string;
  summary_ru: string;
  summary_en: string;
  body_ky: string;
  body_ru: string;
  body_en: string;
  correction_note?: string;
}

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,39}$/u;

/** "Torture, Prisons , torture" → ['torture', 'prisons'], or null when a tag is not acceptable. */
export function parseTags(text: string): string[] | null {
  const tags = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim().toLowerCase().replace(/\s+/g, '-'))
        .filter(Boolean),
    ),
  ];
  if (tags.length > 10 || tags.some((t) => !TAG.test(t))) return null;
  return tags;
}

/** The nine text columns, with empty strings as null (a language not written). */
export function textColumns(input: StatementInput): StatementTexts {
  const v = (s: string) => (s.trim() ? s.replace(/\r\n?/g, '\n') : null);
  return {
    title_ky: v(input.title_ky),
    title_ru: v(input.title_ru),
    title_en: v(input.title_en),
    summary_ky: v(input.summary_ky),
    summary_ru: v(input.summary_ru),
    summary_en: v(input.summary_en),
    body_ky: v(input.body_ky),
    body_ru: v(input.body_ru),
    body_en: v(input.body_en),
  };
}

/**
 * Each language is optional, but a language that is started must have both a title and a text, and
 * at least one language must be complete.
 */
export function checkTexts(t: StatementTexts): FieldError[] {
  const errors: FieldError[] = [];
  let complete = 0;
  for (const l of LOCALES) {
    const title = t[`title_${l}`];
    const body = t[`body_${l}`];
    const summary = t[`summary_${l}`];
    if (title && body) complete++;
    else if (title || summary) errors.push({ field: `body_${l}`, message: 'statements.error_body_needed' });
    else if (body) errors.push({ field: `title_${l}`, message: 'statements.error_title_needed' });
  }
  if (complete === 0 && errors.length === 0) errors.push({ field: 'title_ky', message: 'statements.error_no_text' });
  return errors;
}

export function sameTexts(a: StatementTexts, b: StatementTexts): boolean {
  return LOCALES.every(
    (l) =>
      a[`title_${l}`] === b[`title_${l}`] &&
      a[`summary_${l}`] === b[`summary_${l}`] &&
      a[`body_${l}`] === b[`body_${l}`],
  );
}
