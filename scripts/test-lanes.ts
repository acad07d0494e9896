/**
 * Test lanes, so that a change gets an answer at the speed it needs (`npm run test:<lane>`):
 *
 *   unit         pure functions: no database, no app, no server, no browser (under a minute)
 *   http         the app through `inject` on SQLite and PostgreSQL (most tests)
 *   security     authorization matrix, leak hunt, backup under writes, audit tampering, fuzzing
 *   browser      Chromium against the real server (test/browser/, and any `browser.test.ts`)
 *   reliability  crash safety under SIGKILL, load, benchmark smoke (real servers, slow)
 *
 * A file's lane follows from where it is and what it imports, so a new test lands in the right
 * lane without a list to keep: one that imports the test app, the dialect loop, the CLI helpers,
 * the PostgreSQL server or a module's HTTP support file is not a unit test. `npm test` runs them all.
 */
import fs from 'node:fs';
import path from 'node:path';

export const LANES = ['unit', 'http', 'security', 'browser', 'reliability'] as const;
export type Lane = (typeof LANES)[number];

/** Imports that mean a database, the app or another process: such a file is not in the unit lane. */
const NEEDS_APP =
  /from ['"][^'"]*(support\/(test-app|dialects|factories|agent|cli|pg-server|http)|\/support)\.js['"]|from ['"]node:child_process['"]/;

export function laneOf(file: string): Lane {
  const p = file.split(path.sep).join('/');
  if (/(^|\/)test\/browser\//.test(p) || /(^|\/)browser\.test\.tsx?$/.test(p)) return 'browser';
  if (/(^|\/)test\/(reliability|bench)\//.test(p)) return 'reliability';
  if (/(^|\/)test\/(security|fuzz)\//.test(p)) return 'security';
  return NEEDS_APP.test(fs.readFileSync(file, 'utf8')) ? 'http' : 'unit';
}
