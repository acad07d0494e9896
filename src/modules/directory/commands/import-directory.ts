/**
 * `achyk import bodies|territories FILE`, the admin upload and the seed all come here: read the
 * CSV, validate every row, and only when nothing is wrong write everything (all-or-nothing; the
 * caller owns the transaction). Upsert by code, so importing the same file twice changes nothing,
 * and an exported file imports back unchanged. Rows missing from the file are left alone.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { readCsv, type DirectoryFile, type ImportProblem } from '../csv.js';
import { diffRecords, loadBodyRecords, loadTerritoryRecords, type DirectoryRecord } from '../records.js';
import { sortProblems, validateBodies, validateTerritories } from './validate-records.js';
import { writeBodies, writeTerritories } from './write-records.js';

export interface ImportReport {
  file: DirectoryFile;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** empty when the file was accepted */
  problems: ImportProblem[];
  dryRun: boolean;
  /** true when rows were written (not a dry run, no problems) */
  written: boolean;
}

export interface ImportProps {
  trx: Executor;
  file: DirectoryFile;
  data: Buffer | string;
  actor: string;
  now: Date;
  /** validate and count, write nothing */
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Validates then writes one directory file; returns the report (problems by row and column). */
export async function importDirectory(p: ImportProps): Promise<ImportReport> {
  const dryRun = p.dryRun ?? false;
  const empty = { file: p.file, rows: 0, created: 0, updated: 0, unchanged: 0, dryRun, written: false };
  const read = readCsv(p.file, p.data);
  if (!read.ok) return { ...empty, problems: sortProblems(read.problems) };
  const rows = read.rows.length;

  const territories = await loadTerritoryRecords(p.trx);
  const opts = {
    actor: p.actor,
    now: p.now,
    actions: { create: 'import_create', update: 'import_update' },
    onProgress: p.onProgress,
  };
  let result;
  if (p.file === 'territories') {
    const v = validateTerritories(read.rows, new Map(territories.map((s) => [s.record.code, s.record])));
    if (v.problems.length) return { ...empty, rows, problems: sortProblems(v.problems) };
    if (dryRun)
      return {
        ...empty,
        rows,
        ...countChanges(
          v.records.map((r) => r.record),
          territories,
        ),
        problems: [],
      };
    result = await writeTerritories(
      p.trx,
      v.records.map((r) => r.record),
      territories,
      opts,
    );
  } else {
    const bodies = await loadBodyRecords(p.trx);
    const territoryIds = new Map(territories.map((s) => [s.record.code, s.id]));
    const v = validateBodies(
      read.rows,
      new Map(bodies.map((s) => [s.record.code, s.record])),
      new Set(territoryIds.keys()),
    );
    if (v.problems.length) return { ...empty, rows, problems: sortProblems(v.problems) };
    if (dryRun)
      return {
        ...empty,
        rows,
        ...countChanges(
          v.records.map((r) => r.record),
          bodies,
        ),
        problems: [],
      };
    result = await writeBodies(
      p.trx,
      v.records.map((r) => r.record),
      bodies,
      territoryIds,
      opts,
    );
  }
  const report = {
    file: p.file,
    rows,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    problems: [],
    dryRun,
    written: true,
  };
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'directory.import',
    objectType: p.file === 'territories' ? 'territory' : 'body',
    data: { rows, created: result.created, updated: result.updated, unchanged: result.unchanged },
    at: p.now,
  });
  return report;
}

function countChanges<R extends DirectoryRecord>(
  records: R[],
  stored: Array<{ record: R }>,
): { created: number; updated: number; unchanged: number } {
  const byCode = new Map(stored.map((s) => [s.record.code, s.record]));
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const r of records) {
    const old = byCode.get(r.code);
    if (!old) created++;
    else if (Object.keys(diffRecords(old, r)).length === 0) unchanged++;
    else updated++;
  }
  return { created, updated, unchanged };
}
