/**
 * Reads a table page by page in primary-key order (keyset pagination: `where pk > last order by pk
 * limit n`), so a table of millions of rows streams with bounded memory and each page is an index
 * range scan, not an ever-growing OFFSET.
 */
import { sql, type Kysely } from 'kysely';
import type { TableInfo } from './schema-info.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const PAGE_SIZE = 5000;

/** Yields pages of rows, each row the column values in `table.columns` order. */
export async function* readTablePages(db: AnyDb, table: TableInfo, pageSize = PAGE_SIZE): AsyncGenerator<unknown[][]> {
  if (table.primaryKey.length === 0) {
    // Every table has a primary key by the module guide; without one there is no stable order to page by.
    throw new Error(`Table ${table.name} has no primary key; backups page through tables by primary key`);
  }
  const cols = sql.join(table.columns.map((c) => sql.id(c)));
  const pk = table.primaryKey;
  const pkIndex = pk.map((k) => table.columns.indexOf(k));
  const order = sql.join(pk.map((k) => sql.id(k)));
  let last: unknown[] | null = null;
  for (;;) {
    let where = sql``;
    if (last) {
      // Row-value comparison (both dialects support it) keeps composite keys correct too.
      where =
        pk.length === 1
          ? sql`where ${sql.id(pk[0]!)} > ${last[0]}`
          : sql`where (${order}) > (${sql.join(last.map((v) => sql`${v}`))})`;
    }
    const result = await sql<
      Record<string, unknown>
    >`select ${cols} from ${sql.id(table.name)} ${where} order by ${order} limit ${pageSize}`.execute(db);
    if (result.rows.length === 0) return;
    const page = result.rows.map((r) => table.columns.map((c) => r[c]));
    yield page;
    if (result.rows.length < pageSize) return;
    const lastRow = page[page.length - 1]!;
    last = pkIndex.map((i) => lastRow[i]);
  }
}
