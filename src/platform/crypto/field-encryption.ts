/**
 * Field encryption with AES-256-GCM (authenticated: a flipped byte makes decryption fail loudly).
 * Envelope: `enc1:<keyId>:<base64url(iv | ciphertext | tag)>`. The key id travels with each value so
 * keys can rotate; the field's context (e.g. "person.name") is bound as additional authenticated data,
 * so a ciphertext copied into another column does not decrypt.
 */
import crypto from 'node:crypto';
import type { KeyFile } from './key-file.js';

export class DecryptionError extends Error {
  constructor(context: string) {
    super(`Encrypted value for ${context} failed authentication (tampered, truncated or wrong key)`);
  }
}

export interface FieldCipher {
  readonly activeKeyId: string;
  encrypt(plaintext: string, context: string): string;
  decrypt(envelope: string, context: string): string;
  encryptNullable(plaintext: string | null | undefined, context: string): string | null;
  decryptNullable(envelope: string | null | undefined, context: string): string | null;
  /** the key id an envelope was made with */
  keyIdOf(envelope: string): string;
  /** HMAC-SHA256 with the key file's HMAC secret, base64url */
  hmac(data: string): string;
}

export function createFieldCipher(keyFile: KeyFile): FieldCipher {
  const keys = new Map(Object.entries(keyFile.keys).map(([id, k]) => [id, Buffer.from(k, 'base64')]));
  const hmacKey = Buffer.from(keyFile.hmacSecret, 'base64');
  const cipher: FieldCipher = {
    activeKeyId: keyFile.active,
    encrypt(plaintext, context) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', keys.get(keyFile.active)!, iv);
      c.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return `enc1:${keyFile.active}:${Buffer.concat([iv, body, c.getAuthTag()]).toString('base64url')}`;
    },
    decrypt(envelope, context) {
      const [tag, keyId, payload] = envelope.split(':');
      const key = keys.get(keyId ?? '');
      if (tag !== 'enc1' || !key || !payload) throw new DecryptionError(context);
      const raw = Buffer.from(payload, 'base64url');
      if (raw.length < 28) throw new DecryptionError(context);
      try {
        const d = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        d.setAAD(Buffer.from(context, 'utf8'));
        d.setAuthTag(raw.subarray(raw.length - 16));
        return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
      } catch {
        throw new DecryptionError(context);
      }
    },
    encryptNullable(plaintext, context) {
      return plaintext == null ? null : cipher.encrypt(plaintext, context);
    },
    decryptNullable(envelope, context) {
      return envelope == null ? null : cipher.decrypt(envelope, context);
    },
    keyIdOf(envelope) {
      return envelope.split(':')[1] ?? '';
    },
    hmac(data) {
      return crypto.createHmac('sha256', hmacKey).update(data).digest('base64url');
    },
  };
  return cipher;
}

/**
 * The registry of encrypted columns, so `achyk keys rotate` can re-encrypt all of them.
 * The platform's own columns are listed here; each module lists its own in its manifest
 * (`encryptedColumns`), registered at boot by `installModules`: table, primary key column, encrypted
 * column, AAD context.
 */
export interface EncryptedColumn {
  table: string;
  key: string;
  column: string;
  context: string;
}
export const encryptedColumns: EncryptedColumn[] = [
  { table: 'user', key: 'id', column: 'totp_secret_enc', context: 'user.totp_secret' },
  { table: 'session', key: 'token_hash', column: 'pending_totp_enc', context: 'session.pending_totp' },
];
export function registerEncryptedColumn(col: EncryptedColumn): void {
  if (!encryptedColumns.some((c) => c.table === col.table && c.column === col.column)) encryptedColumns.push(col);
}
