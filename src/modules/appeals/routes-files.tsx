/**
 * Documents: the wizard's documents step, uploads (multipart, registered for these routes only, with
 * the size limit enforced while streaming) and downloads (always as an attachment, never rendered).
 */
import fs from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, invalid, notFound, type FieldError } from '../../platform/errors.js';
import { redirectTo, safeNext, sendPage, viewContext } from '../../platform/http/page.js';
import { appealFor } from './access.js';
import { appealPageView } from './appeal-view.js';
import { attachFile } from './commands/attach-file.js';
import { addEvent } from './commands/timeline.js';
import { extractText } from '../../platform/files/extract-text.js';
import { extensionOf, isAllowedExtension, sniff } from '../../platform/files/sniff.js';
import { safeFileName } from '../../platform/files/safe-name.js';
import { MAX_FILE_BYTES, removeStored, storeStream, storedPath } from '../../platform/files/store.js';
import { findFile, listFiles, type Appeal } from './queries.js';
import { AppealPage } from './views/appeal.js';
import { DocumentsStepPage } from './views/wizard.js';
import { findByRecordId } from '../../platform/http/validation.js';
import { requestActor } from '../../platform/audit/actor.js';

export async function fileRoutes(app: FastifyInstance): Promise<void> {
  const { db, config, now } = app.achyk;
  // Only these routes accept multipart bodies: one file, a handful of fields, the size limit.
  await app.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
    throwFileSizeLimit: true,
  });

  async function errorPage(request: FastifyRequest, appeal: Appeal, errors: FieldError[]) {
    if (appeal.state === 'draft')
      return (
        <DocumentsStepPage
          ctx={viewContext(request)}
          appealId={appeal.id}
          files={await listFiles(db, appeal.id)}
          errors={errors}
        />
      );
    return (
      <AppealPage ctx={viewContext(request)} view={await appealPageView(request, appeal)} errors={errors} form="file" />
    );
  }

  app.get<{ Params: { id: string } }>(
    '/appeals/:id/documents',
    { config: { policy: 'appeals.use' } },
    async (request, reply) => {
      const appeal = await appealFor(request, request.params.id, 'appeals.act');
      if (appeal.state !== 'draft') return redirectTo(reply, `/appeals/${appeal.id}`);
      return sendPage(
        reply,
        <DocumentsStepPage
          ctx={viewContext(request)}
          appealId={appeal.id}
          files={await listFiles(db, appeal.id)}
          errors={[]}
        />,
      );
    },
  );

  app.post<{ Params: { id: string }; Querystring: { next?: string } }>(
    '/appeals/:id/files',
    { config: { policy: 'appeals.use' } },
    async (request, reply) => {
      const appeal = await appealFor(request, request.params.id, 'appeals.act');
      const back = safeNext(request.query.next, `/appeals/${appeal.id}`);
      const next = back.startsWith(`/appeals/${appeal.id}`) ? back : `/appeals/${appeal.id}`;
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const part = await request.file();
      try {
        if (!part || !part.filename) throw invalid([{ field: 'file', message: 'appeals.error.file_missing' }]);
        const name = safeFileName(part.filename);
        const ext = extensionOf(name);
        if (!isAllowedExtension(ext)) {
          part.file.resume();
          throw invalid([{ field: 'file', message: 'appeals.error.file_type_not_allowed' }]);
        }
        const stored = await storeStream(config.dataDir, part.file, MAX_FILE_BYTES);
        const mime = stored.size === 0 ? null : sniff(ext, stored.head, stored.complete);
        if (!mime) {
          removeStored(config.dataDir, stored.storedName);
          throw invalid([
            {
              field: 'file',
              message: stored.size === 0 ? 'appeals.error.file_empty' : 'appeals.error.file_type_mismatch',
              params: { ext: ext.toUpperCase() },
            },
          ]);
        }
        // Text for search (TXT, PDF, DOCX); outside the transaction: extraction may take seconds.
        const text = await extractText(mime, fs.readFileSync(storedPath(config.dataDir, stored.storedName)));
        const at = now();
        const actor = requestActor(request);
        try {
          await db.transaction().execute(async (trx) => {
            const eventId =
              appeal.state === 'draft'
                ? null
                : await addEvent(trx, {
                    appealId: appeal.id,
                    kind: 'file',
                    actor,
                    data: { sha256: stored.sha256 },
                    now: at,
                  });
            await attachFile({
              trx,
              appealId: appeal.id,
              eventId,
              originalName: name,
              storedName: stored.storedName,
              mime,
              size: stored.size,
              sha256: stored.sha256,
              extractedText: text,
              actor,
              now: at,
            });
          });
        } catch (err) {
          removeStored(config.dataDir, stored.storedName);
          throw err;
        }
      } catch (err) {
        if (err instanceof AppError && err.code === 'invalid')
          return sendPage(reply, await errorPage(request, appeal, err.fields), 422);
        throw err;
      }
      return redirectTo(
        reply,
        next.includes('?') ? next : `${next}${next === `/appeals/${appeal.id}` ? '?done=file' : ''}`,
      );
    },
  );

  app.get<{ Params: { id: string; fileId: string } }>(
    '/appeals/:id/files/:fileId',
    { config: { policy: 'appeals.use', confidential: true } },
    async (request, reply) => {
      const appeal = await appealFor(request, request.params.id);
      const file = await findByRecordId(request.params.fileId, (id) => findFile(db, appeal.id, id));
      if (!file) throw notFound();
      const p = storedPath(config.dataDir, file.stored_name);
      if (!fs.existsSync(p)) throw notFound();
      // Always a download, never rendered inline: a document cannot run script in our origin.
      return reply
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.original_name)}`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .type(file.mime.startsWith('text/') ? 'text/plain; charset=utf-8' : file.mime)
        .send(fs.createReadStream(p));
    },
  );
}
