/**
 * `npm start` / `achyk serve`: loads the configuration, migrates, seeds the demo data on a new
 * database, listens, and shuts down gracefully on SIGINT/SIGTERM (finishing requests in flight).
 */
import { buildApp } from './app.js';
import { openRuntime } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { KeyFileError } from './platform/crypto/key-file.js';
import { seedIfEmpty } from './seed/seed.js';
import { modules } from './modules/index.js';
import { startJobRunner } from './platform/jobs/queue.js';
import type { RunningService } from './platform/manifest/manifest.js';

export async function serve(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  let runtime;
  try {
    runtime = await openRuntime(config);
  } catch (err) {
    if (err instanceof KeyFileError) {
      console.error(err.message);
      process.exit(2);
    }
    const msg = (err as Error).message;
    console.error(`Cannot open the database (${config.database.dialect}): ${msg}`);
    process.exit(2);
  }
  if (runtime.keyFileCreated)
    console.log(
      `Created a new encryption key file at ${config.keyFile} (mode 0600). Back it up: without it encrypted data cannot be read.`,
    );
  const seeded = await seedIfEmpty(runtime, { demo: config.seedDemo, modules });
  const app = await buildApp({
    config,
    conn: runtime.conn,
    cipher: runtime.cipher,
    mailer: runtime.mailer,
    demo: seeded.demo,
    modules,
  });
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `Achyk is serving ${config.publicUrl} (database: ${config.database.dialect}${config.database.dialect === 'sqlite' ? ` ${config.database.file}` : ''})`,
  );
  if (runtime.mailer.mode === 'folder')
    console.log(`No SMTP server configured: outgoing mail is written to ${config.mailDir}`);
  if (seeded.adminPassword) {
    console.log('');
    console.log('First administrator created. Sign in at /login with:');
    console.log(`  e-mail:   ${seeded.adminEmail}`);
    console.log(
      `  password: ${seeded.adminPassword}   (shown once; you will set up two-step verification at first sign-in)`,
    );
    console.log('');
  }
  const stopJobs = startJobRunner({
    db: runtime.conn.db,
    services: runtime,
    now: () => new Date(),
    onError: (err) => app.log.error({ err }, 'job runner failed'),
  });
  // The modules' background services (the SMTP receiver for replies to appeals, off unless INBOUND_SMTP_PORT is set).
  const services: RunningService[] = [];
  for (const service of modules.flatMap((m) => m.services ?? [])) {
    const running = await service.start(app);
    if (!running) continue;
    services.push(running);
    console.log(running.description);
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    for (const s of services) await s.close();
    await app.close();
    await stopJobs();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
