/** Shared set-up of the directory tests: a test app whose database holds the shipped directory. */
import fs from 'node:fs';
import path from 'node:path';
import type { Dialect } from '../../src/platform/db/connect.js';
import { REFERENCE_DIR } from '../../src/modules/directory/boundaries.js';
import { seedDirectory } from '../../src/modules/directory/seed.js';
import { BODY_COLUMNS, TERRITORY_COLUMNS, type DirectoryFile } from '../../src/modules/directory/csv.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

export async function buildSeededApp(dialect: Dialect): Promise<TestApp> {
  const t = await buildTestApp(dialect);
  await t.db.conn.db.transaction().execute((trx) => seedDirectory(trx, t.clock.now));
  return t;
}

export function shippedCsv(file: 'territories' | 'bodies'): string {
  return fs.readFileSync(path.join(REFERENCE_DIR, 'directory', `${file}.csv`), 'utf8');
}

/** A CSV file from partial rows (missing cells empty). */
export function csvOf(file: DirectoryFile, rows: Array<Record<string, string>>): string {
  const columns = file === 'bodies' ? BODY_COLUMNS : TERRITORY_COLUMNS;
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? '')).join(','))].join('\n') + '\n';
}
