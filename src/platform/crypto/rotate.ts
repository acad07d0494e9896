/**
 * Key rotation: a new key is added to the key file and made active first (old keys stay, so every
 * value stays readable even if the process stops half-way), then every registered encrypted column
 * is re-encrypted under the new key, in batches, each batch in its own transaction.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { encryptedColumns, createFieldCipher } from './field-encryption.js';
import { addActiveKey, loadOrCreateKeyFile, writeKeyFile } from './key-file.js';

export async function rotateKeys(p: { db: Db; keyFile: string }): Promise<{ newKeyId: string; reencrypted: number }> {
  const { keys } = loadOrCreateKeyFile(p.keyFile);
  const next = addActiveKey(keys);
  writeKeyFile(p.keyFile, next);
  const cipher = createFieldCipher(next);
  let reencrypted = 0;
  for (const col of encryptedColumns) {
    for (;;) {
      // Raw identifiers come from the registry in code, never from input.
      const rows = await sql<{
        k: number | string;
        v: string;
      }>`select ${sql.ref(col.key)} as k, ${sql.ref(col.column)} as v from ${sql.table(col.table)}
        where ${sql.ref(col.column)} is not null and ${sql.ref(col.column)} not like ${`enc1:${next.active}:%`} limit 500`.execute(
        p.db,
      );
      if (rows.rows.length === 0) break;
      await p.db.transaction().execute(async (trx) => {
        for (const r of rows.rows) {
          const value = cipher.encrypt(cipher.decrypt(r.v, col.context), col.context);
          await sql`update ${sql.table(col.table)} set ${sql.ref(col.column)} = ${value} where ${sql.ref(col.key)} = ${r.k}`.execute(
            trx,
          );
          reencrypted++;
        }
      });
    }
  }
  return { newKeyId: next.active, reencrypted };
}
