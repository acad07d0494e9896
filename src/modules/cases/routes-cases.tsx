/** Case pages: the list and search, opening a case, the case page, and the "add …" forms. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TObject } from '@sinclair/typebox';
import { AppError, notFound } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { parseForm } from '../../platform/http/validation.js';
import { can } from '../../platform/policy/policy.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { Executor } from '../../platform/db/database.js';
import { requireCase } from './access-check.js';
import { recordCaseRead } from './commands/access.js';
import { createCase } from './commands/create-case.js';
import { addAct } from './commands/record-act.js';
import { addEvent, linkEvents } from './commands/record-event.js';
import { addIntervention } from './commands/record-intervention.js';
import { addInvolvement } from './commands/record-involvement.js';
import { addPerson } from './commands/record-person.js';
import { addSource } from './commands/record-source.js';
import type { CommandProps } from './commands/shared-props.js';
import { loadCaseDetail, type CaseDetail } from './case-detail.js';
import { listCasesFor, territoryOptions } from './queries.js';
import {
  actForm,
  asList,
  caseForm,
  eventForm,
  interventionForm,
  involvementForm,
  linkForm,
  personForm,
  sourceForm,
} from './schema.js';
import { labelsFor, optionsFor, type Option } from './thesaurus/queries.js';
import { CasePage } from './views/case-page.js';
import { CASE_FORMS, CaseFormPage, type CaseFormName, type FormOptions } from './views/case-forms.js';
import { CasesPage, NewCasePage } from './views/case-list.js';
import { emptyState, type FormState } from './views/form-bits.js';
import { nameOf } from './views/names.js';
import { appealBridge } from './appeal-bridge.js';
import { handleForm } from '../../platform/http/form-route.js';

export async function territoryOpts(db: Executor, locale: Locale): Promise<Option[]> {
  return (await territoryOptions(db)).map((x) => ({ value: String(x.id), label: nameOf(x, locale) || x.code }));
}

async function formOptions(db: Executor, locale: Locale, c: CaseDetail): Promise<FormOptions> {
  const [territories, actTypes, methods, groups, interventionTypes, responses, degrees, reliability] =
    await Promise.all([
      territoryOpts(db, locale),
      optionsFor(db, 'act_type', locale),
      optionsFor(db, 'torture_method', locale),
      optionsFor(db, 'vulnerable_group', locale),
      optionsFor(db, 'intervention_type', locale),
      optionsFor(db, 'state_response', locale),
      optionsFor(db, 'involvement_degree', locale),
      optionsFor(db, 'source_reliability', locale),
    ]);
  const typeLabel = new Map(actTypes.map((o) => [o.value, o.label]));
  return {
    territories,
    actTypes,
    methods,
    groups,
    interventionTypes,
    responses,
    degrees,
    reliability,
    events: c.events.map((e) => ({
      value: String(e.id),
      label: `${e.title} (${e.start.date.slice(0, e.start.precision === 'year' ? 4 : e.start.precision === 'month' ? 7 : 10)})`,
    })),
    persons: c.persons.map((p) => ({ value: String(p.id), label: `${p.pseudonym}: ${p.name}` })),
    acts: c.acts.map((a) => ({
      value: String(a.id),
      label: `${typeLabel.get(a.actType) ?? a.actType} — ${c.persons.find((p) => p.id === a.victimId)?.pseudonym ?? ''} (${a.start.date})`,
    })),
  };
}

type Handler = (p: CommandProps, value: Record<string, unknown>) => Promise<unknown>;
const FORMS: Partial<Record<CaseFormName, { schema: TObject; run: Handler; anchor: string }>> = {
  event: { schema: eventForm, anchor: 'h-events', run: (p, v) => addEvent({ ...p, input: v as never }) },
  person: {
    schema: personForm,
    anchor: 'h-persons',
    run: (p, v) =>
      addPerson({ ...p, input: { ...(v as never as object), groups: asList(v.groups as never) } as never }),
  },
  act: {
    schema: actForm,
    anchor: 'h-acts',
    run: (p, v) => addAct({ ...p, input: { ...(v as never as object), methods: asList(v.methods as never) } as never }),
  },
  involvement: { schema: involvementForm, anchor: 'h-inv', run: (p, v) => addInvolvement({ ...p, input: v as never }) },
  intervention: {
    schema: interventionForm,
    anchor: 'h-int',
    run: (p, v) => addIntervention({ ...p, input: v as never }),
  },
  source: { schema: sourceForm, anchor: 'h-src', run: (p, v) => addSource({ ...p, input: v as never }) },
  link: { schema: linkForm, anchor: 'h-events', run: (p, v) => linkEvents({ ...p, input: v as never }) },
};

function listsOf(body: unknown): Record<string, string[]> {
  const b = (body ?? {}) as Record<string, unknown>;
  return { groups: asList(b.groups as never), methods: asList(b.methods as never) };
}

export async function caseRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, now } = app.achyk;

  app.get<{ Querystring: { q?: string } }>('/cases', { config: { policy: 'cases.use' } }, async (request, reply) => {
    const user = request.ctx.user!;
    const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 200) : '';
    const cases = await listCasesFor(db, cipher, user, q);
    return sendPage(
      reply,
      <CasesPage
        ctx={viewContext(request)}
        cases={cases}
        query={q}
        coordinator={user.role === 'coordinator'}
        canCreate={can(user, 'cases.create')}
        canReport={can(user, 'cases.report')}
        canThesaurus={can(user, 'cases.thesaurus')}
      />,
    );
  });

  app.get('/cases/new', { config: { policy: 'cases.create' } }, async (request, reply) => {
    return sendPage(
      reply,
      <NewCasePage
        ctx={viewContext(request)}
        state={emptyState}
        territories={await territoryOpts(db, request.ctx.locale)}
      />,
    );
  });

  app.post('/cases', { config: { policy: 'cases.create' } }, (request, reply) =>
    handleForm(request, reply, {
      schema: caseForm,
      command: ({ trx, value, now: at }) =>
        createCase({ trx, cipher, userId: request.ctx.user!.id, input: value, now: at }),
      redirect: ({ result: created }) => `/cases/${created.id}`,
      render: async ({ input, errors, status }) =>
        sendPage(
          reply,
          <NewCasePage
            ctx={viewContext(request)}
            state={{ errors, input }}
            territories={await territoryOpts(db, request.ctx.locale)}
          />,
          status,
        ),
    }),
  );

  app.get<{ Params: { id: string } }>('/cases/:id', { config: { policy: 'cases.use' } }, async (request, reply) => {
    const { row, access } = await requireCase(request, request.params.id, 'case.read');
    const user = request.ctx.user!;
    const detail = await loadCaseDetail(db, cipher, row);
    await recordCaseRead(db, { caseId: row.id, userId: user.id, door: 'page', now: now() });
    return sendPage(
      reply,
      <CasePage
        ctx={viewContext(request)}
        detail={detail}
        labels={await labelsFor(db, request.ctx.locale)}
        canEdit={can(user, 'case.edit', access)}
        canManage={can(user, 'case.manage', access)}
        appealsAvailable={appealBridge.available()}
      />,
    );
  });

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    caseId: number,
    form: CaseFormName,
    state: FormState,
    status = 200,
  ) {
    const { row } = await requireCase(request, String(caseId), 'case.edit');
    const detail = await loadCaseDetail(db, cipher, row);
    // The forms list the case's people by name: showing them is a read of the case.
    await recordCaseRead(db, { caseId: row.id, userId: request.ctx.user!.id, door: 'page', now: now() });
    const options = await formOptions(db, request.ctx.locale, detail);
    return sendPage(
      reply,
      <CaseFormPage
        ctx={viewContext(request)}
        caseId={row.id}
        reference={row.reference}
        form={form}
        state={state}
        options={options}
      />,
      status,
    );
  }

  function formName(v: string): CaseFormName {
    if (!(CASE_FORMS as readonly string[]).includes(v)) throw notFound();
    return v as CaseFormName;
  }

  app.get<{ Params: { id: string; form: string } }>(
    '/cases/:id/add/:form',
    { config: { policy: 'cases.use' } },
    async (request, reply) => {
      const form = formName(request.params.form);
      const { row } = await requireCase(request, request.params.id, 'case.edit');
      if (form === 'appeal' && !appealBridge.available()) throw notFound();
      return formPage(request, reply, row.id, form, emptyState);
    },
  );

  app.post<{ Params: { id: string; form: string } }>(
    '/cases/:id/add/:form',
    { config: { policy: 'cases.use' } },
    async (request, reply) => {
      const name = formName(request.params.form);
      const { row } = await requireCase(request, request.params.id, 'case.edit');
      const spec = FORMS[name];
      if (!spec) throw notFound();
      const form = parseForm(spec.schema, request.body);
      const lists = listsOf(request.body);
      if (!form.ok)
        return formPage(request, reply, row.id, name, { errors: form.errors, input: form.input, lists }, 422);
      try {
        await db
          .transaction()
          .execute((trx) =>
            spec.run(
              { trx, cipher, caseId: row.id, userId: request.ctx.user!.id, now: now() },
              form.value as Record<string, unknown>,
            ),
          );
      } catch (err) {
        if (err instanceof AppError && err.code === 'invalid')
          return formPage(request, reply, row.id, name, { errors: err.fields, input: form.input, lists }, 422);
        throw err;
      }
      return redirectTo(reply, `/cases/${row.id}#${spec.anchor}`);
    },
  );
}
