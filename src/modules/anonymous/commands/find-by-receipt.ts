/**
 * Finds the report a receipt belongs to: the keyed lookup id narrows the search to the few reports
 * whose receipt starts the same way, scrypt decides (receipt.ts explains the design). When no report
 * shares the prefix a dummy hash is checked all the same, so the answer takes as long either way and
 * does not tell whether a prefix exists.
 */
import { dummyHash, verifyPassword, type HashParams } from '../../../platform/auth/password-hash.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import { lookupId } from '../receipt.js';

/** The report id, or null. `code` must already be normalised (normalizeReceipt). */
export async function findByReceipt(
  db: Executor,
  cipher: FieldCipher,
  hash: HashParams,
  code: string,
): Promise<number | null> {
  const candidates = await db
    .selectFrom('anonymous_report')
    .select(['id', 'receipt_hash'])
    .where('lookup_id', '=', lookupId(cipher, code))
    .orderBy('id')
    .limit(20)
    .execute();
  if (candidates.length === 0) {
    await verifyPassword(code, await dummyHash(hash));
    return null;
  }
  for (const c of candidates) if (await verifyPassword(code, c.receipt_hash)) return c.id;
  return null;
}
