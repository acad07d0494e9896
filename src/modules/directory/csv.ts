/**
 * The CSV format of the directory (the import/export contract, documented in docs/directory.md):
 * UTF-8, comma-separated, one header row with exactly these column names (any order on import,
 * this order on export), "\n" line endings, RFC 4180 quoting. The shipped seed files under
 * reference/directory/ are in this format.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { MessageKey } from '../../platform/i18n/catalog.js';
import type { Params } from '../../platform/i18n/translate.js';

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

export type DirectoryFile = 'territories' | 'bodies';
export const COLUMNS: Record<DirectoryFile, readonly string[]> = {
  territories: TERRITORY_COLUMNS,
  bodies: BODY_COLUMNS,
};

/** At most this many data rows per file: the whole country has about 1,100 records. */
export const MAX_ROWS = 20_000;

/** One problem found in a file: where (row as the line number, header = 1; column name) and why. */
export interface ImportProblem {
  row: number;
  column: string;
  message: MessageKey;
  params?: Params;
}

export interface CsvRow {
  /** line number in the file (the header is line 1) */
  line: number;
  values: Record<string, string>;
}

export type CsvReadResult = { ok: true; rows: CsvRow[] } | { ok: false; problems: ImportProblem[] };

/**
 * Decodes the bytes as strict UTF-8. A file saved in another encoding (Windows-1251 from Excel is
 * the usual case) is refused, naming each line with broken characters, instead of importing mojibake.
 */
function decode(data: Buffer | string): { text: string } | { problems: ImportProblem[] } {
  if (typeof data === 'string') return { text: data };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data) };
  } catch {
    const loose = new TextDecoder('utf-8').decode(data);
    const problems: ImportProblem[] = [];
    loose.split('\n').forEach((line, i) => {
      if (line.includes('\uFFFD') && problems.length < 50)
        problems.push({ row: i + 1, column: '', message: 'directory.csv.encoding' });
    });
    return { problems: problems.length ? problems : [{ row: 1, column: '', message: 'directory.csv.encoding' }] };
  }
}

/** Reads a file of the given kind: checks encoding, CSV syntax, header and field counts. */
export function readCsv(file: DirectoryFile, data: Buffer | string): CsvReadResult {
  const decoded = decode(data);
  if ('problems' in decoded) return { ok: false, problems: decoded.problems };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(decoded.text, { info: true, bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (err) {
    const e = err as { code?: string; lines?: number };
    return {
      ok: false,
      problems: [
        {
          row: e.lines ?? 1,
          column: '',
          message: e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'directory.csv.quote' : 'directory.csv.syntax',
        },
      ],
    };
  }
  if (records.length === 0) return { ok: false, problems: [{ row: 1, column: '', message: 'directory.csv.empty' }] };
  const header = records[0]!.record.map((h) => h.trim());
  const expected = COLUMNS[file];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (!expected.includes(h))
      problems.push({
        row: 1,
        column: h,
        message: 'directory.csv.header_unknown',
        params: { column: h, expected: expected.join(',') },
      });
    else if (seen.has(h))
      problems.push({ row: 1, column: h, message: 'directory.csv.header_duplicate', params: { column: h } });
    seen.add(h);
  }
  for (const c of expected)
    if (!seen.has(c))
      problems.push({ row: 1, column: c, message: 'directory.csv.header_missing', params: { column: c } });
  if (problems.length) return { ok: false, problems };
  if (records.length - 1 > MAX_ROWS)
    return {
      ok: false,
      problems: [{ row: 1, column: '', message: 'directory.csv.too_many_rows', params: { max: MAX_ROWS } }],
    };

  const rows: CsvRow[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length) {
      problems.push({
        row: info.lines,
        column: '',
        message: 'directory.csv.field_count',
        params: { found: record.length, expected: header.length },
      });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => (values[h] = record[i]!.trim()));
    rows.push({ line: info.lines, values });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

/** Writes rows in the export format (header in the canonical order, "\n" line endings). */
export function writeCsv(file: DirectoryFile, rows: Array<Record<string, string>>): string {
  const columns = [...COLUMNS[file]];
  return stringify(rows, { header: true, columns, record_delimiter: '\n' });
}
