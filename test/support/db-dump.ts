/** Reads every row of every table: to compare database states, or to search it for planted secrets. */
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.js';

export type Dump = Record<string, Record<string, unknown>[]>;

/** Every table's rows, sorted by their JSON text so the order of the scan does not matter. */
export async function dumpDatabase(db: Db): Promise<Dump> {
  const tables = await db.introspection.getTables();
  const out: Dump = {};
  for (const table of tables.map((x) => x.name).sort()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out[table] = rows.map((r) => ({ ...r })).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return out;
}

/** The whole database as one string (for "is this secret anywhere in the database?"). */
export async function databaseText(db: Db): Promise<string> {
  return JSON.stringify(await dumpDatabase(db));
}
