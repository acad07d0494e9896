/**
 * `restoreDatabase`: loads an archive into an empty database of either dialect. This is also how an
 * installation moves from SQLite to PostgreSQL: back up on SQLite, restore on PostgreSQL.
 *
 * Order of work, chosen so that a bad archive or a wrong target never leaves anything half-written:
 *  1. verify the whole archive (gzip, header, every row, every checksum, the trailer);
 *  2. check the archive's migrations are ones this code knows, and its tables match the schema they
 *     produce (asked of a scratch in-memory SQLite database migrated to the same level);
 *  3. check the target is empty: no applied migrations beyond the archive's, and no rows except those
 *     the migrations insert by themselves (e.g. the `audit_head` seed row), compared against the scratch
 *     database again;
 *  — nothing has been written up to here —
 *  4. migrate the target to the archive's level (not further: newer migrations may transform data, so
 *     they run after the load, on the restored rows, exactly as they would have on the old server);
 *  5. in one transaction: delete the migrations' own seed rows (the archive has the real ones), insert
 *     every table in load order, re-check every table's checksum and row count, check foreign keys,
 *     restore the auto-increment counters; any problem rolls all of it back;
 *  6. run the migrations newer than the archive.
 */
import { Migrator, sql, type Kysely, type Migration, type Transaction } from 'kysely';
import { openDatabase } from '../db/connect.js';
import {
  ArchiveError,
  RestoreRefusedError,
  decodeValue,
  type ArchiveValue,
  type DialectName,
  type TableLine,
} from './archive-format.js';
import { readArchive } from './read-archive.js';
import { appliedMigrations, countRows, listTables, postgresSequences, type TableInfo } from './schema-info.js';
import { verifyArchive, type ArchiveSummary, type VerifyProgress } from './verify-archive.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTrx = Transaction<any>;

export interface LoadProgress {
  phase: 'load';
  done: number;
  total: number;
}

export interface RestoreOptions {
  db: AnyDb;
  dialect: DialectName;
  file: string;
  onProgress?: (p: VerifyProgress | LoadProgress) => void;
  /**
   * Called when every check has passed, just before the first write; throw to stop there. The CLI
   * uses it to make sure the key file holds the keys the archive's encrypted values need.
   */
  beforeWrite?: (summary: ArchiveSummary) => void | Promise<void>;
  /** the migrations this code knows (the app's: `migrations` of src/bootstrap.ts; tests pass others) */
  migrations: Readonly<Record<string, Migration>>;
}

export interface RestoreResult {
  tables: { name: string; rows: number }[];
  totalRows: number;
  /** migrations newer than the archive, run on the restored data */
  migratedAfterLoad: string[];
}

/**
 * Restores `file` into the empty database `db`.
 *
 * @example
 * await restoreDatabase({ db: conn.db, dialect: conn.dialect, file: '/backups/achyk.backup.gz', migrations });
 */
export async function restoreDatabase(opts: RestoreOptions): Promise<RestoreResult> {
  const { db, dialect } = opts;
  const known = opts.migrations;
  const summary = await verifyArchive(opts.file, opts.onProgress);
  const level = checkArchiveMigrations(summary.header.migrations, known);

  const targetLevel = await appliedMigrations(db, dialect);
  const ahead = targetLevel.filter((m) => !level.includes(m));
  if (ahead.length > 0) {
    throw new RestoreRefusedError(
      `The target database already has migrations newer than the archive (${ahead.join(', ')}). ` +
        'Restore into a new, empty database: achyk restore creates the tables itself.',
    );
  }
  if (targetLevel.length === 0) {
    const tables = await listTables(db, dialect);
    if (tables.length > 0) {
      throw new RestoreRefusedError(
        `The target database is not empty: it has tables (${tables.map((t) => t.name).join(', ')}) but was not created by Achyk. Restore into a new, empty database.`,
      );
    }
  } else {
    await assertEmpty(db, dialect, await pristineState(known, targetLevel));
  }
  const pristine = await pristineState(known, level);
  checkTablesMatch(summary, pristine.tables);
  await opts.beforeWrite?.(summary);

  // From here on the target is written.
  if (level.length > targetLevel.length) await migrate(db, known, level[level.length - 1]!);
  await assertEmpty(db, dialect, pristine);
  const targetTables = await listTables(db, dialect);
  try {
    await loadArchive(opts, summary, targetTables);
  } catch (err) {
    // The load is one transaction: whatever failed, it rolled back and the target holds no data (only
    // the tables), so the restore can simply be run again, with this archive or another.
    const message = (err as Error).message;
    throw err instanceof ArchiveError
      ? err
      : new Error(`Loading the archive failed and was rolled back; the target holds no data: ${message}`, {
          cause: err,
        });
  }

  const migratedAfterLoad = Object.keys(known)
    .sort()
    .filter((m) => !level.includes(m));
  if (migratedAfterLoad.length > 0) await migrate(db, known, null);
  return {
    tables: summary.tables.map((t) => ({ name: t.name, rows: t.rows })),
    totalRows: summary.totalRows,
    migratedAfterLoad,
  };
}

