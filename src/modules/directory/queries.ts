/**
 * Reads of the directory, for its own pages and API and for other modules (appeals, cases,
 * consultations refer to `body.id` and `territory.id`). Every function takes the executor first.
 *
 *     const body = await findBodyById(db, 12);
 *     const chain = await supervisorChain(db, 12); // [rayon administration, plenipotentiary office, Cabinet]
 *     const hits = await searchBodies(db, { q: 'ошский', activeOn: '2026-03-02' });
 */
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { queryTerms } from '../../platform/text/search-key.js';
import type { BodyKind, BodyTable, DirectoryChangeTable, TerritoryLevel, TerritoryTable } from './tables.js';
import { isRecordId } from '../../platform/http/validation.js';

export type Body = Selectable<BodyTable>;
export type Territory = Selectable<TerritoryTable>;
/** A territory without its (large) boundary geometry. */
export type TerritorySummary = Omit<Territory, 'boundary'>;

const TERRITORY_COLUMNS = [
  'id',
  'code',
  'level',
  'name_ky',
  'name_ru',
  'name_en',
  'parent_id',
  'lat',
  'lon',
  'valid_from',
  'valid_to',
  'successor_id',
  'source',
  'search_key',
  'created_at',
  'updated_at',
] as const;

/** Top-level units first, then by SOATE code (which follows the official order). */
const LEVEL_ORDER: Record<TerritoryLevel, number> = {
  oblast: 1,
  city_republican: 2,
  rayon: 3,
  city: 4,
  aiyl_aimak: 5,
  settlement: 6,
};

