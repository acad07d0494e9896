/**
 * Documents on disk: under `<dataDir>/files/<2 hex>/<32 hex>`, outside the web root, under random
 * names (the original name is only stored in the database). An upload is written to a temporary
 * file while its size is counted and its SHA-256 computed; over the limit, the temporary file is
 * removed and the request ends with 413. Nothing half-written is left behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.js';
import { SNIFF_BYTES } from './sniff.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export function filesDir(dataDir: string): string {
  return path.join(dataDir, 'files');
}

export function storedPath(dataDir: string, storedName: string): string {
  if (!/^[0-9a-f]{32}$/.test(storedName)) throw new Error('invalid stored file name');
  return path.join(filesDir(dataDir), storedName.slice(0, 2), storedName);
}

export interface StoredUpload {
  storedName: string;
  size: number;
  sha256: string;
  /** the first bytes, for the type check */
  head: Buffer;
  /** the whole file is in `head` */
  complete: boolean;
}

export class TooLargeError extends AppError {
  constructor(limitBytes: number) {
    super('payload_too_large', 'error.payload_too_large', { limit: `${Math.round(limitBytes / 1024 / 1024)} MB` });
  }
}

/**
 * The one way an upload reaches the disk: `source` is streamed to `<file>.part` (mode 0600) while its
 * size is counted and its SHA-256 computed, then renamed to `file`. Past `maxBytes` (or a multipart
 * stream cut at its own limit) it throws TooLargeError (413) and leaves nothing behind. Returns the
 * first `headBytes` for the type check.
 */
export async function streamToFile(
  source: NodeJS.ReadableStream,
  file: string,
  opts: { maxBytes: number; headBytes: number },
): Promise<{ size: number; sha256: string; head: Buffer }> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.part`;
  const hash = crypto.createHash('sha256');
  const headParts: Buffer[] = [];
  let headLen = 0;
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > opts.maxBytes) return cb(new TooLargeError(opts.maxBytes));
      hash.update(chunk);
      if (headLen < opts.headBytes) {
        const part = chunk.subarray(0, opts.headBytes - headLen);
        headParts.push(part);
        headLen += part.length;
      }
      cb(null, chunk);
    },
  });
  try {
    await pipeline(source, counter, fs.createWriteStream(tmp, { mode: 0o600 }));
    // @fastify/multipart marks a stream cut at its own limit as truncated instead of failing.
    if ((source as NodeJS.ReadableStream & { truncated?: boolean }).truncated) throw new TooLargeError(opts.maxBytes);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new TooLargeError(opts.maxBytes);
    throw err;
  }
  fs.renameSync(tmp, file);
  return { size, sha256: hash.digest('hex'), head: Buffer.concat(headParts) };
}

/** Streams `source` to a new stored file, counting and hashing. Throws TooLargeError past `maxBytes`. */
export async function storeStream(dataDir: string, source: Readable, maxBytes = MAX_FILE_BYTES): Promise<StoredUpload> {
  const storedName = crypto.randomBytes(16).toString('hex');
  const written = await streamToFile(source, storedPath(dataDir, storedName), { maxBytes, headBytes: SNIFF_BYTES });
  return { storedName, ...written, complete: written.size <= SNIFF_BYTES };
}

/** Stores a buffer (attachments of inbound mail). */
export function storeBuffer(dataDir: string, data: Buffer): { storedName: string; size: number; sha256: string } {
  const storedName = crypto.randomBytes(16).toString('hex');
  const final = storedPath(dataDir, storedName);
  fs.mkdirSync(path.dirname(final), { recursive: true, mode: 0o700 });
  fs.writeFileSync(`${final}.part`, data, { mode: 0o600 });
  fs.renameSync(`${final}.part`, final);
  return { storedName, size: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') };
}

export function removeStored(dataDir: string, storedName: string): void {
  fs.rmSync(storedPath(dataDir, storedName), { force: true });
}
