/**
 * `npm test`: starts a throw-away PostgreSQL server, finds every test file, runs them with Node's
 * built-in test runner (its TAP summary is what CI reads) on SQLite and PostgreSQL, then stops the
 * server. Says plainly when it skips PostgreSQL or the browser; with CI=true a skip is a failure.
 *
 *   npm test                      every test
 *   npm test -- test/foo.test.ts  only these files
 *   npm test -- --sqlite-only     skip PostgreSQL (local, quick)
 *   npm test -- --lane=unit       one lane (unit, http, security, browser, reliability; see test-lanes.ts),
 *                                 also as `npm run test:unit`, `npm run test:http`, …
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startPostgres, type PgServer } from '../test/support/pg-server.js';
import { LANES, laneOf, type Lane } from './test-lanes.js';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(p));
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out.sort();
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const sqliteOnly = args.includes('--sqlite-only');
  const files = args.filter((a) => !a.startsWith('--'));
  const lanes = args.filter((a) => a.startsWith('--lane=')).map((a) => a.slice('--lane='.length));
  for (const l of lanes)
    if (!(LANES as readonly string[]).includes(l)) throw new Error(`unknown lane ${l} (${LANES.join(', ')})`);
  const testFiles = (files.length ? files : findTests('test')).filter(
    (f) => lanes.length === 0 || lanes.includes(laneOf(f) as Lane),
  );
  if (lanes.length) console.log(`# lane ${lanes.join(', ')}: ${testFiles.length} files`);
  // The unit lane needs neither PostgreSQL nor a browser: it does not wait for either.
  const unitOnly = lanes.length > 0 && lanes.every((l) => l === 'unit');
  const ci = process.env.CI === 'true';
  const skipped: string[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test' };

  let pg: PgServer | null = null;
  if (unitOnly) {
    // nothing to start
  } else if (sqliteOnly) skipped.push('PostgreSQL suite (--sqlite-only)');
  else {
    try {
      pg = await startPostgres();
      env.ACHYK_TEST_PG_URL = pg.url;
      console.log(`# PostgreSQL test server on port ${pg.port}`);
    } catch (err) {
      skipped.push(`PostgreSQL suite: ${(err as Error).message}`);
    }
  }
  const chromium = process.env.ACHYK_TEST_CHROMIUM ?? CHROMIUM_CANDIDATES.find((c) => fs.existsSync(c));
  if (chromium && fs.existsSync(chromium)) env.ACHYK_TEST_CHROMIUM = chromium;
  else if (!unitOnly) {
    delete env.ACHYK_TEST_CHROMIUM;
    skipped.push(
      chromium
        ? `browser suite: ACHYK_TEST_CHROMIUM=${chromium} does not exist`
        : 'browser suite: no Chromium found (apt-get install chromium)',
    );
  }

  const cleanup = () => pg?.stop();
  const verdicts = topLevelVerdicts();
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  const code = await new Promise<number>((resolve) => {
    // ACHYK_TEST_TIMEOUT_MS: a longer cap for deliberately long runs (npm run test:fuzz sets a day).
    const timeout = process.env.ACHYK_TEST_TIMEOUT_MS ?? '900000';
    // blocking-stdout.mjs: see there (results lost under --test-force-exit, nodejs/node#64833).
    const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'blocking-stdout.mjs');
    const args = [
      '--import',
      'tsx',
      '--import',
      pathToFileURL(preload).href,
      '--test',
      '--test-concurrency=2',
      `--test-timeout=${timeout}`,
      '--test-force-exit',
      ...testFiles,
    ];
    const child = spawn(process.execPath, args, { stdio: ['inherit', 'pipe', 'inherit'], env });
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      verdicts.read(chunk.toString('utf8'));
    });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  // Every test the report started must have its verdict: a lost one is a failure, never a smaller green count.
  const lost = verdicts.unfinished();
  if (lost.length) {
    console.log(`# the report lost the verdicts of: ${lost.join(', ')}`);
    cleanup();
    return code || 1;
  }
  cleanup();
  for (const s of skipped) console.log(`# SKIPPED: ${s}`);
  if (ci && skipped.length > 0 && !files.length && !lanes.length) {
    console.log('# CI=true: a skipped suite fails the run');
    return code || 1;
  }
  return code;
}

/**
 * Follows the TAP report's top-level tests: each `# Subtest: NAME` must be followed by its
 * `ok N - NAME` or `not ok N - NAME` (Node's runner prints a file's tests in order).
 */
function topLevelVerdicts() {
  let rest = '';
  const open: string[] = [];
  return {
    read(text: string) {
      const lines = (rest + text).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const start = /^# Subtest: (.*)$/.exec(line);
        if (start) open.push(start[1]!);
        else if (/^(not )?ok \d+ - /.test(line)) open.pop();
      }
    },
    unfinished: () => [...open],
  };
}

process.exitCode = await main();
