/**
 * `npm run bench -- [--appeals N] [--seed S] [--dialect sqlite,postgres] [--url URL] [--seconds S] [--reuse] [--force] [--no-record]`
 *
 * Measures Achyk at a size, on SQLite and on PostgreSQL (the harness's throw-away server unless
 * --url), each figure against a baseline taken in the same process on the same machine so that the
 * machine's noise cancels (see docs/performance.md for the targets and the story). Writes
 * bench/results.json (latest run per dialect and size) and appends a summary to bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import type { Connection } from '../src/platform/db/connect.js';
import { startPostgres, type PgServer } from '../test/support/pg-server.js';
import { parseBenchArgs, UsageError } from './args.js';
import { inspect, open, openForGeneration, writeMarker, type Target } from './bench-db.js';
import { benchCipher, DATA_DIR, generate, REPO, type GenerateResult } from './generate.js';
import { measureHttp, type HttpFigures } from './http-measures.js';
import {
  measureImport,
  measureLeague,
  measureSearch,
  measureSweep,
  timed,
  type ImportFigure,
  type LatencyFigure,
  type LeagueFigure,
  type SweepFigure,
} from './measures.js';
import { appendSummary, writeResults } from './report.js';

export interface RunResult {
  dialect: 'sqlite' | 'postgres';
  appeals: number;
  seed: number;
  at: string;
  databaseVersion: string;
  sizes: Record<string, number>;
  generation: GenerateResult | { reused: true };
  import: ImportFigure;
  http: HttpFigures;
  search: LatencyFigure & { perQuery: Record<string, { ms: number; total: number }> };
  sweep: SweepFigure;
  league: LeagueFigure;
  seconds: number;
}

export interface DialectSetup {
  dialect: 'sqlite' | 'postgres';
  target: Target;
  /** makes an empty scratch database for the import measure */
  scratch(name: string): Promise<{ conn: Connection; url: string | null; drop(): Promise<void> }>;
}

const IMPORT_ROUNDS = 3;

/** Opens (generating when needed) the bench database and runs every measure on it. */
export async function benchDialect(
  setup: DialectSetup,
  p: {
    appeals: number;
    seed: number;
    seconds: number;
    reuse: boolean;
    force: boolean;
    importSample?: number;
    log?: (s: string) => void;
  },
): Promise<RunResult> {
  const log = p.log ?? ((s: string) => console.error(s));
  const started = performance.now();
  let conn = open(setup.target);
  const state = await inspect(conn);
  let generation: RunResult['generation'];
  if (state.kind === 'foreign' && !p.force) {
    await conn.close();
    throw new UsageError(
      `refusing to run against a database that is not a bench database (it holds ${state.what}). Give the bench an empty database, or pass --force if you really mean it.`,
    );
  }
  if (
    p.reuse &&
    state.kind === 'bench' &&
    state.marker.complete &&
    state.marker.appeals === p.appeals &&
    state.marker.seed === p.seed
  ) {
    log(`[${setup.dialect}] reusing the bench database of ${p.appeals} appeals (seed ${p.seed})`);
    const { migrateToLatest } = await import('../src/platform/db/migrate.js');
    const { migrations } = await import('../src/bootstrap.js');
    await migrateToLatest(conn.db, migrations);
    generation = { reused: true };
  } else {
    await conn.close();
    conn = await openForGeneration(setup.target, p.force);
    await writeMarker(conn, {
      appeals: p.appeals,
      seed: p.seed,
      complete: false,
      generatedAt: new Date().toISOString(),
    });
    log(`[${setup.dialect}] generating ${p.appeals} appeals (seed ${p.seed})`);
    generation = await generate(conn, { appeals: p.appeals, seed: p.seed, cipher: benchCipher() });
    log(`[${setup.dialect}] generated in ${generation.seconds.total} s`);
  }
  try {
    const sizes = await sizesOf(conn, setup);
    const version = await databaseVersion(conn);
    log(`[${setup.dialect}] import: importAppeals against raw inserts`);
    // Three rounds on fresh scratch databases, the median ratio kept: one round's ratio moved between
    // 0.23 and 0.48 from run to run on the same machine (the baseline's commits wait on fsync).
    const rounds: ImportFigure[] = [];
    for (let round = 0; round < IMPORT_ROUNDS; round++) {
      const a = await setup.scratch('a');
      const b = await setup.scratch('b');
      try {
        rounds.push(
          await measureImport(
            { ours: a.conn, raw: b.conn, rawUrl: b.url, close: async () => {} },
            p.importSample ?? Math.min(p.appeals, 20_000),
            p.seed,
          ),
        );
      } finally {
        await a.drop();
        await b.drop();
      }
    }
    const sorted = [...rounds].sort((x, y) => x.ratio - y.ratio);
    const imp: ImportFigure = { ...sorted[Math.floor(sorted.length / 2)]!, roundRatios: rounds.map((r) => r.ratio) };
    log(`[${setup.dialect}] search`);
    const search = await measureSearch(conn);
    log(`[${setup.dialect}] league table`);
    const league = await measureLeague(conn);
    log(`[${setup.dialect}] HTTP (${p.seconds} s per run)`);
    const http = await measureHttp(
      conn,
      setup.target.dialect === 'sqlite' ? setup.target.file : setup.target.url,
      p.seconds,
    );
    log(`[${setup.dialect}] overdue sweep`);
    const sweep = await measureSweep(conn, benchCipher());
    return {
      dialect: setup.dialect,
      appeals: p.appeals,
      seed: p.seed,
      at: new Date().toISOString(),
      databaseVersion: version,
      sizes,
      generation,
      import: imp,
      http,
      search,
      sweep,
      league,
      seconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    await conn.close();
  }
}

async function count(
  conn: Connection,
  table:
    | 'appeal'
    | 'appeal_event'
    | 'appeal_publication'
    | 'search_doc'
    | 'hr_case'
    | 'case_person'
    | 'body'
    | 'territory'
    | 'stats_appeal_fact'
    | 'stats_body_month',
): Promise<number> {
  return Number(
    (
      await conn.db
        .selectFrom(table)
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

async function sizesOf(conn: Connection, setup: DialectSetup): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    'appeal',
    'appeal_event',
    'appeal_publication',
    'search_doc',
    'hr_case',
    'case_person',
    'body',
    'territory',
    'stats_appeal_fact',
    'stats_body_month',
  ] as const)
    out[t] = await count(conn, t);
  if (setup.target.dialect === 'sqlite') out.databaseMb = Math.round(fs.statSync(setup.target.file).size / 1048576);
  else
    out.databaseMb = Math.round(
      Number((await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(conn.db)).rows[0]!.n) /
        1048576,
    );
  return out;
}

async function databaseVersion(conn: Connection): Promise<string> {
  if (conn.sqlite) return `SQLite ${(conn.sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v}`;
  return String((await sql<{ v: string }>`select version() as v`.execute(conn.db)).rows[0]!.v).split(' on ')[0]!;
}

/** A fresh database on a PostgreSQL server, by name (dropped first if it exists). */
export async function pgDatabase(adminUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  return {
    url: adminUrl.replace(/\/[^/]*$/, `/${name}`),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

export function sqliteSetup(dir: string, appeals: number, seed: number, file?: string): DialectSetup {
  return {
    dialect: 'sqlite',
    target: { dialect: 'sqlite', file: file ?? path.join(dir, `bench-${appeals}-${seed}.sqlite`) },
    async scratch(name) {
      const f = path.join(dir, `scratch-${process.pid}-${name}.sqlite`);
      for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true });
      const conn = open({ dialect: 'sqlite', file: f });
      return {
        conn,
        url: null,
        async drop() {
          await conn.close();
          for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true });
        },
      };
    },
  };
}

