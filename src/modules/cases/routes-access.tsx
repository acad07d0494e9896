/** Coordinators' routes for one case: access list, workflow, and the trail of who read what. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { parseForm, parseRecordId } from '../../platform/http/validation.js';
import { can } from '../../platform/policy/policy.js';
import type { FieldError } from '../../platform/errors.js';
import { requireCase } from './access-check.js';
import { NEXT_STATES, caseAuditTrail, changeState, removeMember, setMember } from './commands/access.js';
import { listMembers, listStaff } from './queries.js';
import { emptyForm, memberForm, stateForm } from './schema.js';
import { AccessPage, AuditTrailPage } from './views/access.js';
import { handleForm } from '../../platform/http/form-route.js';

export async function caseAccessRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;

  async function accessPage(request: FastifyRequest<{ Params: { id: string } }>, errors: FieldError[] = []) {
    const { row, access } = await requireCase(request, request.params.id, 'case.manage');
    const [members, staff] = await Promise.all([listMembers(db, row.id), listStaff(db)]);
    return (
      <AccessPage
        ctx={viewContext(request)}
        caseId={row.id}
        reference={row.reference}
        state={row.state}
        next={NEXT_STATES[row.state]}
        members={members}
        staff={staff}
        errors={errors}
        canRead={can(request.ctx.user, 'case.read', access)}
      />
    );
  }

  app.get<{ Params: { id: string } }>(
    '/cases/:id/access',
    { config: { policy: 'cases.use' } },
    async (request, reply) => sendPage(reply, await accessPage(request)),
  );

  app.post<{ Params: { id: string } }>('/cases/:id/access', { config: { policy: 'cases.use' } }, (request, reply) =>
    handleForm(request, reply, {
      load: async () => (await requireCase(request, request.params.id, 'case.manage')).row,
      schema: memberForm,
      command: ({ trx, value, record: row, now: at }) =>
        setMember({ trx, caseId: row.id, userId: request.ctx.user!.id, now: at, input: value }),
      redirect: ({ record: row }) => `/cases/${row.id}/access`,
      render: async ({ errors, status }) => sendPage(reply, await accessPage(request, errors), status),
    }),
  );

  app.post<{ Params: { id: string; uid: string } }>(
    '/cases/:id/access/:uid/remove',
    { config: { policy: 'cases.use' } },
    async (request, reply) => {
      const { row } = await requireCase(request, request.params.id, 'case.manage');
      // Name the unknown field (a bare 'invalid' gives a 422 page that names nothing).
      const empty = parseForm(emptyForm, request.body);
      if (!empty.ok) throw new AppError('invalid', 'error.invalid', {}, empty.errors);
      const uid = parseRecordId(request.params.uid) ?? 0;
      await db
        .transaction()
        .execute((trx) =>
          removeMember({ trx, caseId: row.id, userId: request.ctx.user!.id, now: now(), memberId: uid }),
        );
      return redirectTo(reply, `/cases/${row.id}/access`);
    },
  );

  app.post<{ Params: { id: string } }>('/cases/:id/state', { config: { policy: 'cases.use' } }, (request, reply) =>
    handleForm(request, reply, {
      load: async () => (await requireCase(request, request.params.id, 'case.manage')).row,
      schema: stateForm,
      command: ({ trx, value, record: row, now: at }) =>
        changeState({ trx, caseId: row.id, userId: request.ctx.user!.id, now: at, from: row.state, to: value.state }),
      redirect: ({ record: row }) => `/cases/${row.id}/access`,
      render: async ({ errors, status }) => sendPage(reply, await accessPage(request, errors), status),
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/cases/:id/audit',
    { config: { policy: 'cases.use' } },
    async (request, reply) => {
      const { row } = await requireCase(request, request.params.id, 'case.manage');
      const rows = await caseAuditTrail(db, row.id);
      return sendPage(
        reply,
        <AuditTrailPage ctx={viewContext(request)} caseId={row.id} reference={row.reference} rows={rows} />,
      );
    },
  );
}
