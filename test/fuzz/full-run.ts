/**
 * `npm run test:fuzz`: the fuzz folder only, with FUZZ_RUNS=10,000 inputs per endpoint (unless set),
 * through the usual test runner (both dialects; `-- --sqlite-only` for SQLite alone). FUZZ_ONLY=<regex>
 * narrows it to some endpoints, FUZZ_SEED=<n> replays a run; file arguments narrow it to those files.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const options = args.filter((a) => a.startsWith('--'));
const given = args.filter((a) => !a.startsWith('--'));
const files = given.length
  ? given
  : fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .sort()
      .map((f) => path.join('test', 'fuzz', f));
// 10,000 inputs per endpoint take hours: a day's cap per file instead of the runner's 15 minutes.
const env = {
  ...process.env,
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000',
  ACHYK_TEST_TIMEOUT_MS: process.env.ACHYK_TEST_TIMEOUT_MS ?? String(24 * 3600_000),
};
const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'run-tests.ts'), ...options, ...files], {
  stdio: 'inherit',
  env,
  cwd: path.resolve(dir, '../..'),
});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
