/**
 * Killing and restarting a throw-away PostgreSQL cluster of our own (started with the same helper
 * as the shared test server, which is never touched). The kill is SIGKILL to the postmaster and
 * every backend at once, like a machine losing the process table: no shutdown checkpoint, so the
 * restart goes through WAL crash recovery.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PgServer } from '../support/pg-server.js';
import { sleep } from './site.js';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The postmaster's pid and its children's, read from postmaster.pid and /proc. */
function clusterPids(pg: PgServer): number[] {
  const pidFile = path.join(pg.dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return [];
  const postmaster = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(postmaster) || !alive(postmaster)) return [];
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) children.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return [postmaster, ...children];
}

/** SIGKILL to the whole cluster; resolves when every process is gone. */
export async function killPostgres(pg: PgServer): Promise<number> {
  const pids = clusterPids(pg);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 20_000;
  while (pids.some(alive)) {
    if (Date.now() > deadline)
      throw new Error(`PostgreSQL processes ${pids.filter(alive).join(', ')} survived SIGKILL`);
    await sleep(50);
  }
  return pids.length;
}

/** Starts the killed cluster again on the same port (crash recovery runs before it accepts connections). */
export function restartPostgres(pg: PgServer): void {
  const sockDir = path.join(path.dirname(pg.dataDir), 'sock');
  const options = [`-p ${pg.port}`, `-k ${sockDir}`, '-h 127.0.0.1', '-c max_connections=200'].join(' ');
  const bin = path.join(pg.binDir, 'pg_ctl');
  const args = [
    '-D',
    pg.dataDir,
    '-o',
    options,
    '-l',
    path.join(path.dirname(pg.dataDir), 'server.log'),
    '-w',
    '-t',
    '120',
    'start',
  ];
  const res = isRoot()
    ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' })
    : spawnSync(bin, args, { encoding: 'utf8' });
  if (res.status !== 0)
    throw new Error(`pg_ctl start after the kill failed (${res.status}): ${res.stderr || res.stdout}\n${tailLog(pg)}`);
}

function tailLog(pg: PgServer): string {
  const log = path.join(path.dirname(pg.dataDir), 'server.log');
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n') : '';
}
