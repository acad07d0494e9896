/** Tables of the durable job queue and the record of outgoing mail. */
export interface JobTable {
  id: import('kysely').Generated<number>;
  kind: string;
  /** JSON; handlers that carry personal data encrypt it (see mail/outbox.ts) */
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_at: string | null;
  /** at most one queued/running job per key (e.g. one reminder per appeal and day) */
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface MailDeliveryTable {
  id: import('kysely').Generated<number>;
  job_id: number | null;
  to_address: string;
  subject: string;
  related_type: string | null;
  related_id: string | null;
  status: 'queued' | 'sent' | 'failed';
  message_id: string | null;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

declare module '../db/database.js' {
  interface Database {
    job: JobTable;
    mail_delivery: MailDeliveryTable;
  }
}
