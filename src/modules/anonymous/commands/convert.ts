/**
 * Turning a report into a human-rights case or a draft appeal, copying only the parts the reporter
 * agreed to (a consent flag per part) and, among those, only the parts the staff member ticked.
 * The report stays in the anonymous channel (it keeps its own expiry); the case or appeal belongs
 * to the staff member who made it, under that module's own access rules. Files are decrypted and
 * handed to the other module's store (already stripped of metadata at upload).
 */
import { Readable } from 'node:stream';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import { invalid } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/translate.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { createDraft } from '../../appeals/index.js';
import { attachFile } from '../../appeals/index.js';
import { removeStored, storeBuffer } from '../../../platform/files/store.js';
import { createCase } from '../../cases/index.js';
import { recordEvidence, storeUpload } from '../../cases/index.js';
import { findBodyById } from '../../directory/index.js';
import { CTX } from '../encrypted-columns.js';
import { readEncrypted } from '../files/encrypted-store.js';
import { listReportFiles, type Report } from '../queries.js';
import { CONSENT_PARTS, type ConsentPart } from '../tables.js';
import { userActor } from '../../../platform/audit/actor.js';

/** The parts the reporter agreed to share. */
export function consentedParts(r: Report): ConsentPart[] {
  const flags: Record<ConsentPart, number> = {
    description: r.consent_description,
    details: r.consent_details,
    institution: r.consent_institution,
    files: r.consent_files,
  };
  return CONSENT_PARTS.filter((p) => flags[p] === 1 && (p !== 'institution' || r.body_ref_enc !== null));
}

/** Refuses a part the reporter did not agree to (field error on the checkbox). */
function checkParts(r: Report, wanted: ConsentPart[]): void {
  const allowed = consentedParts(r);
  const bad = wanted.find((p) => !allowed.includes(p));
  if (bad) throw invalid([{ field: `part_${bad}`, message: 'anonymous.error.no_consent' }]);
}

export function reportBodyId(cipher: FieldCipher, r: Report): number | null {
  const v = cipher.decryptNullable(r.body_ref_enc, CTX.body);
  return v === null ? null : Number(v);
}

async function copiedText(
  trx: Executor,
  cipher: FieldCipher,
  r: Report,
  parts: ConsentPart[],
  t: T,
  locale: Locale,
): Promise<string> {
  const out: string[] = [];
  if (parts.includes('description')) out.push(cipher.decrypt(r.what_enc, CTX.what));
  if (parts.includes('details')) {
    const when = cipher.decryptNullable(r.when_enc, CTX.when);
    const where = cipher.decryptNullable(r.where_enc, CTX.where);
    if (when) out.push(`${t('anonymous.field.when')}: ${when}`);
    if (where) out.push(`${t('anonymous.field.where')}: ${where}`);
  }
  if (parts.includes('institution')) {
    const id = reportBodyId(cipher, r);
    const body = id === null ? undefined : await findBodyById(trx, id);
    if (body)
      out.push(
        `${t('anonymous.field.body')}: ${body[`name_${locale}`] ?? body.name_ky ?? body.name_ru ?? body.name_en ?? ''}`,
      );
  }
  return out.join('\n\n');
}

async function consentedFiles(
  trx: Executor,
  dataDir: string,
  cipher: FieldCipher,
  r: Report,
): Promise<{ name: string; mime: string; data: Buffer }[]> {
  const files = await listReportFiles(trx, r.id);
  return files.map((f) => ({
    name: cipher.decrypt(f.name_enc, CTX.fileName),
    mime: f.mime,
    data: readEncrypted(dataDir, cipher, { storedName: f.stored_name, keyEnc: f.key_enc }),
  }));
}

export interface ConvertProps {
  trx: Executor;
  cipher: FieldCipher;
  dataDir: string;
  report: Report;
  parts: ConsentPart[];
  userId: number;
  t: T;
  locale: Locale;
  now: Date;
}

/** Opens a case (the staff member on its access list) from the report; returns the case id. */
export async function convertToCase(p: ConvertProps): Promise<number> {
  checkParts(p.report, p.parts);
  const title = `${p.t(`anonymous.topic.${p.report.topic}`)} · ${p.t('anonymous.reference', { id: p.report.id })}`;
  const summary = await copiedText(p.trx, p.cipher, p.report, p.parts, p.t, p.locale);
  const created = await createCase({
    trx: p.trx,
    cipher: p.cipher,
    userId: p.userId,
    input: { title, summary },
    now: p.now,
  });
  if (p.parts.includes('files')) {
    for (const f of await consentedFiles(p.trx, p.dataDir, p.cipher, p.report)) {
      const stored = await storeUpload({ dataDir: p.dataDir, filename: f.name, stream: Readable.from([f.data]) });
      await recordEvidence({
        trx: p.trx,
        cipher: p.cipher,
        caseId: created.id,
        userId: p.userId,
        originalName: f.name,
        stored,
        now: p.now,
      });
    }
  }
  await p.trx
    .updateTable('anonymous_report')
    .set({
      converted_case_id: created.id,
      state: p.report.state === 'new' ? 'accepted' : p.report.state,
      last_activity_at: p.now.toISOString(),
      reminded_at: null,
      updated_at: p.now.toISOString(),
    })
    .where('id', '=', p.report.id)
    .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'anonymous.converted_case',
    objectType: 'anonymous_report',
    objectId: p.report.id,
    data: { case: created.id, parts: p.parts },
    at: p.now,
  });
  return created.id;
}

/**
 * Starts a draft appeal (owned by the staff member, open to the NGO's coordinators and lawyers) to
 * the chosen body; a corruption report becomes a corruption-report appeal, anything else a complaint.
 * The staff member finishes and sends it through the appeals wizard.
 */
export async function convertToAppeal(p: ConvertProps & { bodyId: number }): Promise<number> {
  checkParts(p.report, p.parts);
  const text = await copiedText(p.trx, p.cipher, p.report, p.parts, p.t, p.locale);
  const appealId = await createDraft({
    trx: p.trx,
    ownerId: p.userId,
    ngo: true,
    bodyId: p.bodyId,
    kind: p.report.topic === 'corruption' ? 'corruption_report' : 'complaint',
    language: p.locale,
    subject: p.t(`anonymous.topic.${p.report.topic}`),
    text,
    actor: userActor(p.userId),
    now: p.now,
  });
  const written: string[] = [];
  try {
    if (p.parts.includes('files')) {
      for (const f of await consentedFiles(p.trx, p.dataDir, p.cipher, p.report)) {
        const stored = storeBuffer(p.dataDir, f.data);
        written.push(stored.storedName);
        await attachFile({
          trx: p.trx,
          appealId,
          eventId: null,
          originalName: f.name,
          storedName: stored.storedName,
          mime: f.mime,
          size: stored.size,
          sha256: stored.sha256,
          extractedText: null,
          actor: userActor(p.userId),
          now: p.now,
        });
      }
    }
  } catch (err) {
    for (const name of written) removeStored(p.dataDir, name);
    throw err;
  }
  await p.trx
    .updateTable('anonymous_report')
    .set({
      converted_appeal_id: appealId,
      state: p.report.state === 'new' ? 'accepted' : p.report.state,
      last_activity_at: p.now.toISOString(),
      reminded_at: null,
      updated_at: p.now.toISOString(),
    })
    .where('id', '=', p.report.id)
    .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'anonymous.converted_appeal',
    objectType: 'anonymous_report',
    objectId: p.report.id,
    data: { appeal: appealId, parts: p.parts },
    at: p.now,
  });
  return appealId;
}
