/**
 * Builds the seed of Achyk's directory of territories and state bodies.
 *
 *   npx tsx scripts/build-directory-seed.ts [inputDir] [outputDir]
 *
 * inputDir  folder holding kg-divisions/ and kg-boundaries/ (default: ../shared/data relative to
 *           the repository root; see shared/data/README.md for provenance and licences)
 * outputDir folder that receives directory/territories.csv, directory/bodies.csv and
 *           boundaries/{oblasts,rayons}.geojson (default: <repo>/reference)
 *
 * The output is deterministic: the same input gives byte-identical files (no dates, no map
 * iteration over unordered input, fixed sort orders). test/directory-seed.test.ts checks this.
 *
 * Rules followed (see reference/NOTICE.md):
 * - Territories are the pre-reform units of the Open Admin Data list (dataset 2026.06, SOATE 2018
 *   state). SOATE = P-code with "KG" replaced by the country prefix "417".
 * - Names are never invented. Kyrgyz names come from the data; Russian names only where the data
 *   has an official Russian name (oblasts, cities of republican significance, rayons and towns of
 *   oblast significance from the OCHA boundaries); everything else leaves name_ru empty.
 *   The only change to the Kyrgyz names is a character fix: the source writes ӊ (U+04CA, Khanty
 *   "en with tail") in two rayon names (Тоӊ, Чоӊ-Алай) where Kyrgyz uses ң (U+04A3).
 * - Bodies get no e-mail, address, phone or website: none is known with certainty here, so
 *   contact_unknown = 1 everywhere. Administrators fill contacts in later through the import.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

// ---------------------------------------------------------------------------------------------
// Output formats

export const TERRITORY_COLUMNS = [
  'code',
  'level',
  'name_ky',
  'name_ru',
  'name_en',
  'parent_code',
  'lat',
  'lon',
  'valid_from',
  'valid_to',
  'successor_code',
  'source',
] as const;

export const BODY_COLUMNS = [
  'code',
  'kind',
  'institution_type',
  'name_ky',
  'name_ru',
  'name_en',
  'territory_code',
  'supervisor_code',
  'emails',
  'address',
  'phone',
  'website',
  'contact_unknown',
  'active_from',
  'active_to',
] as const;

export type TerritoryLevel = 'oblast' | 'city_republican' | 'rayon' | 'city' | 'settlement' | 'aiyl_aimak';
export type BodyKind =
  | 'cabinet'
  | 'ministry'
  | 'agency'
  | 'court'
  | 'prosecutor'
  | 'ombudsman'
  | 'plenipotentiary_office'
  | 'rayon_administration'
  | 'city_hall'
  | 'aiyl_okmotu'
  | 'police'
  | 'closed_institution'
  | 'other';
export type InstitutionType = '' | 'ivs' | 'sizo' | 'colony' | 'colony_settlement' | 'psychiatric' | 'childrens';

export type TerritoryRow = Record<(typeof TERRITORY_COLUMNS)[number], string>;
export type BodyRow = Record<(typeof BODY_COLUMNS)[number], string>;

const SOURCE = 'open-admin-data 2026.06 (pre-reform, SOATE 2018)';
const BISHKEK = '41711000000000';

// OCHA placeholder units listed among the level-3 records of kg-divisions; they are not
// administrative units: KG04220000903 "Chatyr Kul" (the Chatyr-Kul lake area in At-Bashy rayon)
// and KG08219000907 "Unknown" (Белгисиз, Panfilov rayon). They are skipped.
const PLACEHOLDER_IDS = new Set(['KG04220000903', 'KG08219000907']);

// ---------------------------------------------------------------------------------------------
// Input records

interface DivisionRecord {
  id: string;
  level: number;
  name: { local: string; en: string };
  parent: { id: string } | null;
  geo: { lat: string; lon: string };
}

interface OblastProps {
  id: string;
  type: string;
  name_en: string;
  name_ru: string;
  name_ky: string;
}
interface RayonProps {
  id: string;
  type: string;
  name_en: string;
  name_ru: string;
  name_ky: string;
  oblast_id: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new Error(`${what}: expected a string, got ${JSON.stringify(v)}`);
  return v;
}

function toDivision(v: unknown): DivisionRecord {
  if (!isObject(v)) throw new Error('division record is not an object');
  const id = str(v.id, 'id');
  const name = v.name;
  const geo = v.geo;
  const parent = v.parent;
  if (typeof v.level !== 'number') throw new Error(`${id}: level is not a number`);
  if (!isObject(name) || !isObject(geo)) throw new Error(`${id}: name or geo missing`);
  if (parent !== null && !isObject(parent)) throw new Error(`${id}: bad parent`);
  return {
    id,
    level: v.level,
    name: { local: str(name.local, `${id} name.local`), en: str(name.en, `${id} name.en`) },
    parent: parent === null ? null : { id: str(parent.id, `${id} parent.id`) },
    geo: { lat: str(geo.lat, `${id} geo.lat`), lon: str(geo.lon, `${id} geo.lon`) },
  };
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function readFeatures<P>(file: string, keys: readonly string[]): P[] {
  const fc = readJson(file);
  if (!isObject(fc) || !Array.isArray(fc.features)) throw new Error(`${file}: not a FeatureCollection`);
  return fc.features.map((f: unknown) => {
    if (!isObject(f) || !isObject(f.properties)) throw new Error(`${file}: feature without properties`);
    const p = f.properties;
    for (const k of keys) str(p[k], `${file} ${k}`);
    return p as unknown as P;
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** P-code "KG" + 11 digits → 14-digit SOATE code "417" + 11 digits. */
export function soate(pcode: string): string {
  if (!/^KG\d{11}$/.test(pcode)) throw new Error(`not a P-code: ${pcode}`);
  return `417${pcode.slice(2)}`;
}

