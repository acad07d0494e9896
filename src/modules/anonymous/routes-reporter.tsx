/**
 * The reporter's side: the questionnaire (two steps, no JavaScript needed), the receipt shown once,
 * and the follow-up after entering the receipt. Nothing about the request is recorded on these
 * routes: the request log keeps method, path and a random correlation id only (platform/http/
 * logging.ts), the audit log says 'anonymous', and no table has a place for an address.
 */
import crypto from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { parseForm } from '../../platform/http/validation.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { findBodyById, isBodyActive, searchBodies } from '../directory/index.js';
import { clearAccessCookie, endAccess, loadAccess, openAccess, setAccessCookie } from './access.js';
import { alreadySubmitted, createReport, makeReceipt, type ReportInput } from './commands/create-report.js';
import { findByReceipt } from './commands/find-by-receipt.js';
import { addReporterFiles, addReporterMessage, deleteReport, setConsent } from './commands/reporter-actions.js';
import { discardPrepared, MULTIPART_LIMITS, prepareFiles, readMultipart } from './files/upload.js';
import { removeEncrypted } from './files/encrypted-store.js';
import { findReport } from './queries.js';
import { formatReceipt, normalizeReceipt, receiptPrefix } from './receipt.js';
import { consentForm, deleteForm, followForm, replyForm, sendForm, stepOneComplete, stepOneForm } from './schema.js';
import { bodyOption, statusView } from './status-view.js';
import { CONSENT_PARTS, type ConsentPart, type Topic } from './tables.js';
import { ReceiptThrottle } from './throttle.js';
import type { FileView } from './views/common.js';
import {
  FollowPage,
  IntroPage,
  NoticePage,
  ReceiptPage,
  StatusPage,
  StepOnePage,
  StepTwoPage,
  type StepOneInput,
  type StepTwoInput,
} from './views/reporter.js';

const policy = 'anonymous.report';
const cfg = { policy, confidential: true } as const;

function consentFrom(fields: Record<string, unknown>): Record<ConsentPart, boolean> {
  return Object.fromEntries(
    CONSENT_PARTS.map((p) => [p, fields[`consent_${p}`] === '1' || fields[`consent_${p}`] === 'on']),
  ) as Record<ConsentPart, boolean>;
}