/** The archive's migrations, checked: all known here, and the same leading run of them as this code has. */
function checkArchiveMigrations(archive: string[], known: Readonly<Record<string, Migration>>): string[] {
  const level = [...archive].sort();
  const names = Object.keys(known).sort();
  const unknown = level.filter((m) => !names.includes(m));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(
      `The archive was made by a newer or different version of Achyk: its database had migrations this version does not know (${unknown.join(', ')}). ` +
        'Install the version that made it (or a newer one), then restore.',
    );
  }
  if (level.some((m, i) => names[i] !== m)) {
    // Kysely applies migrations in name order, so the source must have run a leading run of ours.
    const between = names.filter((m) => !level.includes(m) && m < level[level.length - 1]!);
    throw new RestoreRefusedError(
      `This version of Achyk has migrations (${between.join(', ')}) that sort before the archive's last one but were never applied to its database, ` +
        'so the archive cannot be loaded at a matching schema. Restore it with the version that made it.',
    );
  }
  return level;
}

interface Pristine {
  level: string[];
  tables: TableInfo[];
  /** rows the migrations themselves insert, per table */
  counts: Map<string, number>;
}

/**
 * What the migrations alone produce at `level`, learnt from a scratch in-memory SQLite database:
 * its tables (to check the archive against) and the seed rows they insert (which do not make a
 * target "not empty"). SQLite stands in for both dialects because migrations are written once for both.
 */
async function pristineState(known: Readonly<Record<string, Migration>>, level: string[]): Promise<Pristine> {
  if (level.length === 0) return { level, tables: [], counts: new Map() };
  const scratch = openDatabase({ dialect: 'sqlite', file: ':memory:' });
  try {
    await migrate(scratch.db, known, level[level.length - 1]!);
    const tables = await listTables(scratch.db, 'sqlite');
    const counts = new Map<string, number>();
    for (const t of tables) counts.set(t.name, await countRows(scratch.db, t.name));
    return { level, tables, counts };
  } finally {
    await scratch.close();
  }
}

/** Migrates to `target` (a migration name) or, with null, to the latest. */
async function migrate(db: AnyDb, known: Readonly<Record<string, Migration>>, target: string | null): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => known } });
  const result = target === null ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (result.error) throw result.error;
}

/** Refuses a target holding any row the migrations did not put there themselves. */
async function assertEmpty(db: AnyDb, dialect: DialectName, pristine: Pristine): Promise<void> {
  const used: string[] = [];
  for (const t of await listTables(db, dialect)) {
    const n = await countRows(db, t.name);
    if (n !== (pristine.counts.get(t.name) ?? 0)) used.push(`${t.name}: ${n} row${n === 1 ? '' : 's'}`);
  }
  if (used.length > 0) {
    throw new RestoreRefusedError(
      `The target database is not empty (${used.join(', ')}). achyk restore only loads into a new, empty database, so that it never mixes ` +
        'two databases or overwrites data. Create a new database (PostgreSQL: createdb; SQLite: point DATABASE_URL or ACHYK_DATA_DIR at a new file) and try again.',
    );
  }
}

function checkTablesMatch(summary: ArchiveSummary, schema: TableInfo[]): void {
  const byName = new Map(schema.map((t) => [t.name, t]));
  for (const t of summary.tables) {
    const s = byName.get(t.name);
    if (!s)
      throw new RestoreRefusedError(
        `The archive has a table ${t.name} that its migrations do not create here; restore it with the version that made it.`,
      );
    const missing = t.columns.filter((c) => !s.columns.includes(c));
    if (missing.length > 0)
      throw new RestoreRefusedError(
        `The archive's table ${t.name} has columns (${missing.join(', ')}) that its migrations do not create here.`,
      );
  }
  const absent = schema.filter((s) => !summary.tables.some((t) => t.name === s.name));
  if (absent.length > 0)
    throw new ArchiveError(
      `The archive lacks tables its migrations create (${absent.map((t) => t.name).join(', ')}); it is incomplete.`,
    );
}

// Bound on bind parameters per INSERT: below SQLite's 32766 and PostgreSQL's 65535.
const MAX_PARAMS = 30_000;
const MAX_ROWS_PER_INSERT = 500;

