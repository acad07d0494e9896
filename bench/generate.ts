/**
 * `npm run bench:data -- --appeals N --seed S [--dialect sqlite|postgres] [--db FILE | --url URL] [--force]`
 *
 * Fills a database with a national-size, deterministic data set through the project's own paths:
 * the shipped directory (every body and territory) through the directory import, appeals with their
 * events, statistics and published copies through `importAppeals` (the bulk import NGOs use),
 * human-rights cases with persons through the cases commands (encrypted like real ones).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Connection } from '../src/platform/db/connect.js';
import type { FieldCipher } from '../src/platform/crypto/field-encryption.js';
import { seedDirectory } from '../src/modules/directory/seed.js';
import {
  importAppeals,
  loadImportContext,
  recomputeTouchedCells,
  type TouchedCells,
} from '../src/modules/bulk-import/index.js';
import { createCase } from '../src/modules/cases/commands/create-case.js';
import { addPerson } from '../src/modules/cases/commands/record-person.js';
import type { Progress } from '../src/platform/cli/progress.js';
import { benchProgress } from './progress.js';
import { parseBenchArgs, UsageError } from './args.js';
import { openForGeneration, writeMarker, type Target } from './bench-db.js';
import { BENCH_TODAY, generateRows } from './data.js';
import { rng } from './rng.js';
import { WORDS } from './words.js';
import { benchCipher, DATA_DIR, REPO } from './bench-env.js';

export { benchCipher, DATA_DIR, REPO };
/** Rows handed to one `importAppeals` call (it writes them in transactions of 500). */
const CHUNK = 5000;
/** One case (with 1-4 persons) per this many appeals. */
const APPEALS_PER_CASE = 200;

export interface GenerateResult {
  appeals: number;
  events: number;
  published: number;
  cases: number;
  persons: number;
  bodies: number;
  seconds: { directory: number; appeals: number; cells: number; cases: number; total: number };
}

