/**
 * A content fingerprint of every table, for checking that a restore reproduced the source exactly
 * (tests, and the reliability suite). Each row is encoded as in the archive and hashed; the row hashes
 * are added up (mod 2^128), so the fingerprint does not depend on row order, which differs between
 * dialects for text keys (collations), and needs no memory per row.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { encodeValue, type ArchiveValue, type DialectName } from './archive-format.js';
import { listTables } from './schema-info.js';
import { readTablePages } from './table-pages.js';

export interface TableDigest {
  rows: number;
  digest: string;
}

const MOD = 1n << 128n;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function databaseDigest(db: Kysely<any>, dialect: DialectName): Promise<Record<string, TableDigest>> {
  const out: Record<string, TableDigest> = {};
  for (const t of await listTables(db, dialect)) {
    let sum = 0n;
    let rows = 0;
    for await (const page of readTablePages(db, t)) {
      for (const row of page) {
        // Column names go into the hash too, so a column order difference between dialects does not matter.
        const named = Object.fromEntries(
          t.columns
            .map((c, i): [string, ArchiveValue] => [c, encodeValue(row[i], `${t.name}.${c}`)])
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        );
        const h = crypto.createHash('sha256').update(JSON.stringify(named)).digest();
        sum = (sum + BigInt('0x' + h.subarray(0, 16).toString('hex'))) % MOD;
        rows++;
      }
    }
    out[t.name] = { rows, digest: sum.toString(16) };
  }
  return out;
}
