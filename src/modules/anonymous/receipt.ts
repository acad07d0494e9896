/**
 * Receipt codes: 16 random characters of Crockford's base32 (80 bits), shown once as
 * `7KQ2-M9XD-4TZ8-PV1C` for reading aloud and writing down. Typing is forgiven: case, spaces and
 * dashes are ignored, O reads as 0 and I or L as 1 (the alphabet has no I, L, O or U).
 *
 * How a receipt is stored, and why in two parts:
 * - `receipt_hash` is scrypt over the whole code with a random salt (platform/auth/password-hash.ts,
 *   the same cost as passwords). This is what proves the code; alone it would force a lookup to try
 *   every report's hash in turn, which is slow and grows with the inbox.
 * - `lookup_id` is an HMAC (key in the key file, not in the database) of the first
 *   LOOKUP_CHARS characters only. It narrows a lookup to the one or two reports whose code starts
 *   the same way; scrypt then decides. Keyed, so a stolen database alone cannot even test guesses of
 *   the prefix; and a prefix of 30 bits leaves 50 bits that only the slow hash protects, which is
 *   still far beyond brute force (2^50 scrypt evaluations at ~0.1 s each).
 * The code itself is never written anywhere: not to the database, not to logs.
 * If the key file's HMAC secret were ever replaced, existing receipts could no longer be found.
 */
import crypto from 'node:crypto';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_CHARS = 16;
export const LOOKUP_CHARS = 6;

/** A new receipt, 80 random bits, in its canonical form (16 characters, no dashes). */
export function newReceipt(): string {
  const bytes = crypto.randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = RECEIPT_CHARS - 1; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

/** `7KQ2M9XD4TZ8PV1C` → `7KQ2-M9XD-4TZ8-PV1C` */
export function formatReceipt(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/** The canonical form of what a person typed, or null when it cannot be a receipt. */
export function normalizeReceipt(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== RECEIPT_CHARS) return null;
  for (const ch of s) if (!ALPHABET.includes(ch)) return null;
  return s;
}

export function receiptPrefix(code: string): string {
  return code.slice(0, LOOKUP_CHARS);
}

/** The keyed lookup id stored beside the slow hash (see the comment at the top). */
export function lookupId(cipher: FieldCipher, code: string): string {
  return cipher.hmac(`anonymous.receipt:${receiptPrefix(code)}`).slice(0, 22);
}
