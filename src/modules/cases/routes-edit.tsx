/** Correcting a case's title, summary and territory, and a person's details (editors only). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { parseForm, parseRecordId } from '../../platform/http/validation.js';
import { requireCase } from './access-check.js';
import { recordCaseRead } from './commands/access.js';
import { updateCase } from './commands/create-case.js';
import { updatePerson } from './commands/record-person.js';
import { ctxOf } from './encrypted-columns.js';
import { loadCaseDetail } from './case-detail.js';
import type { CaseRow } from './queries.js';
import { territoryOpts } from './routes-cases.js';
import { asList, caseForm, personForm } from './schema.js';
import { optionsFor } from './thesaurus/queries.js';
import { CaseFormPage } from './views/case-forms.js';
import { NewCasePage } from './views/case-list.js';
import type { FormState } from './views/form-bits.js';

export async function caseEditRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, now } = app.achyk;

  const casePage = async (request: FastifyRequest, reply: FastifyReply, row: CaseRow, state: FormState, status = 200) =>
    sendPage(reply, <NewCasePage ctx={viewContext(request)} state={state} territories={await territoryOpts(db, request.ctx.locale)} edit={{ caseId: row.id, reference: row.reference }} />, status);

  app.get<{ Params: { id: string } }>('/cases/:id/edit', { config: { policy: 'cases.use' } }, async (request, reply) => {
    const { row } = await requireCase(request, request.params.id, 'case.edit');
    await recordCaseRead(db, { caseId: row.id, userId: request.ctx.user!.id, door: 'page', now: now() });
    const input = { title: cipher.decrypt(row.title_enc, ctxOf('hr_case', 'title_enc')), summary: cipher.decryptNullable(row.summary_enc, ctxOf('hr_case', 'summary_enc')) ?? '', territory_id: row.territory_id ? String(row.territory_id) : '' };
    return casePage(request, reply, row, { errors: [], input });
  });

  app.post<{ Params: { id: string } }>('/cases/:id/edit', { config: { policy: 'cases.use' } }, async (request, reply) => {
    const { row } = await requireCase(request, request.params.id, 'case.edit');
    const form = parseForm(caseForm, request.body);
    if (!form.ok) return casePage(request, reply, row, { errors: form.errors, input: form.input }, 422);
    try {
      await db.transaction().execute((trx) => updateCase({ trx, cipher, caseId: row.id, userId: request.ctx.user!.id, input: form.value, now: now() }));
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid') return casePage(request, reply, row, { errors: err.fields, input: form.input }, 422);
      throw err;
    }
    return redirectTo(reply, `/cases/${row.id}`);
  });

  async function personPage(request: FastifyRequest, reply: FastifyReply, row: CaseRow, personId: number, state: FormState | null, status = 200) {
    const detail = await loadCaseDetail(db, cipher, row);
    const person = detail.persons.find((x) => x.id === personId);
    if (!person) throw notFound();
    await recordCaseRead(db, { caseId: row.id, userId: request.ctx.user!.id, door: 'page', now: now() });
    const s: FormState = state ?? {
      errors: [],
      input: { name: person.name, other_names: person.otherNames ?? '', contact: person.contact ?? '', id_number: person.idNumber ?? '', address: person.address ?? '', birth_date: person.birthDate ?? '', sex: person.sex, age_group: person.ageGroup },
      lists: { groups: person.groups },
    };
    const groups = await optionsFor(db, 'vulnerable_group', request.ctx.locale);
    const options = { territories: [], actTypes: [], methods: [], groups, interventionTypes: [], responses: [], degrees: [], reliability: [], events: [], persons: [], acts: [] };
    return sendPage(
      reply,
      <CaseFormPage ctx={viewContext(request)} caseId={row.id} reference={row.reference} form="person" state={s} options={options} action={`/cases/${row.id}/persons/${personId}/edit`} title={request.ctx.t('cases.edit_person', { pseudonym: person.pseudonym })} />,
      status,
    );
  }

  const pid = (v: string) => parseRecordId(v) ?? 0;

  app.get<{ Params: { id: string; pid: string } }>('/cases/:id/persons/:pid/edit', { config: { policy: 'cases.use' } }, async (request, reply) => {
    const { row } = await requireCase(request, request.params.id, 'case.edit');
    return personPage(request, reply, row, pid(request.params.pid), null);
  });

  app.post<{ Params: { id: string; pid: string } }>('/cases/:id/persons/:pid/edit', { config: { policy: 'cases.use' } }, async (request, reply) => {
    const { row } = await requireCase(request, request.params.id, 'case.edit');
    const personId = pid(request.params.pid);
    const form = parseForm(personForm, request.body);
    const lists = { groups: asList((request.body as { groups?: string | string[] } | undefined)?.groups) };
    if (!form.ok) return personPage(request, reply, row, personId, { errors: form.errors, input: form.input, lists }, 422);
    try {
      await db.transaction().execute((trx) => updatePerson({ trx, cipher, caseId: row.id, userId: request.ctx.user!.id, now: now(), personId, input: { ...form.value, groups: asList(form.value.groups) } }));
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid') return personPage(request, reply, row, personId, { errors: err.fields, input: form.input, lists }, 422);
      throw err;
    }
    return redirectTo(reply, `/cases/${row.id}#person-${personId}`);
  });
}
