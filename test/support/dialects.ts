/**
 * One test suite looped over every dialect (as Kysely's own tests do): SQLite in memory, and a fresh
 * database on the PostgreSQL server that scripts/run-tests.ts started (ACHYK_TEST_PG_URL).
 */
import crypto from 'node:crypto';
import { describe } from 'node:test';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config.js';
import { openDatabase, type Connection, type Dialect } from '../../src/platform/db/connect.js';
import { migrations } from '../../src/bootstrap.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export function pgAvailable(): boolean {
  return !!process.env.ACHYK_TEST_PG_URL;
}

/** Creates an empty PostgreSQL database on the test server and returns its URL. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.ACHYK_TEST_PG_URL!;
  const name = `achyk_t_${crypto.randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestDatabase {
  conn: Connection;
  config: DatabaseConfig;
  close(): Promise<void>;
}

/** A fresh, migrated database of the dialect (SQLite file when `file` is given, else in memory). */
export async function openTestDatabase(
  dialect: Dialect,
  opts: { file?: string; migrate?: boolean } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const config: DatabaseConfig = { dialect: 'sqlite', file: opts.file ?? ':memory:' };
    const conn = openDatabase(config);
    if (opts.migrate ?? true) await migrateToLatest(conn.db, migrations);
    return { conn, config, close: () => conn.close() };
  }
  const created = await createPgDatabase();
  const config: DatabaseConfig = { dialect: 'postgres', url: created.url };
  const conn = openDatabase(config);
  if (opts.migrate ?? true) await migrateToLatest(conn.db, migrations);
  return {
    conn,
    config,
    async close() {
      await conn.close();
      await created.drop();
    },
  };
}

/** Runs the suite once per dialect; PostgreSQL is skipped (visibly) when no server is available. */
export function forEachDialect(name: string, fn: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    if (dialect === 'postgres' && !pgAvailable()) {
      describe.skip(`${name} [postgres: no server; run through npm test]`, () => {});
      continue;
    }
    describe(`${name} [${dialect}]`, () => fn(dialect));
  }
}
