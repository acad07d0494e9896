/**
 * Load (issue #10 part 6): the REAL server as a child process, and a load generator on loopback
 * mixing what people do at once: the public reading the home page, a published appeal, a body's
 * report card, search and the directory; a signed-in citizen creating appeals, adding notes and
 * reading them; a lawyer adding events to a case and reading it. Zero 5xx, zero errors; the
 * figures (requests, errors, 5xx, p50/p90/p99 latency) are printed.
 *
 *   ACHYK_LOAD_SECONDS       how long per dialect (default 10 in `npm test`; the full run uses 60)
 *   ACHYK_LOAD_CONCURRENCY   virtual users (default 8)
 *   ACHYK_LOAD_MAX_REQUESTS  request budget per dialect (default 200000)
 */
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import type { Dialect } from '../../src/platform/db/connect.js';
import { createCase } from '../../src/modules/cases/commands/create-case.js';
import { confirmAndPublish } from '../publication/support.js';
import { findAppeal } from '../../src/modules/appeals/queries.js';
import { createPgDatabase, pgAvailable } from '../support/dialects.js';
import { api, BrowserClient } from './http-client.js';
import { runLoad, type LoadRequest } from './load-generator.js';
import { envCount, prepareSite, startServer, withRuntime } from './site.js';

const SECONDS = envCount('ACHYK_LOAD_SECONDS', 10);
const CONCURRENCY = envCount('ACHYK_LOAD_CONCURRENCY', 8);
const MAX_REQUESTS = envCount('ACHYK_LOAD_MAX_REQUESTS', 200_000);
const WORDS = ['өтүнүч', 'жооп', 'мөөнөт', 'жалоба', 'срок', 'ответ', 'appeal', 'moonot'];

