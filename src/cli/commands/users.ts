/** achyk user add | disable | reset-password */
import { parseArgs } from 'node:util';
import crypto from 'node:crypto';
import { loadConfig } from '../../config.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { hashPassword } from '../../platform/auth/password-hash.js';
import { deleteOtherSessions, revokeApiTokens } from '../../platform/auth/sessions.js';
import { ROLES, type Role } from '../../platform/db/database.js';
import { createUser, findUserByEmail } from '../../modules/accounts/index.js';
import { UsageError } from '../../platform/cli/command.js';
import type { CliCommand, CliContext } from '../../platform/cli/command.js';
import type { Runtime } from '../../platform/runtime.js';

function generatedPassword(): string {
  return crypto
    .randomBytes(15)
    .toString('base64url')
    .replace(/[-_]/g, 'x')
    .replace(/(.{5})(?=.)/g, '$1-');
}

export const userAddCommand: CliCommand = {
  summary: 'create an account: --email E --name N --role admin|coordinator|lawyer|monitor|citizen [--password P]',
  async run(args, cli) {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', default: 'admin' },
        password: { type: 'string' },
      },
    });
    if (!values.email) throw new UsageError('achyk user add needs --email');
    if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const config = loadConfig();
    const runtime = await cli.openRuntime({ config });
    try {
      const password = values.password ?? generatedPassword();
      await runtime.conn.db.transaction().execute((trx) =>
        createUser({
          trx,
          email: values.email!,
          displayName: values.name ?? values.email!.split('@')[0]!,
          role: values.role as Role,
          password,
          status: 'active',
          actor: 'cli',
          hash: { log2n: config.scryptLog2N, r: 8, p: 1 },
          now: new Date(),
        }),
      );
      console.log(`Created ${values.role} ${values.email}.`);
      if (!values.password) console.log(`One-time password (shown once): ${password}`);
    } finally {
      await runtime.close();
    }
  },
};

async function withUser(
  args: string[],
  cli: CliContext,
  fn: (p: { runtime: Runtime; userId: number; email: string }) => Promise<void>,
) {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { email: { type: 'string' } } });
  const email = values.email ?? positionals[0];
  if (!email) throw new UsageError('give the account e-mail: --email E');
  const runtime = await cli.openRuntime();
  try {
    const user = await findUserByEmail(runtime.conn.db, email);
    if (!user) throw new UsageError(`No account with the e-mail ${email}.`);
    await fn({ runtime, userId: user.id, email: user.email });
  } finally {
    await runtime.close();
  }
}

export const userDisableCommand: CliCommand = {
  summary: 'disable an account and end its sessions: --email E',
  run: (args, cli) =>
    withUser(args, cli, async ({ runtime, userId, email }) => {
      await runtime.conn.db.transaction().execute(async (trx) => {
        const at = new Date();
        await trx
          .updateTable('user')
          .set({ status: 'disabled', updated_at: at.toISOString() })
          .where('id', '=', userId)
          .execute();
        await deleteOtherSessions(trx, userId, null);
        await revokeApiTokens(trx, userId, at);
        await appendAudit(trx, { actor: 'cli', action: 'user.disable', objectType: 'user', objectId: userId, at });
      });
      console.log(`Disabled ${email}; its sessions and API tokens are ended.`);
    }),
};

export const userResetPasswordCommand: CliCommand = {
  summary:
    'set a new one-time password, end the sessions and revoke the API tokens: --email E (also clears TOTP with --clear-totp)',
  async run(args, cli) {
    const clearTotp = args.includes('--clear-totp');
    await withUser(
      args.filter((a) => a !== '--clear-totp'),
      cli,
      async ({ runtime, userId, email }) => {
        const password = generatedPassword();
        const at = new Date();
        const hash = await hashPassword(password, { log2n: runtime.config.scryptLog2N, r: 8, p: 1 });
        await runtime.conn.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('user')
            .set({
              password_hash: hash,
              password_changed_at: at.toISOString(),
              updated_at: at.toISOString(),
              ...(clearTotp ? { totp_secret_enc: null, totp_last_step: null } : {}),
            })
            .where('id', '=', userId)
            .execute();
          if (clearTotp) await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
          await deleteOtherSessions(trx, userId, null);
          await revokeApiTokens(trx, userId, at);
          await appendAudit(trx, {
            actor: 'cli',
            action: 'auth.password_reset',
            objectType: 'user',
            objectId: userId,
            data: { clearTotp },
            at,
          });
        });
        console.log(`New one-time password for ${email} (shown once): ${password}`);
      },
    );
  },
};
