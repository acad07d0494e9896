/**
 * Checks rows of the directory (from a CSV file or an admin form) before anything is written:
 * every cell, then the references between rows and to the records already stored (parent,
 * successor, territory, supervisor), then cycles. Every problem names its row and column, so an
 * administrator can fix a whole file in one pass.
 */
import { isEmail } from '../../../platform/http/validation.js';
import { isIsoDate } from '../../calendar/index.js';
import type { CsvRow, ImportProblem } from '../csv.js';
import type { BodyRecord, TerritoryRecord } from '../records.js';
import {
  BODY_KINDS,
  INSTITUTION_TYPES,
  TERRITORY_LEVELS,
  type BodyKind,
  type InstitutionType,
  type TerritoryLevel,
} from '../tables.js';

export const TERRITORY_CODE = /^\d{14}$/;
export const BODY_CODE = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const PHONE = /^(?=.*\d)[0-9+() ,;\-–]{3,100}$/;
const MAX_NAME = 300;
const MAX_TEXT = 500;

/** Which levels may contain a unit of each level (SOATE hierarchy). */
export const ALLOWED_PARENTS: Record<TerritoryLevel, readonly TerritoryLevel[]> = {
  oblast: [],
  city_republican: [],
  rayon: ['oblast', 'city_republican'],
  city: ['oblast', 'rayon', 'city_republican'],
  aiyl_aimak: ['rayon', 'city'],
  settlement: ['rayon', 'city', 'aiyl_aimak'],
};

class RowChecker {
  constructor(
    private readonly row: CsvRow,
    private readonly problems: ImportProblem[],
  ) {}

  add(column: string, message: ImportProblem['message'], params?: ImportProblem['params']): void {
    this.problems.push({ row: this.row.line, column, message, ...(params ? { params } : {}) });
  }

  text(column: string, max = MAX_TEXT): string | null {
    const v = this.row.values[column] ?? '';
    if (v === '') return null;
    if (v.length > max) this.add(column, 'directory.csv.too_long', { max });
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v)) this.add(column, 'directory.csv.control_chars');
    return v;
  }

  choice<T extends string>(column: string, allowed: readonly T[], required: boolean): T | null {
    const v = this.row.values[column] ?? '';
    if (v === '') {
      if (required) this.add(column, 'directory.csv.required');
      return null;
    }
    if (!(allowed as readonly string[]).includes(v)) {
      this.add(column, 'directory.csv.choice', { value: v, allowed: allowed.join(', ') });
      return null;
    }
    return v as T;
  }

  code(column: string, pattern: RegExp, message: ImportProblem['message'], required: boolean): string | null {
    const v = this.row.values[column] ?? '';
    if (v === '') {
      if (required) this.add(column, 'directory.csv.required');
      return null;
    }
    if (!pattern.test(v)) {
      this.add(column, message, { value: v });
      return null;
    }
    return v;
  }

  date(column: string): string | null {
    const v = this.row.values[column] ?? '';
    if (v === '') return null;
    if (!isIsoDate(v)) {
      this.add(column, 'directory.csv.date', { value: v });
      return null;
    }
    return v;
  }

  number(column: string, min: number, max: number): number | null {
    const v = this.row.values[column] ?? '';
    if (v === '') return null;
    const n = Number(v);
    if (!/^-?\d+(\.\d+)?$/.test(v) || n < min || n > max) {
      this.add(column, 'directory.csv.number', { value: v, min, max });
      return null;
    }
    return n;
  }

  names(): Pick<TerritoryRecord, 'name_ky' | 'name_ru' | 'name_en'> {
    const names = {
      name_ky: this.text('name_ky', MAX_NAME),
      name_ru: this.text('name_ru', MAX_NAME),
      name_en: this.text('name_en', MAX_NAME),
    };
    if (!names.name_ky && !names.name_ru && !names.name_en) this.add('name_ky', 'directory.csv.name_required');
    return names;
  }

  dateRange(fromColumn: string, toColumn: string): [string | null, string | null] {
    const from = this.date(fromColumn);
    const to = this.date(toColumn);
    if (from && to && to <= from) this.add(toColumn, 'directory.csv.date_order');
    return [from, to];
  }
}

