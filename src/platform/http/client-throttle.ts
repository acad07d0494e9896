/**
 * Rate limiting of public forms that send mail (the contact form, subscription requests), kept in
 * memory only: nothing about who sends is written to the database or the logs.
 * - per client: at most `perClient` submissions in `windowMs`. The client is known only by an HMAC
 *   of its IP address under the key file's secret (SECURITY.md: never the raw IP), and the table
 *   forgets a client when its window ends;
 * - globally: at most `global` submissions in `windowMs` in all, a ceiling for bots that rotate
 *   addresses (staff inboxes and the mail server are protected even then).
 * Several server processes each keep their own counts (see docs/contact-and-subscriptions.md).
 */

export interface ClientLimits {
  perClient: number;
  global: number;
  windowMs: number;
}

interface Window {
  count: number;
  start: number;
}

export class ClientThrottle {
  private clients = new Map<string, Window>();
  private all: Window = { count: 0, start: 0 };

  constructor(private readonly limits: ClientLimits) {}

  private fresh(w: Window | undefined, now: number): Window {
    return w && now - w.start < this.limits.windowMs && now >= w.start ? w : { count: 0, start: now };
  }

  /**
   * Seconds to wait before this client may submit again, or 0 when it may (and the submission is
   * counted). `clientKey` must already be a keyed hash, never an address.
   */
  take(clientKey: string, at: Date): number {
    const now = at.getTime();
    if (this.clients.size > 10_000)
      for (const [k, w] of this.clients) if (now - w.start >= this.limits.windowMs) this.clients.delete(k);
    const client = this.fresh(this.clients.get(clientKey), now);
    this.all = this.fresh(this.all, now);
    const full =
      client.count >= this.limits.perClient ? client : this.all.count >= this.limits.global ? this.all : null;
    if (full) return Math.max(1, Math.ceil((full.start + this.limits.windowMs - now) / 1000));
    client.count++;
    this.all.count++;
    this.clients.set(clientKey, client);
    return 0;
  }
}
