/**
 * Seed step: on a new database, imports the shipped directory (reference/directory/*.csv) through
 * the same import command administrators use, then the map boundaries. Reference data, not demo
 * data: it runs whether or not the demo set is wanted. Takes well under a second on SQLite.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SeedStep } from '../../platform/manifest/manifest.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Executor } from '../../platform/db/database.js';
import { importDirectory } from './commands/import-directory.js';
import { loadBoundaries, REFERENCE_DIR } from './boundaries.js';

/** Imports territories, bodies and boundaries from the reference folder inside the transaction. */
export async function seedDirectory(trx: Executor, now: Date, dir = REFERENCE_DIR): Promise<void> {
  for (const file of ['territories', 'bodies'] as const) {
    const report = await importDirectory({
      trx,
      file,
      data: fs.readFileSync(path.join(dir, 'directory', `${file}.csv`)),
      actor: 'system',
      now,
    });
    if (!report.written)
      throw new Error(`the shipped ${file}.csv does not import: ${JSON.stringify(report.problems.slice(0, 5))}`);
  }
  const matched = await loadBoundaries(trx, now);
  await appendAudit(trx, {
    actor: 'system',
    action: 'directory.boundaries',
    objectType: 'territory',
    data: { matched },
    at: now,
  });
}

export const directorySeed: SeedStep = async ({ runtime, now }) => {
  const any = await runtime.conn.db.selectFrom('territory').select('id').limit(1).executeTakeFirst();
  if (any) return;
  await runtime.conn.db.transaction().execute((trx) => seedDirectory(trx, now));
};
