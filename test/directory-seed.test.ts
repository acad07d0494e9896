// Checks the committed seed of the directory (reference/directory/*.csv) and that
// scripts/build-directory-seed.ts reproduces it byte for byte.
//   node --import tsx --test test/directory-seed.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const refDir = path.join(root, 'reference');
const territoriesFile = path.join(refDir, 'directory', 'territories.csv');
const bodiesFile = path.join(refDir, 'directory', 'bodies.csv');
const inputDir = process.env.ACHYK_REFERENCE_DATA ?? path.join(root, '..', 'shared', 'data');

const TERRITORY_HEADER =
  'code,level,name_ky,name_ru,name_en,parent_code,lat,lon,valid_from,valid_to,successor_code,source';
const BODY_HEADER =
  'code,kind,institution_type,name_ky,name_ru,name_en,territory_code,supervisor_code,emails,address,phone,website,contact_unknown,active_from,active_to';

const LEVELS = new Set(['oblast', 'city_republican', 'rayon', 'city', 'settlement', 'aiyl_aimak']);
const KINDS = new Set([
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
]);
const INSTITUTION_TYPES = new Set(['', 'ivs', 'sizo', 'colony', 'colony_settlement', 'psychiatric', 'childrens']);

type Row = Record<string, string>;

function readCsv(file: string): { header: string; rows: Row[]; text: string } {
  const text = readFileSync(file, 'utf8');
  const header = text.slice(0, text.indexOf('\n'));
  const rows = parse(text, { columns: true, skip_empty_lines: false }) as Row[];
  return { header, rows, text };
}

const territories = readCsv(territoriesFile);
const bodies = readCsv(bodiesFile);
const T = territories.rows;
const B = bodies.rows;

function countBy(rows: Row[], key: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r[key], (m.get(r[key]) ?? 0) + 1);
  return m;
}

test('header rows are exactly as specified', () => {
  assert.equal(territories.header, TERRITORY_HEADER);
  assert.equal(bodies.header, BODY_HEADER);
  assert.ok(territories.text.endsWith('\n') && !territories.text.includes('\r'));
  assert.ok(bodies.text.endsWith('\n') && !bodies.text.includes('\r'));
});

test('territory levels and counts', () => {
  const byLevel = countBy(T, 'level');
  for (const level of byLevel.keys()) assert.ok(LEVELS.has(level), `unknown level ${level}`);
  assert.equal(byLevel.get('oblast'), 7);
  assert.equal(byLevel.get('city_republican'), 2);
  assert.equal(byLevel.get('rayon'), 40);
  assert.equal(byLevel.get('city'), 27); // 13 of oblast significance + 14 of district significance
  assert.equal(byLevel.get('settlement'), 8);
  assert.equal(byLevel.get('aiyl_aimak'), 436);
  const capitals = T.filter((t) => t.level === 'city_republican').map((t) => t.code);
  assert.deepEqual(capitals, ['41711000000000', '41721000000000']);
});

test('territory codes are 14-digit SOATE codes, unique, parents listed first', () => {
  const seen = new Map<string, Row>();
  for (const t of T) {
    assert.match(t.code, /^417\d{11}$/, t.code);
    assert.ok(!seen.has(t.code), `duplicate ${t.code}`);
    if (t.level === 'oblast' || t.level === 'city_republican') {
      assert.equal(t.parent_code, '', `${t.code} should have no parent`);
    } else {
      const parent = seen.get(t.parent_code);
      assert.ok(parent, `${t.code}: parent ${t.parent_code} missing or listed after the child`);
      assert.equal(t.code.slice(0, 5), t.parent_code.slice(0, 5), `${t.code} not in its parent's oblast`);
    }
    if (t.level === 'rayon') assert.equal(seen.get(t.parent_code)?.level, 'oblast');
    if (t.level === 'aiyl_aimak') assert.equal(t.code.charAt(8), '8');
    if (t.level === 'settlement') assert.equal(t.code.charAt(8), '5');
    assert.match(t.lat, /^\d+(\.\d+)?$/);
    assert.match(t.lon, /^\d+(\.\d+)?$/);
    assert.equal(t.valid_from + t.valid_to + t.successor_code, '');
    assert.equal(t.source, 'open-admin-data 2026.06 (pre-reform, SOATE 2018)');
    assert.ok(t.name_ky && t.name_en, `${t.code}: names missing`);
    assert.ok(!/[\u04C9\u04CA]/.test(t.name_ky), `${t.code}: non-Kyrgyz en-with-tail`);
    seen.set(t.code, t);
  }
  // The two OCHA placeholders are not in the seed.
  assert.ok(!seen.has('41704220000903') && !seen.has('41708219000907'));
  // Russian names only where the data has them: levels 1 and 2, never level 3.
  for (const t of T) {
    const parentLevel = seen.get(t.parent_code)?.level;
    const level3 =
      t.level === 'aiyl_aimak' || t.level === 'settlement' || (t.level === 'city' && parentLevel !== 'oblast');
    if (level3) assert.equal(t.name_ru, '', `${t.code}: name_ru should be empty`);
    else assert.ok(t.name_ru, `${t.code}: name_ru expected`);
  }
  assert.equal(seen.get('41704220000000')?.name_en, 'At-Bashy');
  assert.equal(seen.get('41702205000000')?.name_ru, 'Ак-Суйский район');
  assert.equal(seen.get('41702410000010')?.name_ru, 'г. Каракол');
});

