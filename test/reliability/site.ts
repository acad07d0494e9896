/**
 * A whole Achyk installation for the reliability suites: a temporary data directory, a database
 * (a SQLite file in it, or a PostgreSQL database), the REAL server as a child process
 * (`node --import tsx src/start.ts`, the entry point of `npm start`), and the accounts the load
 * generators write with (a citizen and a lawyer, each with an API token; the lawyer has TOTP).
 *
 * The accounts are made in this process through the same commands the CLI uses, on the same
 * configuration the server reads, before the server starts; everything else goes over loopback HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRuntime, type Runtime } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createUser } from '../../src/modules/accounts/commands/create-user.js';
import { newTotpSecret } from '../../src/platform/auth/totp.js';
import { sha256 } from '../../src/platform/auth/sessions.js';
import type { Dialect } from '../../src/platform/db/connect.js';
import { seedIfEmpty } from '../../src/seed/seed.js';
import { freePort } from '../support/pg-server.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const START_TIMEOUT_MS = 90_000;

export interface Account {
  id: number;
  email: string;
  password: string;
  token: string;
  totpSecret: string | null;
}

export interface Site {
  dialect: Dialect;
  dataDir: string;
  url: string;
  /** the environment the server (and `withRuntime`) reads */
  env: NodeJS.ProcessEnv;
  citizen: Account;
  lawyer: Account;
  /** an active body (the shipped directory has no e-mail addresses: appeals name their own) */
  bodyId: number;
  /** removes the data directory (the caller drops its PostgreSQL database) */
  remove(): void;
}

/** Opens the site's database and key file in this process (migrations are a no-op by then). */
export async function withRuntime<T>(site: Pick<Site, 'env'>, fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig(site.env));
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

async function addAccount(runtime: Runtime, role: 'citizen' | 'lawyer', totp: boolean): Promise<Account> {
  const db = runtime.conn.db;
  const email = `${role}.${crypto.randomBytes(4).toString('hex')}@reliability.example.org`;
  const password = `reliability ${crypto.randomBytes(9).toString('base64url')}`;
  const now = new Date();
  const id = await db.transaction().execute((trx) =>
    createUser({
      trx,
      email,
      displayName: `Reliability ${role}`,
      role,
      password,
      status: 'active',
      actor: 'cli',
      hash: { log2n: runtime.config.scryptLog2N, r: 8, p: 1 },
      now,
    }),
  );
  let totpSecret: string | null = null;
  if (totp) {
    totpSecret = newTotpSecret();
    await db
      .updateTable('user')
      .set({ totp_secret_enc: runtime.cipher.encrypt(totpSecret, 'user.totp_secret') })
      .where('id', '=', id)
      .execute();
  }
  // Inserted the way /account/tokens does it: only the hash is stored.
  const token = `achyk_${crypto.randomBytes(32).toString('base64url')}`;
  await db
    .insertInto('api_token')
    .values({
      user_id: id,
      name: 'reliability',
      token_hash: sha256(token),
      prefix: token.slice(0, 10),
      created_at: now.toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, email, password, token, totpSecret };
}

/**
 * Creates the data directory, migrates and seeds the database (reference data, no demo set), and adds the accounts.
 * `databaseUrl` absent: SQLite in the data directory.
 */
export async function prepareSite(dialect: Dialect, databaseUrl?: string): Promise<Site> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-reliability-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Only the settings below: nothing from the developer's shell (SMTP_HOST, INBOUND_SMTP_PORT …).
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(ACHYK_|SMTP_|INBOUND_|MAIL_|DATABASE_URL$|PUBLIC_URL$|TRUST_PROXY$|PORT$|HOST$|NODE_ENV$|LOG_LEVEL$)/.test(
          k,
        ),
    ),
  );
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    ACHYK_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    ACHYK_SCRYPT_LOG2N: '17',
    ACHYK_SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  let prepared;
  try {
    prepared = await withRuntime({ env }, async (runtime) => {
      // Reference data only: the suites make their own records, and do not depend on the demo set.
      await seedIfEmpty(runtime, { demo: false });
      const citizen = await addAccount(runtime, 'citizen', false);
      const lawyer = await addAccount(runtime, 'lawyer', true);
      const body = await runtime.conn.db
        .selectFrom('body')
        .select('id')
        .where('active_to', 'is', null)
        .where('merged_into_id', 'is', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      return { citizen, lawyer, bodyId: body.id };
    });
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    dialect,
    dataDir,
    url,
    env,
    ...prepared,
    remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

export interface ServerProcess {
  pid: number;
  output(): string;
  /** resolves when the process has exited (by itself or killed) */
  exited: Promise<void>;
  alive(): boolean;
  /** SIGKILL: no shutdown handler runs, requests in flight are cut */
  kill(): Promise<void>;
  /** SIGTERM and wait (SIGKILL after 10 s) */
  stop(): Promise<void>;
}

/** Starts the real server on the site and waits until `/api/v1/health` answers. */
export async function startServer(site: Site): Promise<ServerProcess> {
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/start.ts'], {
    cwd: ROOT,
    env: site.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const kill = async () => {
    if (alive()) child.kill('SIGKILL');
    await exited;
  };
  const stop = async () => {
    if (!alive()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (!alive())
      throw new Error(
        `the server exited (code ${child.exitCode}, signal ${child.signalCode}) before answering\n--- server output ---\n${out}`,
      );
    try {
      const res = await fetch(`${site.url}/api/v1/health`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await kill();
      throw new Error(
        `the server did not answer /api/v1/health within ${START_TIMEOUT_MS / 1000} s\n--- server output ---\n${out}`,
      );
    }
    await sleep(100);
  }
  return { pid: child.pid!, output: () => out, exited, alive, kill, stop };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A positive whole number from the environment, or the default. */
export function envCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return n;
}
