/**
 * Addresses and tokens of subscriptions.
 * - The address is normalised (trimmed, lower-cased) and found by an HMAC under the key file's
 *   secret, so the table holds no plaintext address and a stolen table alone cannot be matched
 *   against a list of addresses.
 * - The confirmation token is random (256 bits), mailed once, stored as SHA-256.
 * - The unsubscribe token must appear in every letter, so it cannot be a random value stored only
 *   hashed; it is `<id>.<HMAC(id, salt)>`: the table keeps only the random salt, and without the
 *   HMAC secret (kept outside the database) nobody can make a token from it.
 */
import crypto from 'node:crypto';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import { parseRecordId, RECORD_ID_DIGITS } from '../../platform/http/validation.js';

export const EMAIL_CONTEXT = 'subscription.email';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export const emailHash = (cipher: Pick<FieldCipher, 'hmac'>, email: string): string =>
  cipher.hmac(`subscription.email:${normaliseEmail(email)}`);

export const sha256 = (v: string): string => crypto.createHash('sha256').update(v).digest('base64url');

export const randomToken = (): string => crypto.randomBytes(32).toString('base64url');

export function unsubscribeToken(cipher: Pick<FieldCipher, 'hmac'>, id: number, salt: string): string {
  return `${id}.${cipher.hmac(`subscription.unsubscribe:${id}:${salt}`)}`;
}

const UNSUBSCRIBE_TOKEN = new RegExp(`^(${RECORD_ID_DIGITS})\\.[\\w-]{43}$`);

/** The subscription id a well-formed unsubscribe token names (to be checked with `checkUnsubscribeToken`). */
export function tokenSubscriptionId(token: unknown): number | null {
  if (typeof token !== 'string') return null;
  const m = UNSUBSCRIBE_TOKEN.exec(token);
  return m ? parseRecordId(m[1]) : null;
}

export function checkUnsubscribeToken(
  cipher: Pick<FieldCipher, 'hmac'>,
  token: string,
  id: number,
  salt: string,
): boolean {
  const expected = Buffer.from(unsubscribeToken(cipher, id, salt));
  const given = Buffer.from(token);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
