/**
 * `backupDatabase`: writes every table to one archive (format in archive-format.ts).
 *
 * Consistency: everything is read inside one read transaction, so rows written while the backup runs
 * are either wholly in it or wholly out (an audit entry never without its head, a child never without
 * its parent). SQLite: a deferred BEGIN on the connection takes a snapshot at its first read in WAL
 * mode, and writers on other connections go on undisturbed. (Writers sharing the same Kysely instance
 * wait: SQLite has one connection per handle; the CLI opens its own.) PostgreSQL: a REPEATABLE READ,
 * READ ONLY transaction sees one snapshot and takes no locks that block writers.
 *
 * Durability: the archive is written to `FILE.tmp`, fsynced, then renamed and the folder fsynced, so a
 * crash or a full disk never leaves a half archive under the final name.
 */
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Kysely, Transaction } from 'kysely';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  encodeValue,
  type DialectName,
  type HeaderLine,
  type TableEndLine,
  type TableLine,
  type TrailerLine,
} from './archive-format.js';
import { appliedMigrations, countRows, listTables, sequenceState } from './schema-info.js';
import { readTablePages } from './table-pages.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTrx = Transaction<any>;

export interface BackupProgress {
  phase: 'backup';
  done: number;
  total: number;
}

export interface BackupOptions {
  db: AnyDb;
  dialect: DialectName;
  /** the archive to write; refused if it exists unless `overwrite` */
  file: string;
  overwrite?: boolean;
  onProgress?: (p: BackupProgress) => void;
  /** the header's creation time (tests pass a fixed one) */
  now?: Date;
}

export interface BackupResult {
  file: string;
  tables: { name: string; rows: number }[];
  totalRows: number;
  bytes: number;
}

/**
 * Backs up every table to `file`.
 *
 * @example
 * const { totalRows } = await backupDatabase({ db: conn.db, dialect: conn.dialect, file: '/backups/achyk.backup.gz' });
 */
export async function backupDatabase(opts: BackupOptions): Promise<BackupResult> {
  const file = path.resolve(opts.file);
  if (!opts.overwrite && fs.existsSync(file))
    throw new Error(`${file} already exists; choose another name (or pass --force to replace it)`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  // 0600: the archive holds personal data (names, e-mail addresses) even though confidential fields stay encrypted.
  const out = fs.createWriteStream(tmp, { mode: 0o600 });
  const gzip = zlib.createGzip({ level: 6 });
  const written = pipeline(gzip, out);
  // A failing disk surfaces as a rejected `written`; keep it from being reported as unhandled before we await it.
  written.catch(() => {});

  const whole = crypto.createHash('sha256');
  const write = async (text: string): Promise<void> => {
    whole.update(text);
    if (!gzip.write(text)) await once(gzip, 'drain');
  };

  try {
    const summary = await inSnapshot(opts.db, opts.dialect, async (trx) => {
      const migrations = await appliedMigrations(trx, opts.dialect);
      if (migrations.length === 0)
        throw new Error('The database has no applied migrations: it is not an Achyk database (or it is empty)');
      const tables = await listTables(trx, opts.dialect);
      const counts: { name: string; rows: number }[] = [];
      for (const t of tables) counts.push({ name: t.name, rows: await countRows(trx, t.name) });
      const total = counts.reduce((s, c) => s + c.rows, 0);
      const header: HeaderLine = {
        type: 'header',
        format: ARCHIVE_FORMAT,
        version: ARCHIVE_VERSION,
        createdAt: (opts.now ?? new Date()).toISOString(),
        dialect: opts.dialect,
        migrations,
        tables: counts,
        totalRows: total,
      };
      await write(JSON.stringify(header) + '\n');
      opts.onProgress?.({ phase: 'backup', done: 0, total });
      let done = 0;
      for (const t of tables) {
        const tableLine: TableLine = {
          type: 'table',
          name: t.name,
          columns: t.columns,
          primaryKey: t.primaryKey,
          sequences: await sequenceState(trx, opts.dialect, t),
        };
        await write(JSON.stringify(tableLine) + '\n');
        const hash = crypto.createHash('sha256');
        let rows = 0;
        for await (const page of readTablePages(trx, t)) {
          let chunk = '';
          for (const row of page)
            chunk += JSON.stringify(row.map((v, i) => encodeValue(v, `${t.name}.${t.columns[i]}`))) + '\n';
          hash.update(chunk);
          await write(chunk);
          rows += page.length;
          done += page.length;
          opts.onProgress?.({ phase: 'backup', done, total });
        }
        const expected = counts.find((c) => c.name === t.name)!.rows;
        // Inside one snapshot the count cannot change; a difference means the snapshot did not hold.
        if (rows !== expected)
          throw new Error(`Table ${t.name} changed during the backup (${expected} rows counted, ${rows} read)`);
        const end: TableEndLine = { type: 'table-end', name: t.name, rows, sha256: hash.digest('hex') };
        await write(JSON.stringify(end) + '\n');
      }
      return { counts, total };
    });
    const trailer: TrailerLine = {
      type: 'trailer',
      tables: summary.counts.length,
      rows: summary.total,
      sha256: whole.copy().digest('hex'),
    };
    gzip.end(JSON.stringify(trailer) + '\n');
    await written;
    await fsyncFile(tmp);
    fs.renameSync(tmp, file);
    await fsyncFile(path.dirname(file));
    return { file, tables: summary.counts, totalRows: summary.total, bytes: fs.statSync(file).size };
  } catch (err) {
    gzip.destroy();
    await written.catch(() => {});
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

async function inSnapshot<T>(db: AnyDb, dialect: DialectName, fn: (trx: AnyTrx) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') {
    return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn);
  }
  // SQLite: Kysely's BEGIN is DEFERRED; the snapshot starts with the first read and lasts to COMMIT.
  return db.transaction().execute(fn);
}

async function fsyncFile(p: string): Promise<void> {
  const fh = await fs.promises.open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