export async function reporterRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, config, now } = app.achyk;
  const hash = { log2n: config.scryptLog2N, r: 8, p: 1 };
  const throttle = new ReceiptThrottle();
  const retentionDays = config.anonymousRetentionDays;

  async function stepOne(
    request: FastifyRequest,
    reply: FastifyReply,
    input: StepOneInput,
    errors: FieldError[],
    search: boolean,
    status = 200,
  ) {
    const today = kyrgyzDateOf(now());
    const results =
      search && input.q?.trim()
        ? (await searchBodies(db, { q: input.q, activeOn: today, limit: 20 })).map((b) => ({
            id: b.id,
            name: b[`name_${request.ctx.locale}`] ?? b.name_ky ?? b.name_ru ?? b.name_en ?? '',
          }))
        : search
          ? []
          : null;
    const chosen = input.body_id ? await bodyOption(db, Number(input.body_id), request.ctx.locale) : null;
    return sendPage(
      reply,
      <StepOnePage ctx={viewContext(request)} input={input} errors={errors} results={results} chosen={chosen} />,
      status,
    );
  }

  async function stepTwo(
    request: FastifyRequest,
    reply: FastifyReply,
    input: StepTwoInput,
    errors: FieldError[],
    formToken: string,
    status = 200,
  ) {
    const body = input.body_id ? await bodyOption(db, Number(input.body_id), request.ctx.locale) : null;
    return sendPage(
      reply,
      <StepTwoPage
        ctx={viewContext(request)}
        input={input}
        bodyName={body?.name ?? null}
        formToken={formToken}
        errors={errors}
      />,
      status,
    );
  }

  /** The chosen body must exist and be active today; returns a field error otherwise. */
  async function checkBody(bodyId: string | undefined): Promise<FieldError | null> {
    if (!bodyId) return null;
    const b = await findBodyById(db, Number(bodyId));
    if (!b || !isBodyActive(b, kyrgyzDateOf(now()))) return { field: 'body_id', message: 'anonymous.error.body' };
    return null;
  }

  app.get('/report', { config: cfg }, async (request, reply) =>
    sendPage(reply, <IntroPage ctx={viewContext(request)} retentionDays={retentionDays} />),
  );

  app.get('/report/new', { config: cfg }, async (request, reply) => stepOne(request, reply, {}, [], false));

  app.post('/report/new', { config: cfg }, async (request, reply) => {
    const form = parseForm(stepOneForm, request.body);
    if (!form.ok) return stepOne(request, reply, form.input, form.errors, false, 422);
    const input = form.value;
    if (input.action === 'find') return stepOne(request, reply, { ...input, body_id: input.body_id ?? '' }, [], true);
    if (input.action !== 'continue') return stepOne(request, reply, input, [], !!input.q);
    const full = parseForm(stepOneComplete, request.body);
    const errors = full.ok ? [] : [...full.errors];
    const bodyError = await checkBody(input.body_id);
    if (bodyError) errors.push(bodyError);
    if (!full.ok || errors.length) return stepOne(request, reply, input, errors, !!input.q, 422);
    const v = full.value;
    const formToken = crypto.randomBytes(32).toString('base64url');
    return stepTwo(
      request,
      reply,
      { topic: v.topic, body_id: v.body_id ?? '', what: v.what, when: v.when ?? '', where: v.where ?? '', consent: {} },
      [],
      formToken,
    );
  });

  app.get<{ Querystring: { ended?: string } }>('/report/follow', { config: cfg }, async (request, reply) => {
    const notice = request.query.ended ? request.ctx.t('anonymous.follow.ended') : null;
    return sendPage(reply, <FollowPage ctx={viewContext(request)} errors={[]} notice={notice} />);
  });

  app.post('/report/follow', { config: cfg }, async (request, reply) => {
    const ctx = viewContext(request);
    const neutral: FieldError[] = [{ field: 'receipt', message: 'anonymous.follow.not_found' }];
    const form = parseForm(followForm, request.body);
    const code = form.ok ? normalizeReceipt(form.value.receipt) : null;
    // One neutral answer for malformed, wrong, deleted and expired receipts alike.
    if (!code) return sendPage(reply, <FollowPage ctx={ctx} errors={neutral} />, 422);
    const at = now();
    const prefix = receiptPrefix(code);
    const wait = throttle.attempt(prefix, at);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return sendPage(
        reply,
        <FollowPage
          ctx={ctx}
          errors={[{ field: 'receipt', message: 'error.too_many_requests', params: { seconds: wait } }]}
        />,
        429,
      );
    }
    const reportId = await findByReceipt(db, cipher, hash, code);
    if (reportId === null) {
      throttle.failure(prefix, at);
      return sendPage(reply, <FollowPage ctx={ctx} errors={neutral} />, 422);
    }
    setAccessCookie(reply, await openAccess(db, reportId, at));
    return redirectTo(reply, '/report/status');
  });

  /** The report of the follow-up session, or an answer that ends the request. */
  async function followed(request: FastifyRequest, reply: FastifyReply) {
    const access = await loadAccess(request, now());
    if (access.kind === 'none') {
      redirectTo(reply, '/report/follow?ended=1');
      return null;
    }
    const report = access.kind === 'ok' ? await findReport(db, access.reportId) : undefined;
    if (!report || access.kind !== 'ok') {
      clearAccessCookie(reply);
      const t = request.ctx.t;
      sendPage(
        reply,
        <NoticePage
          ctx={viewContext(request)}
          title={t('anonymous.gone.title')}
          text={t('anonymous.gone.text')}
          status="gone"
        />,
        410,
      );
      return null;
    }
    return { report, tokenHash: access.tokenHash };
  }

  async function statusPage(
    request: FastifyRequest,
    reply: FastifyReply,
    reportId: number,
    errors: FieldError[],
    opts: { uploaded?: FileView[]; flash?: string | null; status?: number } = {},
  ) {
    const report = (await findReport(db, reportId))!;
    const v = await statusView(db, cipher, report, retentionDays, request.ctx.locale);
    return sendPage(
      reply,
      <StatusPage ctx={viewContext(request)} view={v} errors={errors} uploaded={opts.uploaded} flash={opts.flash} />,
      opts.status ?? (errors.length ? 422 : 200),
    );
  }

  app.get<{ Querystring: { done?: string } }>('/report/status', { config: cfg }, async (request, reply) => {
    const f = await followed(request, reply);
    if (!f) return reply;
    const t = request.ctx.t;
    const done = request.query.done;
    const flash =
      done === 'reply' ? t('anonymous.done.reply') : done === 'consent' ? t('anonymous.done.consent') : null;
    return statusPage(request, reply, f.report.id, [], { flash });
  });

  app.post('/report/reply', { config: cfg }, async (request, reply) => {
    const f = await followed(request, reply);
    if (!f) return reply;
    const form = parseForm(replyForm, request.body);
    if (!form.ok) return statusPage(request, reply, f.report.id, form.errors);
    await db
      .transaction()
      .execute((trx) =>
        addReporterMessage({ trx, cipher, reportId: f.report.id, text: form.value.message, now: now() }),
      );
    return redirectTo(reply, '/report/status?done=reply');
  });

  app.post('/report/consent', { config: cfg }, async (request, reply) => {
    const f = await followed(request, reply);
    if (!f) return reply;
    const form = parseForm(consentForm, request.body);
    if (!form.ok) return statusPage(request, reply, f.report.id, form.errors);
    await db
      .transaction()
      .execute((trx) => setConsent({ trx, reportId: f.report.id, consent: consentFrom(form.value), now: now() }));
    return redirectTo(reply, '/report/status?done=consent');
  });

  app.post('/report/delete', { config: cfg }, async (request, reply) => {
    const f = await followed(request, reply);
    if (!f) return reply;
    const form = parseForm(deleteForm, request.body);
    if (!form.ok)
      return statusPage(request, reply, f.report.id, [
        { field: 'confirm', message: 'anonymous.delete.confirm_required' },
      ]);
    const stored = await db.transaction().execute(async (trx) => {
      const names = await deleteReport({
        trx,
        reportId: f.report.id,
        actor: 'anonymous',
        action: 'anonymous.report_deleted',
        now: now(),
      });
      await endAccess(trx, f.tokenHash);
      return names;
    });
    for (const name of stored) removeEncrypted(config.dataDir, name);
    clearAccessCookie(reply);
    const t = request.ctx.t;
    return sendPage(
      reply,
      <NoticePage ctx={viewContext(request)} title={t('anonymous.deleted.title')} text={t('anonymous.deleted.text')} />,
    );
  });

  app.post('/report/leave', { config: cfg }, async (request, reply) => {
    const access = await loadAccess(request, now());
    if (access.kind === 'ok') await endAccess(db, access.tokenHash);
    clearAccessCookie(reply);
    return redirectTo(reply, '/report');
  });

  // Multipart bodies only for these two routes, with per-file size limits enforced while streaming.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: true });

    scope.post('/report/send', { config: cfg }, async (request, reply) => {
      if (!request.isMultipart()) return stepOne(request, reply, {}, [], false, 415);
      const upload = await readMultipart(request);
      const form = parseForm(sendForm, upload.fields);
      if (!form.ok)
        return stepOne(
          request,
          reply,
          upload.fields,
          [...upload.errors, ...form.errors],
          false,
          upload.errors.length ? 413 : 422,
        );
      const v = form.value;
      const input: StepTwoInput = {
        topic: v.topic as Topic,
        body_id: v.body_id ?? '',
        what: v.what,
        when: v.when ?? '',
        where: v.where ?? '',
        consent: consentFrom(v),
      };
      if (upload.errors.length) return stepTwo(request, reply, input, upload.errors, v.form_token, 413);
      const t = request.ctx.t;
      if (await alreadySubmitted(db, v.form_token)) {
        return sendPage(
          reply,
          <NoticePage
            ctx={viewContext(request)}
            title={t('anonymous.resent.title')}
            text={t('anonymous.resent.text')}
          />,
          409,
        );
      }
      const bodyError = await checkBody(v.body_id);
      if (bodyError) return stepOne(request, reply, input, [bodyError], false, 422);
      const prepared = await prepareFiles(config.dataDir, cipher, upload.files);
      if (!prepared.ok) return stepTwo(request, reply, input, prepared.errors, v.form_token, 422);
      const report: ReportInput = {
        topic: input.topic,
        bodyId: input.body_id ? Number(input.body_id) : null,
        what: input.what,
        when: input.when,
        where: input.where,
        consent: consentFrom(v),
      };
      const receipt = await makeReceipt(cipher, hash);
      try {
        await db.transaction().execute((trx) =>
          createReport({
            trx,
            cipher,
            input: report,
            files: prepared.files,
            receipt,
            formToken: v.form_token,
            now: now(),
          }),
        );
      } catch (err) {
        discardPrepared(config.dataDir, prepared.files);
        throw err;
      }
      const files: FileView[] = prepared.files.map((f) => ({
        name: f.name,
        removed: f.removed,
        keptProperties: f.keptProperties,
      }));
      return sendPage(
        reply,
        <ReceiptPage
          ctx={viewContext(request)}
          receipt={formatReceipt(receipt.receipt)}
          files={files}
          retentionDays={retentionDays}
        />,
      );
    });

    scope.post('/report/files', { config: cfg }, async (request, reply) => {
      const f = await followed(request, reply);
      if (!f) return reply;
      if (!request.isMultipart())
        return statusPage(request, reply, f.report.id, [{ field: 'files', message: 'anonymous.error.no_files' }], {
          status: 415,
        });
      const upload = await readMultipart(request);
      if (upload.errors.length) return statusPage(request, reply, f.report.id, upload.errors, { status: 413 });
      if (upload.files.length === 0)
        return statusPage(request, reply, f.report.id, [{ field: 'files', message: 'anonymous.error.no_files' }]);
      const prepared = await prepareFiles(config.dataDir, cipher, upload.files);
      if (!prepared.ok) return statusPage(request, reply, f.report.id, prepared.errors);
      try {
        await db
          .transaction()
          .execute((trx) => addReporterFiles({ trx, reportId: f.report.id, files: prepared.files, now: now() }));
      } catch (err) {
        discardPrepared(config.dataDir, prepared.files);
        throw err;
      }
      const uploaded = prepared.files.map((p) => ({
        name: p.name,
        removed: p.removed,
        keptProperties: p.keptProperties,
      }));
      return statusPage(request, reply, f.report.id, [], { uploaded, flash: request.ctx.t('anonymous.done.files') });
    });
  });
}