test('bodies: codes, kinds, territories', () => {
  const territoryCodes = new Set(T.map((t) => t.code));
  const codes = new Set<string>();
  for (const b of B) {
    assert.match(b.code, /^[a-z0-9][a-z0-9.-]*$/, b.code);
    assert.ok(!codes.has(b.code), `duplicate body ${b.code}`);
    codes.add(b.code);
    assert.ok(KINDS.has(b.kind), `${b.code}: kind ${b.kind}`);
    assert.ok(INSTITUTION_TYPES.has(b.institution_type), `${b.code}: institution_type ${b.institution_type}`);
    if (b.kind !== 'closed_institution') assert.equal(b.institution_type, '', `${b.code}: institution_type`);
    assert.ok(territoryCodes.has(b.territory_code), `${b.code}: territory ${b.territory_code}`);
    assert.ok(b.name_ky || b.name_ru || b.name_en, `${b.code}: no name`);
    assert.ok(b.name_en, `${b.code}: no English name`);
    // No contact is known with certainty: all contact fields empty and flagged unknown.
    assert.equal(b.emails + b.address + b.phone + b.website, '', `${b.code}: contact data`);
    assert.equal(b.contact_unknown, '1');
    assert.equal(b.active_from + b.active_to, '');
  }
  const byKind = countBy(B, 'kind');
  assert.equal(byKind.get('cabinet'), 1);
  assert.equal(byKind.get('plenipotentiary_office'), 7);
  assert.equal(byKind.get('rayon_administration'), 40);
  assert.equal(byKind.get('city_hall'), 2 + 13 + 14);
  assert.equal(byKind.get('prosecutor'), 1 + 7 + 2 + 40);
  assert.ok((byKind.get('ministry') ?? 0) >= 12);
  for (const code of [
    'cabinet',
    'mvd',
    'minjust',
    'gp',
    'supreme-court',
    'constitutional-court',
    'ombudsman',
    'sin',
    'gknb',
  ]) {
    assert.ok(codes.has(code), `missing ${code}`);
  }
});

test('every aiyl aimak has exactly one aiyl okmotu on its territory', () => {
  const okmotus = B.filter((b) => b.kind === 'aiyl_okmotu');
  const perTerritory = countBy(okmotus, 'territory_code');
  const aimaks = T.filter((t) => t.level === 'aiyl_aimak');
  for (const a of aimaks) assert.equal(perTerritory.get(a.code), 1, `aiyl aimak ${a.code}`);
  assert.equal(okmotus.length, aimaks.length);
  const aimakCodes = new Set(aimaks.map((a) => a.code));
  for (const o of okmotus) assert.ok(aimakCodes.has(o.territory_code), `${o.code} not on an aiyl aimak`);
});

test('supervisors exist, escalation chains end at the expected roots, no cycles', () => {
  const byCode = new Map(B.map((b) => [b.code, b]));
  for (const b of B) {
    if (b.supervisor_code) assert.ok(byCode.has(b.supervisor_code), `${b.code}: supervisor ${b.supervisor_code}`);
  }
  const roots = B.filter((b) => b.supervisor_code === '')
    .map((b) => b.code)
    .sort();
  assert.deepEqual(roots, ['cabinet', 'constitutional-court', 'gp', 'ombudsman', 'supreme-court']);
  for (const b of B) {
    const visited = new Set<string>();
    let cur: Row | undefined = b;
    while (cur && cur.supervisor_code) {
      assert.ok(!visited.has(cur.code), `cycle through ${cur.code}`);
      visited.add(cur.code);
      cur = byCode.get(cur.supervisor_code);
    }
  }
  // Spot checks of the chain.
  const sup = (code: string): string | undefined => byCode.get(code)?.supervisor_code;
  assert.equal(sup('aiyl-okmotu.41702205805000'), 'admin.41702205000000');
  assert.equal(sup('admin.41702205000000'), 'plenipotentiary.41702000000000');
  assert.equal(sup('plenipotentiary.41702000000000'), 'cabinet');
  assert.equal(sup('prosecutor.41702205000000'), 'prosecutor.41702000000000');
  assert.equal(sup('prosecutor.41702000000000'), 'gp');
  assert.equal(sup('prosecutor.41711000000000'), 'gp');
  assert.equal(sup('city-hall.41711000000000'), 'cabinet');
  assert.equal(sup('city-hall.41702410000010'), 'plenipotentiary.41702000000000');
  assert.equal(sup('city-hall.41702215600010'), 'admin.41702215000000');
  assert.equal(sup('sin'), 'minjust');
});

test('no e-mail address anywhere in the seed', () => {
  const email = /[^\s@,"]+@[^\s@,"]+\.[a-z]{2,}/i;
  assert.ok(!email.test(territories.text), 'territories.csv contains an e-mail');
  assert.ok(!email.test(bodies.text), 'bodies.csv contains an e-mail');
  assert.ok(!bodies.text.includes('@') && !territories.text.includes('@'));
});

test('the script reproduces the committed files byte for byte', (t) => {
  if (!existsSync(path.join(inputDir, 'kg-divisions', 'all-settlement.json'))) {
    t.skip(`reference data not found at ${inputDir} (set ACHYK_REFERENCE_DATA)`);
    return;
  }
  const out = mkdtempSync(path.join(tmpdir(), 'achyk-seed-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'scripts', 'build-directory-seed.ts'), inputDir, out],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, `script failed: ${run.stderr}`);
    for (const rel of [
      'directory/territories.csv',
      'directory/bodies.csv',
      'boundaries/oblasts.geojson',
      'boundaries/rayons.geojson',
    ]) {
      const expected = readFileSync(path.join(refDir, rel));
      const actual = readFileSync(path.join(out, rel));
      assert.ok(expected.equals(actual), `${rel} differs from a fresh build`);
    }
    for (const f of ['oblasts.geojson', 'rayons.geojson']) {
      assert.ok(
        readFileSync(path.join(inputDir, 'kg-boundaries', f)).equals(readFileSync(path.join(refDir, 'boundaries', f))),
        `${f} is not a byte copy`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
