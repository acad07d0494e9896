/**
 * Durable outgoing mail: `queueMail` records the letter and enqueues a 'mail.send' job in the caller's
 * transaction; the job sends it through the configured mailer and records the delivery (message id,
 * attempts, failures) in `mail_delivery`. The letter itself is stored encrypted in the job payload,
 * since letters can name the people an appeal is about.
 */
import type { Executor } from '../db/database.js';
import { defineJob, enqueueJob, type JobDefinition } from '../jobs/queue.js';
import type { OutgoingMail } from './mailer.js';

export interface QueuedMail extends OutgoingMail {
  related?: { type: string; id: string | number };
  /**
   * The recipient's address is itself confidential (a subscriber's address, kept encrypted by its
   * module): the delivery log then records CONFIDENTIAL_RECIPIENT instead of the address, which stays
   * only inside the encrypted letter. Without it the log would hold in clear, and in every backup,
   * what the module encrypts.
   */
  confidentialRecipient?: boolean;
}

/** What the delivery log shows for a letter queued with `confidentialRecipient`. */
export const CONFIDENTIAL_RECIPIENT = '(confidential recipient)';

interface MailJobPayload {
  deliveryId: number;
  letter: string; // encrypted JSON of OutgoingMail
}

const CONTEXT = 'job.mail';

/** Queues a letter; returns the delivery id. Needs the field cipher to encrypt the letter at rest. */
export async function queueMail(
  trx: Executor,
  mail: QueuedMail,
  deps: { cipher: { encrypt(v: string, c: string): string }; now?: Date },
): Promise<number> {
  const now = deps.now ?? new Date();
  const { related, confidentialRecipient, ...letter } = mail;
  const delivery = await trx
    .insertInto('mail_delivery')
    .values({
      job_id: null,
      to_address: confidentialRecipient ? CONFIDENTIAL_RECIPIENT : mail.to,
      subject: mail.subject,
      related_type: related?.type ?? null,
      related_id: related ? String(related.id) : null,
      status: 'queued',
      message_id: null,
      attempts: 0,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const payload: MailJobPayload = {
    deliveryId: delivery.id,
    letter: deps.cipher.encrypt(JSON.stringify(letter), CONTEXT),
  };
  const jobId = await enqueueJob(trx, { kind: 'mail.send', payload, now, maxAttempts: 10 });
  await trx.updateTable('mail_delivery').set({ job_id: jobId }).where('id', '=', delivery.id).execute();
  return delivery.id;
}

/** The platform's own job: sending one queued letter (registered by `installModules`). */
export const mailJobs: JobDefinition[] = [
  defineJob<MailJobPayload>('mail.send', async (payload, ctx) => {
    const letter = JSON.parse(ctx.services.cipher.decrypt(payload.letter, CONTEXT)) as OutgoingMail;
    try {
      const info = await ctx.services.mailer.send(letter);
      await ctx.db
        .updateTable('mail_delivery')
        .set({
          status: 'sent',
          message_id: info.messageId,
          attempts: ctx.attempt,
          last_error: null,
          sent_at: ctx.now.toISOString(),
        })
        .where('id', '=', payload.deliveryId)
        .execute();
    } catch (err) {
      const message = (err as Error).message?.slice(0, 300) ?? 'send failed';
      await ctx.db
        .updateTable('mail_delivery')
        .set({ attempts: ctx.attempt, last_error: message, status: ctx.lastAttempt ? 'failed' : 'queued' })
        .where('id', '=', payload.deliveryId)
        .execute();
      throw err;
    }
  }),
];
