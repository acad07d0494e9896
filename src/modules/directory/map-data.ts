/**
 * The regions of the map, projected from the boundaries stored on territories. The result depends
 * only on the boundaries and the names, so it is memoised per language and data version (the
 * latest `updated_at`): the whole country is parsed once, not on every request.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { pickText } from '../../platform/i18n/translate.js';
import { boundsOf, parseGeometry, pathData, projection } from './map.js';
import { territoriesWithBoundary } from './queries.js';
import type { MapRegion } from './views/map.js';

export interface MapLayers {
  oblasts: MapRegion[];
  rayons: MapRegion[];
  width: number;
  height: number;
}

const memo = new Map<string, MapLayers>();

/** Both layers for the whole country, or the rayon layer of one oblast (`withinId`). */
export async function mapLayers(db: Executor, locale: Locale, withinId?: number): Promise<MapLayers> {
  const version = await db
    .selectFrom('territory')
    .select([sql<string>`max(updated_at)`.as('v'), sql<number>`count(*)`.as('n')])
    .executeTakeFirstOrThrow();
  const key = `${locale}:${withinId ?? ''}:${version.v}:${version.n}`;
  const hit = memo.get(key);
  if (hit) return hit;

  const rows = (await territoriesWithBoundary(db))
    .map((r) => ({ ...r, geometry: parseGeometry(r.boundary!) }))
    .filter((r) => r.geometry !== null);
  const top = rows.filter((r) => r.level === 'oblast' || r.level === 'city_republican');
  const shadeOf = new Map(top.map((r, i) => [r.id, i]));
  const second = rows.filter(
    (r) => (r.level === 'rayon' || r.level === 'city') && (withinId === undefined || r.parent_id === withinId),
  );
  const shown = withinId === undefined ? rows : second;
  const proj = projection(boundsOf(shown.map((r) => r.geometry!)));
  const region = (r: (typeof rows)[number], shade: number): MapRegion => {
    const name = pickText(
      { ky: r.name_ky ?? undefined, ru: r.name_ru ?? undefined, en: r.name_en ?? undefined },
      locale,
    );
    return {
      id: r.id,
      href: `/directory/territories/${r.id}`,
      name: name.text,
      lang: name.lang,
      level: r.level,
      d: pathData(r.geometry!, proj),
      shade,
    };
  };
  const result: MapLayers = {
    oblasts: withinId === undefined ? top.map((r) => region(r, shadeOf.get(r.id)!)) : [],
    rayons: second.map((r, i) => region(r, withinId === undefined ? (shadeOf.get(r.parent_id ?? -1) ?? 0) : i)),
    width: proj.width,
    height: proj.height,
  };
  if (memo.size > 50) memo.clear();
  memo.set(key, result);
  return result;
}
