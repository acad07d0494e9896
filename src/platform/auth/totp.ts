/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30-second step, one step of drift either way) through the
 * `otpauth` library. Each code is usable once: the caller stores the last accepted step and we refuse
 * any step at or before it (SECURITY.md).
 */
import * as OTPAuth from 'otpauth';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32; // 160 bits
}

function totp(secret: string, label = 'Achyk'): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'Achyk',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, account: string): string {
  return totp(secret, account).toString();
}

/** The code for a moment (tests use it to act as the user's phone). */
export function totpCode(secret: string, at: Date = new Date()): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

/**
 * Checks a code and returns the time step it matched, or null. A step at or before `lastStep`
 * is a replay and is refused.
 */
export function checkTotp(secret: string, code: string, lastStep: number | null, at: Date = new Date()): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp(secret).validate({ token: clean, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(at.getTime() / 30000) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