/** Reports each row whose code appeared before, naming the first row. */
function checkDuplicates(rows: CsvRow[], problems: ImportProblem[]): void {
  const first = new Map<string, number>();
  for (const r of rows) {
    const code = r.values.code ?? '';
    if (!code) continue;
    const at = first.get(code);
    if (at !== undefined)
      problems.push({
        row: r.line,
        column: 'code',
        message: 'directory.csv.duplicate_code',
        params: { code, row: at },
      });
    else first.set(code, r.line);
  }
}

/**
 * Follows `next` from each start; returns for every code on a cycle the cycle as "a → b → a".
 * `next` is the merged graph: rows being written override the stored records.
 */
export function findCycles(starts: string[], next: (code: string) => string | null): Map<string, string> {
  const onCycle = new Map<string, string>();
  for (const start of starts) {
    const path: string[] = [start];
    const seen = new Set(path);
    let cur = next(start);
    while (cur !== null) {
      if (cur === start) {
        onCycle.set(start, [...path, start].join(' → '));
        break;
      }
      if (seen.has(cur)) break; // a cycle further up, reported from its own members
      seen.add(cur);
      path.push(cur);
      cur = next(cur);
    }
  }
  return onCycle;
}

export interface Validated<R> {
  records: Array<{ line: number; record: R }>;
  problems: ImportProblem[];
}

/** Validates territory rows against each other and the stored territories. */
export function validateTerritories(rows: CsvRow[], stored: Map<string, TerritoryRecord>): Validated<TerritoryRecord> {
  const problems: ImportProblem[] = [];
  checkDuplicates(rows, problems);
  const records: Array<{ line: number; record: TerritoryRecord }> = [];
  for (const row of rows) {
    const c = new RowChecker(row, problems);
    const code = c.code('code', TERRITORY_CODE, 'directory.csv.territory_code', true);
    const level = c.choice('level', TERRITORY_LEVELS, true);
    const names = c.names();
    const parent_code = c.code('parent_code', TERRITORY_CODE, 'directory.csv.territory_code', false);
    const lat = c.number('lat', -90, 90);
    const lon = c.number('lon', -180, 180);
    const [latRaw, lonRaw] = [row.values.lat ?? '', row.values.lon ?? ''];
    if ((latRaw === '') !== (lonRaw === '')) c.add(latRaw === '' ? 'lat' : 'lon', 'directory.csv.latlon_pair');
    const [valid_from, valid_to] = c.dateRange('valid_from', 'valid_to');
    const successor_code = c.code('successor_code', TERRITORY_CODE, 'directory.csv.territory_code', false);
    const source = c.text('source');
    if (code && level)
      records.push({
        line: row.line,
        record: { code, level, ...names, parent_code, lat, lon, valid_from, valid_to, successor_code, source },
      });
  }

  const inFile = new Map(records.map((r) => [r.record.code, r.record]));
  const lookup = (code: string) => inFile.get(code) ?? stored.get(code);
  for (const { line, record } of records) {
    const add = (column: string, message: ImportProblem['message'], params?: ImportProblem['params']) =>
      problems.push({ row: line, column, message, ...(params ? { params } : {}) });
    const allowed = ALLOWED_PARENTS[record.level];
    if (record.parent_code) {
      const parent = lookup(record.parent_code);
      if (record.parent_code === record.code) add('parent_code', 'directory.csv.self_reference');
      else if (!parent) add('parent_code', 'directory.csv.unknown_territory', { code: record.parent_code });
      else if (!allowed.includes(parent.level))
        add('parent_code', 'directory.csv.parent_level', {
          level: record.level,
          parent: parent.level,
          allowed: allowed.join(', ') || '—',
        });
    } else if (allowed.length > 0) add('parent_code', 'directory.csv.parent_required', { level: record.level });
    if (record.successor_code) {
      if (record.successor_code === record.code) add('successor_code', 'directory.csv.self_reference');
      else if (!lookup(record.successor_code))
        add('successor_code', 'directory.csv.unknown_territory', { code: record.successor_code });
      if (!record.valid_to) add('valid_to', 'directory.csv.successor_needs_end');
    }
  }
  const cycles = findCycles([...inFile.keys()], (code) => lookup(code)?.parent_code ?? null);
  for (const { line, record } of records) {
    const chain = cycles.get(record.code);
    if (chain)
      problems.push({ row: line, column: 'parent_code', message: 'directory.csv.parent_cycle', params: { chain } });
  }
  return { records, problems };
}