async function loadRun(t: TestContext, dialect: Dialect, databaseUrl?: string): Promise<void> {
  const site = await prepareSite(dialect, databaseUrl);
  const caseId = await withRuntime(site, (runtime) =>
    runtime.conn.db.transaction().execute(
      async (trx) =>
        (
          await createCase({
            trx,
            cipher: runtime.cipher,
            userId: site.lawyer.id,
            input: { title: 'Load test case' },
            now: new Date(),
          })
        ).id,
    ),
  );
  const server = await startServer(site);
  try {
    const citizen = new BrowserClient(site.url);
    await citizen.signIn(site.citizen);
    const lawyer = new BrowserClient(site.url);
    await lawyer.signIn(site.lawyer);
    const newAppeal = (n: string) => ({
      bodyId: site.bodyId,
      kind: 'complaint',
      language: 'ky',
      subject: `Мөөнөт өтүп кетти ${n}`,
      text: `Өтүнүчкө жооп берилген жок, мөөнөт бүттү. Жалоба ${n}.`,
      toAddress: 'reception@body.example.org',
      send: true,
    });
    const created = await api(site.url, site.citizen.token, 'POST', '/api/v1/appeals', newAppeal('first'));
    assert.equal(created.status, 201, created.body);
    const appealId = (JSON.parse(created.body) as { id: number }).id;
    await withRuntime(site, async (runtime) => {
      const appeal = (await findAppeal(runtime.conn.db, appealId))!;
      await runtime.conn.db
        .transaction()
        .execute((trx) => confirmAndPublish({ trx, cipher: runtime.cipher, appeal, actor: 'cli', now: new Date() }));
    });
    const word = () => WORDS[Math.floor(Math.random() * WORDS.length)]!;
    let n = 0;
    const get = (client: BrowserClient, path: () => string) => async (signal: AbortSignal) =>
      client.get(path(), signal);
    const anon = new BrowserClient(site.url);
    const requests: LoadRequest[] = [
      { name: 'public: home', weight: 10, expect: [200], send: get(anon, () => '/') },
      { name: 'public: published appeal', weight: 10, expect: [200], send: get(anon, () => `/published/${appealId}`) },
      { name: 'public: report card', weight: 8, expect: [200], send: get(anon, () => `/stats/bodies/${site.bodyId}`) },
      {
        name: 'public: search',
        weight: 10,
        expect: [200],
        send: get(anon, () => `/search?q=${encodeURIComponent(word())}`),
      },
      {
        name: 'public: directory search',
        weight: 5,
        expect: [200],
        send: get(anon, () => `/directory/search?q=${encodeURIComponent(word())}`),
      },
      {
        name: 'public: JSON search',
        weight: 5,
        expect: [200],
        send: (signal) =>
          api(site.url, null, 'GET', `/api/v1/search?q=${encodeURIComponent(word())}`, undefined, signal),
      },
      {
        name: 'citizen: create appeal (API)',
        weight: 6,
        expect: [201],
        send: (signal) =>
          api(site.url, site.citizen.token, 'POST', '/api/v1/appeals', newAppeal(`load ${++n}`), signal),
      },
      {
        name: 'citizen: add note (API)',
        weight: 6,
        expect: [201],
        send: (signal) =>
          api(
            site.url,
            site.citizen.token,
            'POST',
            `/api/v1/appeals/${appealId}/events`,
            { kind: 'note', text: `Эскертүү ${++n}` },
            signal,
          ),
      },
      {
        name: 'citizen: read appeal (API)',
        weight: 6,
        expect: [200],
        send: (signal) => api(site.url, site.citizen.token, 'GET', `/api/v1/appeals/${appealId}`, undefined, signal),
      },
      { name: 'citizen: my appeals page', weight: 6, expect: [200], send: get(citizen, () => '/appeals') },
      {
        name: 'lawyer: add case event',
        weight: 6,
        expect: [303],
        send: (signal) =>
          lawyer.postForm(
            `/cases/${caseId}/add/event`,
            { title: `Окуя ${++n}`, start: '2026-11-01', start_precision: 'exact' },
            signal,
          ),
      },
      { name: 'lawyer: read case', weight: 4, expect: [200], send: get(lawyer, () => `/cases/${caseId}`) },
    ];
    // Each kind answers correctly once before the clock starts (a broken route is a setup error, not load).
    for (const r of requests) {
      const res = await r.send(AbortSignal.timeout(30_000));
      assert.ok(r.expect.includes(res.status), `${r.name}: ${res.status} ${res.body.slice(0, 300)}`);
    }
    const report = await runLoad({
      durationMs: SECONDS * 1000,
      maxRequests: MAX_REQUESTS,
      concurrency: CONCURRENCY,
      requests,
    });
    for (const [name, k] of Object.entries(report.byKind))
      t.diagnostic(
        `  ${name.padEnd(30)} ${String(k.requests).padStart(6)} requests, ${k.errors} errors, p50 ${k.p50} ms, p99 ${k.p99} ms`,
      );
    t.diagnostic(
      `LOAD ${dialect}: ${report.requests} requests in ${report.seconds} s (${report.perSecond}/s, ${CONCURRENCY} virtual users), errors ${report.errors}, 5xx ${report.status5xx}, ` +
        `latency p50 ${report.p50} ms, p90 ${report.p90} ms, p99 ${report.p99} ms, max ${report.max} ms`,
    );
    if (!server.alive()) assert.fail(`the server died under load\n${server.output().slice(-3000)}`);
    assert.equal(report.status5xx, 0, `5xx answers:\n${report.samples.join('\n')}`);
    assert.equal(report.errors, 0, `errors:\n${report.samples.join('\n')}`);
    assert.ok(report.requests > 0);
  } finally {
    await server.stop();
    site.remove();
  }
}

describe('load', { concurrency: false }, () => {
  const timeout = SECONDS * 1000 + 300_000;
  test(`SQLite: ${SECONDS} s of mixed reads and writes, zero 5xx and zero errors`, { timeout }, async (t) =>
    loadRun(t, 'sqlite'),
  );
  test(
    `PostgreSQL: ${SECONDS} s of mixed reads and writes, zero 5xx and zero errors`,
    { timeout, skip: pgAvailable() ? false : 'no PostgreSQL test server; run through npm test' },
    async (t) => {
      const pgDb = await createPgDatabase();
      try {
        await loadRun(t, 'postgres', pgDb.url);
      } finally {
        await pgDb.drop();
      }
    },
  );
});
