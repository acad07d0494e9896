/**
 * A durable job queue kept in the database, so that work accepted by a request (a letter to send,
 * a reminder) survives a crash and is retried. Jobs are enqueued inside the transaction of the change
 * that causes them: either both are written or neither. Workers claim due jobs atomically (PostgreSQL
 * `FOR UPDATE SKIP LOCKED`, so several servers can share the queue; SQLite has a single writer).
 * A handler that throws is retried with exponential back-off until `max_attempts`, then the job is
 * marked failed and shown to administrators; nothing is dropped silently.
 */
import type { Config } from '../../config.js';
import type { Db, Executor } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
import type { FieldCipher } from '../crypto/field-encryption.js';
import type { Mailer } from '../mail/mailer.js';
import './tables.js';

export interface JobServices {
  config: Config;
  cipher: FieldCipher;
  mailer: Mailer;
}

export interface JobContext {
  db: Db;
  services: JobServices;
  now: Date;
  jobId: number;
  attempt: number;
  /** true on the last try: after a failure now the job is marked failed */
  lastAttempt: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (payload: any, ctx: JobContext) => Promise<void>;
const handlers = new Map<string, Handler>();

/** Registers the code that runs jobs of a kind (modules declare theirs in their manifest's `jobs`). */
export function registerJobHandler<P>(kind: string, handler: (payload: P, ctx: JobContext) => Promise<void>): void {
  handlers.set(kind, handler as Handler);
}

/** A kind of job and the code that runs it, as a module's manifest lists it. */
export interface JobDefinition {
  kind: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition types its own payload (defineJob)
  run: (payload: any, ctx: JobContext) => Promise<void>;
}

/** Declares a job kind with a typed payload, for a manifest's `jobs`. */
export function defineJob<P>(kind: string, run: (payload: P, ctx: JobContext) => Promise<void>): JobDefinition {
  return { kind, run };
}

export interface EnqueueOptions {
  kind: string;
  payload: unknown;
  runAt?: Date;
  /** when set, no second job with this key is queued while one is queued or running */
  dedupeKey?: string;
  maxAttempts?: number;
  now?: Date;
}

/** Adds a job. Call it inside the transaction of the change that needs the job. */
export async function enqueueJob(trx: Executor, o: EnqueueOptions): Promise<number | null> {
  const now = (o.now ?? new Date()).toISOString();
  if (o.dedupeKey) {
    const existing = await trx
      .selectFrom('job')
      .select('id')
      .where('dedupe_key', '=', o.dedupeKey)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (existing) return null;
  }
  const row = await trx
    .insertInto('job')
    .values({
      kind: o.kind,
      payload: JSON.stringify(o.payload ?? {}),
      status: 'queued',
      run_at: (o.runAt ?? o.now ?? new Date()).toISOString(),
      attempts: 0,
      max_attempts: o.maxAttempts ?? 8,
      last_error: null,
      locked_at: null,
      dedupe_key: o.dedupeKey ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min … at most 6 hours. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 6 * 3600_000);
}

/** A job left "running" longer than this is taken to belong to a crashed worker and is run again. */
const STALE_MS = 10 * 60_000;

async function claim(db: Db, now: Date, limit: number) {
  const nowIso = now.toISOString();
  const staleIso = new Date(now.getTime() - STALE_MS).toISOString();
  const due = db
    .selectFrom('job')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]),
        eb.and([eb('status', '=', 'running'), eb('locked_at', '<', staleIso)]),
      ]),
    )
    .orderBy('run_at')
    .limit(limit);
  const claimed = { status: 'running' as const, locked_at: nowIso, updated_at: nowIso };
  if (isPostgres(db)) {
    // The locking SELECT runs once in a CTE: with `WHERE id IN (SELECT … SKIP LOCKED)` PostgreSQL may
    // re-evaluate the subquery under concurrent updates and claim more rows than it locked.
    return db
      .with('due', () => due.forUpdate().skipLocked())
      .updateTable('job')
      .set((eb) => ({ ...claimed, attempts: eb('job.attempts', '+', 1) }))
      .from('due')
      .whereRef('job.id', '=', 'due.id')
      .returningAll('job')
      .execute();
  }
  // SQLite has one writer at a time, so a single UPDATE … WHERE id IN (…) is already atomic.
  return db
    .updateTable('job')
    .set((eb) => ({ ...claimed, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

export interface RunResult {
  done: number;
  retried: number;
  failed: number;
}

/** Runs the jobs that are due now (at most `limit`), one after another. */
export async function runDueJobs(p: { db: Db; services: JobServices; now: Date; limit?: number }): Promise<RunResult> {
  const result: RunResult = { done: 0, retried: 0, failed: 0 };
  const jobs = await claim(p.db, p.now, p.limit ?? 50);
  for (const job of jobs) {
    const handler = handlers.get(job.kind);
    const at = p.now.toISOString();
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload), {
        db: p.db,
        services: p.services,
        now: p.now,
        jobId: job.id,
        attempt: job.attempts,
        lastAttempt: job.attempts >= job.max_attempts,
      });
      await p.db
        .updateTable('job')
        .set({ status: 'done', locked_at: null, last_error: null, updated_at: at })
        .where('id', '=', job.id)
        .execute();
      result.done++;
    } catch (err) {
      // Only the error's message is kept: handlers must not put personal data in error messages.
      const message = (err as Error).message?.slice(0, 500) ?? 'error';
      const giveUp = job.attempts >= job.max_attempts;
      await p.db
        .updateTable('job')
        .set({
          status: giveUp ? 'failed' : 'queued',
          locked_at: null,
          last_error: message,
          run_at: giveUp ? job.run_at : new Date(p.now.getTime() + backoffMs(job.attempts)).toISOString(),
          updated_at: at,
        })
        .where('id', '=', job.id)
        .execute();
      if (giveUp) result.failed++;
      else result.retried++;
    }
  }
  return result;
}

/**
 * Runs due jobs every `intervalMs` inside the server process. Returns a stop function that waits for
 * the batch in progress to finish (graceful shutdown).
 */
export function startJobRunner(p: {
  db: Db;
  services: JobServices;
  now: () => Date;
  intervalMs?: number;
  onError?: (err: unknown) => void;
}): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runDueJobs({ db: p.db, services: p.services, now: p.now() })
      .catch((err) => p.onError?.(err))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, p.intervalMs ?? 5000);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
