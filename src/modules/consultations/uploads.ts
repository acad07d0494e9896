/**
 * Multipart forms of the coordinators' pages (a draft's text, a hearing's minutes). Files are read
 * into memory with the size limit enforced while streaming (413 as soon as it is passed), checked by
 * content rather than by name (UTF-8 text without NUL bytes; a DOCX is a ZIP), fingerprinted with
 * SHA-256, and stored as text in the database: nothing is written to disk.
 *
 * DOCX is converted with mammoth when it is installed. A DOCX is a ZIP archive, the one archive we
 * open (SECURITY.md says never unpack archives): the upload is coordinators-only (a TOTP-protected
 * role), at most 5 MB, and its central directory must declare a bounded total size before mammoth
 * sees it, which stops the ordinary "zip bomb".
 */
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../../platform/errors.js';
import { safeFileName } from '../../platform/files/safe-name.js';

export interface UploadedFile {
  name: string;
  ext: string;
  data: Buffer;
  sha256: string;
}

export interface MultipartForm {
  fields: Record<string, string>;
  file: UploadedFile | null;
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${n / 1024} KB`);

/** Reads every part; refuses files with another extension and files over `maxFileBytes` (413). */
export async function readMultipart(
  request: FastifyRequest,
  opts: { maxFileBytes: number; extensions: readonly string[] },
): Promise<MultipartForm> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    if (!part.filename) {
      part.file.resume();
      continue;
    }
    const name = safeFileName(part.filename);
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';
    if (!opts.extensions.includes(ext)) {
      part.file.resume();
      throw invalid([{ field: 'file', message: 'consultations.error_file_type' }]);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const hash = crypto.createHash('sha256');
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > opts.maxFileBytes) {
        part.file.destroy();
        throw new AppError('payload_too_large', 'consultations.error_file_too_large', { limit: kb(opts.maxFileBytes) });
      }
      hash.update(chunk);
      chunks.push(chunk);
    }
    if ((part.file as { truncated?: boolean }).truncated)
      throw new AppError('payload_too_large', 'consultations.error_file_too_large', { limit: kb(opts.maxFileBytes) });
    file = { name, ext, data: Buffer.concat(chunks), sha256: hash.digest('hex') };
  }
  return { fields, file };
}

/** UTF-8 text without NUL bytes (a byte-order mark is dropped), or null. */
export function utf8Text(data: Buffer): string | null {
  if (data.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return null;
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const MAX_DECLARED_BYTES = 40 * 1024 * 1024;
const MAX_ENTRIES = 2000;

/** True when the ZIP's central directory is readable, names word/document.xml, and declares a bounded size. */
export function isSafeDocx(data: Buffer): boolean {
  if (data.length < 22 || !data.subarray(0, 4).equals(ZIP_MAGIC)) return false;
  const from = Math.max(0, data.length - 65_557);
  let eocd = -1;
  for (let i = data.length - 22; i >= from; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const entries = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES) return false;
  let total = 0;
  let hasDocument = false;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) return false;
    total += data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const name = data.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    if (name === 'word/document.xml') hasDocument = true;
    offset += 46 + nameLength + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
  }
  return hasDocument && total <= MAX_DECLARED_BYTES;
}

interface MammothLike {
  extractRawText(input: { buffer: Buffer }): Promise<{ value: string }>;
}
let mammothModule: MammothLike | null | undefined;

/** mammoth, when it is installed (DOCX support is optional). */
export async function loadMammoth(): Promise<MammothLike | null> {
  if (mammothModule === undefined) {
    try {
      const m = (await import('mammoth')) as unknown as { default?: MammothLike } & MammothLike;
      mammothModule = m.default ?? m;
    } catch {
      mammothModule = null;
    }
  }
  return mammothModule;
}

/** The plain text of a DOCX (one paragraph per line), or an invalid-file error. */
export async function docxText(data: Buffer): Promise<string> {
  const mammoth = await loadMammoth();
  if (!mammoth) throw invalid([{ field: 'file', message: 'consultations.error_file_type' }]);
  if (!isSafeDocx(data)) throw invalid([{ field: 'file', message: 'consultations.error_docx' }]);
  try {
    const { value } = await mammoth.extractRawText({ buffer: data });
    return value.replace(/\n{2,}/g, '\n');
  } catch {
    throw invalid([{ field: 'file', message: 'consultations.error_docx' }]);
  }
}