export async function findBodyById(db: Executor, id: number): Promise<Body | undefined> {
  if (!isRecordId(id)) return undefined;
  return db.selectFrom('body').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBodyByCode(db: Executor, code: string): Promise<Body | undefined> {
  return db.selectFrom('body').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findTerritoryById(db: Executor, id: number): Promise<Territory | undefined> {
  if (!isRecordId(id)) return undefined;
  return db.selectFrom('territory').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTerritoryByCode(db: Executor, code: string): Promise<Territory | undefined> {
  return db.selectFrom('territory').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findTerritoriesByIds(db: Executor, ids: number[]): Promise<TerritorySummary[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('territory').select(TERRITORY_COLUMNS).where('id', 'in', ids).execute();
}

export async function findBodiesByIds(db: Executor, ids: number[]): Promise<Body[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('body').selectAll().where('id', 'in', ids).execute();
}

/**
 * Is the body active on the given day ('YYYY-MM-DD')? The one rule, for every module: it exists from
 * `active_from`, `active_to` is the first day it no longer exists, and a body merged into another
 * (`merged_into_id`) is no longer active at all (it cannot receive appeals; its successor does).
 */
export function isBodyActive(body: Pick<Body, 'active_from' | 'active_to' | 'merged_into_id'>, day: string): boolean {
  return (
    body.merged_into_id === null &&
    (body.active_from === null || body.active_from <= day) &&
    (body.active_to === null || body.active_to > day)
  );
}

/** Does the territory exist on the given day? `valid_to` is the first day it no longer exists. */
export function isTerritoryValid(t: Pick<Territory, 'valid_from' | 'valid_to'>, day: string): boolean {
  return (t.valid_from === null || t.valid_from <= day) && (t.valid_to === null || t.valid_to > day);
}

/**
 * The escalation chain of a body: its supervisor, that body's supervisor, … up to the top
 * (the Cabinet, the General Prosecutor's Office, a top court). Stops at 20 links; cycles are
 * refused on every write, the limit only guards against a damaged database.
 */
export async function supervisorChain(db: Executor, bodyId: number): Promise<Body[]> {
  const chain: Body[] = [];
  const seen = new Set<number>([bodyId]);
  let current = await findBodyById(db, bodyId);
  while (current?.supervisor_id != null && chain.length < 20 && !seen.has(current.supervisor_id)) {
    seen.add(current.supervisor_id);
    current = await findBodyById(db, current.supervisor_id);
    if (current) chain.push(current);
  }
  return chain;
}

/** The bodies a body supervises directly. */
export async function subordinateBodies(db: Executor, bodyId: number): Promise<Body[]> {
  return db
    .selectFrom('body')
    .selectAll()
    .where('supervisor_id', '=', bodyId)
    .orderBy('kind')
    .orderBy('code')
    .execute();
}

/** The territory's parents, from the top (oblast) down to its direct parent. */
export async function territoryAncestors(
  db: Executor,
  territory: Pick<Territory, 'parent_id'>,
): Promise<TerritorySummary[]> {
  const out: TerritorySummary[] = [];
  let parentId = territory.parent_id;
  while (parentId !== null && out.length < 10) {
    const parent = await db
      .selectFrom('territory')
      .select(TERRITORY_COLUMNS)
      .where('id', '=', parentId)
      .executeTakeFirst();
    if (!parent) break;
    out.unshift(parent);
    parentId = parent.parent_id;
  }
  return out;
}

function sortTerritories<T extends Pick<Territory, 'level' | 'code'>>(rows: T[]): T[] {
  return rows.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code));
}

/** Oblasts and cities of republican significance. */
export async function topTerritories(db: Executor): Promise<TerritorySummary[]> {
  return sortTerritories(
    await db.selectFrom('territory').select(TERRITORY_COLUMNS).where('parent_id', 'is', null).execute(),
  );
}

export async function childTerritories(db: Executor, parentId: number): Promise<TerritorySummary[]> {
  return sortTerritories(
    await db.selectFrom('territory').select(TERRITORY_COLUMNS).where('parent_id', '=', parentId).execute(),
  );
}

/** The ids of a territory and of every unit inside it (any depth). */
export async function territoryWithDescendants(db: Executor, id: number): Promise<number[]> {
  const all = await db.selectFrom('territory').select(['id', 'parent_id']).execute();
  const children = new Map<number, number[]>();
  for (const t of all)
    if (t.parent_id !== null) children.set(t.parent_id, [...(children.get(t.parent_id) ?? []), t.id]);
  const out: number[] = [];
  const queue = [id];
  while (queue.length) {
    const cur = queue.shift()!;
    if (out.includes(cur)) continue;
    out.push(cur);
    queue.push(...(children.get(cur) ?? []));
  }
  return out;
}

export async function bodiesInTerritory(db: Executor, territoryId: number): Promise<Body[]> {
  return db
    .selectFrom('body')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .orderBy('kind')
    .orderBy('code')
    .execute();
}

export interface TerritoryListFilter {
  level?: TerritoryLevel;
  parentId?: number;
  /** only units that exist on this day */
  validOn?: string;
}

export async function listTerritories(db: Executor, f: TerritoryListFilter = {}): Promise<TerritorySummary[]> {
  let q = db.selectFrom('territory').select(TERRITORY_COLUMNS);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.parentId !== undefined) q = q.where('parent_id', '=', f.parentId);
  const rows = sortTerritories(await q.execute());
  return f.validOn ? rows.filter((t) => isTerritoryValid(t, f.validOn!)) : rows;
}

/** Scores a stored key against the query terms: an exact word counts more than a word prefix. */
function score(key: string, terms: string[]): number {
  let s = 0;
  for (const term of terms) s += key.includes(` ${term} `) ? 3 : 1;
  return s;
}

function bestName(r: { name_ky: string | null; name_ru: string | null; name_en: string | null }): string {
  return r.name_ky ?? r.name_ru ?? r.name_en ?? '';
}

export interface BodySearch {
  /** words in any language or transliteration; empty = no text condition */
  q?: string;
  kind?: BodyKind;
  /** a territory id: bodies seated in it or in any unit inside it */
  territoryId?: number;
  /** only bodies active on this day */
  activeOn?: string;
  limit?: number;
}

/**
 * Finds bodies by name (all three languages, transliteration, look-alike letters, Russian
 * adjective endings; see search-key.ts), optionally by kind and territory. Every query word must
 * begin a word of the name. Ranked in JavaScript, so both dialects return the same order.
 */
export async function searchBodies(db: Executor, s: BodySearch): Promise<Body[]> {
  const terms = queryTerms(s.q ?? '');
  let q = db.selectFrom('body').selectAll();
  for (const term of terms) q = q.where('search_key', 'like', `% ${term}%`);
  if (s.kind) q = q.where('kind', '=', s.kind);
  if (s.territoryId !== undefined) q = q.where('territory_id', 'in', await territoryWithDescendants(db, s.territoryId));
  let rows = await q.execute();
  if (s.activeOn) rows = rows.filter((b) => isBodyActive(b, s.activeOn!));
  const day = s.activeOn ?? '9999-12-31';
  rows.sort(
    (a, b) =>
      Number(isBodyActive(b, day)) - Number(isBodyActive(a, day)) ||
      score(b.search_key, terms) - score(a.search_key, terms) ||
      bestName(a).length - bestName(b).length ||
      a.id - b.id,
  );
  return rows.slice(0, s.limit ?? 50);
}

/** Finds territories by name, with the same folding as `searchBodies`. */
export async function searchTerritories(db: Executor, s: { q: string; limit?: number }): Promise<TerritorySummary[]> {
  const terms = queryTerms(s.q);
  if (terms.length === 0) return [];
  let q = db.selectFrom('territory').select(TERRITORY_COLUMNS);
  for (const term of terms) q = q.where('search_key', 'like', `% ${term}%`);
  const rows = await q.execute();
  rows.sort(
    (a, b) =>
      score(b.search_key, terms) - score(a.search_key, terms) ||
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      a.code.localeCompare(b.code),
  );
  return rows.slice(0, s.limit ?? 50);
}

export type DirectoryChange = Selectable<DirectoryChangeTable>;

/** The history of one record, newest first. */
export async function changesOf(
  db: Executor,
  objectType: 'body' | 'territory',
  id: number,
): Promise<DirectoryChange[]> {
  return db
    .selectFrom('directory_change')
    .selectAll()
    .where('object_type', '=', objectType)
    .where('object_id', '=', id)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** Territories that have a boundary, with it, for the map. */
export async function territoriesWithBoundary(
  db: Executor,
): Promise<
  Array<Pick<Territory, 'id' | 'code' | 'level' | 'name_ky' | 'name_ru' | 'name_en' | 'parent_id' | 'boundary'>>
> {
  return db
    .selectFrom('territory')
    .select(['id', 'code', 'level', 'name_ky', 'name_ru', 'name_en', 'parent_id', 'boundary'])
    .where('boundary', 'is not', null)
    .orderBy('code')
    .execute();
}
