/**
 * `achyk subscription delete <address>`: deletes a subscription on request (someone who asks by
 * phone or letter and cannot use the link in our mail). Addresses are stored only encrypted, so the
 * row is found by the keyed hash of the address. Audited as done by the CLI, without the address.
 */
import type { CliCommand } from '../../platform/cli/command.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { Executor } from '../../platform/db/database.js';
import { isEmail } from '../../platform/http/validation.js';
import { forgetDeliveries } from './forget.js';
import { emailHash, normaliseEmail } from './tokens.js';

/** Deletes the subscription of `email`, confirmed or pending; returns false when there is none. */
export async function deleteSubscriptionByEmail(
  trx: Executor,
  cipher: FieldCipher,
  email: string,
  now: Date,
): Promise<boolean> {
  const row = await trx
    .selectFrom('subscription')
    .select('id')
    .where('email_hash', '=', emailHash(cipher, email))
    .executeTakeFirst();
  if (!row) return false;
  await trx.deleteFrom('subscription').where('id', '=', row.id).execute();
  await forgetDeliveries(trx, [row.id]);
  await appendAudit(trx, {
    actor: 'cli',
    action: 'subscription.deleted',
    objectType: 'subscription',
    objectId: row.id,
    data: { on_request: true },
    at: now,
  });
  return true;
}

export const subscriptionDeleteCommand: CliCommand = {
  summary: 'delete the e-mail subscription of an address on request: subscription delete <address>',
  async run(args, cli) {
    const email = normaliseEmail(args[0] ?? '');
    if (!isEmail(email)) {
      console.error('usage: achyk subscription delete <e-mail address>');
      process.exitCode = 2;
      return;
    }
    const runtime = await cli.openRuntime();
    try {
      const deleted = await runtime.conn.db
        .transaction()
        .execute((trx) => deleteSubscriptionByEmail(trx, runtime.cipher, email, new Date()));
      console.log(deleted ? 'subscription deleted' : 'no subscription for that address');
    } finally {
      await runtime.close();
    }
  },
};
