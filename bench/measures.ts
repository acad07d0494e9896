/**
 * The measures that talk to the database directly: bulk import against raw driver inserts, search,
 * the overdue sweep against an index-only count (with both query plans), the league table.
 */
import { CompiledQuery, sql, type Compilable } from 'kysely';
import pg from 'pg';
import type { Connection } from '../src/platform/db/connect.js';
import type { FieldCipher } from '../src/platform/crypto/field-encryption.js';
import { kyrgyzDateOf } from '../src/modules/calendar/index.js';
import { OPEN_STATES } from '../src/modules/appeals/kinds.js';
import { importAppeals } from '../src/modules/bulk-import/index.js';
import { sweepAppeals, sweepCandidates } from '../src/modules/appeals/jobs.js';
import { searchPublic } from '../src/modules/publication/search.js';
import { bumpStatsVersion } from '../src/modules/stats/cache.js';
import { cachedLeagueTable, leagueTable } from '../src/modules/stats/queries.js';
import { seedDirectory } from '../src/modules/directory/seed.js';
import { migrations } from '../src/bootstrap.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { BENCH_TODAY, generateRows } from './data.js';
import { percentile, round } from './load.js';
import { SEARCH_QUERIES } from './words.js';

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

async function repeat(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await timed(fn)).ms);
  return out.sort((a, b) => a - b);
}

/** The query plan, as the database explains it (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN ANALYZE). */
export async function plan(conn: Connection, query: Compilable): Promise<string[]> {
  const c = query.compile();
  const prefix = conn.dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN (ANALYZE, BUFFERS) ';
  const r = await conn.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + c.sql, [...c.parameters]));
  return r.rows.map((row) => String(row.detail ?? row['QUERY PLAN'] ?? JSON.stringify(row)));
}

/** Does the plan read the whole appeal table? */
export function fullScan(lines: string[]): boolean {
  return lines.some(
    (l) => /^SCAN appeal\b(?!.*USING (COVERING )?INDEX)/.test(l.trim()) || /Seq Scan on appeal\b/.test(l),
  );
}

// ---------------------------------------------------------------------------------------------
// Import: importAppeals against raw prepared inserts of the same rows

export interface ScratchPair {
  ours: Connection;
  raw: Connection;
  /** PostgreSQL: the URL of the raw database (the baseline uses a plain pg client) */
  rawUrl: string | null;
  close(): Promise<void>;
}

