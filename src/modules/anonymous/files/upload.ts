/**
 * Reading a multipart form of the anonymous channel: text fields and up to MAX_FILES files. Each file
 * is counted while it streams in and refused as soon as it passes MAX_FILE_BYTES (nothing of it is
 * kept); its type is then checked by its first bytes against its extension (appeals' `sniff`), it is
 * stripped of metadata (clean.ts) and written encrypted (encrypted-store.ts). Nothing reaches the
 * database here: the caller records the prepared files in its transaction, or removes them.
 */
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { FieldError } from '../../../platform/errors.js';
import { safeFileName } from '../../../platform/files/safe-name.js';
import { extensionOf, isAllowedExtension, sniff } from '../../../platform/files/sniff.js';
import { CTX } from '../encrypted-columns.js';
import { cleanFile, UnreadableImageError } from './clean.js';
import { removeEncrypted, writeEncrypted } from './encrypted-store.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;
/** Longest text field (the description); the form schemas set tighter limits per field. */
const MAX_FIELD_BYTES = 64 * 1024;

export const MULTIPART_LIMITS = {
  fileSize: MAX_FILE_BYTES,
  files: MAX_FILES,
  fields: 30,
  parts: 40,
  fieldSize: MAX_FIELD_BYTES,
};

export interface UploadedFile {
  name: string;
  data: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string>;
  files: UploadedFile[];
  /** a file was over the limit, or there were too many: the rest of the form may be missing */
  errors: FieldError[];
}

function isTooLarge(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return (
    code === 'FST_REQ_FILE_TOO_LARGE' ||
    code === 'FST_FILES_LIMIT' ||
    code === 'FST_PARTS_LIMIT' ||
    code === 'FST_FIELDS_LIMIT'
  );
}

/** Reads every part of the request. Size problems become field errors, not exceptions. */
export async function readMultipart(request: FastifyRequest): Promise<MultipartForm> {
  const form: MultipartForm = { fields: {}, files: [], errors: [] };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !(part.fieldname in form.fields))
          form.fields[part.fieldname] = part.value;
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      // A file input left empty still sends a part with no name and no bytes.
      if (!part.filename && chunks.length === 0) continue;
      if ((part.file as { truncated?: boolean }).truncated)
        throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
      form.files.push({ name: safeFileName(part.filename), data: Buffer.concat(chunks) });
    }
  } catch (err) {
    if (!isTooLarge(err)) throw err;
    form.files = [];
    const code = (err as { code?: string }).code;
    form.errors.push(
      code === 'FST_REQ_FILE_TOO_LARGE'
        ? {
            field: 'files',
            message: 'anonymous.error.file_too_large',
            params: { max: `${MAX_FILE_BYTES / 1024 / 1024} MB` },
          }
        : { field: 'files', message: 'anonymous.error.too_many_files', params: { max: MAX_FILES } },
    );
  }
  return form;
}

export interface PreparedFile {
  storedName: string;
  keyEnc: string;
  nameEnc: string;
  sha256Enc: string;
  /** the original name, for the page that tells the reporter what was removed (never stored in clear) */
  name: string;
  mime: string;
  size: number;
  removed: string[];
  keptProperties: boolean;
}

/**
 * Checks, cleans and stores the files. All or nothing: on the first refused file, those already
 * written are removed and the field errors returned.
 */
export async function prepareFiles(
  dataDir: string,
  cipher: FieldCipher,
  files: UploadedFile[],
): Promise<{ ok: true; files: PreparedFile[] } | { ok: false; errors: FieldError[] }> {
  const done: PreparedFile[] = [];
  const fail = (errors: FieldError[]) => {
    for (const f of done) removeEncrypted(dataDir, f.storedName);
    return { ok: false as const, errors };
  };
  for (const f of files) {
    const ext = extensionOf(f.name);
    if (!isAllowedExtension(ext))
      return fail([{ field: 'files', message: 'anonymous.error.file_type', params: { name: f.name } }]);
    if (f.data.length === 0)
      return fail([{ field: 'files', message: 'anonymous.error.file_empty', params: { name: f.name } }]);
    const mime = sniff(ext, f.data.subarray(0, 64 * 1024), f.data.length <= 64 * 1024);
    if (!mime)
      return fail([
        { field: 'files', message: 'anonymous.error.file_disguised', params: { name: f.name, ext: ext.toUpperCase() } },
      ]);
    let cleaned;
    try {
      cleaned = await cleanFile(mime, f.data);
    } catch (err) {
      if (err instanceof UnreadableImageError)
        return fail([{ field: 'files', message: 'anonymous.error.file_unreadable', params: { name: f.name } }]);
      throw err;
    }
    const stored = writeEncrypted(dataDir, cipher, cleaned.data);
    done.push({
      ...stored,
      nameEnc: cipher.encrypt(f.name, CTX.fileName),
      sha256Enc: cipher.encrypt(crypto.createHash('sha256').update(cleaned.data).digest('hex'), CTX.fileSha),
      name: f.name,
      mime,
      size: cleaned.data.length,
      removed: cleaned.removed,
      keptProperties: cleaned.keptProperties,
    });
  }
  return { ok: true, files: done };
}

export function discardPrepared(dataDir: string, files: PreparedFile[]): void {
  for (const f of files) removeEncrypted(dataDir, f.storedName);
}
