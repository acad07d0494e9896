/** Sign-in (password, then TOTP), sign-out and re-authentication. */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { deleteSession } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import { redirectTo, safeNext, sendPage, viewContext } from '../../platform/http/page.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/session-cookie.js';
import { parseForm } from '../../platform/http/validation.js';
import { checkOwnPassword } from './commands/check-own-password.js';
import { completeTotpSignIn } from './commands/totp-verify.js';
import { signIn } from './commands/sign-in.js';
import { totpPendingUserId } from './policy.js';
import { loginForm, reauthForm, totpForm } from './schema.js';
import { LoginPage, MessagePage, ReauthPage, TotpPage } from './views/sign-in.js';
import { userActor } from '../../platform/audit/actor.js';

export async function signInRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, config, now } = app.achyk;
  const hash = { log2n: config.scryptLog2N, r: 8, p: 1 };

  app.get<{ Querystring: Record<string, string> }>(
    '/login',
    { config: { policy: 'anonymous' } },
    async (request, reply) => {
      const q = request.query;
      const { t } = request.ctx;
      const message =
        q.expired || request.ctx.sessionExpired
          ? t('error.session_expired')
          : q.signed_out
            ? t('accounts.signed_out')
            : q.confirmed
              ? t('accounts.confirm_ok')
              : q.reset
                ? t('accounts.reset_done')
                : null;
      return sendPage(
        reply,
        <LoginPage ctx={viewContext(request)} errors={[]} input={{ next: safeNext(q.next, '') }} message={message} />,
      );
    },
  );

  app.post('/login', { config: { policy: 'anonymous' } }, async (request, reply) => {
    const form = parseForm(loginForm, request.body);
    const ctx = viewContext(request);
    if (!form.ok) return sendPage(reply, <LoginPage ctx={ctx} errors={form.errors} input={form.input} />, 422);
    const result = await signIn({ db, email: form.value.email, password: form.value.password, hash, now: now() });
    const input = { email: form.value.email, next: form.value.next ?? '' };
    if (result.kind === 'throttled') {
      reply.header('retry-after', String(result.wait));
      return sendPage(
        reply,
        <LoginPage
          ctx={ctx}
          errors={[{ field: 'email', message: 'error.too_many_requests', params: { seconds: result.wait } }]}
          input={input}
        />,
        429,
      );
    }
    if (result.kind === 'failed')
      return sendPage(
        reply,
        <LoginPage ctx={ctx} errors={[{ field: 'password', message: 'accounts.login_failed' }]} input={input} />,
        422,
      );
    if (result.kind === 'unconfirmed')
      return sendPage(
        reply,
        <LoginPage ctx={ctx} errors={[{ field: 'email', message: 'accounts.login_unconfirmed' }]} input={input} />,
        422,
      );
    if (request.ctx.session) await deleteSession(db, request.ctx.session.tokenHash);
    setSessionCookie(reply, result.token);
    if (result.stage === 'totp') return redirectTo(reply, '/login/totp');
    if (result.stage === 'enrol') return redirectTo(reply, '/account/totp/setup');
    return redirectTo(reply, safeNext(form.value.next, '/account'));
  });

  app.get('/login/totp', { config: { policy: 'public' } }, async (request, reply) => {
    if (request.ctx.session?.stage !== 'totp') return redirectTo(reply, '/login');
    return sendPage(reply, <TotpPage ctx={viewContext(request)} errors={[]} />);
  });

  app.post('/login/totp', { config: { policy: 'public' } }, async (request, reply) => {
    const userId = totpPendingUserId(request);
    const form = parseForm(totpForm, request.body);
    const ctx = viewContext(request);
    if (!form.ok) return sendPage(reply, <TotpPage ctx={ctx} errors={form.errors} />, 422);
    const result = await completeTotpSignIn({
      db,
      cipher,
      userId,
      sessionHash: request.ctx.session!.tokenHash,
      code: form.value.code,
      now: now(),
    });
    if (result.kind === 'throttled')
      throw new AppError('too_many_requests', 'error.too_many_requests', { seconds: result.wait }, [], result.wait);
    if (result.kind === 'wrong')
      return sendPage(reply, <TotpPage ctx={ctx} errors={[{ field: 'code', message: 'accounts.totp_wrong' }]} />, 422);
    setSessionCookie(reply, result.token);
    return redirectTo(reply, '/account');
  });

  // Sign-out is a POST with the CSRF token and deletes the session on the server (SECURITY.md).
  app.post('/logout', { config: { policy: 'public' } }, async (request, reply) => {
    const { session, user, pendingUserId } = request.ctx;
    if (session) {
      await db.transaction().execute(async (trx) => {
        await deleteSession(trx, session.tokenHash);
        const who = user?.id ?? pendingUserId;
        await recordAudit(trx, {
          actor: who === null ? 'anonymous' : userActor(who),
          action: 'auth.logout',
          objectType: 'user',
          objectId: who,
          at: now(),
        });
      });
    }
    clearSessionCookie(reply);
    return redirectTo(reply, '/login?signed_out=1');
  });

  app.get<{ Querystring: { next?: string } }>(
    '/reauth',
    { config: { policy: 'account.self' } },
    async (request, reply) => {
      return sendPage(
        reply,
        <ReauthPage ctx={viewContext(request)} errors={[]} next={safeNext(request.query.next, '/account')} />,
      );
    },
  );

  app.post('/reauth', { config: { policy: 'account.self' } }, async (request, reply) => {
    const form = parseForm(reauthForm, request.body);
    const ctx = viewContext(request);
    const next = safeNext(form.ok ? form.value.next : undefined, '/account');
    if (!form.ok) return sendPage(reply, <ReauthPage ctx={ctx} errors={form.errors} next={next} />, 422);
    const check = await checkOwnPassword({
      db,
      userId: request.ctx.user!.id,
      password: form.value.password,
      failedAction: 'auth.reauth_failed',
      now: now(),
    });
    if (check.kind === 'throttled') {
      reply.header('retry-after', String(check.wait));
      return sendPage(
        reply,
        <ReauthPage
          ctx={ctx}
          errors={[{ field: 'password', message: 'error.too_many_requests', params: { seconds: check.wait } }]}
          next={next}
        />,
        429,
      );
    }
    if (check.kind === 'wrong')
      return sendPage(
        reply,
        <ReauthPage
          ctx={ctx}
          errors={[{ field: 'password', message: 'accounts.wrong_current_password' }]}
          next={next}
        />,
        422,
      );
    await db
      .updateTable('session')
      .set({ reauth_at: now().toISOString() })
      .where('token_hash', '=', request.ctx.session!.tokenHash)
      .execute();
    return redirectTo(reply, next);
  });
}

export { MessagePage };
