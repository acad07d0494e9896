/** Runs the real `achyk` command as a child process, as an operator would on the server. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `node bin/achyk.js ...args` with only the environment given (plus PATH and HOME), so nothing from the
 * developer's shell (DATABASE_URL …) points the command at another database.
 */
export function achyk(args: string[], env: Record<string, string>): CliResult {
  const res = spawnSync(process.execPath, [path.join(ROOT, 'bin/achyk.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: res.status, stdout: res.stdout ?? '', stderr: res.stderr ?? '' };
}
