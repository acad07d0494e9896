/**
 * The per-appeal reply address `appeal-<id>-<8 hex>@MAIL_DOMAIN`. The 8 hex digits are the start of
 * an HMAC of the appeal id under the key file's secret, so a body's reply finds its appeal, and a
 * guessed or altered address (another id, a wrong signature) lands in the holding pen instead of on
 * someone else's timeline.
 */
import crypto from 'node:crypto';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import { RECORD_ID_DIGITS } from '../../platform/http/validation.js';

function signature(cipher: Pick<FieldCipher, 'hmac'>, appealId: number): string {
  return Buffer.from(cipher.hmac(`appeal-reply:${appealId}`), 'base64url')
    .toString('hex')
    .slice(0, 8);
}

export function replyAddress(cipher: Pick<FieldCipher, 'hmac'>, appealId: number, domain: string): string {
  return `appeal-${appealId}-${signature(cipher, appealId)}@${domain}`;
}

export type ReplyAddressCheck =
  { kind: 'ok'; appealId: number } | { kind: 'unknown_address' } | { kind: 'bad_signature'; appealId: number };

const REPLY_ADDRESS = new RegExp(`^appeal-(${RECORD_ID_DIGITS})-([0-9a-f]{8})@(.+)$`, 'i');

/** Checks a recipient address (case-insensitive, as mail systems may change case). */
export function checkReplyAddress(
  cipher: Pick<FieldCipher, 'hmac'>,
  address: string,
  domain: string,
): ReplyAddressCheck {
  const m = REPLY_ADDRESS.exec(address.trim());
  if (!m || m[3]!.toLowerCase() !== domain.toLowerCase()) return { kind: 'unknown_address' };
  const appealId = Number(m[1]);
  const expected = Buffer.from(signature(cipher, appealId));
  const given = Buffer.from(m[2]!.toLowerCase());
  return crypto.timingSafeEqual(expected, given) ? { kind: 'ok', appealId } : { kind: 'bad_signature', appealId };
}
