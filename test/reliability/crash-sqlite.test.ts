/** Crash safety on SQLite: the server is killed under concurrent writes (see crash-rounds.ts). */
import { test } from 'node:test';
import { crashRounds, ROUNDS, TIMEOUT } from './crash-rounds.js';
import { prepareSite } from './site.js';

test(
  `crash safety [sqlite]: the server is killed ${ROUNDS} time(s) under concurrent writes; every acknowledged write survives`,
  { timeout: TIMEOUT },
  async (t) => {
    const site = await prepareSite('sqlite');
    try {
      await crashRounds(t, site, () => 'server', null);
    } finally {
      site.remove();
    }
  },
);
