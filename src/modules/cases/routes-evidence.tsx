/**
 * Evidence files: upload (multipart, registered for these routes only), download as an attachment,
 * and verification on demand. Files a user may not read answer 404 like missing ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { AppError, notFound } from '../../platform/errors.js';
import { safeFileName } from '../../platform/files/safe-name.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { requireCase } from './access-check.js';
import {
  EVIDENCE_MAX_BYTES,
  evidenceDir,
  recordDownload,
  recordEvidence,
  storeUpload,
  verifyEvidence,
} from './commands/evidence.js';
import { CaseFormPage } from './views/case-forms.js';
import { parseRecordId } from '../../platform/http/validation.js';
import { requestActor } from '../../platform/audit/actor.js';

export async function evidenceRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, config, now } = app.achyk;
  // Scoped to this plugin: no other route accepts multipart bodies. The limit is enforced while
  // streaming (busboy stops at fileSize + 1 byte); one file per request, no other parts.
  await app.register(multipart, {
    limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 1024 },
  });

  app.post<{ Params: { id: string } }>(
    '/cases/:id/add/evidence',
    { config: { policy: 'cases.use' } },
    async (request, reply) => {
      const { row } = await requireCase(request, request.params.id, 'case.edit');
      const refuse = async (err: AppError) => {
        const empty = {
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
          acts: [],
        };
        return sendPage(
          reply,
          <CaseFormPage
            ctx={viewContext(request)}
            caseId={row.id}
            reference={row.reference}
            form="evidence"
            state={{ errors: err.fields, input: {} }}
            options={empty}
          />,
          422,
        );
      };
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const part = await request.file();
      if (!part)
        return refuse(
          new AppError('invalid', 'error.invalid', {}, [{ field: 'file', message: 'cases.error.file_empty' }]),
        );
      let stored;
      try {
        stored = await storeUpload({ dataDir: config.dataDir, filename: part.filename, stream: part.file });
      } catch (err) {
        if (err instanceof AppError && err.code === 'invalid') return refuse(err);
        throw err;
      }
      try {
        await db.transaction().execute((trx) =>
          recordEvidence({
            trx,
            cipher,
            caseId: row.id,
            userId: request.ctx.user!.id,
            originalName: safeFileName(part.filename),
            stored,
            now: now(),
          }),
        );
      } catch (err) {
        fs.rmSync(path.join(evidenceDir(config.dataDir), stored.storedName), { force: true });
        throw err;
      }
      return redirectTo(reply, `/cases/${row.id}#h-ev`);
    },
  );

  app.get<{ Params: { id: string; eid: string } }>(
    '/cases/:id/evidence/:eid/download',
    { config: { policy: 'cases.use' } },
    async (request, reply) => {
      const { row } = await requireCase(request, request.params.id, 'case.read');
      const eid = parseRecordId(request.params.eid) ?? 0;
      const ev = await db
        .selectFrom('case_evidence')
        .select(['id', 'stored_name', 'ext', 'sha256', 'size'])
        .where('id', '=', eid)
        .where('case_id', '=', row.id)
        .executeTakeFirst();
      if (!ev) throw notFound();
      const file = path.join(evidenceDir(config.dataDir), ev.stored_name);
      if (!fs.existsSync(file)) throw notFound();
      await db.transaction().execute((trx) =>
        recordDownload(trx, {
          evidenceId: ev.id,
          caseId: row.id,
          userId: request.ctx.user!.id,
          sha256: ev.sha256,
          now: now(),
        }),
      );
      // Always a download, never rendered by the browser; the name carries no personal data.
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${row.reference}-evidence-${ev.id}.${ev.ext}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(fs.createReadStream(file));
    },
  );

  app.post<{ Params: { id: string; eid: string } }>(
    '/cases/:id/evidence/:eid/verify',
    { config: { policy: 'cases.use' } },
    async (request, reply) => {
      const { row } = await requireCase(request, request.params.id, 'case.edit');
      const eid = parseRecordId(request.params.eid) ?? 0;
      const ev = await db
        .selectFrom('case_evidence')
        .select('id')
        .where('id', '=', eid)
        .where('case_id', '=', row.id)
        .executeTakeFirst();
      if (!ev) throw notFound();
      await db.transaction().execute((trx) =>
        verifyEvidence({
          db: trx,
          dataDir: config.dataDir,
          actor: requestActor(request),
          now: now(),
          evidenceId: ev.id,
        }),
      );
      return redirectTo(reply, `/cases/${row.id}#evidence-${ev.id}`);
    },
  );
}
