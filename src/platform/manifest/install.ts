/**
 * Hands the list of modules to the platform's registries, explicitly and once per process: policies
 * (the platform's, then each module's), job handlers and recurring jobs, encrypted columns, and
 * extension contributions. Called by buildApp (src/app.ts) and the CLI (src/cli/main.ts); installing
 * the same list again (every test builds an app) is a no-op.
 */
import type { FastifyInstance } from 'fastify';
import type { CliCommand } from '../cli/command.js';
import { registerEncryptedColumn } from '../crypto/field-encryption.js';
import type { Db } from '../db/database.js';
import { registerJobHandler } from '../jobs/queue.js';
import { ensureJobQueued, registerRecurringJob } from '../jobs/recurring.js';
import { mailJobs } from '../mail/outbox.js';
import { registerPolicies } from '../policy/policy.js';
import { platformPolicies } from '../policy/rules.js';
import { registerExtension } from './extensions.js';
import type { ModuleManifest } from './manifest.js';

const installed = new WeakSet<ModuleManifest>();

export function installModules(modules: readonly ModuleManifest[]): void {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`module ${m.name} is listed twice`);
    names.add(m.name);
  }
  registerPolicies(platformPolicies);
  for (const job of mailJobs) registerJobHandler(job.kind, job.run);
  for (const m of modules) {
    if (installed.has(m)) continue;
    installed.add(m);
    registerPolicies(m.policies ?? {});
    for (const job of m.jobs ?? []) registerJobHandler(job.kind, job.run);
    for (const s of m.schedules ?? []) registerRecurringJob(s.kind, s.everyMs, s.run);
    for (const column of m.encryptedColumns ?? []) registerEncryptedColumn(column);
    for (const extension of m.extensions ?? []) registerExtension(extension);
  }
}

/** Registers every module's routes, in module order. */
export async function registerModuleRoutes(app: FastifyInstance, modules: readonly ModuleManifest[]): Promise<void> {
  for (const m of modules) for (const routes of m.routes ?? []) await app.register(routes);
}

/** Starts each recurring job's chain unless one is queued already (when the app is ready). */
export async function startSchedules(db: Db, modules: readonly ModuleManifest[], now: Date): Promise<void> {
  for (const m of modules) for (const s of m.schedules ?? []) await ensureJobQueued(db, s.kind, now);
}

/** Every module's CLI commands by name; a name claimed twice is refused. */
export function moduleCommands(modules: readonly ModuleManifest[]): Record<string, CliCommand> {
  const out: Record<string, CliCommand> = {};
  for (const m of modules) {
    for (const [name, command] of Object.entries(m.cli ?? {})) {
      if (name in out) throw new Error(`CLI command "${name}" (module ${m.name}) is declared twice`);
      out[name] = command;
    }
  }
  return out;
}
