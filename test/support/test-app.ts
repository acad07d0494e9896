/**
 * Builds the real app on a fresh database for a test: temporary key file and mail folder, a cheap
 * scrypt cost (the production cost is tested on its own), a controllable clock, and captured logs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Dialect } from '../../src/platform/db/connect.js';
import { createFieldCipher, type FieldCipher } from '../../src/platform/crypto/field-encryption.js';
import { loadOrCreateKeyFile } from '../../src/platform/crypto/key-file.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { openTestDatabase, type TestDatabase } from './dialects.js';

export const TEST_SCRYPT_LOG2N = 10;

export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

export interface Clock {
  now: Date;
  advance(ms: number): void;
}

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: Config;
  cipher: FieldCipher;
  clock: Clock;
  dir: string;
  logs: string[];
  /** mail written to the outbox folder, parsed with mailparser */
  sentMail(): Promise<SentMail[]>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  now?: Date;
  env?: Record<string, string>;
  /** a file-backed SQLite database (under `dir`) instead of an in-memory one */
  sqliteFile?: boolean;
  /** scrypt cost as log2(N); defaults to the cheap TEST_SCRYPT_LOG2N */
  scryptLog2N?: number;
  /** an existing database and data directory to reuse (to restart the app with other settings) */
  reuse?: { db: TestDatabase; dir: string };
  /** runs after the modules are registered and before `ready`: tests may add test-only routes here */
  beforeReady?: (app: FastifyInstance) => void | Promise<void>;
}

export async function buildTestApp(dialect: Dialect, opts: TestAppOptions = {}): Promise<TestApp> {
  const dir = opts.reuse?.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-test-'));
  const config: Config = {
    ...loadConfig({
      ACHYK_DATA_DIR: dir,
      PUBLIC_URL: 'http://localhost:3000',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      ...opts.env,
    }),
    scryptLog2N: opts.scryptLog2N ?? TEST_SCRYPT_LOG2N,
  };
  const db =
    opts.reuse?.db ??
    (await openTestDatabase(dialect, { file: opts.sqliteFile ? path.join(dir, 'achyk.sqlite') : undefined }));
  config.database = db.config;
  const { keys } = loadOrCreateKeyFile(config.keyFile);
  const cipher = createFieldCipher(keys);
  const mailer = createMailer(config);
  const clock: Clock = {
    now: opts.now ?? new Date('2026-03-02T06:00:00Z'),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const app = await buildApp({ config, conn: db.conn, cipher, mailer, logStream, now: () => clock.now });
  await opts.beforeReady?.(app);
  await app.ready();
  return {
    app,
    db,
    config,
    cipher,
    clock,
    dir,
    logs,
    async sentMail() {
      if (!fs.existsSync(config.mailDir)) return [];
      const files = fs
        .readdirSync(config.mailDir)
        .filter((f) => f.endsWith('.eml'))
        .sort();
      return Promise.all(
        files.map(async (f) => {
          const parsed = await simpleParser(fs.readFileSync(path.join(config.mailDir, f)));
          const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
          return { to: to ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '' };
        }),
      );
    },
    async close() {
      await app.close();
      mailer.close();
      // A reused database and directory belong to the app that created them.
      if (opts.reuse) return;
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
