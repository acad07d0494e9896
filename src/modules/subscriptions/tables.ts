/**
 * Subscriptions of journalists and others to statements and events by e-mail. Least data: the
 * address is kept encrypted (`email_enc`, to send) plus a keyed hash (`email_hash`, to find a
 * duplicate without decrypting); no name, no IP, no user agent. An unconfirmed subscription is
 * deleted when `expires_at` passes (double opt-in: nobody is kept who did not confirm), and an
 * unsubscription deletes the row.
 */
import type { Generated } from 'kysely';
import type { Locale } from '../../platform/i18n/locales.js';

export const SUBSCRIPTION_TOPICS = ['statements', 'events'] as const;
export type SubscriptionTopic = (typeof SUBSCRIPTION_TOPICS)[number];

export interface SubscriptionTable {
  id: Generated<number>;
  /** HMAC (key file's secret) of the normalised address: unique, finds duplicates */
  email_hash: string;
  /** the address, field-encrypted (context 'subscription.email') */
  email_enc: string;
  /** the language of the letters (one per address) */
  language: Locale;
  /** 0/1: wants statements and press releases */
  topic_statements: number;
  /** 0/1: wants events */
  topic_events: number;
  status: 'pending' | 'confirmed';
  /** SHA-256 of the confirmation token mailed once; null once confirmed */
  confirm_token_hash: string | null;
  /** random salt of the unsubscribe token (the token is an HMAC of it, see tokens.ts) */
  unsubscribe_salt: string;
  /** when a pending subscription is deleted; null once confirmed */
  expires_at: string | null;
  created_at: string;
  confirmed_at: string | null;
}

declare module '../../platform/db/database.js' {
  interface Database {
    subscription: SubscriptionTable;
  }
}
