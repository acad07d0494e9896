/** Self-registration of citizens with e-mail confirmation, and password reset by e-mail. */
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { hashPassword } from '../../platform/auth/password-hash.js';
import { checkNewPassword } from '../../platform/auth/password-rules.js';
import { deleteOtherSessions, revokeApiTokens } from '../../platform/auth/sessions.js';
import { AppError, invalid } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { parseForm } from '../../platform/http/validation.js';
import { PostForm } from '../../platform/render/components.js';
import { Layout } from '../../platform/render/layout.js';
import { createUser } from './commands/create-user.js';
import { consumeEmailToken, issueEmailToken, peekEmailToken } from './commands/email-tokens.js';
import { findUserByEmail } from './queries.js';
import { confirmForm, forgotForm, registerForm, resetForm } from './schema.js';
import { ForgotPage, RegisterPage, ResetPage } from './views/register.js';
import { MessagePage } from './views/sign-in.js';
import { userActor } from '../../platform/audit/actor.js';

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  const { db, config, mailer, now } = app.achyk;
  const hash = { log2n: config.scryptLog2N, r: 8, p: 1 };

  app.get('/register', { config: { policy: 'anonymous' } }, async (request, reply) =>
    sendPage(reply, <RegisterPage ctx={viewContext(request)} errors={[]} input={{}} />),
  );

  app.post('/register', { config: { policy: 'anonymous' } }, async (request, reply) => {
    const form = parseForm(registerForm, request.body);
    const ctx = viewContext(request);
    if (!form.ok) return sendPage(reply, <RegisterPage ctx={ctx} errors={form.errors} input={form.input} />, 422);
    const { t, locale } = request.ctx;
    const at = now();
    try {
      const { token, name } = await db.transaction().execute(async (trx) => {
        const id = await createUser({
          trx,
          email: form.value.email,
          displayName: form.value.display_name,
          role: 'citizen',
          password: form.value.password,
          status: 'unconfirmed',
          locale,
          actor: 'anonymous',
          hash,
          now: at,
        });
        return { token: await issueEmailToken(trx, id, 'confirm', at), name: form.value.display_name };
      });
      await mailer.send({
        to: form.value.email,
        subject: t('accounts.confirm_subject'),
        text: t('accounts.confirm_body', { name, link: `${config.publicUrl}/register/confirm?token=${token}` }),
      });
    } catch (err) {
      if (err instanceof AppError && (err.code === 'invalid' || err.code === 'conflict')) {
        const errors = err.code === 'conflict' ? [{ field: 'email', message: err.messageKey }] : err.fields;
        return sendPage(reply, <RegisterPage ctx={ctx} errors={errors} input={form.input} />, 422);
      }
      throw err;
    }
    return sendPage(
      reply,
      <MessagePage
        ctx={ctx}
        title={t('accounts.register_title')}
        message={t('accounts.register_done', { email: form.value.email })}
      />,
    );
  });

  // The link in the e-mail opens a page with a button: confirming is a POST (no state change over GET).
  app.get<{ Querystring: { token?: string } }>(
    '/register/confirm',
    { config: { policy: 'public' } },
    async (request, reply) => {
      const ctx = viewContext(request);
      const token = request.query.token ?? '';
      if (!(await peekEmailToken(db, token, 'confirm', now())))
        return sendPage(
          reply,
          <MessagePage ctx={ctx} title={ctx.t('accounts.register_title')} message={ctx.t('accounts.link_invalid')} />,
          400,
        );
      return sendPage(
        reply,
        <Layout ctx={ctx} title={ctx.t('accounts.register_title')}>
          <h1>{ctx.t('accounts.register_title')}</h1>
          <PostForm ctx={ctx} action="/register/confirm">
            <input type="hidden" name="token" value={token} />
            <button type="submit">{ctx.t('accounts.totp_submit')}</button>
          </PostForm>
        </Layout>,
      );
    },
  );

  app.post('/register/confirm', { config: { policy: 'public' } }, async (request, reply) => {
    const form = parseForm(confirmForm, request.body);
    if (!form.ok) throw invalid(form.errors);
    const { token } = form.value;
    const at = now();
    const ok = await db.transaction().execute(async (trx) => {
      const userId = await consumeEmailToken(trx, token, 'confirm', at);
      if (userId === null) return false;
      await trx
        .updateTable('user')
        .set({ status: 'active', updated_at: at.toISOString() })
        .where('id', '=', userId)
        .where('status', '=', 'unconfirmed')
        .execute();
      await appendAudit(trx, {
        actor: userActor(userId),
        action: 'user.email_confirmed',
        objectType: 'user',
        objectId: userId,
        at,
      });
      return true;
    });
    const ctx = viewContext(request);
    if (!ok)
      return sendPage(
        reply,
        <MessagePage ctx={ctx} title={ctx.t('accounts.register_title')} message={ctx.t('accounts.link_invalid')} />,
        400,
      );
    return redirectTo(reply, '/login?confirmed=1');
  });

  app.get('/password/forgot', { config: { policy: 'public' } }, async (request, reply) =>
    sendPage(reply, <ForgotPage ctx={viewContext(request)} errors={[]} input={{}} />),
  );

  app.post('/password/forgot', { config: { policy: 'public' } }, async (request, reply) => {
    const form = parseForm(forgotForm, request.body);
    const ctx = viewContext(request);
    if (!form.ok) return sendPage(reply, <ForgotPage ctx={ctx} errors={form.errors} input={form.input} />, 422);
    const { t } = request.ctx;
    const user = await findUserByEmail(db, form.value.email);
    // Same answer whether or not the account exists, so the form does not reveal who has an account.
    if (user && user.status !== 'disabled') {
      const at = now();
      const token = await db.transaction().execute(async (trx) => {
        await appendAudit(trx, {
          actor: 'anonymous',
          action: 'auth.reset_requested',
          objectType: 'user',
          objectId: user.id,
          at,
        });
        return issueEmailToken(trx, user.id, 'reset', at);
      });
      await mailer.send({
        to: user.email,
        subject: t('accounts.reset_subject'),
        text: t('accounts.reset_body', { link: `${config.publicUrl}/password/reset?token=${token}` }),
      });
    }
    return sendPage(
      reply,
      <MessagePage ctx={ctx} title={t('accounts.forgot_title')} message={t('accounts.forgot_sent')} />,
    );
  });

  app.get<{ Querystring: { token?: string } }>(
    '/password/reset',
    { config: { policy: 'public' } },
    async (request, reply) => {
      const ctx = viewContext(request);
      const token = request.query.token ?? '';
      if (!(await peekEmailToken(db, token, 'reset', now())))
        return sendPage(
          reply,
          <MessagePage
            ctx={ctx}
            title={ctx.t('accounts.reset_title')}
            message={ctx.t('accounts.link_invalid')}
            link={{ href: '/password/forgot', label: ctx.t('accounts.forgot_link') }}
          />,
          400,
        );
      return sendPage(reply, <ResetPage ctx={ctx} errors={[]} token={token} />);
    },
  );

  app.post('/password/reset', { config: { policy: 'public' } }, async (request, reply) => {
    const form = parseForm(resetForm, request.body);
    const ctx = viewContext(request);
    const token = form.ok ? form.value.token : (form.input.token ?? '');
    if (!form.ok) return sendPage(reply, <ResetPage ctx={ctx} errors={form.errors} token={token} />, 422);
    const problems = checkNewPassword(form.value.password);
    if (problems.length) return sendPage(reply, <ResetPage ctx={ctx} errors={problems} token={token} />, 422);
    const at = now();
    const passwordHash = await hashPassword(form.value.password, hash);
    const ok = await db.transaction().execute(async (trx) => {
      const userId = await consumeEmailToken(trx, token, 'reset', at);
      if (userId === null) return false;
      await trx
        .updateTable('user')
        .set({ password_hash: passwordHash, password_changed_at: at.toISOString(), updated_at: at.toISOString() })
        .where('id', '=', userId)
        .execute();
      await deleteOtherSessions(trx, userId, null);
      await revokeApiTokens(trx, userId, at);
      await appendAudit(trx, {
        actor: userActor(userId),
        action: 'auth.password_reset',
        objectType: 'user',
        objectId: userId,
        at,
      });
      return true;
    });
    if (!ok)
      return sendPage(
        reply,
        <MessagePage ctx={ctx} title={ctx.t('accounts.reset_title')} message={ctx.t('accounts.link_invalid')} />,
        400,
      );
    return redirectTo(reply, '/login?reset=1');
  });
}
