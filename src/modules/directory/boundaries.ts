/**
 * Loads the map boundaries shipped under reference/boundaries/ (UN OCHA / MoES 2018, simplified;
 * see reference/NOTICE.md) into `territory.boundary`, matched by SOATE code. The map is drawn from
 * the database, so an administrator's later changes to territories keep their shapes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../platform/db/database.js';
import { REFERENCE_DIR } from '../../platform/project-root.js';

export { REFERENCE_DIR };
export const BOUNDARY_FILES = ['boundaries/oblasts.geojson', 'boundaries/rayons.geojson'];

interface Feature {
  properties: { id: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/** "KG02205000000" (OCHA P-code) → "41702205000000" (SOATE). */
export function pcodeToSoate(pcode: string): string | null {
  return /^KG\d{11}$/.test(pcode) ? `417${pcode.slice(2)}` : null;
}

/**
 * Stores each feature's geometry on the territory with the same code (`properties.id`: an OCHA
 * P-code "KG…" or a 14-digit SOATE code); other features are skipped. Returns how many matched.
 */
export async function loadBoundaries(
  trx: Executor,
  now: Date,
  files = BOUNDARY_FILES.map((f) => path.join(REFERENCE_DIR, f)),
): Promise<number> {
  let matched = 0;
  for (const file of files) {
    const fc = JSON.parse(fs.readFileSync(file, 'utf8')) as { features?: Feature[] };
    for (const f of fc.features ?? []) {
      const id = f?.properties?.id;
      const code = typeof id === 'string' ? (pcodeToSoate(id) ?? (/^\d{14}$/.test(id) ? id : null)) : null;
      if (!code || (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon')) continue;
      const res = await trx
        .updateTable('territory')
        .set({ boundary: JSON.stringify(f.geometry), updated_at: now.toISOString() })
        .where('code', '=', code)
        .executeTakeFirst();
      matched += Number(res.numUpdatedRows);
    }
  }
  return matched;
}
