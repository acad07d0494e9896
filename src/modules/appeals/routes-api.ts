/**
 * The JSON API of appeals (in the OpenAPI document): create, read, record events, and the due-date
 * calculator. Same validation, commands and permissions as the pages: a record the token's user may
 * not read answers 404.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid, type FieldError } from '../../platform/errors.js';
import { isEmail, MAX_ID } from '../../platform/http/validation.js';
import { can, isStaff } from '../../platform/policy/policy.js';
import { isIsoDate, kyrgyzDateOf, renderExplanation } from '../calendar/index.js';
import { apiErrorResponses } from '../../platform/http/api-errors.js';
import { appealFor, applicantOf } from './access.js';
import { loadCalendar } from './calendar-store.js';
import { createDraft } from './commands/create-draft.js';
import { recordEvent, type EventInput } from './commands/record-event.js';
import { submitAppeal } from './commands/submit.js';
import { updateDraft } from './commands/update-draft.js';
import { appealDeadlines } from './deadlines.js';
import { dueFor } from './due.js';
import { computedStatus } from './lifecycle.js';
import { findAppeal, listEvents, listFiles, type Appeal } from './queries.js';
import { findRule, legalBasis } from './rules/queries.js';
import { channelSchema, classificationSchema, kindSchema, languageSchema, refusalSchema } from './schema.js';
import { requestActor, userActor } from '../../platform/audit/actor.js';

const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD (Bishkek date)' });

const CreateBody = Type.Object(
  {
    bodyId: Type.Integer({ minimum: 1, maximum: MAX_ID }),
    kind: kindSchema,
    language: languageSchema,
    subject: Type.String({ minLength: 1, maxLength: 300 }),
    text: Type.String({ maxLength: 50_000 }),
    channel: Type.Optional(channelSchema),
    toAddress: Type.Optional(Type.String({ maxLength: 254 })),
    submittedOn: Type.Optional(DateString),
    registrationNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    registeredOn: Type.Optional(DateString),
    personName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    personContact: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    send: Type.Optional(
      Type.Boolean({ description: 'send (e-mail) or record (paper, portal) at once; otherwise a draft is kept' }),
    ),
  },
  { additionalProperties: false },
);

const EventBody = Type.Object(
  {
    kind: Type.Union(
      ['register', 'extend', 'redirect', 'answer', 'classify', 'close', 'note'].map((k) => Type.Literal(k)),
    ),
    number: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    on: Type.Optional(DateString),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    bodyId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
    text: Type.Optional(Type.String({ maxLength: 50_000 })),
    classification: Type.Optional(classificationSchema),
    refusalReason: Type.Optional(refusalSchema),
  },
  { additionalProperties: false },
);

const AppealOut = Type.Object({
  id: Type.Integer(),
  state: Type.String(),
  status: Type.String(),
  kind: Type.String(),
  language: Type.String(),
  channel: Type.String(),
  bodyId: Type.Integer(),
  subject: Type.String(),
  text: Type.String(),
  receivedOn: Type.Union([Type.String(), Type.Null()]),
  registrationNumber: Type.Union([Type.String(), Type.Null()]),
  registeredOn: Type.Union([Type.String(), Type.Null()]),
  registrationDue: Type.Union([Type.String(), Type.Null()]),
  due: Type.Union([Type.String(), Type.Null()]),
  workingDaysLeft: Type.Union([Type.Integer(), Type.Null()]),
  legalBasis: Type.Union([Type.String(), Type.Null()]),
  explanation: Type.Array(Type.String()),
  classification: Type.Union([Type.String(), Type.Null()]),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  events: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      on: Type.String(),
      text: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  files: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      size: Type.Integer(),
      sha256: Type.String(),
      mime: Type.String(),
    }),
  ),
});

const DueOut = Type.Object({
  kind: Type.String(),
  from: Type.String(),
  ruleId: Type.Integer(),
  ruleValidFrom: Type.String(),
  legalBasis: Type.String(),
  disputed: Type.Boolean(),
  registrationDue: Type.String(),
  due: Type.String(),
  term: Type.Integer(),
  unit: Type.String(),
  explanation: Type.Array(Type.String()),
});

export async function appealApiRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, config, now } = app.achyk;

  async function toJson(request: FastifyRequest, a: Appeal): Promise<Static<typeof AppealOut>> {
    const today = kyrgyzDateOf(now());
    const rule = a.rule_id ? await findRule(db, a.rule_id) : undefined;
    const d = rule ? appealDeadlines(a, rule, await loadCalendar(db), today) : null;
    return {
      id: a.id,
      state: a.state,
      status: computedStatus(a, today),
      kind: a.kind,
      language: a.language,
      channel: a.channel,
      bodyId: a.body_id,
      subject: a.subject,
      text: a.text,
      receivedOn: a.received_on,
      registrationNumber: a.registration_number,
      registeredOn: a.registered_on,
      registrationDue: a.registration_due,
      due: a.due_date,
      workingDaysLeft: d?.answer?.status?.workingDaysLeft ?? null,
      legalBasis: rule ? legalBasis(rule, request.ctx.locale) : null,
      explanation: d?.answer ? renderExplanation(d.answer.explanation, request.ctx.locale) : [],
      classification: a.classification,
      parentId: a.parent_id,
      events: (await listEvents(db, a.id)).map((e) => ({ id: e.id, kind: e.kind, on: e.on_date, text: e.text })),
      files: (await listFiles(db, a.id)).map((f) => ({
        id: f.id,
        name: f.original_name,
        size: f.size,
        sha256: f.sha256,
        mime: f.mime,
      })),
    };
  }

  app.post<{ Body: Static<typeof CreateBody> }>(
    '/api/v1/appeals',
    {
      config: { policy: 'appeals.use', api: true },
      schema: {
        summary: 'Create an appeal (a draft, or sent / recorded at once with send: true)',
        tags: ['appeals'],
        security: [{ bearer: [] }],
        body: CreateBody,
        response: { 201: AppealOut, ...apiErrorResponses, 409: apiErrorResponses[400] },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const user = request.ctx.user!;
      const errors: FieldError[] = [];
      if (b.toAddress && !isEmail(b.toAddress)) errors.push({ field: 'toAddress', message: 'validation.email' });
      for (const f of ['submittedOn', 'registeredOn'] as const)
        if (b[f] && !isIsoDate(b[f]!)) errors.push({ field: f, message: 'appeals.error.bad_date' });
      if ((b.personName || b.personContact) && !can(user, 'appeals.on_behalf'))
        errors.push({ field: 'personName', message: 'error.forbidden' });
      if (errors.length) throw invalid(errors);
      const at = now();
      const applicantFor = async (a: Appeal) => applicantOf(db, cipher, a);
      const calendar = await loadCalendar(db);
      const id = await db.transaction().execute(async (trx) => {
        const id = await createDraft({
          trx,
          ownerId: user.id,
          ngo: isStaff(user),
          bodyId: b.bodyId,
          actor: userActor(user.id),
          now: at,
        });
        const draft = (await trx
          .selectFrom('appeal')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow()) as Appeal;
        const channel = b.channel ?? 'email';
        await updateDraft({
          trx,
          appeal: draft,
          values: {
            kind: b.kind,
            language: b.language,
            subject: b.subject,
            text: b.text,
            channel,
            to_address: b.toAddress ?? null,
            submitted_on: b.submittedOn ?? null,
            registration_number: b.registrationNumber ?? null,
            registered_on: b.registeredOn ?? null,
            person_name: b.personName ?? null,
            person_contact: b.personContact ?? null,
          },
          cipher,
          canActOnBehalf: can(user, 'appeals.on_behalf'),
          now: at,
        });
        if (b.send) {
          const ready = (await trx
            .selectFrom('appeal')
            .selectAll()
            .where('id', '=', id)
            .executeTakeFirstOrThrow()) as Appeal;
          const applicant = ready.person_name_enc
            ? await applicantFor(ready)
            : { name: user.displayName, contact: user.email };
          await submitAppeal({
            trx,
            appeal: ready,
            applicantName: applicant.name,
            applicantContact: applicant.contact,
            actor: userActor(user.id),
            calendar,
            cipher,
            mailDomain: config.mailDomain,
            dataDir: config.dataDir,
            now: at,
          });
        }
        return id;
      });
      return reply.code(201).send(await toJson(request, (await findAppeal(db, id))!));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/appeals/:id',
    {
      config: { policy: 'appeals.use', api: true },
      schema: {
        summary: 'An appeal with its deadlines, explanation, timeline and documents',
        tags: ['appeals'],
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String() }),
        response: { 200: AppealOut, ...apiErrorResponses },
      },
    },
    async (request) => toJson(request, await appealFor(request, request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: Static<typeof EventBody> }>(
    '/api/v1/appeals/:id/events',
    {
      config: { policy: 'appeals.use', api: true },
      schema: {
        summary: 'Record an event: register, extend, redirect, answer, classify, close, note',
        tags: ['appeals'],
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String() }),
        body: EventBody,
        response: { 201: AppealOut, ...apiErrorResponses, 409: apiErrorResponses[400] },
      },
    },
    async (request, reply) => {
      const appeal = await appealFor(request, request.params.id, 'appeals.act');
      const b = request.body;
      const at = now();
      const today = kyrgyzDateOf(at);
      const errors: FieldError[] = [];
      if (b.on && !isIsoDate(b.on)) errors.push({ field: 'on', message: 'appeals.error.bad_date' });
      const on = b.on ?? today;
      const need = (field: keyof typeof b) => {
        if (b[field] === undefined) errors.push({ field, message: 'validation.required' });
      };
      let input: EventInput;
      switch (b.kind) {
        case 'register':
          need('number');
          input = { kind: 'register', number: b.number ?? '', on };
          break;
        case 'extend':
          need('days');
          input = { kind: 'extend', days: b.days ?? 0, on, text: b.text };
          break;
        case 'redirect':
          need('bodyId');
          input = { kind: 'redirect', bodyId: b.bodyId ?? 0, on, text: b.text };
          break;
        case 'answer':
          input = { kind: 'answer', on, text: b.text };
          break;
        case 'classify':
          need('classification');
          input = {
            kind: 'classify',
            classification: b.classification ?? 'satisfied',
            refusalReason: b.refusalReason ?? null,
            text: b.text,
          };
          break;
        case 'close':
          input = { kind: 'close', text: b.text };
          break;
        default:
          need('text');
          input = { kind: 'note', text: b.text ?? '' };
      }
      if (errors.length) throw invalid(errors);
      const calendar = await loadCalendar(db);
      await db
        .transaction()
        .execute((trx) => recordEvent({ trx, appeal, input, actor: requestActor(request), calendar, now: at }));
      return reply.code(201).send(await toJson(request, (await findAppeal(db, appeal.id))!));
    },
  );

  app.get<{ Querystring: { kind: string; from: string; lang?: 'ky' | 'ru' | 'en' } }>(
    '/api/v1/calendar/due',
    {
      config: { policy: 'public', api: true },
      schema: {
        summary:
          'Due date of an appeal of a kind received on a day, with the rule and the explanation (days skipped and why)',
        tags: ['appeals'],
        querystring: Type.Object(
          {
            kind: Type.String({ maxLength: 40 }),
            from: Type.String({ maxLength: 20 }),
            lang: Type.Optional(languageSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: DueOut, ...apiErrorResponses },
      },
    },
    async (request) => dueFor(db, request.query.kind, request.query.from, request.query.lang ?? request.ctx.locale),
  );
}
