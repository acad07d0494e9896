/**
 * Throttling of receipt guesses, in memory only (nothing about who guesses is ever stored):
 * - per receipt prefix: MAX_FAILURES wrong codes starting the same way within WINDOW_MS lock that
 *   prefix for LOCK_MS (someone who saw part of a code cannot try the rest at leisure);
 * - globally: at most GLOBAL_PER_MINUTE lookups per minute in all (each costs a scrypt, and a
 *   guesser spread over many prefixes still meets this limit).
 * The per-prefix keys are SHA-256 of a random salt and the prefix; the salt is replaced every
 * SALT_TTL_MS and the table emptied with it, so the memory of the process does not keep even the
 * prefixes that were tried. Several server processes each keep their own counts (see the docs).
 */
import crypto from 'node:crypto';

export interface ThrottleLimits {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  globalPerMinute: number;
  saltTtlMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  globalPerMinute: 60,
  saltTtlMs: 60 * 60_000,
};

interface Entry {
  failures: number;
  windowStart: number;
  lockedUntil: number;
}

export class ReceiptThrottle {
  private salt = crypto.randomBytes(32);
  private saltSince: number | null = null;
  private entries = new Map<string, Entry>();
  private minute = -1;
  private inMinute = 0;

  constructor(private readonly limits: ThrottleLimits = DEFAULT_LIMITS) {}

  private rotate(now: number): void {
    if (this.saltSince === null) this.saltSince = now;
    if (now - this.saltSince >= this.limits.saltTtlMs || now < this.saltSince) {
      this.salt = crypto.randomBytes(32);
      this.saltSince = now;
      this.entries.clear();
    }
  }

  private key(prefix: string): string {
    return crypto.createHash('sha256').update(this.salt).update(prefix).digest('base64url');
  }

  /**
   * Seconds to wait before a lookup with this prefix may run, or 0 (and the attempt is counted
   * against the global limit).
   */
  attempt(prefix: string, at: Date): number {
    const now = at.getTime();
    this.rotate(now);
    const e = this.entries.get(this.key(prefix));
    if (e && e.lockedUntil > now) return Math.ceil((e.lockedUntil - now) / 1000);
    const minute = Math.floor(now / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.inMinute = 0;
    }
    if (this.inMinute >= this.limits.globalPerMinute)
      return Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000));
    this.inMinute++;
    return 0;
  }

  /** Counts a wrong code for this prefix; locks the prefix after too many. */
  failure(prefix: string, at: Date): void {
    const now = at.getTime();
    this.rotate(now);
    const k = this.key(prefix);
    const e = this.entries.get(k);
    const inWindow = e && now - e.windowStart < this.limits.windowMs;
    const failures = inWindow ? e.failures + 1 : 1;
    const next: Entry = { failures, windowStart: inWindow ? e.windowStart : now, lockedUntil: e?.lockedUntil ?? 0 };
    if (failures >= this.limits.maxFailures) {
      next.lockedUntil = now + this.limits.lockMs;
      next.failures = 0;
      next.windowStart = now;
    }
    this.entries.set(k, next);
  }

  /** How many prefixes are remembered now (for tests: the table is emptied when the salt rotates). */
  get size(): number {
    return this.entries.size;
  }
}
