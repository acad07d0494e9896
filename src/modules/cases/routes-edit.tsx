/** Correcting a case's title, summary and territory, and a person's details (editors only). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { parseRecordId } from '../../platform/http/validation.js';
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
import { handleForm } from '../../platform/http/form-route.js';

export async function caseEditRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, now } = app.achyk;

  const casePage = async (request: FastifyRequest, reply: FastifyReply, row: CaseRow, state: FormState, status = 200) =>
    sendPage(
      reply,
      <NewCasePage
        ctx={viewContext(request)}
        state={state}
        territories={await territoryOpts(db, request.ctx.locale)}
        edit={{ caseId: row.id, reference: row.reference }}
      />,
      status,
    );

  app.get<{ Params: { id: string } }>(
    '/cases/:id/edit',
    { config: { policy: 'cases.use' } },
    async (request, reply) => {
      const { row } = await requireCase(request, request.params.id, 'case.edit');
      await recordCaseRead(db, { caseId: row.id, userId: request.ctx.user!.id, door: 'page', now: now() });
      const input = {
        title: cipher.decrypt(row.title_enc, ctxOf('hr_case', 'title_enc')),
        summary: cipher.decryptNullable(row.summary_enc, ctxOf('hr_case', 'summary_enc')) ?? '',
        territory_id: row.territory_id ? String(row.territory_id) : '',
      };
      return casePage(request, reply, row, { errors: [], input });
    },
  );

  app.post<{ Params: { id: string } }>('/cases/:id/edit', { config: { policy: 'cases.use' } }, (request, reply) =>
    handleForm(request, reply, {
      load: async () => (await requireCase(request, request.params.id, 'case.edit')).row,
      schema: caseForm,
      command: ({ trx, value, record: row, now: at }) =>
        updateCase({ trx, cipher, caseId: row.id, userId: request.ctx.user!.id, input: value, now: at }),
      redirect: ({ record: row }) => `/cases/${row.id}`,
      render: ({ record: row, input, errors, status }) => casePage(request, reply, row, { errors, input }, status),
    }),
  );

  async function personPage(
    request: FastifyRequest,
    reply: FastifyReply,
    row: CaseRow,
    personId: number,
    state: FormState | null,
    status = 200,
  ) {
    const detail = await loadCaseDetail(db, cipher, row);
    const person = detail.persons.find((x) => x.id === personId);
    if (!person) throw notFound();
    await recordCaseRead(db, { caseId: row.id, userId: request.ctx.user!.id, door: 'page', now: now() });
    const s: FormState = state ?? {
      errors: [],
      input: {
        name: person.name,
        other_names: person.otherNames ?? '',
        contact: person.contact ?? '',
        id_number: person.idNumber ?? '',
        address: person.address ?? '',
        birth_date: person.birthDate ?? '',
        sex: person.sex,
        age_group: person.ageGroup,
      },
      lists: { groups: person.groups },
    };
    const groups = await optionsFor(db, 'vulnerable_group', request.ctx.locale);
    const options = {
      territories: [],
      actTypes: [],
      methods: [],
      groups,
      interventionTypes: [],
      responses: [],
      degrees: [],
      reliability: [],
      events: [],
      persons: [],
      acts: [],
    };
    return sendPage(
      reply,
      <CaseFormPage
        ctx={viewContext(request)}
        caseId={row.id}
        reference={row.reference}
        form="person"
        state={s}
        options={options}
        action={`/cases/${row.id}/persons/${personId}/edit`}
        title={request.ctx.t('cases.edit_person', { pseudonym: person.pseudonym })}
      />,
      status,
    );
  }

  const pid = (v: string) => parseRecordId(v) ?? 0;

  app.get<{ Params: { id: string; pid: string } }>(
    '/cases/:id/persons/:pid/edit',
    { config: { policy: 'cases.use' } },
    async (request, reply) => {
      const { row } = await requireCase(request, request.params.id, 'case.edit');
      return personPage(request, reply, row, pid(request.params.pid), null);
    },
  );

  app.post<{ Params: { id: string; pid: string } }>(
    '/cases/:id/persons/:pid/edit',
    { config: { policy: 'cases.use' } },
    (request, reply) =>
      handleForm(request, reply, {
        load: async () => ({
          row: (await requireCase(request, request.params.id, 'case.edit')).row,
          personId: pid(request.params.pid),
        }),
        schema: personForm,
        command: ({ trx, value, record: { row, personId }, now: at }) =>
          updatePerson({
            trx,
            cipher,
            caseId: row.id,
            userId: request.ctx.user!.id,
            now: at,
            personId,
            input: { ...value, groups: asList(value.groups) },
          }),
        redirect: ({ record: { row, personId } }) => `/cases/${row.id}#person-${personId}`,
        render: ({ record: { row, personId }, input, errors, status }) => {
          const lists = { groups: asList((request.body as { groups?: string | string[] } | undefined)?.groups) };
          return personPage(request, reply, row, personId, { errors, input, lists }, status);
        },
      }),
  );
}
