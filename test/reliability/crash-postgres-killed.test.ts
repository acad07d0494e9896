/**
 * Crash safety with PostgreSQL itself killed, on a throw-away cluster of our own (the shared test
 * server is never touched): odd rounds kill PostgreSQL and the server together, even rounds kill
 * PostgreSQL alone under the running server, which must recover without a restart.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { findPgBinDir, startPostgres, type PgServer } from '../support/pg-server.js';
import { crashRounds, ROUNDS, TIMEOUT } from './crash-rounds.js';
import { prepareSite } from './site.js';

let pg: PgServer | null = null;
after(() => pg?.stop());
const skip = findPgBinDir() ? false : 'PostgreSQL is not installed (apt-get install postgresql)';
if (skip && process.env.CI === 'true') test('PostgreSQL can be started (CI=true)', () => assert.fail(skip));

test(
  `crash safety [postgres killed]: PostgreSQL and the server killed together, and PostgreSQL alone under a running server, ${ROUNDS} time(s)`,
  { timeout: TIMEOUT, skip },
  async (t) => {
    pg = await startPostgres({ fsync: true });
    const site = await prepareSite('postgres', pg.url);
    try {
      await crashRounds(t, site, (round) => (round % 2 === 1 ? 'server+postgres' : 'postgres'), pg);
    } finally {
      site.remove();
    }
  },
);
