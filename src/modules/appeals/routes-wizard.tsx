/**
 * The wizard, page by page, without JavaScript: 1 choose the body (search), 2 kind, language and
 * text (or "already submitted on paper / portal"), 3 documents, 4 review and send. The draft lives
 * in the database between steps.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { can, isStaff } from '../../platform/policy/policy.js';
import { kyrgyzDateOf, renderExplanation } from '../calendar/index.js';
import { appealFor, applicantOf } from './access.js';
import { bodyById, bodyEmail, bodyName, searchActiveBodies } from '../directory/index.js';
import { loadCalendar } from './calendar-store.js';
import { createDraft } from './commands/create-draft.js';
import { draftProblems, submitAppeal } from './commands/submit.js';
import { updateDraft } from './commands/update-draft.js';
import { appealDeadlines } from './deadlines.js';
import { appealLetter } from './letter.js';
import { listFiles, type Appeal } from './queries.js';
import { legalBasis, ruleInForce } from './rules/queries.js';
import { bodyChoiceForm, checkOptional, draftForm } from './schema.js';
import { AppealStepPage, BodyStepPage, ReviewStepPage, type ReviewView } from './views/wizard.js';
import { userActor } from '../../platform/audit/actor.js';
import { handleForm } from '../../platform/http/form-route.js';

export async function wizardRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, config, now } = app.achyk;

  async function bodyPage(request: FastifyRequest, q: string, errors: FieldError[] = []) {
    const today = kyrgyzDateOf(now());
    const results = q.trim()
      ? (await searchActiveBodies(db, q, today)).map((b) => ({
          id: b.id,
          name: bodyName(b, request.ctx.locale),
          hasEmail: bodyEmail(b) !== null,
        }))
      : null;
    return <BodyStepPage ctx={viewContext(request)} query={q} results={results} errors={errors} />;
  }

  app.get<{ Querystring: { q?: string } }>(
    '/appeals/new',
    { config: { policy: 'appeals.use' } },
    async (request, reply) => {
      const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 200) : '';
      return sendPage(reply, await bodyPage(request, q));
    },
  );

  app.post('/appeals/new', { config: { policy: 'appeals.use' } }, (request, reply) =>
    handleForm(request, reply, {
      schema: bodyChoiceForm,
      command: ({ trx, value, now: at }) => {
        const user = request.ctx.user!;
        return createDraft({
          trx,
          ownerId: user.id,
          ngo: isStaff(user),
          bodyId: Number(value.body_id),
          language: request.ctx.locale,
          actor: userActor(user.id),
          now: at,
        });
      },
      redirect: ({ result: id }) => `/appeals/${id}/edit`,
      render: async ({ errors, status }) => sendPage(reply, await bodyPage(request, '', errors), status),
    }),
  );

  async function draftOf(request: FastifyRequest<{ Params: { id: string } }>): Promise<Appeal> {
    const appeal = await appealFor(request, request.params.id, 'appeals.act');
    if (appeal.state !== 'draft') throw new AppError('conflict', 'appeals.error.not_draft');
    return appeal;
  }

  async function draftInput(appeal: Appeal): Promise<Record<string, string>> {
    return {
      kind: appeal.kind,
      language: appeal.language,
      subject: appeal.subject,
      text: appeal.text,
      channel: appeal.channel,
      to_address: appeal.to_address ?? '',
      submitted_on: appeal.received_on ?? '',
      registration_number: appeal.registration_number ?? '',
      registered_on: appeal.registered_on ?? '',
      person_name: cipher.decryptNullable(appeal.person_name_enc, 'appeal.person_name') ?? '',
      person_contact: cipher.decryptNullable(appeal.person_contact_enc, 'appeal.person_contact') ?? '',
    };
  }

  async function appealStep(
    request: FastifyRequest,
    appeal: Appeal,
    input: Record<string, string>,
    errors: FieldError[],
  ) {
    const body = await bodyById(db, appeal.body_id);
    const draft = {
      id: appeal.id,
      bodyName: body ? bodyName(body, request.ctx.locale) : '—',
      input,
      onBehalf: can(request.ctx.user, 'appeals.on_behalf'),
      directoryEmail: body ? bodyEmail(body) : null,
    };
    return <AppealStepPage ctx={viewContext(request)} draft={draft} errors={errors} />;
  }

  app.get<{ Params: { id: string } }>(
    '/appeals/:id/edit',
    { config: { policy: 'appeals.use' } },
    async (request, reply) => {
      const appeal = await draftOf(request);
      return sendPage(reply, await appealStep(request, appeal, await draftInput(appeal), []));
    },
  );

  app.post<{ Params: { id: string } }>('/appeals/:id/edit', { config: { policy: 'appeals.use' } }, (request, reply) =>
    handleForm(request, reply, {
      load: () => draftOf(request),
      schema: draftForm,
      check: ({ input }) => checkOptional(input, ['submitted_on', 'registered_on'], ['to_address']),
      command: ({ trx, value: v, record: appeal, now: at }) =>
        updateDraft({
          trx,
          appeal,
          values: {
            ...v,
            to_address: v.to_address || null,
            submitted_on: v.submitted_on || null,
            registration_number: v.registration_number || null,
            registered_on: v.registered_on || null,
            person_name: v.person_name || null,
            person_contact: v.person_contact || null,
          },
          cipher,
          canActOnBehalf: can(request.ctx.user, 'appeals.on_behalf'),
          now: at,
        }),
      redirect: ({ record: appeal }) => `/appeals/${appeal.id}/documents`,
      render: async ({ record: appeal, input, errors, status }) =>
        sendPage(reply, await appealStep(request, appeal, input, errors), status),
    }),
  );

  async function reviewView(request: FastifyRequest, appeal: Appeal): Promise<ReviewView> {
    const today = kyrgyzDateOf(now());
    const body = await bodyById(db, appeal.body_id);
    const receivedOn = appeal.channel === 'email' ? today : appeal.received_on;
    const rule = receivedOn ? await ruleInForce(db, appeal.kind, receivedOn) : undefined;
    const calendar = await loadCalendar(db);
    const d =
      rule && receivedOn
        ? appealDeadlines(
            { received_on: receivedOn, registered_on: appeal.registered_on, redirected_on: null, extension_days: 0 },
            rule,
            calendar,
          )
        : null;
    const applicant = await applicantOf(db, cipher, appeal);
    const letter =
      appeal.channel === 'email' && rule && d?.answer && d.registration && body
        ? appealLetter({
            appeal,
            body,
            applicant,
            rule,
            receivedOn: receivedOn!,
            registrationDue: d.registration.due,
            due: d.answer.due,
          })
        : null;
    return {
      id: appeal.id,
      bodyName: body ? bodyName(body, request.ctx.locale) : '—',
      bodyEmail: appeal.to_address ?? (body ? bodyEmail(body) : null),
      channel: appeal.channel,
      kind: appeal.kind,
      language: appeal.language,
      letter,
      subject: appeal.subject,
      legalBasis: rule ? legalBasis(rule, request.ctx.locale) : '—',
      receivedOn,
      registrationDue: d?.registration?.due ?? null,
      due: d?.answer?.due ?? null,
      explanation: d?.answer ? renderExplanation(d.answer.explanation, request.ctx.locale) : [],
      files: await listFiles(db, appeal.id),
    };
  }

  app.get<{ Params: { id: string } }>(
    '/appeals/:id/review',
    { config: { policy: 'appeals.use' } },
    async (request, reply) => {
      const appeal = await draftOf(request);
      const problems = draftProblems(appeal, kyrgyzDateOf(now()));
      return sendPage(
        reply,
        <ReviewStepPage ctx={viewContext(request)} review={await reviewView(request, appeal)} errors={problems} />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/appeals/:id/send',
    { config: { policy: 'appeals.use' } },
    async (request, reply) => {
      const appeal = await draftOf(request);
      const user = request.ctx.user!;
      try {
        const applicant = await applicantOf(db, cipher, appeal);
        const calendar = await loadCalendar(db);
        await db.transaction().execute((trx) =>
          submitAppeal({
            trx,
            appeal,
            applicantName: applicant.name,
            applicantContact: applicant.contact,
            actor: userActor(user.id),
            calendar,
            cipher,
            mailDomain: config.mailDomain,
            dataDir: config.dataDir,
            now: now(),
          }),
        );
      } catch (err) {
        if (err instanceof AppError && (err.code === 'invalid' || err.code === 'conflict')) {
          const errors =
            err.code === 'invalid' ? err.fields : [{ field: 'form', message: err.messageKey, params: err.params }];
          return sendPage(
            reply,
            <ReviewStepPage ctx={viewContext(request)} review={await reviewView(request, appeal)} errors={errors} />,
            422,
          );
        }
        throw err;
      }
      return redirectTo(reply, `/appeals/${appeal.id}?done=${appeal.channel === 'email' ? 'sent' : 'recorded'}`);
    },
  );
}
