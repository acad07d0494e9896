/**
 * Starts a throw-away PostgreSQL server for the test run: `initdb` + `pg_ctl` from Debian's
 * `postgresql` package (binaries live in /usr/lib/postgresql/<version>/bin, not on PATH), in a
 * temporary directory, on a free loopback port, as the `postgres` user when we run as root
 * (PostgreSQL refuses to run as root). `stop()` stops it and removes the directory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PgServer {
  url: string;
  port: number;
  dataDir: string;
  binDir: string;
  stop(): void;
}

export function findPgBinDir(): string | null {
  const envDir = process.env.ACHYK_PG_BIN;
  if (envDir && fs.existsSync(path.join(envDir, 'pg_ctl'))) return envDir;
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0]!, 'bin') : null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin: string, args: string[]): void {
  const cmd = isRoot() ? 'runuser' : bin;
  const full = isRoot() ? ['-u', 'postgres', '--', bin, ...args] : args;
  const res = spawnSync(cmd, full, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${path.basename(bin)} failed (${res.status}): ${res.stderr || res.stdout}`);
}

export async function startPostgres(opts: { fsync?: boolean } = {}): Promise<PgServer> {
  const binDir = findPgBinDir();
  if (!binDir)
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl); apt-get install postgresql');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-pg-'));
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, 'data');
  const sockDir = path.join(dir, 'sock');
  fs.mkdirSync(sockDir);
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const port = await freePort();
  run(path.join(binDir, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const options = [
    `-p ${port}`,
    `-k ${sockDir}`,
    `-h 127.0.0.1`,
    `-c max_connections=200`,
    opts.fsync ? '' : '-F',
  ].join(' ');
  run(path.join(binDir, 'pg_ctl'), [
    '-D',
    dataDir,
    '-o',
    options,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    'start',
  ]);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    binDir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
