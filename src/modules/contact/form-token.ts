/**
 * A signed timestamp in the contact form: `<issued ms>.<HMAC>`. A person takes more than a few
 * seconds to write; a bot that posts at once, or posts without fetching the form, is caught. It is
 * a second signal beside the honeypot, not a secret: it only proves the server issued the form.
 */
import crypto from 'node:crypto';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';

/** Faster than this is not a person writing a message. */
export const MIN_FILL_MS = 3_000;
/** Older than this, the form is stale (the page asks to send again, with a new token). */
export const MAX_AGE_MS = 24 * 3600_000;

export function issueFormToken(cipher: Pick<FieldCipher, 'hmac'>, now: Date): string {
  const at = String(now.getTime());
  return `${at}.${cipher.hmac(`contact.form:${at}`)}`;
}

export type TokenCheck = 'ok' | 'bot' | 'stale';

/** 'bot': missing, forged or too fast; 'stale': genuine but too old; 'ok' otherwise. */
export function checkFormToken(cipher: Pick<FieldCipher, 'hmac'>, token: string | undefined, now: Date): TokenCheck {
  const m = /^(\d{13})\.([\w-]{43})$/.exec(token ?? '');
  if (!m) return 'bot';
  const expected = Buffer.from(cipher.hmac(`contact.form:${m[1]}`));
  const given = Buffer.from(m[2]!);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return 'bot';
  const age = now.getTime() - Number(m[1]);
  if (age < MIN_FILL_MS) return 'bot';
  if (age > MAX_AGE_MS) return 'stale';
  return 'ok';
}
