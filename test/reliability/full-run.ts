/**
 * `npm run test:reliability:full`: the full crash-safety and load suites (20 kills per scenario, 60 s
 * of load per dialect) through the normal test runner, which starts the throw-away PostgreSQL.
 * `npm test` runs the same files with the small defaults (2 kills, 10 s). Settings already in the
 * environment win, e.g. `ACHYK_CRASH_ROUNDS=50 npm run test:reliability:full`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './site.js';

const env: NodeJS.ProcessEnv = {
  ...process.env,
  ACHYK_CRASH_ROUNDS: process.env.ACHYK_CRASH_ROUNDS || '20',
  ACHYK_LOAD_SECONDS: process.env.ACHYK_LOAD_SECONDS || '60',
};
const files = [
  'test/reliability/crash-sqlite.test.ts',
  'test/reliability/crash-postgres.test.ts',
  'test/reliability/crash-postgres-killed.test.ts',
  'test/reliability/load.test.ts',
];
const started = Date.now();
let code = 0;
// One after the other: load figures measured while servers are being killed next door mean little.
for (const file of files) {
  const c = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join('scripts', 'run-tests.ts'), ...process.argv.slice(2), file],
      { cwd: ROOT, env, stdio: 'inherit' },
    );
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  code ||= c;
}
console.log(
  `# reliability suites: ${((Date.now() - started) / 1000).toFixed(0)} s wall time (ACHYK_CRASH_ROUNDS=${env.ACHYK_CRASH_ROUNDS}, ACHYK_LOAD_SECONDS=${env.ACHYK_LOAD_SECONDS})`,
);
process.exitCode = code;
