/**
 * Recurring jobs (sweeps, refreshes) as a chain through the durable queue: each run queues the next
 * one, so the chain survives restarts, and the dedupe key (kind + run time) keeps several servers
 * from doubling it. Modules declare them as {@link Schedule}s in their manifest; `installModules`
 * registers the handler and the app starts each chain once, when it is ready (`ensureJobQueued`).
 */
import type { Db, Executor } from '../db/database.js';
import { enqueueJob, registerJobHandler, type JobContext } from './queue.js';

/** Queues a run now unless one of this kind is already queued or running. */
export async function ensureJobQueued(db: Db, kind: string, now: Date): Promise<void> {
  const queued = await db
    .selectFrom('job')
    .select('id')
    .where('kind', '=', kind)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (queued) return;
  await db.transaction().execute(async (trx) => {
    await enqueueJob(trx, { kind, payload: {}, runAt: now, now, dedupeKey: `${kind}@${now.toISOString()}` });
  });
}

/** Queues the next run, `everyMs` after `now`, in the caller's transaction. */
export async function queueNextRun(trx: Executor, kind: string, everyMs: number, now: Date): Promise<void> {
  const next = new Date(now.getTime() + everyMs);
  await enqueueJob(trx, { kind, payload: {}, runAt: next, now, dedupeKey: `${kind}@${next.toISOString()}` });
}

/** A job that runs `run`, then queues its next run `everyMs` later (a failed run is retried by the queue instead). */
export function registerRecurringJob(kind: string, everyMs: number, run: (ctx: JobContext) => Promise<void>): void {
  registerJobHandler(kind, async (_payload, ctx) => {
    await run(ctx);
    await ctx.db.transaction().execute((trx) => queueNextRun(trx, kind, everyMs, ctx.now));
  });
}

/** A recurring job as a module's manifest declares it: what to run, and how long after a run the next one is due. */
export interface Schedule {
  kind: string;
  everyMs: number;
  run: (ctx: JobContext) => Promise<void>;
}
