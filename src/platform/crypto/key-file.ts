/**
 * The key file: AES-256 keys for field encryption (with ids, so keys can rotate) and a separate
 * HMAC secret for CSRF tokens and signed addresses. It lives outside the database (SECURITY.md
 * "Stored data"), is created on first start with mode 0600, and an unreadable or malformed file
 * stops the start with a clear message instead of silently creating a new key (which would make
 * every encrypted field unreadable).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface KeyFile {
  version: 1;
  active: string;
  keys: Record<string, string>; // id -> base64 32-byte key
  hmacSecret: string; // base64 32 bytes
}

export class KeyFileError extends Error {}

function newKeyId(): string {
  return `k${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;
}

export function generateKeyFile(): KeyFile {
  const id = newKeyId();
  return {
    version: 1,
    active: id,
    keys: { [id]: crypto.randomBytes(32).toString('base64') },
    hmacSecret: crypto.randomBytes(32).toString('base64'),
  };
}

function validate(parsed: unknown, file: string): KeyFile {
  const k = parsed as Partial<KeyFile>;
  const bad = (why: string) => new KeyFileError(`Key file ${file} is not valid: ${why}`);
  if (!k || typeof k !== 'object' || k.version !== 1) throw bad('unknown version');
  if (typeof k.active !== 'string' || !k.keys || typeof k.keys !== 'object') throw bad('missing keys');
  for (const [id, v] of Object.entries(k.keys)) {
    if (typeof v !== 'string' || Buffer.from(v, 'base64').length !== 32)
      throw bad(`key ${id} is not 32 bytes of base64`);
  }
  if (!(k.active in k.keys)) throw bad(`active key ${k.active} is missing`);
  if (typeof k.hmacSecret !== 'string' || Buffer.from(k.hmacSecret, 'base64').length !== 32)
    throw bad('hmacSecret is not 32 bytes of base64');
  return k as KeyFile;
}

/** Reads the key file, creating it (0600) when it does not exist yet. */
export function loadOrCreateKeyFile(file: string): { keys: KeyFile; created: boolean } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new KeyFileError(
        `Key file ${file} cannot be read (${(err as NodeJS.ErrnoException).code}); check its permissions`,
      );
    }
    const keys = generateKeyFile();
    writeKeyFile(file, keys);
    return { keys, created: true };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyFileError(
      `Key file ${file} is not valid JSON; restore it from your backup (without it encrypted fields cannot be read)`,
    );
  }
  return { keys: validate(parsed, file), created: false };
}

/** Writes atomically (temp file + rename) so a crash never leaves a half-written key file. */
export function writeKeyFile(file: string, keys: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
}

/** Adds a new key and makes it active; old keys stay for decryption until re-encryption is done. */
export function addActiveKey(keys: KeyFile): KeyFile {
  const id = newKeyId();
  return { ...keys, active: id, keys: { ...keys.keys, [id]: crypto.randomBytes(32).toString('base64') } };
}
