/**
 * A territory or body as one flat record with codes instead of ids: the shape of a CSV row, of an
 * admin form and of the comparison that makes imports idempotent. Loading the whole directory is
 * cheap (about 1,100 rows for the whole country), so imports and exports work on full snapshots.
 */
import type { Executor } from '../../platform/db/database.js';
import type { BodyKind, InstitutionType, TerritoryLevel } from './tables.js';

export interface TerritoryRecord {
  code: string;
  level: TerritoryLevel;
  name_ky: string | null;
  name_ru: string | null;
  name_en: string | null;
  parent_code: string | null;
  lat: number | null;
  lon: number | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_code: string | null;
  source: string | null;
}

export interface BodyRecord {
  code: string;
  kind: BodyKind;
  institution_type: InstitutionType | null;
  name_ky: string | null;
  name_ru: string | null;
  name_en: string | null;
  territory_code: string | null;
  supervisor_code: string | null;
  emails: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  contact_unknown: number;
  active_from: string | null;
  active_to: string | null;
}

export type DirectoryRecord = TerritoryRecord | BodyRecord;

export interface Stored<R> {
  id: number;
  record: R;
  search_key: string;
}

export async function loadTerritoryRecords(db: Executor): Promise<Array<Stored<TerritoryRecord>>> {
  const rows = await db.selectFrom('territory').selectAll().orderBy('id').execute();
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  return rows.map((r) => ({
    id: r.id,
    search_key: r.search_key,
    record: {
      code: r.code,
      level: r.level,
      name_ky: r.name_ky,
      name_ru: r.name_ru,
      name_en: r.name_en,
      parent_code: r.parent_id === null ? null : (codeOf.get(r.parent_id) ?? null),
      lat: r.lat,
      lon: r.lon,
      valid_from: r.valid_from,
      valid_to: r.valid_to,
      successor_code: r.successor_id === null ? null : (codeOf.get(r.successor_id) ?? null),
      source: r.source,
    },
  }));
}

export async function loadBodyRecords(db: Executor): Promise<Array<Stored<BodyRecord>>> {
  const rows = await db.selectFrom('body').selectAll().orderBy('id').execute();
  const territories = await db.selectFrom('territory').select(['id', 'code']).execute();
  const territoryCode = new Map(territories.map((t) => [t.id, t.code]));
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  return rows.map((r) => ({
    id: r.id,
    search_key: r.search_key,
    record: {
      code: r.code,
      kind: r.kind,
      institution_type: r.institution_type,
      name_ky: r.name_ky,
      name_ru: r.name_ru,
      name_en: r.name_en,
      territory_code: r.territory_id === null ? null : (territoryCode.get(r.territory_id) ?? null),
      supervisor_code: r.supervisor_id === null ? null : (codeOf.get(r.supervisor_id) ?? null),
      emails: r.emails,
      address: r.address,
      phone: r.phone,
      website: r.website,
      contact_unknown: Number(r.contact_unknown),
      active_from: r.active_from,
      active_to: r.active_to,
    },
  }));
}

/** A record as CSV cells (empty string for null). */
export function toCells(record: DirectoryRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) out[k] = v === null || v === undefined ? '' : String(v);
  return out;
}

/** The fields that differ between two records, as { field: [before, after] }. */
export function diffRecords<R extends DirectoryRecord>(before: R | null, after: R): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    const old = before ? (before as unknown as Record<string, unknown>)[k] : null;
    if ((old ?? null) !== (v ?? null)) changes[k] = [old ?? null, v ?? null];
  }
  return changes;
}
