/** Creating a draft appeal from a case (appeals module), for people who may edit the case. */
import type { FastifyInstance } from 'fastify';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { requireCase } from './access-check.js';
import { recordCaseRead } from './commands/access.js';
import { createAppealFromCase } from './commands/appeal-from-case.js';
import { loadCaseDetail } from './case-detail.js';
import { appealFromCaseForm } from './schema.js';
import { labelsFor } from './thesaurus/queries.js';
import { CaseFormPage } from './views/case-forms.js';
import { lbl } from './views/names.js';
import { handleForm } from '../../platform/http/form-route.js';

export async function caseAppealRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, now } = app.achyk;

  app.post<{ Params: { id: string } }>('/cases/:id/add/appeal', { config: { policy: 'cases.use' } }, (request, reply) =>
    handleForm(request, reply, {
      load: async () => (await requireCase(request, request.params.id, 'case.edit')).row,
      schema: appealFromCaseForm,
      command: ({ trx, value, record: row, now: at }) =>
        createAppealFromCase({
          trx,
          cipher,
          caseId: row.id,
          userId: request.ctx.user!.id,
          now: at,
          input: value,
          locale: request.ctx.locale,
          t: request.ctx.t,
        }),
      redirect: ({ result: created }) => `/appeals/${created.appealId}/edit`,
      render: async ({ record: row, input, errors, status }) => {
        const detail = await loadCaseDetail(db, cipher, row);
        await recordCaseRead(db, { caseId: row.id, userId: request.ctx.user!.id, door: 'page', now: now() });
        const labels = await labelsFor(db, request.ctx.locale);
        const acts = detail.acts.map((a) => ({
          value: String(a.id),
          label: `${lbl(labels, 'act_type', a.actType)} — ${detail.persons.find((p) => p.id === a.victimId)?.pseudonym ?? ''} (${a.start.date})`,
        }));
        const none = {
          territories: [],
          actTypes: [],
          methods: [],
          groups: [],
          interventionTypes: [],
          responses: [],
          degrees: [],
          reliability: [],
          events: [],
          persons: [],
          acts,
        };
        return sendPage(
          reply,
          <CaseFormPage
            ctx={viewContext(request)}
            caseId={row.id}
            reference={row.reference}
            form="appeal"
            state={{ errors, input }}
            options={none}
          />,
          status,
        );
      },
    }),
  );
}
