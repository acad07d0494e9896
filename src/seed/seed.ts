/**
 * First start: creates the first administrator (with a one-time password printed once), then runs
 * each module's seed step (its manifest's `seed`): reference data and, unless turned off
 * (ACHYK_SEED_DEMO=false), a small, clearly marked demo data set. Runs only on an empty database, so
 * it never touches real data.
 */
import crypto from 'node:crypto';
import { createUser } from '../modules/accounts/index.js';
import { modules as allModules } from '../modules/index.js';
import { installModules } from '../platform/manifest/install.js';
import type { ModuleManifest, SeedStep } from '../platform/manifest/manifest.js';
import type { Runtime } from '../platform/runtime.js';

export interface SeedResult {
  demo: boolean;
  adminEmail?: string;
  adminPassword?: string;
}

export async function isDemoDatabase(runtime: Pick<Runtime, 'conn'>): Promise<boolean> {
  const row = await runtime.conn.db.selectFrom('setting').select('value').where('key', '=', 'demo').executeTakeFirst();
  return row?.value === 'true';
}

/** The modules' seed steps, in module order (the directory comes first: others' demo records refer to its bodies). */
export function seedSteps(modules: readonly ModuleManifest[] = allModules): SeedStep[] {
  return modules.flatMap((m) => (m.seed ? [m.seed] : []));
}

export async function seedIfEmpty(
  runtime: Runtime,
  opts: { demo: boolean; now?: Date; modules?: readonly ModuleManifest[] },
): Promise<SeedResult> {
  const { db } = runtime.conn;
  const now = opts.now ?? new Date();
  // Seeds publish records through the modules' commands, which ask the policies (a statement's
  // embedded figures must be public): the modules are installed before anything runs.
  const modules = opts.modules ?? allModules;
  installModules(modules);
  const anyUser = await db.selectFrom('user').select('id').limit(1).executeTakeFirst();
  if (anyUser) return { demo: await isDemoDatabase(runtime) };
  const hash = { log2n: runtime.config.scryptLog2N, r: 8, p: 1 };
  // A random, readable one-time password: 4 groups of 5 base32 characters (100 bits).
  const adminPassword = crypto
    .randomBytes(13)
    .toString('base64url')
    .replace(/[-_]/g, 'x')
    .slice(0, 20)
    .replace(/(.{5})(?=.)/g, '$1-');
  const adminEmail = `admin@${runtime.config.mailDomain === 'localhost' ? 'achyk.local' : runtime.config.mailDomain}`;
  await db.transaction().execute(async (trx) => {
    await createUser({
      trx,
      email: adminEmail,
      displayName: 'Administrator',
      role: 'admin',
      password: adminPassword,
      status: 'active',
      actor: 'system',
      hash,
      now,
    });
    await trx
      .insertInto('setting')
      .values({ key: 'demo', value: String(opts.demo), updated_at: now.toISOString() })
      .execute();
  });
  for (const seed of seedSteps(modules)) await seed({ runtime, demo: opts.demo, now });
  return { demo: opts.demo, adminEmail, adminPassword };
}