/** Fixes the one non-Kyrgyz character found in the source names (ӊ/Ӊ for ң/Ң). */
export function fixKyrgyz(s: string): string {
  return s.replace(/\u04CA/g, '\u04A3').replace(/\u04C9/g, '\u04A2');
}

function stripSuffix(s: string, suffix: string): string {
  return s.endsWith(suffix) ? s.slice(0, -suffix.length) : s;
}

/** "г.Каракол" → "г. Каракол"; "Кара-Куль" (the one town the source gives without "г.") → "г. Кара-Куль". */
function russianTown(name: string): string {
  const bare = name.replace(/^г\.\s*/, '');
  return `г. ${bare}`;
}

/** Russian adjective of a rayon ("Ак-Суйский") → genitive "Ак-Суйского" (all 40 end in -ский). */
function ruAdjGenitive(adj: string): string {
  if (!adj.endsWith('ий')) throw new Error(`unexpected Russian rayon adjective: ${adj}`);
  return `${adj.slice(0, -2)}ого`;
}

/** "Иссык-Кульская область" → "Иссык-Кульской области" (genitive and prepositional coincide). */
function ruOblastOblique(name: string): string {
  const m = /^(.+)ая область$/.exec(name);
  if (!m) throw new Error(`unexpected Russian oblast name: ${name}`);
  return `${m[1]}ой области`;
}

// ---------------------------------------------------------------------------------------------
// Territories

interface Territory {
  row: TerritoryRow;
  sourceLevel: number;
  /** name without the type suffix (" ш." / "(city)"), used to build body names */
  baseKy: string;
  baseEn: string;
  /** official Russian name as given by the boundaries (oblast name, "г. X", or rayon adjective) */
  ruSource: string;
}