async function prepareScratch(conn: Connection, now: Date): Promise<number> {
  await migrateToLatest(conn.db, migrations);
  await conn.db.transaction().execute((trx) => seedDirectory(trx, now));
  const u = await conn.db
    .insertInto('user')
    .values({
      email: 'scratch@bench.achyk.invalid',
      display_name: 'Bench',
      role: 'coordinator',
      password_hash: '!bench',
      status: 'disabled',
      locale: null,
      totp_secret_enc: null,
      totp_last_step: null,
      password_changed_at: now.toISOString(),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return u.id;
}

const APPEAL_COLS = [
  'owner_id',
  'ngo',
  'body_id',
  'kind',
  'language',
  'subject',
  'text',
  'channel',
  'to_address',
  'state',
  'person_name_enc',
  'person_contact_enc',
  'received_on',
  'sent_at',
  'rule_id',
  'registration_number',
  'registered_on',
  'registration_due',
  'term_from',
  'extension_days',
  'due_date',
  'redirected_to_body_id',
  'redirected_on',
  'answered_on',
  'classification',
  'refusal_reason',
  'classification_note',
  'parent_id',
  'escalation_target',
  'reminder_stage',
  'closed_on',
  'created_at',
  'updated_at',
] as const;
const EVENT_COLS = ['appeal_id', 'kind', 'on_date', 'actor', 'text', 'data', 'created_at'] as const;

export interface ImportFigure {
  rows: number;
  events: number;
  oursSeconds: number;
  rawSeconds: number;
  oursRowsPerSecond: number;
  rawRowsPerSecond: number;
  ratio: number;
  /** every round's ratio, when the figure is the median of several rounds */
  roundRatios?: number[];
}

/**
 * Imports `count` generated rows through importAppeals into one scratch database, then inserts the
 * very rows it produced (appeals and events, read back) into a second scratch database with the
 * driver's prepared statements in transactions of the same size: SQLite one prepared INSERT per row
 * (the fastest way through better-sqlite3); PostgreSQL one prepared multi-row INSERT per 500 rows
 * (a per-row round trip would make the baseline unfairly slow).
 */
export async function measureImport(pair: ScratchPair, count: number, seed: number): Promise<ImportFigure> {
  const now = new Date(`${BENCH_TODAY}T06:00:00.000Z`);
  const ownerA = await prepareScratch(pair.ours, now);
  await prepareScratch(pair.raw, now);
  const codes = (await pair.ours.db.selectFrom('body').select('code').execute()).map((b) => b.code);
  const rows = [...generateRows(count, seed + 7919, codes)];
  const ours = await timed(() => importAppeals(pair.ours.db, rows, { ownerId: ownerA, actor: 'cli', now }));
  if (ours.value.errors.length)
    throw new Error(`import sample invalid: ${JSON.stringify(ours.value.errors.slice(0, 3))}`);
  const appeals = await pair.ours.db
    .selectFrom('appeal')
    .select(['id', ...APPEAL_COLS])
    .orderBy('id')
    .execute();
  const events = await pair.ours.db
    .selectFrom('appeal_event')
    .select([...EVENT_COLS])
    .orderBy('id')
    .execute();
  // Batches of 500 appeals with their own events (both scratch databases start empty, so the ids line up).
  const batches: { appeals: unknown[][]; events: unknown[][] }[] = [];
  for (let i = 0, e = 0; i < appeals.length; i += 500) {
    const part = appeals.slice(i, i + 500);
    const last = part[part.length - 1]!.id;
    const start = e;
    while (e < events.length && events[e]!.appeal_id <= last) e++;
    batches.push({
      appeals: part.map((a) => APPEAL_COLS.map((c) => a[c])),
      events: events.slice(start, e).map((x) => EVENT_COLS.map((c) => x[c])),
    });
  }
  const raw = await timed(async () => {
    if (pair.raw.sqlite) {
      const h = pair.raw.sqlite;
      const insA = h.prepare(
        `insert into appeal (${APPEAL_COLS.join(',')}) values (${APPEAL_COLS.map(() => '?').join(',')})`,
      );
      const insE = h.prepare(
        `insert into appeal_event (${EVENT_COLS.join(',')}) values (${EVENT_COLS.map(() => '?').join(',')})`,
      );
      for (const batch of batches)
        h.transaction(() => {
          for (const v of batch.appeals) insA.run(...v);
          for (const v of batch.events) insE.run(...v);
        })();
    } else {
      await pgRawInsert(pair.rawUrl!, batches);
    }
  });
  const total = appeals.length + events.length;
  return {
    rows: appeals.length,
    events: events.length,
    oursSeconds: round(ours.ms / 1000, 3),
    rawSeconds: round(raw.ms / 1000, 3),
    oursRowsPerSecond: Math.round(total / (ours.ms / 1000)),
    rawRowsPerSecond: Math.round(total / (raw.ms / 1000)),
    ratio: round(raw.ms / ours.ms, 3),
  };
}

async function pgRawInsert(url: string, batches: { appeals: unknown[][]; events: unknown[][] }[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const multi = (table: string, cols: readonly string[], n: number) =>
    `insert into ${table} (${cols.join(',')}) values ${Array.from({ length: n }, (_, r) => `(${cols.map((_, c) => `$${r * cols.length + c + 1}`).join(',')})`).join(',')}`;
  try {
    for (const batch of batches) {
      await client.query('begin');
      await client.query({
        name: `raw_a_${batch.appeals.length}`,
        text: multi('appeal', APPEAL_COLS, batch.appeals.length),
        values: batch.appeals.flat(),
      });
      for (let k = 0; k < batch.events.length; k += 1000) {
        const part = batch.events.slice(k, k + 1000);
        await client.query({
          name: `raw_e_${part.length}`,
          text: multi('appeal_event', EVENT_COLS, part.length),
          values: part.flat(),
        });
      }
      await client.query('commit');
    }
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------

export interface LatencyFigure {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

function latency(ms: number[]): LatencyFigure {
  const s = [...ms].sort((a, b) => a - b);
  return {
    runs: s.length,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    max: round(s[s.length - 1] ?? NaN),
  };
}

/** Every query of the list three times (the first round warms the cache and is not counted). */
export async function measureSearch(
  conn: Connection,
): Promise<LatencyFigure & { perQuery: Record<string, { ms: number; total: number }> }> {
  const perQuery: Record<string, { ms: number; total: number }> = {};
  for (const q of SEARCH_QUERIES) await searchPublic(conn.db, q, {});
  const times: number[] = [];
  for (let round2 = 0; round2 < 2; round2++)
    for (const q of SEARCH_QUERIES) {
      const t = await timed(() => searchPublic(conn.db, q, {}));
      times.push(t.ms);
      perQuery[q] = { ms: round(t.ms), total: t.value.total };
    }
  return { ...latency(times), perQuery };
}

export interface SweepFigure {
  baselineMs: number;
  candidatesMs: number;
  sweepMs: number;
  checked: number;
  reminded: number;
  ratio: number;
  fullScan: boolean;
  baselinePlan: string[];
  sweepPlan: string[];
}

/** The sweep (its query and one whole run) against `count(*)` of the open appeals from the index. */
export async function measureSweep(conn: Connection, cipher: FieldCipher): Promise<SweepFigure> {
  const now = new Date();
  const today = kyrgyzDateOf(now);
  const baseline = conn.db
    .selectFrom('appeal')
    .select(sql<number>`count(*)`.as('n'))
    .where('state', 'in', [...OPEN_STATES]);
  const b = await repeat(5, () => baseline.execute());
  const c = await repeat(5, () => sweepCandidates(conn.db, today).execute());
  const run = await timed(() => sweepAppeals({ db: conn.db, cipher, publicUrl: 'http://localhost', now }));
  const sweepPlan = await plan(conn, sweepCandidates(conn.db, today));
  return {
    baselineMs: round(b[2]!),
    candidatesMs: round(c[2]!),
    sweepMs: round(run.ms),
    checked: run.value.checked,
    reminded: run.value.reminded,
    ratio: round(run.ms / Math.max(0.01, b[2]!)),
    fullScan: fullScan(sweepPlan),
    baselinePlan: await plan(conn, baseline),
    sweepPlan,
  };
}

export type LeagueFigure = LatencyFigure & { rows: number; computed: LatencyFigure };

/**
 * The league table of every aiyl okmotu over the last twelve months, as the page gets it: kept until
 * the statistics change (src/modules/stats/cache.ts), so the p95 is of served tables, including the
 * version lookup. `computed` is the same table recomputed from the aggregates every time, which the
 * first request after each statistics change pays.
 */
export async function measureLeague(conn: Connection): Promise<LeagueFigure> {
  const today = kyrgyzDateOf(new Date());
  const to = today.slice(0, 7);
  const y = Number(to.slice(0, 4)) - 1;
  const from = `${y}-${to.slice(5, 7)}`;
  const f = { period: { from, to }, bodyKind: 'aiyl_okmotu' };
  const rows = (await leagueTable(conn.db, f, today)).length;
  const computed = await repeat(10, () => leagueTable(conn.db, f, today));
  await bumpStatsVersion(conn.db);
  const served = await repeat(50, () => cachedLeagueTable(conn.db, f, today));
  return { ...latency(served), rows, computed: latency(computed) };
}
