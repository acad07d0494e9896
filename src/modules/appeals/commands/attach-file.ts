/**
 * Records a stored document on an appeal's timeline (the bytes are already on disk, see files/store.ts);
 * a scan without text is queued for text recognition (ocr-job.ts) in the same transaction.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { needsOcr, queueOcr } from '../ocr-job.js';

export interface AttachFileProps {
  trx: Executor;
  appealId: number;
  eventId: number | null;
  originalName: string;
  storedName: string;
  mime: string;
  size: number;
  sha256: string;
  extractedText: string | null;
  actor: string;
  now: Date;
}

export async function attachFile(p: AttachFileProps): Promise<number> {
  const row = await p.trx
    .insertInto('appeal_file')
    .values({
      appeal_id: p.appealId,
      event_id: p.eventId,
      original_name: p.originalName.slice(0, 200),
      stored_name: p.storedName,
      mime: p.mime,
      size: p.size,
      sha256: p.sha256,
      extracted_text: p.extractedText,
      text_source: p.extractedText === null ? null : 'document',
      ocr_status: null,
      ocr_pages: null,
      ocr_pages_total: null,
      created_at: p.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A scan (an image, or a PDF without a text layer) is read by OCR in the background.
  if (needsOcr(p.mime, p.extractedText)) await queueOcr(p.trx, row.id, p.now);
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'appeal.file_added',
    objectType: 'appeal',
    objectId: p.appealId,
    data: { file: row.id, sha256: p.sha256, size: p.size, event: p.eventId },
    at: p.now,
  });
  return row.id;
}
