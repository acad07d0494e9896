/**
 * Opens the database named by the configuration. SQLite: WAL journal, foreign keys on,
 * synchronous=FULL so that an acknowledged write survives a power cut (durability over speed,
 * PRODUCT.md "nothing lost"). PostgreSQL: a pool whose integer and numeric types come back as numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DatabaseConfig } from '../../config.js';
import type { Database } from './database.js';

// COUNT(*) and SUM() return int8/numeric: parse them as numbers (our counts stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type Dialect = 'sqlite' | 'postgres';

export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
  /** the raw SQLite handle (for integrity checks and backups); null on PostgreSQL */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

export function openDatabase(config: DatabaseConfig): Connection {
  if (config.dialect === 'sqlite') {
    if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
    const handle = new SQLite(config.file);
    handle.pragma('journal_mode = WAL');
    handle.pragma('foreign_keys = ON');
    handle.pragma('synchronous = FULL');
    handle.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten with zeros, not left in free pages: an expired or deleted
    // anonymous report (and its wrapped file keys) cannot be recovered from the file afterwards.
    handle.pragma('secure_delete = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) });
    return { db, dialect: 'sqlite', sqlite: handle, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  // An idle client error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // A client checked out of the pool has no error listener of the pool's: PostgreSQL going away
  // between two queries of a transaction would emit an unhandled 'error' and kill the server. The
  // query in flight fails by itself, and the pool drops a broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
}

/** Prepared statements kept per SQLite database (least recently used dropped first). */
const STATEMENT_CACHE = 200;

/**
 * Kysely's SQLite driver prepares every query anew; compiling the SQL is a large part of a small
 * query's cost, and a 500-row INSERT of the bulk import takes milliseconds to prepare
 * (docs/performance.md). The same SQL text is reused from here instead. Safe because the driver
 * runs one query at a time (its connection mutex) and `all`/`run` finish synchronously; `iterate`
 * (a stream, which may be interleaved with other queries of the same transaction) gets its own
 * statement. SQLite recompiles a kept statement by itself after a schema change.
 */
function withStatementCache(handle: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => handle.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) cache.delete(sql);
      else stmt = handle.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
      const kept = stmt;
      return {
        reader: kept.reader,
        all: (parameters: readonly unknown[]) => kept.all(parameters),
        run: (parameters: readonly unknown[]) => kept.run(parameters),
        iterate: (parameters: readonly unknown[]) => handle.prepare(sql).iterate(parameters),
      };
    },
  };
}

/** Current time as the ISO text the schema stores. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
