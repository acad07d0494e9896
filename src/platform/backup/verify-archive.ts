/**
 * `verifyArchive`: reads a whole archive and checks everything (see read-archive.ts) without touching
 * any database. `achyk restore` runs it before it writes anything; operators can run it on their
 * backups at any time (`achyk backup --verify FILE`).
 */
import { ENVELOPE_KEY_ID, type HeaderLine } from './archive-format.js';
import { readArchive } from './read-archive.js';

export interface ArchiveSummary {
  header: HeaderLine;
  tables: { name: string; columns: string[]; primaryKey: string[]; rows: number; sha256: string }[];
  totalRows: number;
  /** ids of the encryption keys the archive's encrypted values were made with (they must be in the key file) */
  keyIds: string[];
}

export interface VerifyProgress {
  phase: 'verify';
  done: number;
  total: number;
}

/** Checks the archive end to end; throws ArchiveError naming the first problem. */
export async function verifyArchive(file: string, onProgress?: (p: VerifyProgress) => void): Promise<ArchiveSummary> {
  let header: HeaderLine | null = null;
  const tables: ArchiveSummary['tables'] = [];
  const keyIds = new Set<string>();
  let done = 0;
  for await (const ev of readArchive(file)) {
    if (ev.kind === 'header') {
      header = ev.header;
      onProgress?.({ phase: 'verify', done: 0, total: header.totalRows });
    } else if (ev.kind === 'rows') {
      for (const row of ev.rows) {
        for (const v of row) {
          if (typeof v === 'string' && v.startsWith('enc1:')) {
            const m = ENVELOPE_KEY_ID.exec(v);
            if (m) keyIds.add(m[1]!);
          }
        }
      }
      done += ev.rows.length;
      onProgress?.({ phase: 'verify', done, total: header!.totalRows });
    } else if (ev.kind === 'table-end') {
      tables.push({
        name: ev.table.name,
        columns: ev.table.columns,
        primaryKey: ev.table.primaryKey,
        rows: ev.end.rows,
        sha256: ev.end.sha256,
      });
    }
  }
  // readArchive throws unless it saw the header and the trailer.
  return { header: header!, tables, totalRows: header!.totalRows, keyIds: [...keyIds].sort() };
}