/** Generates into an open, migrated, empty (or forced) database. */
export async function generate(
  conn: Connection,
  p: { appeals: number; seed: number; cipher: FieldCipher; progress?: Progress },
): Promise<GenerateResult> {
  const progress = p.progress ?? benchProgress();
  const now = new Date(`${BENCH_TODAY}T06:00:00.000Z`);
  const t0 = performance.now();
  const db = conn.db;
  const hasDirectory = await db.selectFrom('territory').select('id').limit(1).executeTakeFirst();
  if (!hasDirectory) await db.transaction().execute((trx) => seedDirectory(trx, now));
  const t1 = performance.now();
  const owner = await db
    .insertInto('user')
    .values({
      email: `bench-${p.seed}@bench.achyk.invalid`,
      display_name: 'Bench NGO',
      role: 'coordinator',
      password_hash: '!bench: no sign-in',
      status: 'disabled',
      locale: 'ru',
      totp_secret_enc: null,
      totp_last_step: null,
      password_changed_at: now.toISOString(),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const context = await loadImportContext(db);
  const codes = [...context.bodies.keys()];
  const cells: TouchedCells = new Map();
  let events = 0;
  let published = 0;
  let done = 0;
  progress.start(p.appeals, 'appeals');
  let chunk: unknown[] = [];
  const flush = async () => {
    const r = await importAppeals(db, chunk, {
      ownerId: owner.id,
      actor: 'cli',
      now,
      context,
      deferCells: cells,
      onProgress: (n) => progress.update(done + n),
    });
    if (r.errors.length) throw new Error(`generated rows failed validation: ${JSON.stringify(r.errors.slice(0, 3))}`);
    done += r.imported;
    events += r.events;
    published += r.published;
    chunk = [];
  };
  for (const row of generateRows(p.appeals, p.seed, codes)) {
    chunk.push(row);
    if (chunk.length >= CHUNK) await flush();
  }
  if (chunk.length) await flush();
  progress.stop();
  const t2 = performance.now();
  progress.start(cells.size, 'report cells');
  await recomputeTouchedCells(db, cells, (n) => progress.update(n));
  progress.stop();
  const t3 = performance.now();
  const r = rng(p.seed ^ 0xca5e);
  const caseCount = Math.ceil(p.appeals / APPEALS_PER_CASE);
  let persons = 0;
  progress.start(caseCount, 'cases');
  for (let i = 0; i < caseCount; i += 50) {
    await db.transaction().execute(async (trx) => {
      for (let k = i; k < Math.min(caseCount, i + 50); k++) {
        const lang = r.pick(['ky', 'ru'] as const);
        const c = await createCase({
          trx,
          cipher: p.cipher,
          userId: owner.id,
          input: { title: words(r, lang, 3, 6), summary: words(r, lang, 15, 40) },
          now,
        });
        for (let n = r.int(1, 4); n > 0; n--) {
          await addPerson({
            trx,
            cipher: p.cipher,
            caseId: c.id,
            userId: owner.id,
            now,
            input: {
              name: `${r.pick(NAMES)} ${r.pick(SURNAMES)}`,
              sex: r.pick(['female', 'male', 'unknown']),
              age_group: r.pick(['child', 'youth', 'adult', 'older']),
            },
          });
          persons++;
        }
      }
    });
    progress.update(Math.min(caseCount, i + 50));
  }
  progress.stop();
  // PostgreSQL's autovacuum would analyse the new tables within minutes; the bench measures now.
  if (conn.dialect === 'postgres') await sql`analyze`.execute(db);
  const t4 = performance.now();
  await writeMarker(conn, { appeals: p.appeals, seed: p.seed, complete: true, generatedAt: new Date().toISOString() });
  const s = (a: number, b: number) => Math.round(b - a) / 1000;
  return {
    appeals: done,
    events,
    published,
    cases: caseCount,
    persons,
    bodies: codes.length,
    seconds: { directory: s(t0, t1), appeals: s(t1, t2), cells: s(t2, t3), cases: s(t3, t4), total: s(t0, t4) },
  };
}

const NAMES = ['Айгүл', 'Бакыт', 'Нурлан', 'Гүлзат', 'Азамат', 'Жылдыз', 'Эрлан', 'Чолпон', 'Алексей', 'Ольга'];
const SURNAMES = ['Асанова', 'Токтогулов', 'Мамытов', 'Сыдыкова', 'Иванов', 'Абдыкадыров', 'Жумабаева', 'Осмонов'];

function words(r: ReturnType<typeof rng>, lang: 'ky' | 'ru', min: number, max: number): string {
  const n = r.int(min, max);
  return Array.from({ length: n }, () => r.pick(WORDS[lang])).join(' ');
}

export function targetOf(
  dialect: 'sqlite' | 'postgres',
  db: string | null,
  url: string | null,
  appeals: number,
  seed: number,
): Target {
  if (dialect === 'sqlite') return { dialect, file: db ?? path.join(DATA_DIR, `bench-${appeals}-${seed}.sqlite`) };
  const u = url ?? process.env.DATABASE_URL;
  if (!u || !u.startsWith('postgres'))
    throw new UsageError('--dialect postgres needs --url postgres://… (or DATABASE_URL)');
  return { dialect, url: u };
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), { appeals: 100_000, dialects: 'sqlite' });
  if (args.dialects.length !== 1) throw new UsageError('bench:data fills one database: give one --dialect');
  const target = targetOf(args.dialects[0]!, args.db, args.url, args.appeals, args.seed);
  const conn = await openForGeneration(target, args.force);
  try {
    // Marked before the first row: a generation stopped half-way is still known as a bench database.
    await writeMarker(conn, {
      appeals: args.appeals,
      seed: args.seed,
      complete: false,
      generatedAt: new Date().toISOString(),
    });
    const r = await generate(conn, { appeals: args.appeals, seed: args.seed, cipher: benchCipher() });
    console.log(JSON.stringify({ target: target.dialect === 'sqlite' ? target.file : 'postgres', ...r }, null, 2));
  } finally {
    await conn.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((err) => {
    if (err instanceof UsageError) {
      console.error(`bench:data: ${err.message}`);
      process.exitCode = 2;
    } else {
      console.error(err);
      process.exitCode = 1;
    }
  });
}
