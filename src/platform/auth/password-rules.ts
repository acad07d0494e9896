/**
 * Password rules of SECURITY.md (NIST SP 800-63B): 12 to 128 characters of any Unicode, no
 * composition rules, no truncation; refused when on the shipped list of common passwords
 * (@zxcvbn-ts/language-common, ~49,000 passwords from breach corpora), when it is only a common
 * password or word followed by a run of digits ("password123456"), or a repeated or sequential run.
 */
import { createRequire } from 'node:module';
import type { FieldError } from '../errors.js';

// The list (~49,000 words) is read when a password is first checked, not at start: the server's
// memory budget (docs/performance.md, RSS). createRequire keeps the check synchronous.
let commonList: Set<string> | undefined;
function common(): Set<string> {
  if (!commonList) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as {
      dictionary: Record<string, string[]>;
    };
    commonList = new Set<string>(dictionary['passwords-common'] ?? []);
  }
  return commonList;
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

function isSequential(s: string): boolean {
  if (s.length < 4) return false;
  const codes = [...s].map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  if (Math.abs(step) > 1) return false;
  return codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}

/** True when the password is guessable although it is long enough. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (common().has(lower)) return true;
  if (isSequential(lower)) return true;
  // a common password with only digits or symbols around it: "password123456", "2024qwerty!"
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core !== lower && common().has(core)) return true;
  if (/^\d+$/.test(lower)) return true;
  if (new Set([...lower]).size <= 3) return true;
  return false;
}

/** Checks a new password; returns the field errors (empty when fine). */
export function checkNewPassword(password: string, field = 'password'): FieldError[] {
  const length = [...password].length; // code points, so an emoji counts once
  if (length < PASSWORD_MIN) return [{ field, message: 'validation.too_short', params: { min: PASSWORD_MIN } }];
  if (length > PASSWORD_MAX) return [{ field, message: 'validation.too_long', params: { max: PASSWORD_MAX } }];
  if (isCommonPassword(password)) return [{ field, message: 'accounts.password_common' }];
  return [];
}
