/**
 * Password hashing with scrypt (SECURITY.md: N >= 2^17), Node's built-in implementation, so no native
 * dependency is needed. Stored self-describing: `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` so the cost can
 * change later; `needsRehash` tells the sign-in to upgrade an old hash.
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  pw: string | Buffer,
  salt: Buffer,
  len: number,
  opts: crypto.ScryptOptions,
) => Promise<Buffer>;

export interface HashParams {
  log2n: number;
  r: number;
  p: number;
}

function maxmem(params: HashParams): number {
  return 128 * params.r * 2 ** params.log2n * 2 + 1024 * 1024;
}

export async function hashPassword(password: string, params: HashParams): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, 32, {
    N: 2 ** params.log2n,
    r: params.r,
    p: params.p,
    maxmem: maxmem(params),
  });
  return `$scrypt$ln=${params.log2n},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(stored: string): { params: HashParams; salt: Buffer; key: Buffer } | null {
  const m = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!m) return null;
  return {
    params: { log2n: Number(m[1]), r: Number(m[2]), p: Number(m[3]) },
    salt: Buffer.from(m[4]!, 'base64url'),
    key: Buffer.from(m[5]!, 'base64url'),
  };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const { params, salt, key } = parsed;
  const candidate = await scrypt(password.normalize('NFC'), salt, key.length, {
    N: 2 ** params.log2n,
    r: params.r,
    p: params.p,
    maxmem: maxmem(params),
  });
  return crypto.timingSafeEqual(candidate, key);
}

export function needsRehash(stored: string, params: HashParams): boolean {
  const parsed = parse(stored);
  return (
    !parsed || parsed.params.log2n !== params.log2n || parsed.params.r !== params.r || parsed.params.p !== params.p
  );
}

/** A hash of a random password, used to spend the same time when the account does not exist. */
let dummy: Promise<string> | null = null;
export function dummyHash(params: HashParams): Promise<string> {
  dummy ??= hashPassword(crypto.randomBytes(16).toString('hex'), params);
  return dummy;
}
