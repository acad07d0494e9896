/**
 * What a CLI command is. Commands come from the platform (src/cli/commands) and from the modules'
 * manifests (`cli` field); `achyk` (src/cli/main.ts) hands each one a {@link CliContext}, so a module's
 * command opens the database through it instead of importing the composition root.
 */
import type { Migration } from 'kysely';
import type { Config } from '../../config.js';
import type { Runtime } from '../runtime.js';

export interface CliContext {
  /** opens the key file, the database (migrated unless `migrate: false`) and the mailer */
  openRuntime(opts?: { config?: Config; migrate?: boolean }): Promise<Runtime>;
  /** every migration this code knows: the foundation's and each module's */
  migrations: Readonly<Record<string, Migration>>;
}

export interface CliCommand {
  summary: string;
  run(args: string[], cli: CliContext): Promise<void>;
}

/** A wrong command line: printed as is, exit status 2. */
export class UsageError extends Error {}
