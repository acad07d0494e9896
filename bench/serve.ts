/**
 * The server under test, in its own process (so that its memory is measured alone and the load
 * generator does not share its event loop): the real app on a bench database, and beside it a
 * bare Fastify server that answers the same paths with the same bytes (the baseline of the HTTP
 * ratios). Started by bench/run.ts; prints one JSON line `{ port, barePort }` when ready.
 *
 *   node dist/bench-serve.mjs <sqlite-file | postgres-url> <paths as JSON>   (compiled by scripts/build.mjs)
 */
import Fastify from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { createMailer } from '../src/platform/mail/mailer.js';
import { benchCipher, DATA_DIR } from './bench-env.js';

async function main(): Promise<void> {
  const [target, pathsJson] = process.argv.slice(2) as [string, string];
  const paths = JSON.parse(pathsJson) as string[];
  const database = target.startsWith('postgres')
    ? ({ dialect: 'postgres', url: target } as const)
    : ({ dialect: 'sqlite', file: target } as const);
  const config = {
    ...loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ACHYK_DATA_DIR: DATA_DIR }),
    database,
  };
  const conn = openDatabase(database);
  const app = await buildApp({ config, conn, cipher: benchCipher(), mailer: createMailer(config) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify({ logger: false });
  for (const p of paths) {
    const res = await app.inject({ method: 'GET', url: p });
    const body = res.rawPayload;
    const type = String(res.headers['content-type'] ?? 'text/html; charset=utf-8');
    bare.get(p.split('?')[0]!, async (_req, reply) => reply.type(type).send(body));
  }
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const barePort = (bare.server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify({ port, barePort })}\n`);
  const stop = async () => {
    await bare.close();
    await app.close();
    await conn.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
