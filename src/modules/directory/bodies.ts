/**
 * The facts about a body that other modules use (appeals, anonymous reports, statistics): its names,
 * its official e-mail, whether it exists on a day (`isBodyActive`, the one rule), and the escalation
 * targets (supervisor chain, prosecutor, Ombudsman). Exported through the directory's index.ts.
 */
import type { Executor } from '../../platform/db/database.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { pickText } from '../../platform/i18n/translate.js';
import { queryTerms } from '../../platform/text/search-key.js';
import { isBodyActive } from './queries.js';
import type { BodyKind } from './tables.js';

export interface BodyInfo {
  id: number;
  code: string;
  kind: string;
  name_ky: string | null;
  name_ru: string | null;
  name_en: string | null;
  emails: string | null;
  supervisor_id: number | null;
  active_from: string | null;
  active_to: string | null;
  merged_into_id: number | null;
}

const COLUMNS = [
  'id',
  'code',
  'kind',
  'name_ky',
  'name_ru',
  'name_en',
  'emails',
  'supervisor_id',
  'active_from',
  'active_to',
  'merged_into_id',
] as const;

export async function bodyById(db: Executor, id: number): Promise<BodyInfo | undefined> {
  return db
    .selectFrom('body')
    .select([...COLUMNS])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The first official e-mail address, or null when the directory has none. */
export function bodyEmail(b: Pick<BodyInfo, 'emails'>): string | null {
  const first = (b.emails ?? '').split(/[;,\s]+/).find((e) => e.includes('@'));
  return first ?? null;
}

export function bodyName(b: Pick<BodyInfo, 'name_ky' | 'name_ru' | 'name_en'>, locale: Locale): string {
  return pickText({ ky: b.name_ky ?? undefined, ru: b.name_ru ?? undefined, en: b.name_en ?? undefined }, locale).text;
}

/**
 * Active bodies matching every word of `q`, through the directory's folded search key (so
 * "aiyl okmotu", "айыл окмоту" and "айыл өкмөтү" find the same bodies).
 */
export async function searchActiveBodies(db: Executor, q: string, today: string, limit = 20): Promise<BodyInfo[]> {
  const terms = queryTerms(q);
  if (terms.length === 0) return [];
  let query = db
    .selectFrom('body')
    .select([...COLUMNS])
    .where('merged_into_id', 'is', null)
    .where((eb) => eb.or([eb('active_from', 'is', null), eb('active_from', '<=', today)]))
    .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>', today)]));
  for (const term of terms) query = query.where('search_key', 'like', `% ${term}%`);
  return query.orderBy('kind').orderBy('name_ru').limit(limit).execute();
}

/** The supervising body (first active one up the chain), for escalation. */
export async function supervisorOf(db: Executor, body: BodyInfo, today: string): Promise<BodyInfo | undefined> {
  let current = body;
  for (let i = 0; i < 10 && current.supervisor_id !== null; i++) {
    const next = await bodyById(db, current.supervisor_id);
    if (!next) return undefined;
    if (isBodyActive(next, today)) return next;
    current = next;
  }
  return undefined;
}

/** The head body of a kind ('prosecutor' → the General Prosecutor's Office, 'ombudsman'): active, with no supervisor of the same chain. */
export async function firstBodyOfKind(db: Executor, kind: BodyKind, today: string): Promise<BodyInfo | undefined> {
  const rows = await db
    .selectFrom('body')
    .select([...COLUMNS])
    .where('kind', '=', kind)
    .where('merged_into_id', 'is', null)
    .orderBy('id')
    .limit(200)
    .execute();
  const active = rows.filter((r) => isBodyActive(r, today));
  return active.find((r) => r.supervisor_id === null) ?? active[0];
}
