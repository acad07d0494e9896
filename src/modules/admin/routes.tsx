/** Administration: users (invite, role, disable) and the audit log. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import crypto from 'node:crypto';
import { appendAudit, verifyAuditChain } from '../../platform/audit/audit-log.js';
import { deleteOtherSessions, revokeApiTokens } from '../../platform/auth/sessions.js';
import { AppError, invalid, notFound, type FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { reauthUrl, recentlyAuthenticated } from '../../platform/http/reauth.js';
import { parseForm, parseRecordId } from '../../platform/http/validation.js';
import { createUser } from '../accounts/index.js';
import { issueEmailToken } from '../accounts/index.js';
import { findUserById, listUsers } from '../accounts/index.js';
import { emptyForm, newUserForm, roleForm } from './schema.js';
import { AuditPage, UsersPage } from './views/users.js';
import { requestActor, userActor } from '../../platform/audit/actor.js';
import { handleForm } from '../../platform/http/form-route.js';

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const { db, config, mailer, now } = app.achyk;
  const hash = { log2n: config.scryptLog2N, r: 8, p: 1 };

  async function usersPage(
    request: FastifyRequest,
    errors: FieldError[] = [],
    input: Record<string, string> = {},
    message?: string,
  ) {
    const users = (await listUsers(db)).map((u) => ({ ...u, totp: u.totp_secret_enc !== null }));
    return (
      <UsersPage
        ctx={viewContext(request)}
        users={users}
        meId={request.ctx.user!.id}
        errors={errors}
        input={input}
        message={message}
      />
    );
  }

  app.get('/admin', { config: { policy: 'admin.users' } }, async (request, reply) =>
    sendPage(reply, await usersPage(request)),
  );

  app.post('/admin/users', { config: { policy: 'admin.users' } }, async (request, reply) => {
    // Creating an account grants it a role: like a role change, it needs a recent password, or a
    // stolen session could add a new administrator instead of promoting someone.
    if (!recentlyAuthenticated(request)) return redirectTo(reply, reauthUrl('/admin'));
    const form = parseForm(newUserForm, request.body);
    if (!form.ok) return sendPage(reply, await usersPage(request, form.errors, form.input), 422);
    const me = request.ctx.user!;
    const { t } = request.ctx;
    const at = now();
    try {
      const token = await db.transaction().execute(async (trx) => {
        // A random password nobody knows; the invitation link lets the user choose their own.
        const id = await createUser({
          trx,
          email: form.value.email,
          displayName: form.value.display_name,
          role: form.value.role,
          password: crypto.randomBytes(24).toString('base64url'),
          status: 'active',
          actor: userActor(me.id),
          hash,
          now: at,
        });
        return issueEmailToken(trx, id, 'reset', at);
      });
      await mailer.send({
        to: form.value.email,
        subject: t('admin.invite_subject'),
        text: t('admin.invite_body', {
          name: form.value.display_name,
          link: `${config.publicUrl}/password/reset?token=${token}`,
        }),
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict')
        return sendPage(
          reply,
          await usersPage(request, [{ field: 'email', message: err.messageKey }], form.input),
          422,
        );
      if (err instanceof AppError && err.code === 'invalid')
        return sendPage(reply, await usersPage(request, err.fields, form.input), 422);
      throw err;
    }
    return sendPage(reply, await usersPage(request, [], {}, t('admin.user_created', { email: form.value.email })));
  });

  async function targetUser(request: FastifyRequest<{ Params: { id: string } }>) {
    const id = parseRecordId(request.params.id) ?? NaN;
    const user = Number.isInteger(id) ? await findUserById(db, id) : undefined;
    if (!user) throw notFound();
    if (user.id === request.ctx.user!.id) throw new AppError('conflict', 'admin.not_self');
    return user;
  }

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/role',
    { config: { policy: 'admin.users' } },
    (request, reply) => {
      if (!recentlyAuthenticated(request)) return redirectTo(reply, reauthUrl('/admin'));
      return handleForm(request, reply, {
        load: () => targetUser(request),
        schema: roleForm,
        command: async ({ trx, value, record: user, now: at }) => {
          await trx
            .updateTable('user')
            .set({ role: value.role, updated_at: at.toISOString() })
            .where('id', '=', user.id)
            .execute();
          // A new role takes effect at the next sign-in (which may then require TOTP enrolment).
          await deleteOtherSessions(trx, user.id, null);
          await appendAudit(trx, {
            actor: requestActor(request),
            action: 'user.role_changed',
            objectType: 'user',
            objectId: user.id,
            data: { from: user.role, to: value.role },
            at,
          });
        },
        redirect: () => '/admin',
        render: async ({ errors, status }) => sendPage(reply, await usersPage(request, errors), status),
      });
    },
  );

  for (const action of ['disable', 'enable'] as const) {
    app.post<{ Params: { id: string } }>(
      `/admin/users/:id/${action}`,
      { config: { policy: 'admin.users' } },
      async (request, reply) => {
        if (!recentlyAuthenticated(request)) return redirectTo(reply, reauthUrl('/admin'));
        const user = await targetUser(request);
        const form = parseForm(emptyForm, request.body);
        if (!form.ok) throw invalid(form.errors);
        const at = now();
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('user')
            .set({ status: action === 'disable' ? 'disabled' : 'active', updated_at: at.toISOString() })
            .where('id', '=', user.id)
            .execute();
          if (action === 'disable') {
            await deleteOtherSessions(trx, user.id, null);
            await revokeApiTokens(trx, user.id, at);
          }
          await appendAudit(trx, {
            actor: requestActor(request),
            action: `user.${action}`,
            objectType: 'user',
            objectId: user.id,
            at,
          });
        });
        return redirectTo(reply, '/admin');
      },
    );
  }

  app.get('/admin/audit', { config: { policy: 'audit.read' } }, async (request, reply) => {
    const rows = await db
      .selectFrom('audit_event')
      .select(['seq', 'at', 'actor', 'action', 'object_type', 'object_id'])
      .orderBy('seq', 'desc')
      .limit(200)
      .execute();
    const verification = await verifyAuditChain(db);
    return sendPage(reply, <AuditPage ctx={viewContext(request)} rows={rows} verification={verification} />);
  });
}