export function pgSetup(adminUrl: string, targetUrl: string): DialectSetup {
  return {
    dialect: 'postgres',
    target: { dialect: 'postgres', url: targetUrl },
    async scratch(name) {
      const d = await pgDatabase(adminUrl, `achyk_bench_scratch_${name}`);
      const conn = open({ dialect: 'postgres', url: d.url });
      return {
        conn,
        url: d.url,
        async drop() {
          await conn.close();
          await d.drop();
        },
      };
    },
  };
}

function machine() {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1073741824),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    commit,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 10) / 10),
  };
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), { appeals: 100_000, dialects: 'sqlite,postgres' });
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const runs: RunResult[] = [];
  const skipped: string[] = [];
  const m = machine();
  let server: PgServer | null = null;
  try {
    for (const dialect of args.dialects) {
      if (dialect === 'sqlite') {
        runs.push(await benchDialect(sqliteSetup(DATA_DIR, args.appeals, args.seed, args.db ?? undefined), args));
        continue;
      }
      let adminUrl = args.url;
      let targetUrl = args.url;
      if (!adminUrl) {
        try {
          server = await startPostgres({ fsync: true });
        } catch (err) {
          skipped.push(`PostgreSQL: ${(err as Error).message}`);
          continue;
        }
        adminUrl = server.url;
        targetUrl = (await pgDatabase(adminUrl, 'achyk_bench')).url;
      }
      runs.push(await benchDialect(pgSetup(adminUrl, targetUrl!), args));
    }
  } finally {
    server?.stop();
  }
  for (const s of skipped) console.error(`skipped: ${s}`);
  for (const r of runs)
    console.log(
      JSON.stringify({
        dialect: r.dialect,
        appeals: r.appeals,
        import: r.import.ratio,
        published: r.http.publishedPage.ratio,
        card: r.http.reportCard.ratio,
        searchP95: r.search.p95,
        sweepMs: r.sweep.sweepMs,
        leagueP95: r.league.p95,
        rssMb: r.http.rssMb,
      }),
    );
  if (args.record && runs.length) {
    writeResults(path.join(REPO, 'bench', 'results.json'), m, runs);
    appendSummary(path.join(REPO, 'bench', 'RESULTS.md'), m, runs, skipped);
  }
}

export { timed };

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((err) => {
    if (err instanceof UsageError) {
      console.error(`bench: ${err.message}`);
      process.exitCode = 2;
    } else {
      console.error(err);
      process.exitCode = 1;
    }
  });
}
