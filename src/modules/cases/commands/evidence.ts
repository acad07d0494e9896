/**
 * Evidence files (SECURITY.md "Uploads"): the size limit is enforced while the upload streams (a file
 * over it is deleted and refused with 413, nothing left behind), the type is checked by its first bytes
 * against the extension (never unpacked), the file is stored under a random name in
 * `<dataDir>/evidence/` (outside any served folder), and its SHA-256 is computed as it arrives.
 * Every handling is written to the chain of custody; `verifyEvidence` re-hashes files on demand.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import { invalid } from '../../../platform/errors.js';
import { streamToFile } from '../../../platform/files/store.js';
import { ctxOf } from '../encrypted-columns.js';
import { userActor } from '../../../platform/audit/actor.js';

/** 25 MiB: enough for scanned documents, photos and short recordings; larger media go by other means. */
export const EVIDENCE_MAX_BYTES = 25 * 1024 * 1024;

const TYPES: Record<string, { mime: string; magic: (b: Buffer) => boolean }> = {
  pdf: { mime: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  jpg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  png: {
    mime: 'image/png',
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  webp: {
    mime: 'image/webp',
    magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  // Office documents are ZIP containers: only the signature is checked, the archive is never opened.
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  },
  odt: {
    mime: 'application/vnd.oasis.opendocument.text',
    magic: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  },
  mp3: {
    mime: 'audio/mpeg',
    magic: (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0),
  },
  m4a: { mime: 'audio/mp4', magic: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  mp4: { mime: 'video/mp4', magic: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  ogg: { mime: 'audio/ogg', magic: (b) => b.subarray(0, 4).toString('latin1') === 'OggS' },
  wav: {
    mime: 'audio/wav',
    magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE',
  },
  // Plain text has no signature: refuse anything with NUL bytes (a binary file renamed .txt).
  txt: { mime: 'text/plain', magic: (b) => !b.includes(0) },
};
export const EVIDENCE_EXTENSIONS = Object.keys(TYPES);

export function evidenceDir(dataDir: string): string {
  return path.join(dataDir, 'evidence');
}

export function extensionOf(filename: string): string {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(filename);
  return m ? m[1]!.toLowerCase() : '';
}

/** Does the file start the way its extension says? */
export function magicMatches(ext: string, head: Buffer): boolean {
  const t = TYPES[ext];
  return !!t && head.length > 0 && t.magic(head);
}

export interface StoredUpload {
  storedName: string;
  size: number;
  sha256: string;
  ext: string;
  mime: string;
}

/**
 * Streams an upload to its file in the evidence folder through the platform's one upload path
 * (`streamToFile`: size counted and SHA-256 computed while it arrives); refuses (413) past the limit
 * and (422) an empty file or one whose first bytes do not match the extension. Nothing is left behind
 * on any refusal.
 */
export async function storeUpload(p: {
  dataDir: string;
  filename: string;
  stream: NodeJS.ReadableStream & { truncated?: boolean };
  maxBytes?: number;
}): Promise<StoredUpload> {
  const ext = extensionOf(p.filename);
  if (!TYPES[ext]) {
    p.stream.resume();
    throw invalid([
      { field: 'file', message: 'cases.error.file_type', params: { types: EVIDENCE_EXTENSIONS.join(', ') } },
    ]);
  }
  const storedName = crypto.randomBytes(24).toString('hex');
  const file = path.join(evidenceDir(p.dataDir), storedName);
  const { size, sha256, head } = await streamToFile(p.stream, file, {
    maxBytes: p.maxBytes ?? EVIDENCE_MAX_BYTES,
    headBytes: 4096,
  });
  const problem =
    size === 0
      ? { message: 'cases.error.file_empty' as const }
      : !magicMatches(ext, head)
        ? { message: 'cases.error.file_magic' as const, params: { ext } }
        : null;
  if (problem) {
    fs.rmSync(file, { force: true });
    throw invalid([{ field: 'file', ...problem }]);
  }
  return { storedName, size, sha256, ext, mime: TYPES[ext]!.mime };
}

/** Records a stored upload: the evidence row, the first custody entry and the audit entry, together. */
export async function recordEvidence(p: {
  trx: Executor;
  cipher: FieldCipher;
  caseId: number;
  userId: number;
  originalName: string;
  stored: StoredUpload;
  now: Date;
}): Promise<number> {
  const at = p.now.toISOString();
  const row = await p.trx
    .insertInto('case_evidence')
    .values({
      case_id: p.caseId,
      original_name_enc: p.cipher.encrypt(p.originalName.slice(0, 255), ctxOf('case_evidence', 'original_name_enc')),
      stored_name: p.stored.storedName,
      ext: p.stored.ext,
      mime: p.stored.mime,
      size: p.stored.size,
      sha256: p.stored.sha256,
      uploaded_by: p.userId,
      uploaded_at: at,
      last_verified_at: at,
      last_verified_ok: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await p.trx
    .insertInto('case_custody')
    .values({ evidence_id: row.id, at, actor: userActor(p.userId), action: 'upload', sha256: p.stored.sha256 })
    .execute();
  await p.trx.updateTable('hr_case').set({ updated_at: at }).where('id', '=', p.caseId).execute();
  await appendAudit(p.trx, {
    actor: userActor(p.userId),
    action: 'case.evidence_uploaded',
    objectType: 'case',
    objectId: p.caseId,
    data: { evidence: row.id, sha256: p.stored.sha256, size: p.stored.size },
    at: p.now,
  });
  return row.id;
}

export async function recordDownload(
  trx: Executor,
  p: { evidenceId: number; caseId: number; userId: number; sha256: string; now: Date },
): Promise<void> {
  await trx
    .insertInto('case_custody')
    .values({
      evidence_id: p.evidenceId,
      at: p.now.toISOString(),
      actor: userActor(p.userId),
      action: 'download',
      sha256: p.sha256,
    })
    .execute();
  await appendAudit(trx, {
    actor: userActor(p.userId),
    action: 'case.read',
    objectType: 'case',
    objectId: p.caseId,
    data: { door: 'download', evidence: p.evidenceId },
    at: p.now,
  });
}

export async function hashFile(file: string): Promise<string | null> {
  if (!fs.existsSync(file)) return null;
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

export interface VerifyResult {
  id: number;
  caseId: number;
  status: 'ok' | 'changed' | 'missing';
  expected: string;
  actual: string | null;
}

/**
 * Re-hashes stored files (all, or those of one case / one file) and compares with the SHA-256 taken at
 * upload; each check goes to the chain of custody. Returns every result; callers report the bad ones.
 */
export async function verifyEvidence(p: {
  db: Executor;
  dataDir: string;
  actor: string;
  now: Date;
  caseId?: number;
  evidenceId?: number;
}): Promise<VerifyResult[]> {
  let q = p.db.selectFrom('case_evidence').select(['id', 'case_id', 'stored_name', 'sha256']).orderBy('id');
  if (p.caseId !== undefined) q = q.where('case_id', '=', p.caseId);
  if (p.evidenceId !== undefined) q = q.where('id', '=', p.evidenceId);
  const rows = await q.execute();
  const results: VerifyResult[] = [];
  for (const r of rows) {
    const actual = await hashFile(path.join(evidenceDir(p.dataDir), r.stored_name));
    const status = actual === null ? 'missing' : actual === r.sha256 ? 'ok' : 'changed';
    results.push({ id: r.id, caseId: r.case_id, status, expected: r.sha256, actual });
    const at = p.now.toISOString();
    await p.db
      .updateTable('case_evidence')
      .set({ last_verified_at: at, last_verified_ok: status === 'ok' ? 1 : 0 })
      .where('id', '=', r.id)
      .execute();
    await p.db
      .insertInto('case_custody')
      .values({ evidence_id: r.id, at, actor: p.actor, action: `verify_${status}`, sha256: actual })
      .execute();
  }
  return results;
}
