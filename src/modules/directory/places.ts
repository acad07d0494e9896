/**
 * Where a body sits, for the statistics by region: the oblast (or city of republican significance)
 * and the rayon (or city) of its territory, found by walking up the territory's parents. One rule,
 * used by the statistics refresh and the bulk import alike.
 */
import type { Executor } from '../../platform/db/database.js';
import type { TerritoryLevel } from './tables.js';

export interface Place {
  oblast: number | null;
  rayon: number | null;
}

interface TerritoryLink {
  id: number;
  level: TerritoryLevel;
  parent_id: number | null;
}

/** The territory tree is at most a few levels deep; the limit only guards against a damaged database. */
const MAX_DEPTH = 8;

/** The place of `territoryId`, looking territories up with `find` (from memory or the database). */
async function walk(
  territoryId: number | null,
  find: (id: number) => Promise<TerritoryLink | undefined> | TerritoryLink | undefined,
): Promise<Place> {
  let oblast: number | null = null;
  let rayon: number | null = null;
  let id = territoryId;
  for (let i = 0; id !== null && i < MAX_DEPTH; i++) {
    const t = await find(id);
    if (!t) break;
    if ((t.level === 'rayon' || t.level === 'city') && rayon === null) rayon = t.id;
    if (t.level === 'oblast' || t.level === 'city_republican') oblast = t.id;
    id = t.parent_id;
  }
  return { oblast, rayon };
}

/** The place of one territory (memoised in `memo` across calls of one run). */
export async function placeOfTerritory(
  db: Executor,
  territoryId: number | null,
  memo = new Map<number, Place>(),
): Promise<Place> {
  if (territoryId === null) return { oblast: null, rayon: null };
  const hit = memo.get(territoryId);
  if (hit) return hit;
  const place = await walk(territoryId, (id) =>
    db.selectFrom('territory').select(['id', 'level', 'parent_id']).where('id', '=', id).executeTakeFirst(),
  );
  memo.set(territoryId, place);
  return place;
}

/** Every body by code, with its id and place: two reads, for bulk work (the import of appeals). */
export async function placesOfBodies(db: Executor): Promise<Map<string, { id: number } & Place>> {
  const territories = await db.selectFrom('territory').select(['id', 'level', 'parent_id']).execute();
  const byId = new Map(territories.map((t) => [t.id, t]));
  const out = new Map<string, { id: number } & Place>();
  for (const b of await db.selectFrom('body').select(['id', 'code', 'territory_id']).execute())
    out.set(b.code, { id: b.id, ...(await walk(b.territory_id, (id) => byId.get(id))) });
  return out;
}