async function loadArchive(opts: RestoreOptions, summary: ArchiveSummary, targetTables: TableInfo[]): Promise<void> {
  const { db, dialect } = opts;
  const load = async (trx: AnyTrx) => {
    // The migrations' own seed rows (audit_head …) give way to the archive's, children first.
    for (const t of [...targetTables].reverse()) {
      if ((await countRows(trx, t.name)) > 0) await sql`delete from ${sql.id(t.name)}`.execute(trx);
    }
    let done = 0;
    let batch: ArchiveValue[][] = [];
    let table: TableLine | null = null;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      await insertRows(trx, dialect, table, batch);
      done += batch.length;
      batch = [];
      opts.onProgress?.({ phase: 'load', done, total: summary.totalRows });
    };
    opts.onProgress?.({ phase: 'load', done: 0, total: summary.totalRows });
    // Read the archive again, with all its checks: if the file changed since it was verified, the
    // error comes before the commit and the transaction rolls back.
    for await (const ev of readArchive(opts.file)) {
      if (ev.kind === 'table') {
        table = ev.table;
      } else if (ev.kind === 'rows') {
        const perInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / ev.table.columns.length)));
        for (const row of ev.rows) {
          batch.push(row);
          if (batch.length >= perInsert) await flush();
        }
      } else if (ev.kind === 'table-end') {
        await flush();
        const n = await countRows(trx, ev.table.name);
        if (n !== ev.end.rows)
          throw new Error(`Table ${ev.table.name} has ${n} rows after loading, the archive ${ev.end.rows}`);
        await restoreSequences(trx, dialect, ev.table);
        table = null;
      }
    }
  };

  if (dialect === 'postgres') {
    await db.transaction().execute(async (trx) => {
      // Foreign keys declared DEFERRABLE (self-references, module guide) are checked at commit.
      await sql`set constraints all deferred`.execute(trx);
      await load(trx);
    });
    return;
  }
  // SQLite checks foreign keys row by row and cannot defer them all; turn them off for the load (only
  // possible outside a transaction, hence one pinned connection), then check every key before commit.
  await db.connection().execute(async (conn) => {
    const before = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(conn);
    await sql`pragma foreign_keys = off`.execute(conn);
    try {
      await conn.transaction().execute(async (trx) => {
        await load(trx);
        const broken = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(trx);
        if (broken.rows.length > 0) {
          const first = broken.rows[0]!;
          throw new ArchiveError(
            `The archive breaks ${broken.rows.length} foreign key(s), e.g. a row of ${first.table} points at a missing row of ${first.parent}; nothing was restored.`,
          );
        }
      });
    } finally {
      if (Number(before.rows[0]?.foreign_keys ?? 1) === 1) await sql`pragma foreign_keys = on`.execute(conn);
    }
  });
}

async function insertRows(trx: AnyTrx, dialect: DialectName, table: TableLine, rows: ArchiveValue[][]): Promise<void> {
  const cols = sql.join(table.columns.map((c) => sql.id(c)));
  const values = sql.join(rows.map((r) => sql`(${sql.join(r.map(decodeValue))})`));
  // PostgreSQL: ids come from the archive, also for GENERATED ALWAYS identity columns.
  const overriding = dialect === 'postgres' ? sql`overriding system value` : sql``;
  await sql`insert into ${sql.id(table.name)} (${cols}) ${overriding} values ${values}`.execute(trx);
}

/**
 * Sets the auto-increment counters to the archive's value or the largest id loaded, whichever is
 * higher, so new rows get fresh ids and deleted ids are not reused.
 */
async function restoreSequences(trx: AnyTrx, dialect: DialectName, table: TableLine): Promise<void> {
  if (dialect === 'sqlite') {
    // SQLite moves sqlite_sequence up by itself when explicit ids are inserted; only a counter above the
    // largest remaining id (newest rows deleted) needs writing. Only AUTOINCREMENT tables have a counter.
    const seq = table.sequences[0];
    if (!seq) return;
    const def = await sql<{
      sql: string;
    }>`select sql from sqlite_master where type = 'table' and name = ${table.name}`.execute(trx);
    if (!/autoincrement/i.test(def.rows[0]?.sql ?? '')) return;
    const updated =
      await sql`update sqlite_sequence set seq = ${seq.last} where name = ${table.name} and seq < ${seq.last}`.execute(
        trx,
      );
    if (Number(updated.numAffectedRows ?? 0) === 0) {
      const has = await sql<{
        n: number;
      }>`select count(*) as n from sqlite_sequence where name = ${table.name}`.execute(trx);
      if (Number(has.rows[0]?.n ?? 0) === 0)
        await sql`insert into sqlite_sequence (name, seq) values (${table.name}, ${seq.last})`.execute(trx);
    }
    return;
  }
  for (const { column, seq } of await postgresSequences(trx, table.name)) {
    const recorded = table.sequences.find((s) => s.column === column)?.last ?? 0;
    const max = await sql<{
      m: number | null;
    }>`select max(${sql.id(column)})::int8 as m from ${sql.id(table.name)}`.execute(trx);
    const last = Math.max(recorded, Number(max.rows[0]?.m ?? 0));
    if (last > 0) await sql`select setval(${seq}::regclass, ${last}, true)`.execute(trx);
    else await sql`select setval(${seq}::regclass, 1, false)`.execute(trx);
  }
}
