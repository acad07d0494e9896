/** Thesaurus administration (administrators): add terms, relabel, retire. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FieldError } from '../../platform/errors.js';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { parseRecordId } from '../../platform/http/validation.js';
import { termEditForm, termForm } from './schema.js';
import { addTerm, editTerm } from './thesaurus/edit-terms.js';
import { listTerms } from './thesaurus/queries.js';
import { ThesaurusPage } from './views/thesaurus.js';
import { requestActor } from '../../platform/audit/actor.js';
import { handleForm } from '../../platform/http/form-route.js';

export async function thesaurusRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.achyk;
  const page = async (request: FastifyRequest, errors: FieldError[] = [], input: Record<string, string> = {}) => (
    <ThesaurusPage ctx={viewContext(request)} terms={await listTerms(db)} errors={errors} input={input} />
  );

  app.get('/admin/thesaurus', { config: { policy: 'cases.thesaurus' } }, async (request, reply) =>
    sendPage(reply, await page(request)),
  );

  app.post('/admin/thesaurus', { config: { policy: 'cases.thesaurus' } }, (request, reply) =>
    handleForm(request, reply, {
      schema: termForm,
      command: ({ trx, value, now: at }) => addTerm({ trx, actor: requestActor(request), now: at, input: value }),
      redirect: () => '/admin/thesaurus',
      render: async ({ input, errors, status }) => sendPage(reply, await page(request, errors, input), status),
    }),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/thesaurus/:id',
    { config: { policy: 'cases.thesaurus' } },
    (request, reply) =>
      handleForm(request, reply, {
        load: async () => parseRecordId(request.params.id) ?? 0,
        schema: termEditForm,
        command: ({ trx, value, record: id, now: at }) =>
          editTerm({ trx, actor: requestActor(request), now: at, id, input: value }),
        redirect: () => '/admin/thesaurus',
        render: async ({ errors, status }) => sendPage(reply, await page(request, errors), status),
      }),
  );
}
