/**
 * The kill rounds of the crash-safety suite (issue #10 part 4): the REAL server as a child process, concurrent writes over
 * loopback (appeals sent at once, timeline notes, document uploads), SIGKILL at a random moment,
 * restart, then every acknowledged write must be present and whole, every stored document must
 * match its SHA-256, the audit chain must verify and SQLite's integrity_check must pass.
 *
 * Scenarios: SQLite (server killed); PostgreSQL on the shared test server (server killed); and a
 * throw-away PostgreSQL cluster of our own where PostgreSQL is killed too, alternately together
 * with the server and alone under a running server (which must then recover without a restart).
 *
 *   ACHYK_CRASH_ROUNDS   kills per scenario (default 2 in `npm test`; the full run uses 20)
 *   ACHYK_CRASH_WORKERS  concurrent writers (default 6)
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { PgServer } from '../support/pg-server.js';
import { newLedger, startWriters, verifySite, type Ledger } from './crash-writes.js';
import { api, BrowserClient } from './http-client.js';
import { killPostgres, restartPostgres } from './pg-crash.js';
import { envCount, sleep, startServer, type ServerProcess, type Site } from './site.js';

export const ROUNDS = envCount('ACHYK_CRASH_ROUNDS', 2);
const WORKERS = envCount('ACHYK_CRASH_WORKERS', 6);
const ROUND_BUDGET_MS = 90_000;
/** per scenario: a round takes 15-25 s on a loaded 2-core machine */
export const TIMEOUT = ROUNDS * ROUND_BUDGET_MS + 180_000;

export type Kill = 'server' | 'server+postgres' | 'postgres';

interface Figures {
  rounds: number;
  kills: Record<Kill, number>;
  problems: string[];
  orphanFiles: number;
  partialFiles: number;
  auditRows: number;
  startedAt: number;
}

/** Waits until the running server answers an authenticated read again (after PostgreSQL came back). */
async function waitRecovered(site: Site, server: ServerProcess, appealId: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (!server.alive())
      throw new Error(
        `the server died while PostgreSQL was down\n--- server output ---\n${server.output().slice(-3000)}`,
      );
    try {
      const res = await api(site.url, site.citizen.token, 'GET', `/api/v1/appeals/${appealId}`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not answering yet
    }
    if (Date.now() - started > 60_000)
      throw new Error('the server did not recover within 60 s after PostgreSQL restarted');
    await sleep(200);
  }
}

/**
 * Runs ROUNDS kill rounds on a prepared site. `kills(round)` says what is killed in the round;
 * `pg` is our own cluster when PostgreSQL may be killed.
 */
export async function crashRounds(
  t: TestContext,
  site: Site,
  kills: (round: number) => Kill,
  pg: PgServer | null,
): Promise<Figures> {
  const ledger: Ledger = newLedger();
  const figures: Figures = {
    rounds: 0,
    kills: { server: 0, 'server+postgres': 0, postgres: 0 },
    problems: [],
    orphanFiles: 0,
    partialFiles: 0,
    auditRows: 0,
    startedAt: Date.now(),
  };
  let server = await startServer(site);
  try {
    const browser = new BrowserClient(site.url);
    await browser.signIn(site.citizen);
    for (let round = 1; round <= ROUNDS; round++) {
      const roundStart = Date.now();
      const mark = { appeals: ledger.appeals.length, events: ledger.events.length, uploads: ledger.uploads.length };
      const kill = kills(round);
      const run = startWriters(site, browser, ledger, { workers: WORKERS, label: `r${round}` });
      // Kill at a random moment once the round has some acknowledged writes (a loaded machine is
      // slow), then a random few hundred milliseconds later, when uploads and commits are in flight.
      const target = ledger.acknowledged + 3 + Math.floor(Math.random() * 20);
      const until = Date.now() + 15_000;
      while (ledger.acknowledged < target && Date.now() < until) await sleep(20);
      await sleep(Math.random() * 400);
      run.markOutage();
      if (kill === 'server') {
        await server.kill();
      } else if (kill === 'server+postgres') {
        // Both at once, in either order, a few milliseconds apart.
        const gap = sleep(Math.random() * 200);
        if (Math.random() < 0.5) await Promise.all([killPostgres(pg!), gap.then(() => server.kill())]);
        else await Promise.all([server.kill(), gap.then(() => killPostgres(pg!))]);
      } else {
        await killPostgres(pg!);
        // The writers keep going against a server without its database: 5xx, never a crash.
        await sleep(500 + Math.random() * 1000);
      }
      run.stop();
      await run.done;
      if (kill !== 'server') restartPostgres(pg!);
      let recoveredMs: number | null = null;
      if (kill === 'postgres') recoveredMs = await waitRecovered(site, server, ledger.appeals[0]!.id);
      else server = await startServer(site);
      figures.kills[kill]++;
      const touched = new Map(ledger.appeals.slice(mark.appeals).map((a) => [a.id, a]));
      for (const x of [...ledger.events.slice(mark.events), ...ledger.uploads.slice(mark.uploads)])
        touched.set(
          x.appealId,
          ledger.appeals.find((a) => a.id === x.appealId)!,
        );
      const v = await verifySite(site, ledger, [...touched.values()]);
      figures.rounds++;
      figures.orphanFiles = v.orphanFiles;
      figures.partialFiles = v.partialFiles;
      figures.auditRows = v.auditRows;
      figures.problems.push(...v.problems.map((p) => `round ${round} (${kill} killed): ${p}`));
      t.diagnostic(
        `round ${round}: killed ${kill}; acknowledged so far ${ledger.acknowledged} of ${ledger.attempted} (cut ${ledger.cut}, 5xx while down ${ledger.outage5xx})` +
          `${recoveredMs === null ? '' : `; server answered again ${recoveredMs} ms after PostgreSQL restarted`}; audit rows ${v.auditRows}; integrity ${v.integrity}; ${v.problems.length} problem(s); ${Date.now() - roundStart} ms`,
      );
      if (v.problems.length > 0 || ledger.unexpected.length > 0) break;
    }
  } finally {
    await server.stop();
  }
  const secs = ((Date.now() - figures.startedAt) / 1000).toFixed(1);
  t.diagnostic(
    `CRASH SAFETY ${site.dialect}: ${figures.rounds} round(s) (${Object.entries(figures.kills)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n}× ${k} killed`)
      .join(
        ', ',
      )}), writes tried ${ledger.attempted}, acknowledged ${ledger.acknowledged} (appeals ${ledger.appeals.length}, notes ${ledger.events.length}, uploads ${ledger.uploads.length}), ` +
      `cut by the kill ${ledger.cut}, 5xx while the database was down ${ledger.outage5xx}, unexpected answers ${ledger.unexpected.length}, failures ${figures.problems.length}, audit rows verified ${figures.auditRows}, files left by cut uploads: ${figures.orphanFiles} whole without a row, ${figures.partialFiles} partial (.part), ${secs} s`,
  );
  assert.deepEqual(ledger.unexpected.slice(0, 20), [], 'answers that should not happen');
  assert.deepEqual(figures.problems.slice(0, 20), [], 'acknowledged writes lost or damaged');
  assert.equal(figures.rounds, ROUNDS);
  assert.ok(ledger.acknowledged > 0, 'no write was acknowledged at all');
  return figures;
}
