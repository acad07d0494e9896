/**
 * Browser test support: the REAL server as a child process, compiled and run exactly as `npm start`
 * does (scripts/build.mjs, then plain `node` on the bundle), Debian's Chromium driven by
 * playwright-core, and an axe-core scan.
 *
 * The server gets its own temporary data directory and a free loopback port; on PostgreSQL it gets a
 * fresh database on the server that scripts/run-tests.ts started. Its first-start output carries the
 * first administrator's e-mail address and one-time password, which we read like a person would.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Dialect } from '../../src/platform/db/connect.js';
import { totpCode } from '../../src/platform/auth/totp.js';
import { createPgDatabase, pgAvailable } from '../support/dialects.js';
import { freePort } from '../support/pg-server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

/** Why the browser suite cannot run here, or null when it can. */
export function browserSkipReason(): string | null {
  const exe = process.env.ACHYK_TEST_CHROMIUM;
  if (!exe)
    return 'no Chromium: set ACHYK_TEST_CHROMIUM or run through npm test with /usr/bin/chromium installed (apt-get install chromium)';
  if (!fs.existsSync(exe)) return `ACHYK_TEST_CHROMIUM=${exe} does not exist`;
  return null;
}

/**
 * Skips a browser suite visibly; with CI=true a suite that cannot run is a failure instead, also
 * when only some files were asked for (scripts/run-tests.ts checks the whole run).
 */
export function skipSuite(name: string, reason: string): void {
  if (process.env.CI === 'true') test(`${name} can run (CI=true)`, () => assert.fail(`${name} cannot run: ${reason}`));
  else describe.skip(`${name} [skipped: ${reason}]`, () => {});
}

/** Which database dialects the browser suite runs on (PostgreSQL only when a test server is up). */
export function browserDialects(): { dialect: Dialect; skip: string | null }[] {
  return [
    { dialect: 'sqlite', skip: null },
    { dialect: 'postgres', skip: pgAvailable() ? null : 'no PostgreSQL test server; run through npm test' },
  ];
}

export interface RunningServer {
  url: string;
  adminEmail: string;
  adminPassword: string;
  /** everything the server printed so far (shown when a test fails) */
  output(): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

let compiled: string | null = null;

/**
 * The server bundle, built once per test process under its own name (test files run in parallel
 * processes and must not overwrite each other's bundle), removed when the process ends.
 */
function compiledServer(): string {
  if (!compiled) {
    const name = `start-test-${process.pid}`;
    execFileSync(process.execPath, ['scripts/build.mjs', '--quiet', 'src/start.ts', name], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const file = path.join(ROOT, 'dist', `${name}.mjs`);
    process.once('exit', () => {
      fs.rmSync(file, { force: true });
      fs.rmSync(`${file}.map`, { force: true });
    });
    compiled = file;
  }
  return compiled;
}

/** Starts the compiled server (as `npm start`) on a fresh database and waits until `/api/v1/health` answers. */
export async function startServer(dialect: Dialect): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const pgDb = dialect === 'postgres' ? await createPgDatabase() : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'achyk-browser-'));
  // Only the settings below: nothing from the developer's shell (SMTP_HOST, INBOUND_SMTP_PORT …).
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(ACHYK_|SMTP_|INBOUND_|MAIL_|DATABASE_URL$|PUBLIC_URL$|TRUST_PROXY$|PORT$|HOST$)/.test(k),
    ),
  );
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    ACHYK_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    // The production cost (2^17): the lowest the configuration accepts.
    ACHYK_SCRYPT_LOG2N: '17',
    LOG_LEVEL: 'warn',
  };
  if (pgDb) env.DATABASE_URL = pgDb.url;

  let out = '';
  const child: ChildProcess = spawn(process.execPath, [compiledServer()], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await pgDb?.drop();
  };

  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
      try {
        const res = await fetch(`${url}/api/v1/health`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(`the server did not answer /api/v1/health within ${START_TIMEOUT_MS / 1000} s`);
      await sleep(200);
    }
    // The credentials are printed right after "listening"; give stdout a moment to arrive.
    let creds = parseAdminCredentials(out);
    for (let i = 0; !creds && i < 50; i++) {
      await sleep(100);
      creds = parseAdminCredentials(out);
    }
    if (!creds) throw new Error('the server did not print the first administrator’s credentials');
    return { url, ...creds, output: () => out, stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${out}`);
  }
}

/** Reads the first administrator's e-mail and one-time password from the server's first-start output. */
export function parseAdminCredentials(output: string): { adminEmail: string; adminPassword: string } | null {
  const email = /^\s*e-mail:\s+(\S+)/m.exec(output);
  const password = /^\s*password:\s+(\S+)/m.exec(output);
  return email && password ? { adminEmail: email[1]!, adminPassword: password[1]! } : null;
}

/**
 * Debian's Chromium, headless. We run as root in CI, hence --no-sandbox; the background-networking
 * flags stop Chromium from calling Google's hosts (there is no network, and a test must not need one).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.ACHYK_TEST_CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Acts as the user's authenticator app. Each TOTP code is accepted once (the server refuses any time
 * step at or before the last one used) and the server allows one step of clock drift either way. So
 * that a test needs several codes without waiting, the phone starts one step behind (like a phone
 * whose clock is a little slow) and moves forward one step per code; only when it would have to run
 * more than one step ahead does it wait for the clock.
 */
export class Phone {
  private lastStep: number | null = null;
  constructor(public readonly secret: string) {}

  async nextCode(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const current = Math.floor(now / 30_000);
      // A step behind only while the request surely arrives before the step changes.
      const earliest = now % 30_000 < 15_000 ? current - 1 : current;
      const step = this.lastStep === null ? earliest : Math.max(earliest, this.lastStep + 1);
      if (step <= current + 1) {
        this.lastStep = step;
        return totpCode(this.secret, new Date(step * 30_000 + 1));
      }
      await sleep(30_000 - (now % 30_000) + 50);
    }
  }
}

const AXE_SOURCE = () => fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core on the page and throws on any serious or critical violation, listed readably.
 * The page's CSP (`script-src 'self'`) would block an injected <script>; `page.evaluate` goes
 * through the DevTools protocol, which CSP does not govern, so the page keeps its real policy.
 */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  const hasAxe = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.evaluate(AXE_SOURCE());
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length === 0) return;
  const lines = bad.flatMap((v) => [
    `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes
      .slice(0, 5)
      .map(
        (n) =>
          `      at ${n.target.join(' ')}: ${n.html.slice(0, 160)}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`,
      ),
  ]);
  throw new Error(
    `axe-core found ${bad.length} serious or critical problem(s) on ${label} (${page.url()}):\n${lines.join('\n')}`,
  );
}

/** Saves a full-page screenshot to test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** True when the page is wider than the viewport (a horizontal scroll bar on a phone). */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
