/**
 * Tables of the directory of territories and state bodies, merged into the one `Database` type.
 * Names are nullable per language: a missing official name stays empty and the pages fall back
 * visibly to another language (never an invented translation).
 */
import type { Generated } from 'kysely';

export const TERRITORY_LEVELS = ['oblast', 'city_republican', 'rayon', 'city', 'settlement', 'aiyl_aimak'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

export const BODY_KINDS = [
  'cabinet',
  'ministry',
  'agency',
  'court',
  'prosecutor',
  'ombudsman',
  'plenipotentiary_office',
  'rayon_administration',
  'city_hall',
  'aiyl_okmotu',
  'police',
  'closed_institution',
  'other',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** Types of closed institutions (places of deprivation of liberty monitored by NGOs and the NPM). */
export const INSTITUTION_TYPES = [
  'ivs',
  'sizo',
  'colony',
  'colony_settlement',
  'psychiatric',
  'childrens',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export interface TerritoryTable {
  id: Generated<number>;
  /** SOATE code, 14 digits; stable across imports */
  code: string;
  level: TerritoryLevel;
  name_ky: string | null;
  name_ru: string | null;
  name_en: string | null;
  parent_id: number | null;
  lat: number | null;
  lon: number | null;
  /** GeoJSON geometry (Polygon or MultiPolygon) for the map, or null */
  boundary: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: number | null;
  source: string | null;
  /** folded, transliterated, stemmed tokens of every name (see search-key.ts) */
  search_key: string;
  created_at: string;
  updated_at: string;
}

export interface BodyTable {
  id: Generated<number>;
  /** stable code ('cabinet', 'aiyl-okmotu.41708213842000'); stable across imports */
  code: string;
  kind: BodyKind;
  institution_type: InstitutionType | null;
  name_ky: string | null;
  name_ru: string | null;
  name_en: string | null;
  territory_id: number | null;
  supervisor_id: number | null;
  /** official e-mail addresses separated by "; " */
  emails: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  contact_unknown: number;
  active_from: string | null;
  active_to: string | null;
  /** set when this body was merged into another one */
  merged_into_id: number | null;
  search_key: string;
  created_at: string;
  updated_at: string;
}

/** Who changed what and when, per record (the audit chain records the same events without field values). */
export interface DirectoryChangeTable {
  id: Generated<number>;
  object_type: 'body' | 'territory';
  object_id: number;
  at: string;
  actor: string;
  /** create | update | import_create | import_update | merge | merged_into | deactivate | reactivate | boundary */
  action: string;
  /** JSON: { field: [before, after] } */
  changes: string;
}

declare module '../../platform/db/database.js' {
  interface Database {
    territory: TerritoryTable;
    body: BodyTable;
    directory_change: DirectoryChangeTable;
  }
}
