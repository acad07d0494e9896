/**
 * `tsx bench/measure-search.ts FILE.sqlite | postgres://…`: the search measure alone on an existing
 * bench database (migrated first), for before/after figures of a search change.
 */
import { inspect, open } from './bench-db.js';
import { measureSearch } from './measures.js';
import { migrations } from '../src/bootstrap.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

const target = process.argv[2];
if (!target) {
  console.error('usage: tsx bench/measure-search.ts FILE.sqlite | postgres://…');
  process.exit(2);
}
const conn = open(
  target.startsWith('postgres') ? { dialect: 'postgres', url: target } : { dialect: 'sqlite', file: target },
);
const state = await inspect(conn);
if (state.kind !== 'bench') {
  console.error('not a bench database: refusing');
  process.exit(2);
}
const t = performance.now();
await migrateToLatest(conn.db, migrations);
const migrated = Math.round(performance.now() - t);
console.log(JSON.stringify({ migratedMs: migrated, ...(await measureSearch(conn)) }, null, 1));
await conn.close();
