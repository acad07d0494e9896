/**
 * The staff side (coordinators and lawyers): the inbox, a report's page (each opening is an audited
 * read of confidential content), triage, assignment, messages to the reporter, keeping a report from
 * expiring, conversion into a case or an appeal, and file downloads (always as attachments).
 */
import type { TObject } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Trx } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { AppError, notFound, type FieldError } from '../../platform/errors.js';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { findByRecordId } from '../../platform/http/validation.js';
import { can } from '../../platform/policy/policy.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { searchBodies } from '../directory/index.js';
import { convertToAppeal, convertToCase, consentedParts, reportBodyId } from './commands/convert.js';
import { addStaffMessage, assignReport, keepReport, recordRead, triageReport } from './commands/staff-actions.js';
import { CTX } from './encrypted-columns.js';
import { readEncrypted } from './files/encrypted-store.js';
import {
  expiresAt,
  findReport,
  findReportFile,
  listInbox,
  listMessages,
  listReportFiles,
  reportStaff,
  type Report,
} from './queries.js';
import { assignForm, convertAppealForm, convertCaseForm, keepForm, staffMessageForm, triageForm } from './schema.js';
import { bodyOption, fileView } from './status-view.js';
import { CONSENT_PARTS, isReportState, type ConsentPart } from './tables.js';
import { InboxPage, ReportPage, type ReportView } from './views/staff.js';
import { userActor } from '../../platform/audit/actor.js';
import { handleForm } from '../../platform/http/form-route.js';

