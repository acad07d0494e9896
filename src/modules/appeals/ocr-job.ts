/**
 * The background job that reads a scanned document (platform/files/ocr.ts): queued by attachFile in the
 * transaction that records a document without a text layer, run by the job queue (in the server or
 * `achyk jobs run`), never during a request. Its result is a status on the document, shown to the
 * people who see the appeal: a scan that cannot be read, or a server without Tesseract, is said so,
 * not retried for ever. The recognised text is stored as the document's text, marked as recognised
 * automatically (`text_source = 'ocr'`); it becomes public only through the publication workflow.
 */
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Executor } from '../../platform/db/database.js';
import { defineJob, enqueueJob } from '../../platform/jobs/queue.js';
import { needsOcr, ocrLanguages, recogniseDocument } from '../../platform/files/ocr.js';
import { storedPath } from '../../platform/files/store.js';
import fs from 'node:fs';

export const OCR_JOB = 'appeals.ocr';

/** Queues recognition of a document (inside the transaction that stores it or asks again). */
export async function queueOcr(trx: Executor, fileId: number, now: Date): Promise<void> {
  await trx
    .updateTable('appeal_file')
    .set({ ocr_status: 'queued', ocr_pages: null, ocr_pages_total: null })
    .where('id', '=', fileId)
    .execute();
  // Two attempts: a crash of the worker mid-way is retried once; the recognition itself never throws.
  await enqueueJob(trx, { kind: OCR_JOB, payload: { fileId }, dedupeKey: `ocr:${fileId}`, maxAttempts: 2, now });
}

/** Whether a newly stored document should be read by OCR (an image, or a PDF with no text layer). */
export { needsOcr };

/** The recognition, as the manifest declares the job. */
export const ocrJob = defineJob<{ fileId: number }>(OCR_JOB, async (payload, ctx) => {
  const { db, services, now } = ctx;
  const file = await db
    .selectFrom('appeal_file')
    .innerJoin('appeal', 'appeal.id', 'appeal_file.appeal_id')
    .select([
      'appeal_file.id',
      'appeal_file.appeal_id',
      'appeal_file.stored_name',
      'appeal_file.mime',
      'appeal_file.ocr_status',
      'appeal.language',
    ])
    .where('appeal_file.id', '=', Number(payload.fileId))
    .executeTakeFirst();
  if (!file || file.ocr_status !== 'queued') return;
  const p = storedPath(services.config.dataDir, file.stored_name);
  const data = fs.existsSync(p) ? fs.readFileSync(p) : null;
  const r = data
    ? await recogniseDocument(file.mime, data, {
        tesseract: services.config.tesseract,
        timeLimitMs: services.config.ocrTimeLimitSeconds * 1000,
        languages: ocrLanguages(file.language),
      })
    : { status: 'failed' as const, text: null, pages: 0, pagesTotal: 0 };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('appeal_file')
      .set({
        ocr_status: r.status,
        ocr_pages: r.pages,
        ocr_pages_total: r.pagesTotal,
        ...(r.text ? { extracted_text: r.text, text_source: 'ocr' as const } : {}),
      })
      .where('id', '=', file.id)
      .where('ocr_status', '=', 'queued')
      .execute();
    // Counts only: the recognised text may hold names.
    await appendAudit(trx, {
      actor: 'system',
      action: 'appeal.file_ocr',
      objectType: 'appeal',
      objectId: file.appeal_id,
      data: { file: file.id, status: r.status, pages: r.pages, pagesTotal: r.pagesTotal, chars: r.text?.length ?? 0 },
      at: now,
    });
  });
});