export function buildTerritories(inputDir: string): Territory[] {
  const divDir = path.join(inputDir, 'kg-divisions');
  const bndDir = path.join(inputDir, 'kg-boundaries');

  const flatJson = readJson(path.join(divDir, 'all-flat.json'));
  if (!isObject(flatJson) || !Array.isArray(flatJson.data)) throw new Error('all-flat.json: no data array');
  const flat = flatJson.data.map(toDivision);
  const settlementsJson = readJson(path.join(divDir, 'all-settlement.json'));
  if (!Array.isArray(settlementsJson)) throw new Error('all-settlement.json: not an array');
  const settlements = settlementsJson.map(toDivision);

  // all-flat.csv carries the same 62 records as all-flat.json: cross-check ids and points.
  const csvText = readFileSync(path.join(divDir, 'all-flat.csv'), 'utf8');
  const csvRows = parse(csvText, { columns: true, comment: '#', skip_empty_lines: true }) as Record<string, string>[];
  const csvById = new Map(csvRows.map((r) => [r.id, r]));
  if (csvRows.length !== flat.length) throw new Error('all-flat.csv and all-flat.json differ in length');
  for (const d of flat) {
    const c = csvById.get(d.id);
    if (!c || c['geo.lat'] !== d.geo.lat || c['geo.lon'] !== d.geo.lon || c['name.local'] !== d.name.local) {
      throw new Error(`all-flat.csv and all-flat.json disagree on ${d.id}`);
    }
  }

  const oblastProps = readFeatures<OblastProps>(path.join(bndDir, 'oblasts.geojson'), [
    'id',
    'type',
    'name_en',
    'name_ru',
    'name_ky',
  ]);
  const rayonProps = readFeatures<RayonProps>(path.join(bndDir, 'rayons.geojson'), [
    'id',
    'type',
    'name_en',
    'name_ru',
    'name_ky',
    'oblast_id',
  ]);
  const oblastById = new Map(oblastProps.map((p) => [p.id, p]));
  const rayonById = new Map(rayonProps.map((p) => [p.id, p]));

  const out: Territory[] = [];

  for (const d of flat) {
    if (d.level === 1) {
      const b = oblastById.get(d.id);
      if (!b) throw new Error(`${d.id}: not in oblasts.geojson`);
      const level: TerritoryLevel = b.type === 'city of republican significance' ? 'city_republican' : 'oblast';
      if (level === 'oblast' && b.type !== 'oblast') throw new Error(`${d.id}: unexpected type ${b.type}`);
      if (d.parent !== null) throw new Error(`${d.id}: level 1 with a parent`);
      out.push({
        row: territoryRow(d, level, b.name_ru, d.name.en, ''),
        sourceLevel: 1,
        baseKy: fixKyrgyz(stripSuffix(d.name.local, ' ш.')),
        baseEn: stripSuffix(d.name.en, ' (city)'),
        ruSource: b.name_ru,
      });
    } else if (d.level === 2) {
      const b = rayonById.get(d.id);
      if (!b) throw new Error(`${d.id}: not in rayons.geojson`);
      if (!d.parent || b.oblast_id !== d.parent.id) throw new Error(`${d.id}: parent differs between the two sources`);
      let level: TerritoryLevel;
      let nameRu: string;
      let nameEn: string;
      if (b.type === 'district') {
        level = 'rayon';
        nameRu = `${b.name_ru} район`;
        nameEn = b.name_en; // corrected English of the boundaries (At-Bashy, not "Ak-Bashy")
      } else if (b.type === 'independent city') {
        if (!d.name.local.endsWith(' ш.')) throw new Error(`${d.id}: town without " ш."`);
        level = 'city';
        nameRu = russianTown(b.name_ru);
        nameEn = d.name.en;
      } else {
        throw new Error(`${d.id}: unexpected type ${b.type}`);
      }
      out.push({
        row: territoryRow(d, level, nameRu, nameEn, soate(d.parent.id)),
        sourceLevel: 2,
        baseKy: fixKyrgyz(stripSuffix(d.name.local, ' ш.')),
        baseEn: stripSuffix(level === 'rayon' ? b.name_en : d.name.en, ' (city)'),
        ruSource: level === 'rayon' ? b.name_ru : russianTown(b.name_ru),
      });
    } else {
      throw new Error(`${d.id}: unexpected level ${d.level} in all-flat.json`);
    }
  }

  for (const d of settlements) {
    if (PLACEHOLDER_IDS.has(d.id)) continue;
    if (d.level !== 3 || !d.parent) throw new Error(`${d.id}: expected a level-3 record with a parent`);
    const kindDigit = d.id.charAt(2 + 5); // digits 6-8 of the 11-digit code: 8xx / 6xx / 5xx
    const level: TerritoryLevel | undefined = ({ '8': 'aiyl_aimak', '6': 'city', '5': 'settlement' } as const)[
      kindDigit as '8' | '6' | '5'
    ];
    if (!level) throw new Error(`${d.id}: unknown kind of level-3 unit`);
    // No official Russian name for level-3 units in the data: name_ru stays empty.
    out.push({
      row: territoryRow(d, level, '', d.name.en, soate(d.parent.id)),
      sourceLevel: 3,
      baseKy: fixKyrgyz(d.name.local),
      baseEn: stripSuffix(d.name.en, ' (city)'),
      ruSource: '',
    });
  }

  out.sort((a, b) => a.sourceLevel - b.sourceLevel || cmp(a.row.code, b.row.code));
  const codes = new Set<string>();
  for (const t of out) {
    if (codes.has(t.row.code)) throw new Error(`duplicate territory code ${t.row.code}`);
    if (t.row.parent_code && !codes.has(t.row.parent_code))
      throw new Error(`${t.row.code}: parent ${t.row.parent_code} not listed before it`);
    codes.add(t.row.code);
  }
  return out;
}

