/**
 * What a module is, in one value (STYLE.md §16): each `src/modules/<m>/index.ts` exports one
 * `ModuleManifest` and the few functions other modules may call. `src/modules/index.ts` lists the
 * manifests in order; the app, the migrator, the policy registry, the seeder, the CLI and the job
 * runner receive that list (see install.ts), so the platform imports no module and nothing registers
 * itself as a side effect of being imported.
 */
import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { CliCommand } from '../cli/command.js';
import type { EncryptedColumn } from '../crypto/field-encryption.js';
import type { JobDefinition } from '../jobs/queue.js';
import type { Schedule } from '../jobs/recurring.js';
import type { PolicySet } from '../policy/policy.js';
import type { Runtime } from '../runtime.js';
import type { Extension } from './extensions.js';

/** Fastify plugin functions: a module's routes, registered in the order listed. */
export type RoutePlugin = (app: FastifyInstance) => Promise<void>;

/** A seed step, run in module order on a new database (reference data, and demo records when `demo`). */
export type SeedStep = (p: { runtime: Runtime; demo: boolean; now: Date }) => Promise<void>;

/** A service started beside the HTTP server (the inbound SMTP receiver) and stopped before it. */
export interface BackgroundService {
  name: string;
  /** starts the service, or returns null when it is not configured */
  start(app: FastifyInstance): Promise<RunningService | null>;
}
export interface RunningService {
  /** one line for the console, e.g. where it listens */
  description: string;
  close(): Promise<void>;
}

export interface ModuleManifest {
  /** the folder name under src/modules */
  readonly name: string;
  readonly routes?: readonly RoutePlugin[];
  /** the module's rules (policy.ts, `definePolicies`) */
  readonly policies?: PolicySet;
  /** migration key → migration; keys are recorded in databases and never change */
  readonly migrations?: Readonly<Record<string, Migration>>;
  /** job kinds the module enqueues, with their handlers */
  readonly jobs?: readonly JobDefinition[];
  /** recurring jobs, started when the app is ready */
  readonly schedules?: readonly Schedule[];
  /** columns re-encrypted by `achyk keys rotate` */
  readonly encryptedColumns?: readonly EncryptedColumn[];
  readonly seed?: SeedStep;
  /** CLI commands by name ("stats rebuild" is a two-word command) */
  readonly cli?: Readonly<Record<string, CliCommand>>;
  /** contributions to other modules' extension points */
  readonly extensions?: readonly Extension[];
  readonly services?: readonly BackgroundService[];
}

/** Declares a manifest (an identity function that checks its shape). */
export function defineModule<const M extends ModuleManifest>(manifest: M): M {
  return manifest;
}
