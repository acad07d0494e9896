/**
 * Search over what is public: published appeals (redacted subject and text), the bodies' answers,
 * documents' redacted text, and the directory's bodies. The query is folded by the directory's
 * search-key rules (transliteration, н/ң о/ө у/ү ё/е, Russian endings), so FTS syntax, quotes and
 * wildcards are plain separators, and each term must begin a word of the folded key: `LIKE '% term%'`
 * on PostgreSQL (answered by a trigram index) and the equivalent FTS5 prefix query on SQLite, so the
 * results are the same on both. Facets, snippets and pages are computed from one bounded
 * result set in code, so they cannot differ between the dialects either.
 *
 * Speed at a million appeals (docs/performance.md): a common word matches a hundred thousand texts,
 * and counting them all per facet costs hundreds of milliseconds. So a query reads at most the
 * newest WINDOW matching texts (newest = most recently indexed, i.e. published or re-published),
 * walking the text index in that order and stopping there. When more match, the total is shown as
 * "more than N" and the facets say they count the newest matches; below that everything is exact.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { isPostgres } from '../../platform/db/dialect.js';
import { AppError } from '../../platform/errors.js';
import { OPEN_STATES } from '../appeals/index.js';
import { fold, queryTerms, stem } from '../../platform/text/search-key.js';
import { searchBodies, type Body } from '../directory/index.js';
import { isPublishedAppeal } from './visibility.js';

/** Longest query accepted (characters). */
export const MAX_QUERY = 200;
export const PAGE_SIZE = 20;
/** Matching texts read per query (newest first): bounds the time of a search that matches nearly everything. */
export const WINDOW = 1000;
const DOC_ORDER = { appeal: 0, answer: 1, file: 2 } as const;

/** Words too common to search for, folded (Kyrgyz, Russian, English). */
const STOP_WORDS = new Set(
  [
    'жана',
    'менен',
    'бул',
    'ал',
    'да',
    'де',
    'же',
    'үчүн',
    'и',
    'в',
    'во',
    'на',
    'не',
    'что',
    'с',
    'со',
    'по',
    'к',
    'о',
    'об',
    'от',
    'для',
    'а',
    'но',
    'the',
    'a',
    'an',
    'and',
    'or',
    'of',
    'to',
    'in',
    'on',
    'for',
    'is',
    'by',
  ]
    .map((w) => fold(w).trim())
    .flatMap((w) => [w, stem(w)]),
);

export type StatusGroup = 'open' | 'answered' | 'closed';
export function statusGroup(state: string): StatusGroup {
  if ((OPEN_STATES as readonly string[]).includes(state)) return 'open';
  return state === 'closed' ? 'closed' : 'answered';
}

export interface SearchFilters {
  body?: number;
  kind?: string;
  status?: StatusGroup;
  territory?: number;
  year?: number;
}

export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  appealId: number;
  docType: 'appeal' | 'answer' | 'file';
  title: string;
  snippet: SnippetPart[];
  bodyId: number;
  kind: string;
  status: StatusGroup;
  year: number;
  publishedAt: string;
}

export interface Facet {
  value: string;
  count: number;
}

export interface SearchResult {
  q: string;
  terms: string[];
  /** Appeals found; a lower bound when `more` is set (more texts matched than the window holds). */
  total: number;
  more: boolean;
  page: number;
  pages: number;
  hits: SearchHit[];
  bodies: Body[];
  facets: { body: Facet[]; kind: Facet[]; status: Facet[]; territory: Facet[]; year: Facet[] };
}

/** The folded terms of a query; throws a field error for a too long query or only stop words. */
export function searchTerms(q: string): string[] {
  if (q.length > MAX_QUERY)
    throw new AppError('invalid', 'error.invalid', {}, [
      { field: 'q', message: 'publication.search.too_long', params: { max: MAX_QUERY } },
    ]);
  const terms = queryTerms(q);
  const useful = terms.filter((t) => !STOP_WORDS.has(t));
  if (terms.length > 0 && useful.length === 0)
    throw new AppError('invalid', 'error.invalid', {}, [{ field: 'q', message: 'publication.search.stop_words' }]);
  return useful;
}

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Does this original word match a query term (same folding as the index)? */
function wordMatches(word: string, terms: string[]): boolean {
  const folded = fold(word)
    .split(/[\s-]+/)
    .filter(Boolean);
  const joined = folded.join('');
  return terms.some((t) => folded.some((f) => f.startsWith(t) || stem(f).startsWith(t)) || joined.startsWith(t));
}

