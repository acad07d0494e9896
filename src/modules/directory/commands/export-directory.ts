/** `achyk export bodies|territories` and the admin download: the whole directory as CSV. */
import type { Executor } from '../../../platform/db/database.js';
import { writeCsv, type DirectoryFile } from '../csv.js';
import { loadBodyRecords, loadTerritoryRecords, toCells } from '../records.js';

/** Every record of the file's kind, in id order (for the seed, the order of the shipped files). */
export async function exportDirectory(db: Executor, file: DirectoryFile): Promise<{ csv: string; rows: number }> {
  const stored = file === 'territories' ? await loadTerritoryRecords(db) : await loadBodyRecords(db);
  return {
    csv: writeCsv(
      file,
      stored.map((s) => toCells(s.record)),
    ),
    rows: stored.length,
  };
}
