/** Reads of the thesaurus: terms of one vocabulary, code checks, labels in the user's language. */
import type { Executor } from '../../../platform/db/database.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { ThesaurusName } from './default-terms.js';

export interface Term {
  id: number;
  thesaurus: string;
  code: string;
  parent_code: string | null;
  label_ky: string;
  label_ru: string;
  label_en: string;
  sdg: string | null;
  sort: number;
  active: number;
}

export async function listTerms(
  db: Executor,
  thesaurus?: ThesaurusName,
  opts: { activeOnly?: boolean } = {},
): Promise<Term[]> {
  let q = db
    .selectFrom('thesaurus_term')
    .select(['id', 'thesaurus', 'code', 'parent_code', 'label_ky', 'label_ru', 'label_en', 'sdg', 'sort', 'active']);
  if (thesaurus) q = q.where('thesaurus', '=', thesaurus);
  if (opts.activeOnly) q = q.where('active', '=', 1);
  return q.orderBy('thesaurus').orderBy('sort').orderBy('id').execute();
}

/** True when the code is an active term of the vocabulary (unknown codes are refused by commands). */
export async function isTerm(db: Executor, thesaurus: ThesaurusName, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('thesaurus_term')
    .select('id')
    .where('thesaurus', '=', thesaurus)
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst();
  return !!row;
}

export function termLabel(t: Pick<Term, 'label_ky' | 'label_ru' | 'label_en'>, locale: Locale): string {
  return locale === 'ky' ? t.label_ky : locale === 'ru' ? t.label_ru : t.label_en;
}

/** Labels of every term, keyed 'thesaurus:code', for views (which must not query). */
export type Labels = Record<string, string>;
export async function labelsFor(db: Executor, locale: Locale): Promise<Labels> {
  const out: Labels = {};
  for (const t of await listTerms(db)) out[`${t.thesaurus}:${t.code}`] = termLabel(t, locale);
  return out;
}

export interface Option {
  value: string;
  label: string;
  /** the parent's label, for grouping act types by the right violated */
  group?: string;
}

/** Active terms as select options (children grouped under their parent). */
export async function optionsFor(db: Executor, thesaurus: ThesaurusName, locale: Locale): Promise<Option[]> {
  const terms = await listTerms(db, thesaurus, { activeOnly: true });
  const byCode = new Map(terms.map((t) => [t.code, t]));
  return terms.map((t) => {
    const parent = t.parent_code ? byCode.get(t.parent_code) : undefined;
    return {
      value: t.code,
      label: termLabel(t, locale),
      group: parent
        ? termLabel(parent, locale)
        : t.parent_code === null && terms.some((c) => c.parent_code === t.code)
          ? termLabel(t, locale)
          : undefined,
    };
  });
}
