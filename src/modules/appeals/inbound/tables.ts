/** Every message the built-in SMTP receiver accepted or refused for size: nothing is dropped silently. */
import type { Generated } from 'kysely';

export type InboundStatus = 'attached' | 'held' | 'sorted' | 'discarded';
/** Why a message is in the holding pen. */
export type HoldReason =
  'unknown_address' | 'bad_signature' | 'unknown_appeal' | 'too_large' | 'malformed' | 'appeal_not_sent';

export interface InboundMessageTable {
  id: Generated<number>;
  received_at: string;
  /** SMTP envelope sender and recipients (as given by the sending server) */
  mail_from: string;
  rcpt_to: string;
  subject: string | null;
  size: number;
  /** SHA-256 of the raw message as stored */
  sha256: string;
  /** random file name under <dataDir>/files/mail (raw RFC 5322 message); too-large messages keep their head only */
  stored_name: string;
  status: InboundStatus;
  hold_reason: HoldReason | null;
  appeal_id: number | null;
  /** administrator who sorted it, and when */
  sorted_by: string | null;
  sorted_at: string | null;
}

declare module '../../../platform/db/database.js' {
  interface Database {
    inbound_message: InboundMessageTable;
  }
}
