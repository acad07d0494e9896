/** The signed-in user's own account: TOTP enrolment, recovery codes, password, API tokens. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { hashPassword } from '../../platform/auth/password-hash.js';
import { checkNewPassword } from '../../platform/auth/password-rules.js';
import { createSession, deleteOtherSessions, deleteSession, newToken, sha256 } from '../../platform/auth/sessions.js';
import { totpUri } from '../../platform/auth/totp.js';
import type { FieldError } from '../../platform/errors.js';
import { invalid, notFound } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { reauthUrl, recentlyAuthenticated } from '../../platform/http/reauth.js';
import { setSessionCookie } from '../../platform/http/session-cookie.js';
import { parseForm, parseRecordId } from '../../platform/http/validation.js';
import { requiresTotp } from '../../platform/policy/policy.js';
import { checkOwnPassword } from './commands/check-own-password.js';
import { issueRecoveryCodes } from './commands/totp-verify.js';
import { confirmTotpEnrolment, pendingTotpSecret } from './commands/totp-enrol.js';
import { enrollingUserId } from './policy.js';
import { countUnusedRecoveryCodes, findUserById, listApiTokens } from './queries.js';
import { changePasswordForm, emptyForm, tokenForm, totpForm } from './schema.js';
import { AccountPage, type AccountView } from './views/account.js';
import { RecoveryCodesPage, TotpSetupPage } from './views/sign-in.js';
import { userActor } from '../../platform/audit/actor.js';

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, config, now } = app.achyk;
  const hash = { log2n: config.scryptLog2N, r: 8, p: 1 };

  async function accountView(userId: number): Promise<AccountView> {
    const user = (await findUserById(db, userId))!;
    return {
      email: user.email,
      displayName: user.display_name,
      role: user.role,
      totpEnabled: user.totp_secret_enc !== null,
      recoveryLeft: await countUnusedRecoveryCodes(db, userId),
      tokens: await listApiTokens(db, userId),
    };
  }

  async function showAccount(
    request: FastifyRequest,
    status = 200,
    extra: { errors?: FieldError[]; newToken?: string; message?: string } = {},
  ) {
    return {
      status,
      page: (
        <AccountPage
          ctx={viewContext(request)}
          account={await accountView(request.ctx.user!.id)}
          errors={extra.errors ?? []}
          newToken={extra.newToken}
          message={extra.message}
        />
      ),
    };
  }

  app.get('/account', { config: { policy: 'account.self' } }, async (request, reply) => {
    const { page } = await showAccount(request);
    return sendPage(reply, page);
  });

  async function setupPage(request: FastifyRequest, errors: FieldError[]) {
    const userId = enrollingUserId(request);
    const user = (await findUserById(db, userId))!;
    const secret = await pendingTotpSecret({ db, cipher, sessionHash: request.ctx.session!.tokenHash });
    const QRCode = (await import('qrcode')).default; // Loaded on first use, not at start: the server's memory budget (docs/performance.md, RSS).
    const qrDataUrl = await QRCode.toDataURL(totpUri(secret, user.email), { margin: 1, width: 200 });
    return (
      <TotpSetupPage
        ctx={viewContext(request)}
        errors={errors}
        secret={secret}
        qrDataUrl={qrDataUrl}
        required={!user.totp_secret_enc && requiresTotp(user.role)}
      />
    );
  }

  /** Replacing a working second factor, or its recovery codes, needs a recent password. */
  const staleForTotpChange = (request: FastifyRequest) =>
    !!request.ctx.user?.totpEnabled && !recentlyAuthenticated(request);

  app.get('/account/totp/setup', { config: { policy: 'public', enrolment: true } }, async (request, reply) => {
    if (staleForTotpChange(request)) return redirectTo(reply, reauthUrl('/account/totp/setup'));
    return sendPage(reply, await setupPage(request, []));
  });

  app.post('/account/totp/setup', { config: { policy: 'public', enrolment: true } }, async (request, reply) => {
    if (staleForTotpChange(request)) return redirectTo(reply, reauthUrl('/account/totp/setup'));
    const userId = enrollingUserId(request);
    const form = parseForm(totpForm, request.body);
    if (!form.ok) return sendPage(reply, await setupPage(request, form.errors), 422);
    const result = await confirmTotpEnrolment({
      db,
      cipher,
      userId,
      sessionHash: request.ctx.session!.tokenHash,
      code: form.value.code,
      now: now(),
    });
    if (result.kind === 'wrong')
      return sendPage(reply, await setupPage(request, [{ field: 'code', message: 'accounts.totp_wrong' }]), 422);
    setSessionCookie(reply, result.token);
    return sendPage(reply, <RecoveryCodesPage ctx={viewContext(request)} codes={result.recoveryCodes} />);
  });

  app.post('/account/recovery-codes', { config: { policy: 'account.self' } }, async (request, reply) => {
    const form = parseForm(emptyForm, request.body);
    if (!form.ok) throw invalid(form.errors);
    const user = request.ctx.user!;
    if (!user.totpEnabled) return redirectTo(reply, '/account/totp/setup');
    if (staleForTotpChange(request)) return redirectTo(reply, reauthUrl('/account'));
    const codes = await db.transaction().execute(async (trx) => {
      await appendAudit(trx, {
        actor: userActor(user.id),
        action: 'auth.recovery_codes_issued',
        objectType: 'user',
        objectId: user.id,
        at: now(),
      });
      return issueRecoveryCodes(trx, user.id);
    });
    return sendPage(reply, <RecoveryCodesPage ctx={viewContext(request)} codes={codes} />);
  });

  app.post('/account/password', { config: { policy: 'account.self' } }, async (request, reply) => {
    const form = parseForm(changePasswordForm, request.body);
    if (!form.ok) {
      const { page } = await showAccount(request, 422, { errors: form.errors });
      return sendPage(reply, page, 422);
    }
    const me = request.ctx.user!;
    const check = await checkOwnPassword({
      db,
      userId: me.id,
      password: form.value.current_password,
      failedAction: 'auth.password_change_failed',
      now: now(),
    });
    if (check.kind === 'throttled') {
      reply.header('retry-after', String(check.wait));
      return sendPage(
        reply,
        (
          await showAccount(request, 429, {
            errors: [
              { field: 'current_password', message: 'error.too_many_requests', params: { seconds: check.wait } },
            ],
          })
        ).page,
        429,
      );
    }
    const errors: FieldError[] =
      check.kind === 'ok'
        ? checkNewPassword(form.value.password)
        : [{ field: 'current_password', message: 'accounts.wrong_current_password' }];
    if (errors.length) return sendPage(reply, (await showAccount(request, 422, { errors })).page, 422);
    const at = now();
    const passwordHash = await hashPassword(form.value.password, hash);
    const token = await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('user')
        .set({ password_hash: passwordHash, password_changed_at: at.toISOString(), updated_at: at.toISOString() })
        .where('id', '=', me.id)
        .execute();
      // Changing the password ends every other session, and this one gets a new token.
      await deleteSession(trx, request.ctx.session!.tokenHash);
      await deleteOtherSessions(trx, me.id, null);
      await appendAudit(trx, {
        actor: userActor(me.id),
        action: 'auth.password_changed',
        objectType: 'user',
        objectId: me.id,
        at,
      });
      return createSession(trx, me.id, 'full', at);
    });
    setSessionCookie(reply, token);
    return sendPage(
      reply,
      (await showAccount(request, 200, { message: request.ctx.t('accounts.password_changed') })).page,
    );
  });

  app.post('/account/tokens', { config: { policy: 'account.self' } }, async (request, reply) => {
    // A token outlives the session and a password change: creating one needs a recent password, so a
    // stolen session cannot turn itself into lasting access.
    if (!recentlyAuthenticated(request)) return redirectTo(reply, reauthUrl('/account'));
    const form = parseForm(tokenForm, request.body);
    if (!form.ok) return sendPage(reply, (await showAccount(request, 422, { errors: form.errors })).page, 422);
    const me = request.ctx.user!;
    const token = `achyk_${newToken()}`;
    const at = now();
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('api_token')
        .values({
          user_id: me.id,
          name: form.value.name,
          token_hash: sha256(token),
          prefix: token.slice(0, 10),
          created_at: at.toISOString(),
          last_used_at: null,
          revoked_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, {
        actor: userActor(me.id),
        action: 'api_token.create',
        objectType: 'api_token',
        objectId: row.id,
        at,
      });
    });
    return sendPage(reply, (await showAccount(request, 200, { newToken: token })).page);
  });

  app.post<{ Params: { id: string } }>(
    '/account/tokens/:id/revoke',
    { config: { policy: 'account.self' } },
    async (request, reply) => {
      const form = parseForm(emptyForm, request.body);
      if (!form.ok) throw invalid(form.errors);
      const me = request.ctx.user!;
      const id = parseRecordId(request.params.id) ?? NaN;
      const at = now();
      // Only the owner's own tokens: someone else's id gets the same "not found" as a missing one.
      const done = Number.isInteger(id)
        ? await db.transaction().execute(async (trx) => {
            const res = await trx
              .updateTable('api_token')
              .set({ revoked_at: at.toISOString() })
              .where('id', '=', id)
              .where('user_id', '=', me.id)
              .where('revoked_at', 'is', null)
              .executeTakeFirst();
            if (Number(res.numUpdatedRows) !== 1) return false;
            await appendAudit(trx, {
              actor: userActor(me.id),
              action: 'api_token.revoke',
              objectType: 'api_token',
              objectId: id,
              at,
            });
            return true;
          })
        : false;
      if (!done) throw notFound();
      return redirectTo(reply, '/account');
    },
  );
}