function territoryRow(
  d: DivisionRecord,
  level: TerritoryLevel,
  nameRu: string,
  nameEn: string,
  parentCode: string,
): TerritoryRow {
  return {
    code: soate(d.id),
    level,
    name_ky: fixKyrgyz(d.name.local),
    name_ru: nameRu,
    name_en: nameEn,
    parent_code: parentCode,
    lat: d.geo.lat,
    lon: d.geo.lon,
    valid_from: '',
    valid_to: '',
    successor_code: '',
    source: SOURCE,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Bodies

interface BodySpec {
  code: string;
  kind: BodyKind;
  institutionType?: InstitutionType;
  ky: string;
  ru: string;
  en: string;
  territory: string;
  supervisor: string;
}

function bodyRow(b: BodySpec): BodyRow {
  return {
    code: b.code,
    kind: b.kind,
    institution_type: b.institutionType ?? '',
    name_ky: b.ky,
    name_ru: b.ru,
    name_en: b.en,
    territory_code: b.territory,
    supervisor_code: b.supervisor,
    emails: '',
    address: '',
    phone: '',
    website: '',
    contact_unknown: '1',
    active_from: '',
    active_to: '',
  };
}

/**
 * National bodies. Names were checked against the bodies' own publications and news reports of
 * 2025-2026 in the three languages; a name left '' is one whose current official form in that
 * language could not be confirmed (the app falls back visibly to another language).
 * Structure as of early 2026: the Ministry of Education and Science was split in May 2025 into
 * the Ministry of Education (Министерство просвещения) and the Ministry of Science, Higher
 * Education and Innovation; the Ministry of Culture dropped "sport" from its name in 2025; the
 * agriculture ministry is the Ministry of Water Resources, Agriculture and Processing Industry.
 */
const NATIONAL: readonly Omit<BodySpec, 'territory'>[] = [
  {
    code: 'cabinet',
    kind: 'cabinet',
    supervisor: '',
    ky: 'Кыргыз Республикасынын Министрлер Кабинети',
    ru: 'Кабинет Министров Кыргызской Республики',
    en: 'Cabinet of Ministers of the Kyrgyz Republic',
  },
  {
    code: 'mvd',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: 'Кыргыз Республикасынын Ички иштер министрлиги',
    ru: 'Министерство внутренних дел Кыргызской Республики',
    en: 'Ministry of Internal Affairs of the Kyrgyz Republic',
  },
  {
    code: 'minjust',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: 'Кыргыз Республикасынын Юстиция министрлиги',
    ru: 'Министерство юстиции Кыргызской Республики',
    en: 'Ministry of Justice of the Kyrgyz Republic',
  },
  {
    code: 'minzdrav',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: 'Кыргыз Республикасынын Саламаттык сактоо министрлиги',
    ru: 'Министерство здравоохранения Кыргызской Республики',
    en: 'Ministry of Health of the Kyrgyz Republic',
  },
  {
    code: 'minpros',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: '',
    ru: 'Министерство просвещения Кыргызской Республики',
    en: 'Ministry of Education of the Kyrgyz Republic',
  },
  {
    code: 'minnauki',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: 'Кыргыз Республикасынын Илим, жогорку билим берүү жана инновациялар министрлиги',
    ru: 'Министерство науки, высшего образования и инноваций Кыргызской Республики',
    en: 'Ministry of Science, Higher Education and Innovation of the Kyrgyz Republic',
  },
  {
    code: 'mintrud',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: 'Кыргыз Республикасынын Эмгек, социалдык камсыздоо жана миграция министрлиги',
    ru: 'Министерство труда, социального обеспечения и миграции Кыргызской Республики',
    en: 'Ministry of Labour, Social Security and Migration of the Kyrgyz Republic',
  },
  {
    code: 'minfin',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: 'Кыргыз Республикасынын Финансы министрлиги',
    ru: 'Министерство финансов Кыргызской Республики',
    en: 'Ministry of Finance of the Kyrgyz Republic',
  },
  {
    code: 'mineconom',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: 'Кыргыз Республикасынын Экономика жана коммерция министрлиги',
    ru: 'Министерство экономики и коммерции Кыргызской Республики',
    en: 'Ministry of Economy and Commerce of the Kyrgyz Republic',
  },
  {
    code: 'mchs',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: 'Кыргыз Республикасынын Өзгөчө кырдаалдар министрлиги',
    ru: 'Министерство чрезвычайных ситуаций Кыргызской Республики',
    en: 'Ministry of Emergency Situations of the Kyrgyz Republic',
  },
  {
    code: 'mid',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: 'Кыргыз Республикасынын Тышкы иштер министрлиги',
    ru: 'Министерство иностранных дел Кыргызской Республики',
    en: 'Ministry of Foreign Affairs of the Kyrgyz Republic',
  },
  {
    code: 'mincifry',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: '',
    ru: 'Министерство цифрового развития и инновационных технологий Кыргызской Республики',
    en: 'Ministry of Digital Development and Innovative Technologies of the Kyrgyz Republic',
  },
  {
    code: 'minselhoz',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: 'Кыргыз Республикасынын Суу ресурстары, айыл чарба жана кайра иштетүү өнөр жайы министрлиги',
    ru: 'Министерство водных ресурсов, сельского хозяйства и перерабатывающей промышленности Кыргызской Республики',
    en: 'Ministry of Water Resources, Agriculture and Processing Industry of the Kyrgyz Republic',
  },
  {
    code: 'minkult',
    kind: 'ministry',
    supervisor: 'cabinet',
    ky: '',
    ru: 'Министерство культуры, информации и молодежной политики Кыргызской Республики',
    en: 'Ministry of Culture, Information and Youth Policy of the Kyrgyz Republic',
  },
  {
    code: 'sin',
    kind: 'agency',
    supervisor: 'minjust',
    ky: 'Кыргыз Республикасынын Юстиция министрлигине караштуу Жазаларды аткаруу кызматы',
    ru: 'Служба исполнения наказаний при Министерстве юстиции Кыргызской Республики',
    en: 'Penitentiary Service under the Ministry of Justice of the Kyrgyz Republic',
  },
  {
    code: 'gknb',
    kind: 'agency',
    supervisor: 'cabinet',
    ky: 'Кыргыз Республикасынын Улуттук коопсуздук мамлекеттик комитети',
    ru: 'Государственный комитет национальной безопасности Кыргызской Республики',
    en: 'State Committee for National Security of the Kyrgyz Republic',
  },
  {
    code: 'gknb.anti-corruption',
    kind: 'agency',
    supervisor: 'gknb',
    ky: 'Кыргыз Республикасынын Улуттук коопсуздук мамлекеттик комитетинин Коррупцияга каршы кызматы',
    ru: 'Антикоррупционная служба Государственного комитета национальной безопасности Кыргызской Республики',
    en: 'Anti-Corruption Service of the State Committee for National Security of the Kyrgyz Republic',
  },
  {
    code: 'gp',
    kind: 'prosecutor',
    supervisor: '',
    ky: 'Кыргыз Республикасынын Башкы прокуратурасы',
    ru: 'Генеральная прокуратура Кыргызской Республики',
    en: "General Prosecutor's Office of the Kyrgyz Republic",
  },
  {
    code: 'supreme-court',
    kind: 'court',
    supervisor: '',
    ky: 'Кыргыз Республикасынын Жогорку соту',
    ru: 'Верховный суд Кыргызской Республики',
    en: 'Supreme Court of the Kyrgyz Republic',
  },
  {
    code: 'constitutional-court',
    kind: 'court',
    supervisor: '',
    ky: 'Кыргыз Республикасынын Конституциялык соту',
    ru: 'Конституционный суд Кыргызской Республики',
    en: 'Constitutional Court of the Kyrgyz Republic',
  },
  {
    code: 'ombudsman',
    kind: 'ombudsman',
    supervisor: '',
    ky: 'Кыргыз Республикасынын Акыйкатчысы (Омбудсмени)',
    ru: 'Акыйкатчы (Омбудсмен) Кыргызской Республики',
    en: 'Akyikatchy (Ombudsman) of the Kyrgyz Republic',
  },
];

// Closed institutions (IVS, SIZO, colonies, psychiatric and children's institutions): none is
// seeded. Their official names and numbering could not be confirmed here; monitors add them
// through the directory import.

export function buildBodies(territories: readonly Territory[]): BodyRow[] {
  const byCode = new Map(territories.map((t) => [t.row.code, t]));
  const ofLevel = (level: TerritoryLevel): Territory[] => territories.filter((t) => t.row.level === level);
  const oblastOf = (t: Territory): Territory => {
    let cur: Territory | undefined = t;
    while (cur && cur.row.level !== 'oblast') cur = byCode.get(cur.row.parent_code);
    if (!cur) throw new Error(`${t.row.code}: no oblast above it`);
    return cur;
  };
  const rayonOf = (t: Territory): Territory => {
    let cur: Territory | undefined = byCode.get(t.row.parent_code);
    while (cur && cur.row.level !== 'rayon') cur = byCode.get(cur.row.parent_code);
    if (!cur) throw new Error(`${t.row.code}: no rayon above it`);
    return cur;
  };

  const specs: BodySpec[] = NATIONAL.map((b) => ({ ...b, territory: BISHKEK }));

  const oblasts = ofLevel('oblast');
  const republicanCities = ofLevel('city_republican');
  const rayons = ofLevel('rayon');
  const oblastTowns = territories.filter((t) => t.row.level === 'city' && t.sourceLevel === 2);
  const districtTowns = territories.filter((t) => t.row.level === 'city' && t.sourceLevel === 3);
  const aimaks = ofLevel('aiyl_aimak');

  // Offices of the plenipotentiary representatives of the President in the oblasts.
  for (const o of oblasts) {
    specs.push({
      code: `plenipotentiary.${o.row.code}`,
      kind: 'plenipotentiary_office',
      territory: o.row.code,
      supervisor: 'cabinet',
      ky: `Кыргыз Республикасынын Президентинин ${o.baseKy} облусундагы ыйгарым укуктуу өкүлүнүн аппараты`,
      ru: `Аппарат полномочного представителя Президента Кыргызской Республики в ${ruOblastOblique(o.ruSource)}`,
      en: `Office of the Plenipotentiary Representative of the President of the Kyrgyz Republic in ${o.baseEn} Oblast`,
    });
  }
  // City halls (мэрия) of the two cities of republican significance.
  for (const c of republicanCities) specs.push(cityHall(c, 'cabinet'));

  // Prosecutors: oblasts and cities of republican significance, then rayons.
  for (const o of oblasts) {
    specs.push({
      code: `prosecutor.${o.row.code}`,
      kind: 'prosecutor',
      territory: o.row.code,
      supervisor: 'gp',
      ky: `${o.baseKy} облусунун прокуратурасы`,
      ru: `Прокуратура ${ruOblastOblique(o.ruSource)}`,
      en: `Prosecutor's Office of ${o.baseEn} Oblast`,
    });
  }
  for (const c of republicanCities) {
    specs.push({
      code: `prosecutor.${c.row.code}`,
      kind: 'prosecutor',
      territory: c.row.code,
      supervisor: 'gp',
      ky: `${c.baseKy} шаарынын прокуратурасы`,
      ru: `Прокуратура города ${c.ruSource.replace(/^г\. /, '')}`,
      en: `Prosecutor's Office of ${c.baseEn} City`,
    });
  }
  for (const r of rayons) {
    specs.push({
      code: `prosecutor.${r.row.code}`,
      kind: 'prosecutor',
      territory: r.row.code,
      supervisor: `prosecutor.${oblastOf(r).row.code}`,
      ky: `${r.baseKy} районунун прокуратурасы`,
      ru: `Прокуратура ${ruAdjGenitive(r.ruSource)} района`,
      en: `Prosecutor's Office of ${r.baseEn} District`,
    });
  }

  // Rayon state administrations (акимиат).
  for (const r of rayons) {
    specs.push({
      code: `admin.${r.row.code}`,
      kind: 'rayon_administration',
      territory: r.row.code,
      supervisor: `plenipotentiary.${oblastOf(r).row.code}`,
      ky: `${r.baseKy} райондук мамлекеттик администрациясы`,
      ru: `Государственная администрация ${ruAdjGenitive(r.ruSource)} района`,
      en: `${r.baseEn} District State Administration`,
    });
  }

  // City halls of towns of oblast significance, then of towns of district significance.
  for (const c of oblastTowns) specs.push(cityHall(c, `plenipotentiary.${oblastOf(c).row.code}`));
  for (const c of districtTowns) specs.push(cityHall(c, `admin.${rayonOf(c).row.code}`));

  // One aiyl okmotu per aiyl aimak. No Russian name: the data has none for aiyl aimaks.
  for (const a of aimaks) {
    specs.push({
      code: `aiyl-okmotu.${a.row.code}`,
      kind: 'aiyl_okmotu',
      territory: a.row.code,
      supervisor: `admin.${rayonOf(a).row.code}`,
      ky: `${a.baseKy} айыл өкмөтү`,
      ru: '',
      en: `${a.baseEn} aiyl okmotu`,
    });
  }

  const rows = specs.map(bodyRow);
  const seen = new Set<string>();
  for (const r of rows) {
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(r.code)) throw new Error(`bad body code ${r.code}`);
    if (seen.has(r.code)) throw new Error(`duplicate body code ${r.code}`);
    if (r.supervisor_code && !seen.has(r.supervisor_code))
      throw new Error(`${r.code}: supervisor ${r.supervisor_code} not listed before it`);
    if (!byCode.has(r.territory_code)) throw new Error(`${r.code}: unknown territory ${r.territory_code}`);
    seen.add(r.code);
  }
  return rows;
}

function cityHall(c: Territory, supervisor: string): BodySpec {
  const ruTown = c.ruSource.replace(/^г\. /, '');
  return {
    code: `city-hall.${c.row.code}`,
    kind: 'city_hall',
    territory: c.row.code,
    supervisor,
    ky: `${c.baseKy} шаарынын мэриясы`,
    // Russian only where the town's official Russian name is in the data (not for the 14 towns
    // of district significance).
    ru: ruTown ? `Мэрия города ${ruTown}` : '',
    en: `${c.baseEn} City Hall`,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

export function toCsv<C extends string>(columns: readonly C[], rows: readonly Record<C, string>[]): string {
  return stringify(
    rows.map((r) => columns.map((c) => r[c])),
    {
      header: true,
      columns: [...columns],
      record_delimiter: '\n',
    },
  );
}

export function build(inputDir: string, outputDir: string): { territories: TerritoryRow[]; bodies: BodyRow[] } {
  const territories = buildTerritories(inputDir);
  const bodies = buildBodies(territories);
  const dirOut = path.join(outputDir, 'directory');
  const bndOut = path.join(outputDir, 'boundaries');
  mkdirSync(dirOut, { recursive: true });
  mkdirSync(bndOut, { recursive: true });
  const territoryRows = territories.map((t) => t.row);
  writeFileSync(path.join(dirOut, 'territories.csv'), toCsv(TERRITORY_COLUMNS, territoryRows));
  writeFileSync(path.join(dirOut, 'bodies.csv'), toCsv(BODY_COLUMNS, bodies));
  for (const f of ['oblasts.geojson', 'rayons.geojson']) {
    copyFileSync(path.join(inputDir, 'kg-boundaries', f), path.join(bndOut, f));
  }
  return { territories: territoryRows, bodies };
}

function main(): void {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const [inArg, outArg] = process.argv.slice(2);
  const inputDir = path.resolve(inArg ?? path.join(repoRoot, '..', 'shared', 'data'));
  const outputDir = path.resolve(outArg ?? path.join(repoRoot, 'reference'));
  const { territories, bodies } = build(inputDir, outputDir);
  const count = <T extends Record<string, string>>(rows: T[], key: keyof T): string => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r[key], (m.get(r[key]) ?? 0) + 1);
    return [...m].map(([k, v]) => `${k} ${v}`).join(', ');
  };
  console.log(`territories: ${territories.length} (${count(territories, 'level')})`);
  console.log(`bodies: ${bodies.length} (${count(bodies, 'kind')})`);
  console.log(`written to ${outputDir}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
