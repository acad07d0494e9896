import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Dialect } from '../../src/platform/db/connect.js';
import { createPgDatabase } from './dialects.js';

/**
 * Gives the CLI commands of a suite their own data folder and, on PostgreSQL, their own database
 * (through the environment the commands read), and puts the environment back afterwards.
 */
export function cliEnvironment(dialect: Dialect, prefix: string): void {
  let dir: string;
  let drop: (() => Promise<void>) | null = null;
  const saved = { ...process.env };
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    process.env.ACHYK_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    if (dialect === 'postgres') {
      const pg = await createPgDatabase();
      process.env.DATABASE_URL = pg.url;
      drop = pg.drop;
    }
  });
  after(async () => {
    process.env = saved;
    await drop?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** Runs a CLI command in-process and returns what it printed and the exit code it set. */
export async function capture(
  fn: () => Promise<void>,
): Promise<{ out: string; err: string; code: number | undefined }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  const before = process.exitCode;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  process.exitCode = undefined;
  try {
    await fn();
    return { out: out.join('\n'), err: err.join('\n'), code: process.exitCode as number | undefined };
  } finally {
    console.log = log;
    console.error = error;
    process.exitCode = before;
  }
}
