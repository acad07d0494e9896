/**
 * Bench databases: opened like production (same pragmas, same migrations), marked with a
 * `bench.marker` setting so that the bench never mistakes a real database for its own. A non-empty
 * database without the marker is refused unless `--force`.
 */
import fs from 'node:fs';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Connection } from '../src/platform/db/connect.js';
import { migrations } from '../src/bootstrap.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { UsageError } from './args.js';

export const MARKER = 'bench.marker';

export interface Marker {
  appeals: number;
  seed: number;
  complete: boolean;
  generatedAt: string;
}

/** What is in the database: nothing, a bench database (with its marker), or someone's data. */
export async function inspect(
  conn: Connection,
): Promise<{ kind: 'empty' } | { kind: 'bench'; marker: Marker } | { kind: 'foreign'; what: string }> {
  const tables = await conn.db.introspection.getTables();
  if (!tables.some((t) => t.name === 'setting'))
    return tables.length
      ? { kind: 'foreign', what: `${tables.length} tables and no Achyk settings` }
      : { kind: 'empty' };
  const m = await conn.db.selectFrom('setting').select('value').where('key', '=', MARKER).executeTakeFirst();
  if (m) return { kind: 'bench', marker: JSON.parse(m.value) as Marker };
  const users = await conn.db
    .selectFrom('user')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const appeals = tables.some((t) => t.name === 'appeal')
    ? await conn.db
        .selectFrom('appeal')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
    : { n: 0 };
  if (Number(users.n) === 0 && Number(appeals.n) === 0) return { kind: 'empty' };
  return { kind: 'foreign', what: `${Number(users.n)} users and ${Number(appeals.n)} appeals` };
}

export type Target = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export function open(target: Target): Connection {
  return openDatabase(
    target.dialect === 'sqlite' ? { dialect: 'sqlite', file: target.file } : { dialect: 'postgres', url: target.url },
  );
}

/**
 * Opens the target for a fresh generation: refuses foreign data (unless forced), wipes an old bench
 * database, migrates. Returns the open connection.
 */
export async function openForGeneration(target: Target, force: boolean): Promise<Connection> {
  let conn = open(target);
  const state = await inspect(conn);
  if (state.kind === 'foreign' && !force)
    throw new UsageError(
      `refusing to write into a database that is not a bench database (it holds ${state.what}). Point the bench at an empty database, or pass --force if you really mean to add bench data to it.`,
    );
  if (state.kind === 'bench') {
    await conn.close();
    await wipe(target);
    conn = open(target);
  }
  await migrateToLatest(conn.db, migrations);
  return conn;
}

/** Removes a bench database (only ever called on one that carries the marker). */
async function wipe(target: Target): Promise<void> {
  if (target.dialect === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target.file + suffix, { force: true });
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query('drop schema public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

export async function writeMarker(conn: Connection, marker: Marker): Promise<void> {
  const at = new Date().toISOString();
  await conn.db.deleteFrom('setting').where('key', '=', MARKER).execute();
  await conn.db
    .insertInto('setting')
    .values({ key: MARKER, value: JSON.stringify(marker), updated_at: at })
    .execute();
}