/** Validates body rows against each other, the stored bodies and the stored territories. */
export function validateBodies(
  rows: CsvRow[],
  stored: Map<string, BodyRecord>,
  territoryCodes: Set<string>,
): Validated<BodyRecord> {
  const problems: ImportProblem[] = [];
  checkDuplicates(rows, problems);
  const records: Array<{ line: number; record: BodyRecord }> = [];
  for (const row of rows) {
    const c = new RowChecker(row, problems);
    const code = c.code('code', BODY_CODE, 'directory.csv.body_code', true);
    const kind = c.choice<BodyKind>('kind', BODY_KINDS, true);
    const institution_type = c.choice<InstitutionType>('institution_type', INSTITUTION_TYPES, false);
    if (institution_type && kind && kind !== 'closed_institution')
      c.add('institution_type', 'directory.csv.institution_type_only');
    const names = c.names();
    const territory_code = c.code('territory_code', TERRITORY_CODE, 'directory.csv.territory_code', false);
    if (territory_code && !territoryCodes.has(territory_code))
      c.add('territory_code', 'directory.csv.unknown_territory', { code: territory_code });
    const supervisor_code = c.code('supervisor_code', BODY_CODE, 'directory.csv.body_code', false);
    const emails = parseEmails(
      row.values.emails ?? '',
      (bad) => c.add('emails', 'directory.csv.email', { value: bad }),
      () => c.add('emails', 'directory.csv.too_many_emails'),
    );
    const address = c.text('address');
    const phone = c.text('phone', 100);
    if (phone && !PHONE.test(phone)) c.add('phone', 'directory.csv.phone', { value: phone });
    const website = c.text('website', 300);
    if (website && !isWebsite(website)) c.add('website', 'directory.csv.website', { value: website });
    const flag = row.values.contact_unknown ?? '';
    if (!['', '0', '1'].includes(flag)) c.add('contact_unknown', 'directory.csv.flag', { value: flag });
    const [active_from, active_to] = c.dateRange('active_from', 'active_to');
    if (code && kind) {
      records.push({
        line: row.line,
        record: {
          code,
          kind,
          institution_type,
          ...names,
          territory_code,
          supervisor_code,
          emails,
          address,
          phone,
          website,
          contact_unknown: flag === '1' ? 1 : 0,
          active_from,
          active_to,
        },
      });
    }
  }

  const inFile = new Map(records.map((r) => [r.record.code, r.record]));
  const lookup = (code: string) => inFile.get(code) ?? stored.get(code);
  for (const { line, record } of records) {
    if (!record.supervisor_code) continue;
    if (record.supervisor_code === record.code)
      problems.push({ row: line, column: 'supervisor_code', message: 'directory.csv.self_reference' });
    else if (!lookup(record.supervisor_code))
      problems.push({
        row: line,
        column: 'supervisor_code',
        message: 'directory.csv.unknown_body',
        params: { code: record.supervisor_code },
      });
  }
  const cycles = findCycles([...inFile.keys()], (code) => lookup(code)?.supervisor_code ?? null);
  for (const { line, record } of records) {
    const chain = cycles.get(record.code);
    if (chain && record.supervisor_code !== record.code)
      problems.push({
        row: line,
        column: 'supervisor_code',
        message: 'directory.csv.supervision_cycle',
        params: { chain },
      });
  }
  return { records, problems };
}

/** Splits "a@x.kg; b@x.kg" (commas, semicolons or spaces) and checks each address. */
export function parseEmails(raw: string, onBad: (value: string) => void, onTooMany: () => void): string | null {
  const list = raw.split(/[;,\s]+/).filter(Boolean);
  if (list.length === 0) return null;
  if (list.length > 10) onTooMany();
  for (const e of list) if (!isEmail(e)) onBad(e);
  return list.join('; ');
}

function isWebsite(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Sorts problems by row, then column, for a readable report. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
}
