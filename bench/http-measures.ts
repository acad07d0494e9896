/**
 * HTTP measures against the real server in a child process (bench/serve.ts): the published appeal
 * page and the body report card, each against a bare route serving the same bytes; the weight of
 * the public pages (gzip, as a reverse proxy would send them, plus their stylesheet and scripts);
 * the server's resident memory after the load.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Connection } from '../src/platform/db/connect.js';
import { fetchBody, load, round, type LoadResult } from './load.js';
import { REPO } from './generate.js';

export interface RouteFigure {
  app: LoadResult;
  bare: LoadResult;
  ratio: number;
  paths: number;
}

export interface HttpFigures {
  publishedPage: RouteFigure;
  reportCard: RouteFigure;
  pageWeight: { page: string; htmlBytes: number; gzipBytes: number; assetsGzipBytes: number; totalGzipBytes: number }[];
  rssMb: number;
  /** right after start, before any load: the runtime and code alone */
  rssAtStartMb: number;
}

/** Paths to load: published appeals spread over the ids; the busiest bodies' cards and some others. */
export async function samplePaths(conn: Connection): Promise<{ published: string[]; cards: string[] }> {
  const pubs = await conn.db
    .selectFrom('appeal_publication')
    .select('appeal_id')
    .where('state', '=', 'published')
    .orderBy('appeal_id')
    .execute();
  const published = pubs
    .filter((_, i) => i % Math.max(1, Math.floor(pubs.length / 50)) === 0)
    .slice(0, 50)
    .map((p) => `/published/${p.appeal_id}`);
  const busy = await conn.db
    .selectFrom('stats_body_month')
    .select(['body_id', sql<number>`sum(received)`.as('n')])
    .groupBy('body_id')
    .orderBy('n', 'desc')
    .limit(10)
    .execute();
  const some = await conn.db.selectFrom('body').select('id').orderBy('id').execute();
  const ids = [
    ...new Set([
      ...busy.map((b) => b.body_id),
      ...some.filter((_, i) => i % Math.max(1, Math.floor(some.length / 20)) === 0).map((b) => b.id),
    ]),
  ].slice(0, 30);
  return { published, cards: ids.map((id) => `/stats/bodies/${id}`) };
}

function startServer(
  target: string,
  paths: string[],
): Promise<{ child: ChildProcess; port: number; barePort: number }> {
  return new Promise((resolve, reject) => {
    // Compiled like `npm start` runs the server (scripts/build.mjs), so its memory is the production figure.
    execFileSync(
      process.execPath,
      [path.join(REPO, 'scripts', 'build.mjs'), '--quiet', path.join('bench', 'serve.ts'), 'bench-serve'],
      { cwd: REPO, stdio: 'inherit' },
    );
    const child = spawn(process.execPath, [path.join(REPO, 'dist', 'bench-serve.mjs'), target, JSON.stringify(paths)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        try {
          const { port, barePort } = JSON.parse(line) as { port: number; barePort: number };
          resolve({ child, port, barePort });
        } catch (err) {
          reject(err);
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return round(kb / 1024, 1);
}

async function weight(port: number, page: string) {
  const html = await fetchBody(port, page);
  const text = html.body.toString('utf8');
  const assets = [...text.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/[^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((u) => /\.(css|js)(\?|$)/.test(u) || u.startsWith('/assets/'));
  let assetsGzip = 0;
  for (const a of [...new Set(assets)])
    assetsGzip += zlib.gzipSync((await fetchBody(port, a.replace(/&amp;/g, '&'))).body, { level: 6 }).length;
  const gzip = zlib.gzipSync(html.body, { level: 6 }).length;
  return {
    page,
    htmlBytes: html.body.length,
    gzipBytes: gzip,
    assetsGzipBytes: assetsGzip,
    totalGzipBytes: gzip + assetsGzip,
  };
}

export async function measureHttp(conn: Connection, target: string, seconds: number): Promise<HttpFigures> {
  const { published, cards } = await samplePaths(conn);
  const server = await startServer(target, [...published, ...cards]);
  const rssAtStartMb = rssOf(server.child.pid!);
  try {
    const route = async (paths: string[]): Promise<RouteFigure> => {
      await load(server.port, paths, { seconds: 1 }); // warm-up
      const app = await load(server.port, paths, { seconds });
      const bare = await load(server.barePort, paths, { seconds });
      return { app, bare, ratio: round(app.rps / bare.rps, 3), paths: paths.length };
    };
    const publishedPage = published.length ? await route(published) : emptyRoute();
    const reportCard = await route(cards);
    const pageWeight = [];
    for (const p of [published[0], cards[0], '/search?q=%D1%81%D1%83%D1%83', '/stats/league', '/'].filter(
      (x): x is string => !!x,
    ))
      pageWeight.push(await weight(server.port, p));
    return { publishedPage, reportCard, pageWeight, rssMb: rssOf(server.child.pid!), rssAtStartMb };
  } finally {
    server.child.kill('SIGTERM');
  }
}

function emptyRoute(): RouteFigure {
  const none: LoadResult = { requests: 0, errors: 0, rps: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  return { app: none, bare: none, ratio: NaN, paths: 0 };
}
