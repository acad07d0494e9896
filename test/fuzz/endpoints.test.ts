/**
 * Issue #10 part 3, "bad input at scale": every form, every JSON API route and every page of the
 * route inventory gets FUZZ_RUNS generated inputs (20 per form, 40 per API route, 10 per page in `npm test`;
 * 10,000 in `npm run test:fuzz`), and every upload form gets the upload abuse cases. One crawled
 * world per dialect serves the four suites. Each suite
 * prints its figures (endpoints, inputs tried, failures, seed); FUZZ_SEED=<n> replays a run.
 */
import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import { fuzzApi } from './api.js';
import { fuzzForms } from './forms.js';
import { fuzzPages } from './pages.js';
import { fuzzUploads } from './uploads.js';
import { forEachFuzzDialect } from './plan.js';
import type { Tally } from './runner.js';
import { buildWorld, type World } from './world.js';

function figures(t: TestContext, world: World, { tally, line }: { tally: Tally; line: string }): void {
  t.diagnostic(line);
  console.log(line);
  for (const w of world.warnings) t.diagnostic(w);
  assert.equal(tally.failures.length, 0, `failures:\n${tally.report()}`);
}

forEachFuzzDialect('fuzz: every endpoint', (dialect) => {
  let world: World;
  before(async () => {
    world = await buildWorld(dialect);
  });
  after(async () => world?.close());

  // Uploads first: the form fuzzing that follows may end a staff member's access to a fixture case.
  test('every upload refuses abusive files with a specific 4xx and stores nothing; hostile names never stored as given', async (t) => {
    figures(t, world, await fuzzUploads(world, dialect));
  });

  test('every POST form answers generated bodies with a specific 4xx or success, never a 5xx', async (t) => {
    figures(t, world, await fuzzForms(world, dialect));
  });

  test('every JSON API route answers generated requests with a specific 4xx JSON or success, never a 5xx', async (t) => {
    figures(t, world, await fuzzApi(world, dialect));
  });

  test('every page answers generated query strings and path parameters without a 5xx, output inert', async (t) => {
    figures(t, world, await fuzzPages(world, dialect));
  });
});
