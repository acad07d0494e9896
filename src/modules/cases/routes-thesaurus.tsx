/** Thesaurus administration (administrators): add terms, relabel, retire. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { parseForm, parseRecordId } from '../../platform/http/validation.js';
import { termEditForm, termForm } from './schema.js';
import { addTerm, editTerm } from './thesaurus/edit-terms.js';
import { listTerms } from './thesaurus/queries.js';
import { ThesaurusPage } from './views/thesaurus.js';
import { requestActor } from '../../platform/audit/actor.js';

export async function thesaurusRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;
  const page = async (request: FastifyRequest, errors: FieldError[] = [], input: Record<string, string> = {}) => <ThesaurusPage ctx={viewContext(request)} terms={await listTerms(db)} errors={errors} input={input} />;

  app.get('/admin/thesaurus', { config: { policy: 'cases.thesaurus' } }, async (request, reply) => sendPage(reply, await page(request)));

  app.post('/admin/thesaurus', { config: { policy: 'cases.thesaurus' } }, async (request, reply) => {
    const form = parseForm(termForm, request.body);
    if (!form.ok) return sendPage(reply, await page(request, form.errors, form.input), 422);
    try {
      await db.transaction().execute((trx) => addTerm({ trx, actor: requestActor(request), now: now(), input: form.value }));
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid') return sendPage(reply, await page(request, err.fields, form.input), 422);
      throw err;
    }
    return redirectTo(reply, '/admin/thesaurus');
  });

  app.post<{ Params: { id: string } }>('/admin/thesaurus/:id', { config: { policy: 'cases.thesaurus' } }, async (request, reply) => {
    const id = parseRecordId(request.params.id) ?? 0;
    const form = parseForm(termEditForm, request.body);
    if (!form.ok) return sendPage(reply, await page(request, form.errors), 422);
    try {
      await db.transaction().execute((trx) => editTerm({ trx, actor: requestActor(request), now: now(), id, input: form.value }));
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid') return sendPage(reply, await page(request, err.fields), 422);
      throw err;
    }
    return redirectTo(reply, '/admin/thesaurus');
  });
}
