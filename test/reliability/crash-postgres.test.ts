/** Crash safety on PostgreSQL (the shared test server): the server is killed under concurrent writes. */
import { test } from 'node:test';
import { createPgDatabase, pgAvailable } from '../support/dialects.js';
import { crashRounds, ROUNDS, TIMEOUT } from './crash-rounds.js';
import { prepareSite } from './site.js';

test(
  `crash safety [postgres]: the server is killed ${ROUNDS} time(s) under concurrent writes; every acknowledged write survives`,
  { timeout: TIMEOUT, skip: pgAvailable() ? false : 'no PostgreSQL test server; run through npm test' },
  async (t) => {
    const pgDb = await createPgDatabase();
    const site = await prepareSite('postgres', pgDb.url);
    try {
      await crashRounds(t, site, () => 'server', null);
    } finally {
      site.remove();
      await pgDb.drop();
    }
  },
);
