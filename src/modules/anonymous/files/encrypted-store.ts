/**
 * Attachments at rest: every file is encrypted with its own random AES-256-GCM key before it touches
 * the disk, under `<dataDir>/anonymous-files/<32 hex>`; that key is stored in the database wrapped by
 * the field cipher (`anonymous_file.key_enc`). Chosen over storing the bytes in the database through
 * the cipher because files can be large (no base64 blow-up, no huge rows in every backup page) and
 * because `achyk keys rotate` then only re-wraps a 32-byte key per file instead of re-encrypting
 * the files. The stored name is bound as additional authenticated data, so files cannot be swapped.
 *
 * Layout of a stored file: iv (12 bytes) | ciphertext | GCM tag (16 bytes).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';

export const KEY_CONTEXT = 'anonymous_file.key';

export function anonymousFilesDir(dataDir: string): string {
  return path.join(dataDir, 'anonymous-files');
}

function storedPath(dataDir: string, storedName: string): string {
  if (!/^[0-9a-f]{32}$/.test(storedName)) throw new Error('invalid stored file name');
  return path.join(anonymousFilesDir(dataDir), storedName);
}

export interface EncryptedFile {
  storedName: string;
  /** the file key, wrapped by the field cipher */
  keyEnc: string;
}

/** Encrypts `data` under a fresh key and writes it (temporary name, then rename: never half-written). */
export function writeEncrypted(dataDir: string, cipher: FieldCipher, data: Buffer): EncryptedFile {
  const storedName = crypto.randomBytes(16).toString('hex');
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(`anonymous_file:${storedName}`));
  const body = Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);
  const final = storedPath(dataDir, storedName);
  fs.mkdirSync(path.dirname(final), { recursive: true, mode: 0o700 });
  fs.writeFileSync(`${final}.part`, body, { mode: 0o600 });
  fs.renameSync(`${final}.part`, final);
  return { storedName, keyEnc: cipher.encrypt(key.toString('base64'), KEY_CONTEXT) };
}

/** Reads and decrypts a stored file; throws when it was changed or the key does not fit. */
export function readEncrypted(dataDir: string, cipher: FieldCipher, file: EncryptedFile): Buffer {
  const raw = fs.readFileSync(storedPath(dataDir, file.storedName));
  const key = Buffer.from(cipher.decrypt(file.keyEnc, KEY_CONTEXT), 'base64');
  const d = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  d.setAAD(Buffer.from(`anonymous_file:${file.storedName}`));
  d.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]);
}

/** The raw bytes on disk (tests check that they hold no plaintext). */
export function rawStoredBytes(dataDir: string, storedName: string): Buffer {
  return fs.readFileSync(storedPath(dataDir, storedName));
}

export function removeEncrypted(dataDir: string, storedName: string): void {
  fs.rmSync(storedPath(dataDir, storedName), { force: true });
}
