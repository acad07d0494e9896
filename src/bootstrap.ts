/**
 * The composition root shared by the server and the CLI: the list of modules (src/modules/index.ts)
 * meets the platform here. `migrations` is every migration this code knows (the foundation's and each
 * module's); `openRuntime` opens the key file, the database (migrated) and the mailer.
 */
import { loadConfig, type Config } from './config.js';
import { modules } from './modules/index.js';
import { collectMigrations } from './platform/db/migrate.js';
import { openRuntimeWith, type Runtime } from './platform/runtime.js';

export type { Runtime };

export const migrations = collectMigrations(modules);

export async function openRuntime(config: Config = loadConfig(), opts: { migrate?: boolean } = {}): Promise<Runtime> {
  return openRuntimeWith(config, { migrations, migrate: opts.migrate });
}