/** A window of the text around the first match, with the matching words marked. */
export function snippet(text: string, terms: string[], width = 220): SnippetPart[] {
  const words = [...text.matchAll(WORD)];
  const first = terms.length ? words.find((m) => wordMatches(m[0], terms)) : undefined;
  const startAt = first ? Math.max(0, first.index! - 60) : 0;
  let start = startAt;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < (first?.index ?? start) ? space + 1 : start;
  }
  const end = Math.min(text.length, start + width);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let at = start;
  for (const m of words) {
    const ws = m.index!;
    const we = ws + m[0].length;
    if (we <= start || ws >= end) continue;
    if (terms.length && wordMatches(m[0], terms)) {
      if (ws > at) parts.push({ text: text.slice(at, ws), mark: false });
      parts.push({ text: text.slice(Math.max(ws, at), Math.min(we, end)), mark: true });
      at = Math.min(we, end);
    }
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

function facet(values: (string | number | null)[]): Facet[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** Runs a search. An empty query lists the latest published appeals (with the filters). */
export async function searchPublic(
  db: Executor,
  q: string,
  filters: SearchFilters,
  page = 1,
  window = WINDOW,
): Promise<SearchResult> {
  const terms = searchTerms(q.trim());
  const fts = terms.length > 0 && !isPostgres(db);
  // 1. The window: the newest matching texts, filtered by what the index row itself holds (and by
  // the appeal's state when asked to). SQLite walks the FTS5 index itself newest first and stops
  // after the window (migrations/2026-11-28-search-index.ts): a prefix query "term"* is exactly
  // LIKE '% term%' on the space-separated folded words. PostgreSQL answers the LIKE from its
  // trigram index. Nothing else is read for the matches that do not make the window.
  let matches = fts
    ? db
        .selectFrom(sql<{ rowid: number }>`search_doc_fts`.as('fts'))
        .innerJoin('search_doc', 'search_doc.id', 'fts.rowid')
    : db.selectFrom('search_doc');
  if (fts)
    matches = matches.where(
      sql<boolean>`search_doc_fts match ${terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' AND ')}`,
    );
  else for (const t of terms) matches = matches.where('search_doc.search_key', 'like', `% ${t}%`);
  if (filters.body !== undefined) matches = matches.where('search_doc.body_id', '=', filters.body);
  if (filters.kind) matches = matches.where('search_doc.kind', '=', filters.kind);
  if (filters.territory !== undefined) matches = matches.where('search_doc.territory_id', '=', filters.territory);
  if (filters.year !== undefined) matches = matches.where('search_doc.year', '=', filters.year);
  if (filters.status) {
    const states = db
      .selectFrom('appeal')
      .select('appeal.id')
      .where('appeal.id', '=', sql.ref<number>('search_doc.appeal_id'));
    if (filters.status === 'open')
      matches = matches.where((eb) => eb.exists(states.where('appeal.state', 'in', [...OPEN_STATES])));
    else if (filters.status === 'closed')
      matches = matches.where((eb) => eb.exists(states.where('appeal.state', '=', 'closed')));
    else matches = matches.where((eb) => eb.exists(states.where('appeal.state', 'not in', [...OPEN_STATES, 'closed'])));
  }
  const windowed = matches
    // The text is read below for the page's hits only.
    .select([
      'search_doc.id',
      'search_doc.appeal_id',
      'search_doc.doc_type',
      'search_doc.title',
      'search_doc.body_id',
      'search_doc.kind',
      'search_doc.territory_id',
      'search_doc.year',
      'search_doc.published_at',
    ])
    .orderBy(fts ? sql`fts.rowid` : sql`search_doc.id`, 'desc')
    .limit(window + 1);
  // 2. Their appeals' current state, and the publication rule once more: the index only ever holds
  // texts of published appeals (publish and withdraw keep it so in their transaction), and this
  // keeps a search from showing anything else even if it did not.
  const read = await db
    .selectFrom(windowed.as('w'))
    .innerJoin('appeal', 'appeal.id', 'w.appeal_id')
    .selectAll('w')
    .select('appeal.state')
    .where(isPublishedAppeal('w.appeal_id'))
    .orderBy('w.id', 'desc')
    .execute();
  const more = read.length > window;
  const rows = read.slice(0, window);
  // One hit per appeal, placed by its newest matching text, showing the appeal itself before its
  // answers and documents when several of its texts match.
  const byAppeal = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = byAppeal.get(r.appeal_id);
    if (!seen || DOC_ORDER[r.doc_type] < DOC_ORDER[seen.doc_type]) byAppeal.set(r.appeal_id, r);
  }
  const filtered = [...byAppeal.values()];
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const onPage = filtered.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const texts = new Map<number, string>();
  if (onPage.length)
    for (const d of await db
      .selectFrom('search_doc')
      .select(['id', 'text'])
      .where(
        'id',
        'in',
        onPage.map((r) => r.id),
      )
      .execute())
      texts.set(d.id, d.text);
  const hits = onPage.map((r) => ({
    appealId: r.appeal_id,
    docType: r.doc_type,
    title: r.title,
    snippet: snippet(texts.get(r.id) ?? '', terms),
    bodyId: r.body_id,
    kind: r.kind,
    status: statusGroup(r.state),
    year: r.year,
    publishedAt: r.published_at,
  }));
  const bodies = terms.length && current === 1 ? await searchBodies(db, { q: terms.join(' '), limit: 5 }) : [];
  return {
    q,
    terms,
    total: filtered.length,
    more,
    page: current,
    pages,
    hits,
    bodies,
    facets: {
      body: facet(filtered.map((r) => r.body_id)).slice(0, 15),
      kind: facet(filtered.map((r) => r.kind)),
      status: facet(filtered.map((r) => statusGroup(r.state))),
      territory: facet(filtered.map((r) => r.territory_id)),
      year: facet(filtered.map((r) => r.year)),
    },
  };
}