const cfg = { policy: 'anonymous.staff', confidential: true } as const;

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, config, now } = app.achyk;
  const retentionDays = config.anonymousRetentionDays;

  async function reportFor(rawId: string): Promise<Report> {
    const report = await findByRecordId(rawId, (id) => findReport(db, id));
    if (!report) throw notFound();
    return report;
  }

  async function reportPage(request: FastifyRequest, report: Report, errors: FieldError[], bodyQuery = '') {
    const locale = request.ctx.locale;
    const userNames = new Map(
      (await db.selectFrom('user').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]),
    );
    const until = expiresAt(report, retentionDays);
    const v: ReportView = {
      id: report.id,
      topic: report.topic,
      state: report.state,
      createdAt: report.created_at,
      lastActivityAt: report.last_activity_at,
      expiresAt: until ? until.toISOString() : null,
      kept: report.kept === 1,
      assignedTo: report.assigned_to,
      body: await bodyOption(db, reportBodyId(cipher, report), locale),
      what: cipher.decrypt(report.what_enc, CTX.what),
      when: cipher.decryptNullable(report.when_enc, CTX.when),
      where: cipher.decryptNullable(report.where_enc, CTX.where),
      consented: consentedParts(report),
      files: (await listReportFiles(db, report.id)).map((f) => ({
        ...fileView(cipher, f),
        id: f.id,
        mime: f.mime,
        size: f.size,
        by: f.uploaded_by,
      })),
      messages: (await listMessages(db, report.id)).map((m) => ({
        author: m.author,
        staffName: m.user_id === null ? null : (userNames.get(m.user_id) ?? null),
        text: cipher.decrypt(m.body_enc, CTX.message),
        at: m.created_at,
      })),
      convertedCaseId: report.converted_case_id,
      convertedAppealId: report.converted_appeal_id,
    };
    const bodyResults = bodyQuery.trim()
      ? (await searchBodies(db, { q: bodyQuery, activeOn: kyrgyzDateOf(now()), limit: 20 })).map((b) => ({
          id: b.id,
          name: b[`name_${locale}`] ?? b.name_ky ?? b.name_ru ?? b.name_en ?? '',
        }))
      : null;
    const user = request.ctx.user;
    return (
      <ReportPage
        ctx={viewContext(request)}
        view={v}
        staff={await reportStaff(db)}
        bodyResults={bodyResults}
        bodyQuery={bodyQuery}
        errors={errors}
        canCase={can(user, 'cases.create')}
        canAppeal={can(user, 'appeals.use')}
      />
    );
  }

  app.get<{ Querystring: { state?: string; mine?: string } }>(
    '/anonymous-reports',
    { config: cfg },
    async (request, reply) => {
      const state = isReportState(request.query.state) ? request.query.state : '';
      const mine = request.query.mine === '1';
      const rows = await listInbox(db, {
        state: state || undefined,
        assignedTo: mine ? request.ctx.user!.id : undefined,
      });
      const withExpiry = rows.map((r) => ({ ...r, expiresAt: expiresAt(r, retentionDays)?.toISOString() ?? null }));
      return sendPage(reply, <InboxPage ctx={viewContext(request)} view={{ rows: withExpiry, state, mine }} />);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { body_q?: string; done?: string } }>(
    '/anonymous-reports/:id',
    { config: cfg },
    async (request, reply) => {
      const report = await reportFor(request.params.id);
      await db
        .transaction()
        .execute((trx) => recordRead({ trx, reportId: report.id, userId: request.ctx.user!.id, now: now() }));
      const bodyQuery = typeof request.query.body_q === 'string' ? request.query.body_q.slice(0, 200) : '';
      return sendPage(reply, await reportPage(request, report, [], bodyQuery));
    },
  );

  /**
   * A staff action through the form-route helper: validation errors re-render the report page (422),
   * the action runs in one transaction, success redirects back (or where the action says).
   */
  function action<S extends TObject>(
    name: string,
    schema: S,
    run: (
      trx: Trx,
      report: Report,
      value: Record<string, string>,
      request: FastifyRequest,
      now: Date,
    ) => Promise<string | void>,
  ) {
    app.post<{ Params: { id: string } }>(`/anonymous-reports/:id/${name}`, { config: cfg }, (request, reply) =>
      handleForm(request, reply, {
        load: () => reportFor(request.params.id),
        schema,
        command: ({ trx, input, record: report, now: at }) => run(trx, report, input, request, at),
        redirect: ({ record: report, result: to }) => to ?? `/anonymous-reports/${report.id}`,
        render: async ({ record: report, errors, status }) =>
          sendPage(reply, await reportPage(request, report, errors), status),
      }),
    );
  }

  const userId = (request: FastifyRequest) => request.ctx.user!.id;
  const partsOf = (v: Record<string, string>): ConsentPart[] =>
    CONSENT_PARTS.filter((p) => v[`part_${p}`] === '1' || v[`part_${p}`] === 'on');

  action('triage', triageForm, async (trx, report, v, request, at) => {
    if (!isReportState(v.state)) return;
    await triageReport({ trx, reportId: report.id, state: v.state, userId: userId(request), now: at });
  });
  action('assign', assignForm, async (trx, report, v, request, at) => {
    await assignReport({
      trx,
      reportId: report.id,
      assignee: v.assignee ? Number(v.assignee) : null,
      userId: userId(request),
      now: at,
    });
  });
  action('message', staffMessageForm, async (trx, report, v, request, at) => {
    await addStaffMessage({ trx, cipher, reportId: report.id, text: v.message!, userId: userId(request), now: at });
  });
  action('keep', keepForm, async (trx, report, v, request, at) => {
    await keepReport({ trx, reportId: report.id, keep: v.keep === '1', userId: userId(request), now: at });
  });
  action('convert-case', convertCaseForm, async (trx, report, v, request, at) => {
    if (!can(request.ctx.user, 'cases.create')) throw new AppError('forbidden');
    // One report, one case: a second press (another tab, another staff member) leads to the case
    // already opened instead of a duplicate that would take the report's link away from the first.
    if (report.converted_case_id !== null) return `/cases/${report.converted_case_id}`;
    const parts = partsOf(v);
    const id = await convertToCase({
      trx,
      cipher,
      dataDir: config.dataDir,
      report,
      parts,
      userId: userId(request),
      t: request.ctx.t,
      locale: request.ctx.locale,
      now: at,
    });
    return `/cases/${id}`;
  });
  action('convert-appeal', convertAppealForm, async (trx, report, v, request, at) => {
    if (!can(request.ctx.user, 'appeals.use')) throw new AppError('forbidden');
    if (report.converted_appeal_id !== null) return `/appeals/${report.converted_appeal_id}`;
    const parts = partsOf(v);
    const id = await convertToAppeal({
      trx,
      cipher,
      dataDir: config.dataDir,
      report,
      parts,
      bodyId: Number(v.body_id),
      userId: userId(request),
      t: request.ctx.t,
      locale: request.ctx.locale,
      now: at,
    });
    return `/appeals/${id}`;
  });

  app.get<{ Params: { id: string; fileId: string } }>(
    '/anonymous-reports/:id/files/:fileId',
    { config: cfg },
    async (request, reply) => {
      const report = await reportFor(request.params.id);
      const file = await findByRecordId(request.params.fileId, (id) => findReportFile(db, report.id, id));
      if (!file) throw notFound();
      const data = readEncrypted(config.dataDir, cipher, { storedName: file.stored_name, keyEnc: file.key_enc });
      const name = cipher.decrypt(file.name_enc, CTX.fileName);
      await recordAudit(db, {
        actor: userActor(userId(request)),
        action: 'anonymous.file_read',
        objectType: 'anonymous_report',
        objectId: report.id,
        data: { file: file.id },
        at: now(),
      });
      // Always a download, never rendered inline: a document cannot run script in our origin.
      return reply
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .type(file.mime.startsWith('text/') ? 'text/plain; charset=utf-8' : file.mime)
        .send(data);
    },
  );
}
