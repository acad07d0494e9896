/** Builds what the reporter's status page shows (decrypting the report's messages and file names). */
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { Executor } from '../../platform/db/database.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { findBodyById } from '../directory/index.js';
import { reportBodyId } from './commands/convert.js';
import { CTX } from './encrypted-columns.js';
import { expiresAt, listMessages, listReportFiles, type Report, type ReportFile } from './queries.js';
import type { FileView } from './views/common.js';
import type { StatusView } from './views/reporter.js';

export function fileView(cipher: FieldCipher, f: ReportFile): FileView {
  return {
    id: f.id,
    name: cipher.decrypt(f.name_enc, CTX.fileName),
    size: f.size,
    removed: f.removed ? f.removed.split(',') : [],
    keptProperties: f.kept_properties === 1,
  };
}

export async function bodyOption(
  db: Executor,
  id: number | null,
  locale: Locale,
): Promise<{ id: number; name: string } | null> {
  const b = id === null ? undefined : await findBodyById(db, id);
  return b ? { id: b.id, name: b[`name_${locale}`] ?? b.name_ky ?? b.name_ru ?? b.name_en ?? '' } : null;
}

export async function statusView(
  db: Executor,
  cipher: FieldCipher,
  r: Report,
  retentionDays: number,
  locale: Locale,
): Promise<StatusView> {
  const messages = await listMessages(db, r.id);
  const files = await listReportFiles(db, r.id);
  const until = expiresAt(r, retentionDays);
  return {
    topic: r.topic,
    state: r.state,
    converted: r.converted_case_id !== null || r.converted_appeal_id !== null,
    createdAt: r.created_at,
    expiresAt: until ? until.toISOString() : null,
    bodyName: (await bodyOption(db, reportBodyId(cipher, r), locale))?.name ?? null,
    messages: messages.map((m) => ({
      author: m.author,
      text: cipher.decrypt(m.body_enc, CTX.message),
      at: m.created_at,
    })),
    files: files.map((f) => fileView(cipher, f)),
    consent: {
      description: r.consent_description === 1,
      details: r.consent_details === 1,
      institution: r.consent_institution === 1,
      files: r.consent_files === 1,
    },
  };
}
