/**
 * Per-table content digests of row sets, computed exactly as `databaseDigest` does
 * (src/platform/backup/table-digest.ts: each row as name-sorted JSON of archive values, SHA-256, the
 * first 128 bits summed mod 2^128), so a test can build the rows a table held at a past moment and
 * compare their digest with a restored table's.
 */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { encodeValue, type ArchiveValue } from '../../../src/platform/backup/archive-format.js';
import type { TableDigest } from '../../../src/platform/backup/table-digest.js';

const MOD = 1n << 128n;

export type Row = Record<string, unknown>;

export function rowsDigest(table: string, rows: Row[]): TableDigest {
  let sum = 0n;
  for (const row of rows) {
    const named = Object.fromEntries(
      Object.keys(row)
        .sort()
        .map((c): [string, ArchiveValue] => [c, encodeValue(row[c], `${table}.${c}`)]),
    );
    const h = crypto.createHash('sha256').update(JSON.stringify(named)).digest();
    sum = (sum + BigInt('0x' + h.subarray(0, 16).toString('hex'))) % MOD;
  }
  return { rows: rows.length, digest: sum.toString(16) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function tableRows(db: Kysely<any>, table: string): Promise<Row[]> {
  const { rows } = await sql<Row>`select * from ${sql.table(table)}`.execute(db);
  return rows.map((r) => ({ ...r }));
}
