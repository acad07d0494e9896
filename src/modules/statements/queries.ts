/** Reads of statements and events, as plain functions taking the executor first. */
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { bishkekToUtc, utcToBishkek } from '../calendar/index.js';
import type { EventTable, StatementTable, StatementTexts, StatementVersionTable } from './tables.js';
import { wherePublic } from './visibility.js';

export type StatementRow = Selectable<StatementTable>;
export type EventRow = Selectable<EventTable>;
export type VersionRow = Selectable<StatementVersionTable>;

export const TEXT_COLUMNS = LOCALES.flatMap((l) => [`title_${l}`, `summary_${l}`, `body_${l}`] as const);

/** The texts of a statement or version, by language (null where that language was not written). */
export function textsOf(r: StatementTexts): Record<Locale, { title: string; summary: string; body: string } | null> {
  const out = {} as Record<Locale, { title: string; summary: string; body: string } | null>;
  for (const l of LOCALES)
    out[l] =
      r[`title_${l}`] && r[`body_${l}`]
        ? { title: r[`title_${l}`]!, summary: r[`summary_${l}`] ?? '', body: r[`body_${l}`]! }
        : null;
  return out;
}

/** Languages that have a complete text (title and body). */
export function languagesOf(r: StatementTexts): Locale[] {
  const t = textsOf(r);
  return LOCALES.filter((l) => t[l] !== null);
}

export async function findStatement(db: Executor, id: number): Promise<StatementRow | undefined> {
  return db.selectFrom('statement').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface PublicFilter {
  /** Bishkek calendar year */
  year?: number;
  tag?: string;
  /** only statements with a text in this language (feeds) */
  lang?: Locale;
  limit?: number;
}

/** Public statements, newest first, through the visibility rule. */
export async function listPublicStatements(db: Executor, now: Date, f: PublicFilter = {}): Promise<StatementRow[]> {
  let q = db.selectFrom('statement').selectAll('statement').where(wherePublic('statement', now));
  if (f.year !== undefined) {
    q = q
      .where('statement.published_at', '>=', bishkekToUtc(`${f.year}-01-01`, '00:00')!.toISOString())
      .where('statement.published_at', '<', bishkekToUtc(`${f.year + 1}-01-01`, '00:00')!.toISOString());
  }
  if (f.tag !== undefined) {
    const tag = f.tag;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('statement_tag')
          .select('statement_tag.id')
          .whereRef('statement_tag.statement_id', '=', 'statement.id')
          .where('statement_tag.tag', '=', tag),
      ),
    );
  }
  if (f.lang)
    q = q.where(`statement.title_${f.lang}`, 'is not', null).where(`statement.body_${f.lang}`, 'is not', null);
  return q
    .orderBy('statement.published_at', 'desc')
    .orderBy('statement.id', 'desc')
    .limit(f.limit ?? 200)
    .execute();
}

/** The Bishkek years that have public statements, newest first. */
export async function publicYears(db: Executor, now: Date): Promise<number[]> {
  const rows = await db.selectFrom('statement').select('published_at').where(wherePublic('statement', now)).execute();
  return [...new Set(rows.map((r) => Number(utcToBishkek(r.published_at!).date.slice(0, 4))))].sort((a, b) => b - a);
}

/** Tags of public statements, with counts, most used first. */
export async function publicTags(db: Executor, now: Date): Promise<{ tag: string; n: number }[]> {
  const rows = await db
    .selectFrom('statement_tag')
    .innerJoin('statement', 'statement.id', 'statement_tag.statement_id')
    .select((eb) => ['statement_tag.tag', eb.fn.countAll<number>().as('n')])
    .where(wherePublic('statement', now))
    .groupBy('statement_tag.tag')
    .execute();
  return rows.map((r) => ({ tag: r.tag, n: Number(r.n) })).sort((a, b) => b.n - a.n || (a.tag < b.tag ? -1 : 1));
}

export async function listAllStatements(db: Executor): Promise<StatementRow[]> {
  return db
    .selectFrom('statement')
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}

export async function listVersions(db: Executor, statementId: number): Promise<VersionRow[]> {
  return db
    .selectFrom('statement_version')
    .selectAll()
    .where('statement_id', '=', statementId)
    .orderBy('number')
    .execute();
}

export async function findEvent(db: Executor, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Public events: upcoming (soonest first) or past (latest first). */
export async function listPublicEvents(
  db: Executor,
  now: Date,
  f: { when?: 'upcoming' | 'past'; lang?: Locale; limit?: number } = {},
): Promise<EventRow[]> {
  let q = db.selectFrom('event').selectAll('event').where(wherePublic('event', now));
  if (f.when === 'upcoming') q = q.where('event.ends_at', '>=', now.toISOString()).orderBy('event.starts_at', 'asc');
  else if (f.when === 'past') q = q.where('event.ends_at', '<', now.toISOString()).orderBy('event.starts_at', 'desc');
  else q = q.orderBy('event.published_at', 'desc');
  if (f.lang) q = q.where(`event.title_${f.lang}`, 'is not', null);
  return q
    .orderBy('event.id', 'desc')
    .limit(f.limit ?? 200)
    .execute();
}

export async function listAllEvents(db: Executor): Promise<EventRow[]> {
  return db.selectFrom('event').selectAll().orderBy('starts_at', 'desc').limit(500).execute();
}

/** The related statements of an event (all of them; public pages filter with `publicOnly`). */
export async function relatedStatements(db: Executor, eventId: number, publicAt?: Date): Promise<StatementRow[]> {
  let q = db
    .selectFrom('event_statement')
    .innerJoin('statement', 'statement.id', 'event_statement.statement_id')
    .selectAll('statement')
    .where('event_statement.event_id', '=', eventId);
  if (publicAt) q = q.where(wherePublic('statement', publicAt));
  return q.orderBy('statement.id').execute();
}
